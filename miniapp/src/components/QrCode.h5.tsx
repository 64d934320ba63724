// Renders a QR code to an image in the browser, from the text alone.
import { Image, Text } from '@tarojs/components';
import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';

interface Props {
  text: string;
  /** Edge length in CSS px. */
  size?: number;
}

export default function QrCode({ text, size = 240 }: Props) {
  const [src, setSrc] = useState('');
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setFailed(false);
    toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: size * 2 })
      .then((url) => !cancelled && setSrc(url))
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [text, size]);

  if (failed) return <Text className="field__error">二维码生成失败，请把下方签到码告诉工作人员</Text>;
  return src ? <Image src={src} style={{ width: `${size}px`, height: `${size}px` }} nativeProps={{ alt: '签到二维码' }} /> : null;
}
