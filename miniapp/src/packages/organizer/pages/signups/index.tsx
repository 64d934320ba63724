// 报名名单: who signed up for one event, phones masked. Unmasking is audited
// by the server, so it takes a deliberate confirmation; once confirmed, the
// export carries full phones too (audited as an export of personal data).
// Counts name what they count: people (seats) and sign-ups (bookings).
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { exportEventList, listEventSignups } from '@/services/organizer';
import { readParam, routes } from '@/utils/routes';
import { confirmUnmask } from '../../confirmUnmask';
import '../../organizer.scss';

const statusNames: Record<string, string> = { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消' };

export default function SignupsPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const title = readParam(params.title);
  const [unmask, setUnmask] = useState(false);
  const rows = useRequest(() => listEventSignups(id, unmask), [id, unmask]);
  usePullDownRefresh(() => {
    void rows.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const askUnmask = async () => {
    if (await confirmUnmask('报名者')) setUnmask(true);
  };

  const list = rows.data ?? [];
  const confirmed = list.filter((r) => r.status === 'confirmed');
  const waiting = list.filter((r) => r.status === 'waitlisted');
  const arrived = list.filter((r) => r.checkedInAt);
  const people = (rows: typeof list) => rows.reduce((sum, r) => sum + (r.partySize ?? 1), 0);
  const state = renderState({
    loading: rows.loading,
    error: rows.error,
    empty: list.length === 0,
    emptyText: '还没有人报名',
    onRetry: () => void rows.reload(),
  });

  return (
    <PageShell>
      <View className="card">
        <Text className="title">{title}</Text>
        <Text className="org-line">
          已报名 {people(confirmed)} 人（{confirmed.length} 份报名）· 候补 {people(waiting)} 人（{waiting.length} 份报名）· 已签到 {people(arrived)} 人（
          {arrived.length} 份报名）
        </Text>
        <View className="row org-actions">
          <Button className="btn" onClick={() => void Taro.navigateTo({ url: routes.organizerCheckin(id, title) })}>
            去签到
          </Button>
          {unmask ? (
            <Button className="btn btn--ghost" onClick={() => setUnmask(false)}>
              隐藏手机号
            </Button>
          ) : (
            <Button className="btn btn--ghost" onClick={() => void askUnmask()}>
              显示完整手机号
            </Button>
          )}
          <Button className="btn btn--ghost" onClick={() => void exportEventList(id, 'signups', title, unmask).catch(() => undefined)}>
            {unmask ? '导出 Excel（含完整手机号）' : '导出 Excel'}
          </Button>
        </View>
      </View>
      {state ??
        list.map((row) => (
          <View key={row.id} className="card">
            <Text className="title">
              {row.name}
              {row.partySize && row.partySize > 1 ? `（${row.partySize} 人）` : ''}
            </Text>
            <Text className="org-line">{row.phone}</Text>
            <View className="org-line">
              <Text className={`tag ${row.status === 'confirmed' ? 'tag--ok' : 'tag--warn'}`}>
                {statusNames[row.status] ?? row.status}
                {row.status === 'waitlisted' && row.waitlistPosition ? ` 第 ${row.waitlistPosition} 位` : ''}
              </Text>
              {row.checkedInAt ? <Text className="tag tag--ok">已签到</Text> : null}
            </View>
          </View>
        ))}
    </PageShell>
  );
}
