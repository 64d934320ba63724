// The browser's share sheet where there is one, else the link copied to the clipboard.
import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';

export default function ShareButton({ title }: { title?: string }) {
  const share = async () => {
    const url = window.location.href;
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url });
        return;
      } catch {
        // dismissed, or not allowed here: fall back to copying
      }
    }
    Taro.setClipboardData({ data: url })
      .then(() => Taro.showToast({ title: '链接已复制', icon: 'none' }))
      .catch(() => Taro.showToast({ title: '复制失败，请手动复制地址栏链接', icon: 'none' }));
  };
  return (
    <Button className="btn btn--ghost" onClick={() => void share()}>
      分享
    </Button>
  );
}
