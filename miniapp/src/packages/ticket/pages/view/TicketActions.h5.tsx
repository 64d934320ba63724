// In the browser: copy the link to send it in any chat, or save the code as a
// picture (QR, 6 digits, event, time and place) to show at the door.
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TicketView } from '@kepu/shared';
import { routes } from '@/utils/routes';
import { drawTicketImage } from './ticketImage';

/** The page's own address with the owner's flag dropped: what the family member opens. */
function linkOf(token: string): string {
  return `${window.location.origin}${window.location.pathname}#${routes.ticket(token)}`;
}

export default function TicketActions({ token, ticket, onRefresh }: { token: string; ticket: TicketView; onRefresh: () => void }) {
  const copy = () => {
    Taro.setClipboardData({ data: linkOf(token) })
      .then(() => Taro.showToast({ title: '链接已复制，发给家人即可', icon: 'none' }))
      .catch(() => Taro.showToast({ title: '复制失败，请手动复制地址栏链接', icon: 'none' }));
  };

  const save = async () => {
    try {
      const blob = await drawTicketImage(ticket);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `签到码-${ticket.shortCode ?? '候补'}.png`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      Taro.showToast({ title: '图片已保存', icon: 'none' });
    } catch {
      Taro.showToast({ title: '图片生成失败，可截屏保存', icon: 'none' });
    }
  };

  return (
    <View className="section ticket-actions">
      <Button className="btn btn--block" onClick={copy}>
        复制链接
      </Button>
      {ticket.code && !ticket.checkedInAt ? (
        <Button className="btn btn--ghost btn--block" onClick={() => void save()}>
          保存图片
        </Button>
      ) : null}
      <Button className="btn btn--ghost btn--block" onClick={onRefresh}>
        刷新
      </Button>
    </View>
  );
}
