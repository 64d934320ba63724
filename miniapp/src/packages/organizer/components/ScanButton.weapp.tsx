// The camera scan of a resident's check-in QR.
import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';

export default function ScanButton({ onCode }: { onCode: (code: string) => void }) {
  const scan = () => {
    Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      .then(({ result }) => onCode(result))
      .catch(() => undefined); // cancelled: nothing to do
  };
  return (
    <Button className="btn btn--block" onClick={scan}>
      扫码签到
    </Button>
  );
}
