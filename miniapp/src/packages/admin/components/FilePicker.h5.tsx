// 选择文件 in the browser: a hidden file input opened by a labelled button; the file's bytes are
// decoded here (UTF-8, else GB18030), so the text area shows what will be sent.
import { Button } from '@tarojs/components';
import { useRef } from 'react';
import { decodePlanBytes } from '../planText';

interface Props {
  onText: (text: string, fileName: string) => void;
  onError: (message: string) => void;
}

export default function FilePicker({ onText, onError }: Props) {
  const input = useRef<HTMLInputElement>(null);

  const read = async (file: File | undefined) => {
    if (!file) return;
    const text = decodePlanBytes(await file.arrayBuffer());
    if (text === null) onError('无法识别该文件的编码，请打开文件后复制全文粘贴到上面');
    else onText(text, file.name);
    // The same file may be chosen again after an edit.
    if (input.current) input.current.value = '';
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".txt,text/plain"
        aria-label="选择工作要点文本文件"
        tabIndex={-1}
        style={{ display: 'none' }}
        onChange={(event) => void read(event.target.files?.[0])}
      />
      <Button className="btn btn--ghost" onClick={() => input.current?.click()}>
        选择文件
      </Button>
    </>
  );
}
