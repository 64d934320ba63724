// A forwarded check-in code (转发给家人): opened from a link or a share card
// by the family member attending alone, without an account. Shows only that
// attendee's QR code and 6 digits, the event's time and place and the masked
// name; kept on the device until the event ends, so it opens at the door with
// no network. The booker opens it too (from=owner) to forward it.
import { Label, Switch, Text, View } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import PageShell from '@/components/PageShell';
import QrCode from '@/components/QrCode';
import { renderState } from '@/components/StateView';
import { useLargeText } from '@/hooks/useLargeText';
import { useRequest } from '@/hooks/useRequest';
import { getTicket } from '@/services/tickets';
import { setLargeText } from '@/utils/largeText';
import { readParam, routes } from '@/utils/routes';
import { formatDateTime, formatRange } from '@/utils/time';
import TicketActions from './TicketActions';
import '../../ticket.scss';

export default function TicketPage() {
  const { params } = useRouter();
  const token = readParam(params.token);
  const owner = params.from === 'owner';
  const ticket = useRequest(token ? () => getTicket(token) : null, [token]);
  const large = useLargeText();
  const data = ticket.data;

  useShareAppMessage(() => ({
    title: data ? `${data.attendeeName}的签到码：${data.event.title}` : '科普活动签到码',
    path: routes.ticket(token),
  }));

  const state = token
    ? renderState({
        loading: ticket.loading,
        error: ticket.error,
        // A link that is no longer valid stays so: nothing to retry.
        onRetry: ticket.error?.code === 'TICKET_NOT_FOUND' ? undefined : () => void ticket.reload(),
      })
    : renderState({ empty: true, emptyText: '链接不完整，请让家人重新转发' });

  return (
    <PageShell>
      {state ??
        (data ? (
          <View>
            {owner ? (
              <View className="card ticket-hint">
                <Text>把此页转发给{data.attendeeName}：对方无需登录，到场出示二维码或报出 6 位数字即可签到。</Text>
              </View>
            ) : null}
            <View className="card ticket">
              <Text className="title ticket__title">{data.event.title}</Text>
              <Text className="ticket__line">参加者：{data.attendeeName}</Text>
              {data.partySize > 1 ? <Text className="ticket__line">共 {data.partySize} 人</Text> : null}
              <Text className="ticket__line">{formatRange(data.event.startsAt, data.event.endsAt)}</Text>
              <Text className="ticket__line">
                {data.event.venue.name}
                {data.event.venue.address ? `（${data.event.venue.address}）` : ''}
              </Text>
              <View className="ticket__code">
                {data.checkedInAt ? (
                  <Text className="tag tag--ok ticket__status">已签到 {formatDateTime(data.checkedInAt)}</Text>
                ) : data.code && data.shortCode ? (
                  <View className="ticket__code-inner">
                    <QrCode text={data.code} size={240} />
                    <Text className="ticket__short" aria-label={`签到数字码 ${data.shortCode.split('').join(' ')}`}>
                      {data.shortCode.slice(0, 3)} {data.shortCode.slice(3)}
                    </Text>
                    <Text className="muted">到场后请出示此二维码，或向工作人员报出这 6 位数字。</Text>
                  </View>
                ) : (
                  <Text className="tag tag--warn ticket__status">候补中：有空位递补后，此页会显示签到码</Text>
                )}
              </View>
              {data.stored ? <Text className="muted ticket__line">离线显示（已保存在本机）</Text> : null}
              <Text className="muted ticket__line">此链接有效期至 {formatDateTime(data.expiresAt)}（活动结束）</Text>
            </View>
            <TicketActions token={token} ticket={data} onRefresh={() => void ticket.reload()} />
            {/* Whoever opens a forwarded link has no 我的 to find the switch in: it is here too. */}
            <Label className="card ticket-setting">
              <Text className="ticket-setting__text">大字模式</Text>
              <Switch checked={large} color="#0a58a8" ariaLabel="大字模式" onChange={(e) => setLargeText(e.detail.value)} />
            </Label>
          </View>
        ) : null)}
    </PageShell>
  );
}
