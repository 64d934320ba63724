// 消息投递失败: the WeChat subscribe messages the worker gave up on (投递失败)
// or is waiting to try again (等待重试), each with its kind, recipient
// (masked), event, attempts and the last error in plain Chinese; 重试 sends
// one again at the worker's next run (audited). The inbox copy of every
// notice is unaffected: these are about the WeChat message alone.
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { NotificationDeliveryView } from '@kepu/shared';
import { renderAccessGate } from '@/components/AccessGate';
import ListFooter from '@/components/ListFooter';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { usePagedList } from '@/hooks/usePagedList';
import { useSession } from '@/hooks/useSession';
import { listDeliveries, retryDelivery, type DeliveryFilter } from '@/services/notifications';
import { asButton } from '@/utils/a11y';
import { formatDateTime } from '@/utils/time';
import '../../admin.scss';

const filters: { value: DeliveryFilter; label: string }[] = [
  { value: 'failed', label: '投递失败' },
  { value: 'retrying', label: '等待重试' },
];

function DeliveryCard({ item, onRetry, busy }: { item: NotificationDeliveryView; onRetry: () => void; busy: boolean }) {
  return (
    <View className="card admin-delivery">
      <View className="row">
        <Text className="title">{item.kindLabel}</Text>
        <Text className={`tag ${item.status === 'failed' ? 'tag--warn' : ''}`}>
          {item.status === 'failed' ? '投递失败' : item.status === 'pending' ? '等待重试' : '已处理'}
        </Text>
      </View>
      <View className="admin-row">
        <Text className="admin-row__label">收件人</Text>
        <Text className="admin-row__value">{item.recipient}</Text>
      </View>
      <View className="admin-row">
        <Text className="admin-row__label">活动</Text>
        <Text className="admin-row__value">{item.event?.title ?? '（无关联活动）'}</Text>
      </View>
      <View className="admin-row">
        <Text className="admin-row__label">已尝试</Text>
        <Text className="admin-row__value">
          {item.attempts} 次{item.nextAttemptAt ? `，下次 ${formatDateTime(item.nextAttemptAt)}` : ''}
        </Text>
      </View>
      <View className="admin-row">
        <Text className="admin-row__label">原因</Text>
        <Text className="admin-row__value">{item.lastErrorText ?? '没有记录错误'}</Text>
      </View>
      <Text className="block muted admin-delivery__time">产生于 {formatDateTime(item.createdAt)}</Text>
      {item.retryable ? (
        <Button className="btn btn--block admin-delivery__retry" loading={busy} disabled={busy} onClick={onRetry}>
          {item.status === 'failed' ? '重试' : '立即重试'}
        </Button>
      ) : null}
    </View>
  );
}

export default function NotificationFailuresPage() {
  const { user, hasRole } = useSession();
  const allowed = hasRole('admin');
  const [filter, setFilter] = useState<DeliveryFilter>('failed');
  const [busyId, setBusyId] = useState<string | null>(null);
  const list = usePagedList(user && allowed ? (cursor) => listDeliveries(filter, cursor) : null, [user?.id, allowed, filter]);

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore();
  });

  const gate = renderAccessGate({ signedIn: Boolean(user), allowed, refusal: '只有管理员可以查看消息投递情况。' });
  if (gate) return gate;

  const retry = async (item: NotificationDeliveryView) => {
    setBusyId(item.id);
    try {
      await retryDelivery(item.id);
      // It waits for the worker now: off this list until it fails again.
      list.update((n) => n.id === item.id, null);
      Taro.showToast({ title: '已安排重试，稍后送达', icon: 'none' }).catch(() => undefined);
    } catch {
      // the request wrapper showed the server's message
      void list.reload();
    } finally {
      setBusyId(null);
    }
  };

  const state = renderState({
    loading: list.loading,
    error: list.error,
    empty: list.items.length === 0,
    emptyText: filter === 'failed' ? '没有投递失败的消息' : '没有等待重试的消息',
    onRetry: () => void list.reload(),
  });

  return (
    <PageShell>
      <View className="section">
        <View className="row">
          {filters.map((f) => (
            <View
              key={f.value}
              className={`chip ${f.value === filter ? 'chip--on' : ''}`}
              {...asButton(() => setFilter(f.value), { pressed: f.value === filter })}
            >
              {f.label}
            </View>
          ))}
        </View>
        <Text className="block muted">这里只涉及微信订阅消息；每条通知都已放进用户的“消息”，不受影响。</Text>
      </View>
      {state ?? list.items.map((item) => <DeliveryCard key={item.id} item={item} busy={busyId === item.id} onRetry={() => void retry(item)} />)}
      <ListFooter list={list} />
    </PageShell>
  );
}
