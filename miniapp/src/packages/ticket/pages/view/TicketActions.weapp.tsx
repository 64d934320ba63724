// In WeChat: forward the page as a share card (its title and path come from the page's useShareAppMessage).
import { Button, View } from '@tarojs/components';
import type { TicketView } from '@kepu/shared';

export default function TicketActions({ onRefresh }: { token: string; ticket: TicketView; onRefresh: () => void }) {
  return (
    <View className="section ticket-actions">
      <Button className="btn btn--block" openType="share">
        转发给家人
      </Button>
      <Button className="btn btn--ghost btn--block" onClick={onRefresh}>
        刷新
      </Button>
    </View>
  );
}
