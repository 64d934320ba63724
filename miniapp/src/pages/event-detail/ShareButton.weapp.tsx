// WeChat's share sheet; the card's title and path come from the page's useShareAppMessage.
import { Button } from '@tarojs/components';

export default function ShareButton(_props: { title?: string }) {
  return (
    <Button className="btn btn--ghost" openType="share">
      分享
    </Button>
  );
}
