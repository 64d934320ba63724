// 封面图片 in the event form: choose a picture on the phone, see it uploaded (with progress),
// change or remove it. Only the upload's id goes into the event; the server checks the file.
import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { toApiError } from '@/services/request';
import { MAX_IMAGE_BYTES, imageTooLargeMessage, uploadImage } from '@/services/uploads';
import { imageSrc } from '@/utils/images';

export interface Cover {
  id: string | null;
  /** What to preview: the uploaded picture at phone width. */
  url: string | null;
}

interface Props {
  value: Cover;
  onChange: (cover: Cover) => void;
  /** The server's message about coverImageId after a save. */
  error?: string;
}

export default function CoverPicker({ value, onChange, error }: Props) {
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async () => {
    let chosen: Taro.chooseImage.SuccessCallbackResult;
    try {
      chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    } catch {
      return; // cancelled
    }
    const file = chosen.tempFiles[0];
    // Chosen, but the phone (or browser) could not read it as a picture.
    if (!file) {
      setProblem('无法读取所选文件，请换一张 JPG、PNG 或 WebP 图片');
      return;
    }
    setProblem(null);
    if (file.size > MAX_IMAGE_BYTES) {
      setProblem(imageTooLargeMessage);
      return;
    }
    setProgress(0);
    try {
      const uploaded = await uploadImage(file.path, setProgress);
      onChange({ id: uploaded.id, url: uploaded.url });
    } catch (failure) {
      setProblem(toApiError(failure).message);
    } finally {
      setProgress(null);
    }
  };

  const uploading = progress !== null;
  const message = problem ?? error;
  return (
    <View className="field cover-picker">
      <Text className="field__label">封面图片</Text>
      <View className="cover-picker__box">
        {value.url ? (
          // The preview is for sighted eyes; the button below (更换封面) says that a cover is set.
          <View aria-hidden>
            <Image className="cover-picker__image" src={imageSrc(value.url)} mode="aspectFill" />
          </View>
        ) : (
          <Text className="cover-picker__empty muted">未设置封面</Text>
        )}
        {uploading ? <Text className="cover-picker__progress">上传中 {progress}%</Text> : null}
      </View>
      <View className="cover-picker__actions">
        <Button className="btn btn--ghost cover-picker__button" disabled={uploading} onClick={() => void choose()}>
          {value.id ? '更换封面' : '选择封面图片'}
        </Button>
        {value.id && !uploading ? (
          <Button className="btn btn--danger cover-picker__button" onClick={() => onChange({ id: null, url: null })}>
            移除封面
          </Button>
        ) : null}
      </View>
      <Text className="block muted">JPG、PNG 或 WebP，不超过 5 MB；建议横图</Text>
      {message ? <Text className="field__error">{message}</Text> : null}
    </View>
  );
}
