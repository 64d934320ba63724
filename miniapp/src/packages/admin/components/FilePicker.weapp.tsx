// 选择文件 in WeChat: a text file from a chat (chooseMessageFile), read as bytes and decoded
// here (UTF-8, else GB18030) as H5 does, with decoders in plain JavaScript since WeChat has no
// TextDecoder, so the text area shows what will be sent.
import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { scriptDecoders } from '../gb18030';
import { decodePlanBytes } from '../planText';

interface Props {
  onText: (text: string, fileName: string) => void;
  onError: (message: string) => void;
}

function readBytes(filePath: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      success: (result) => resolve(result.data as ArrayBuffer),
      fail: reject,
    });
  });
}

export default function FilePicker({ onText, onError }: Props) {
  const choose = async () => {
    let file: { path: string; name: string } | undefined;
    try {
      const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['txt'] });
      file = chosen.tempFiles[0];
    } catch {
      return; // the admin closed the chooser
    }
    if (!file) return;
    try {
      const text = decodePlanBytes(await readBytes(file.path), scriptDecoders);
      if (text === null) onError('无法识别该文件的编码，请打开文件后复制全文粘贴到上面');
      else onText(text, file.name);
    } catch {
      onError('读取文件失败，请重试或复制全文粘贴到上面');
    }
  };

  return (
    <Button className="btn btn--ghost" onClick={() => void choose()}>
      选择文件
    </Button>
  );
}
