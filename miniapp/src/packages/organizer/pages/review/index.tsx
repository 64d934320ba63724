// 活动审核: the reviewer's queue of submitted events; approve, or reject with a reason.
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { EventView } from '@kepu/shared';
import ListFooter from '@/components/ListFooter';
import { renderAccessGate } from '@/components/AccessGate';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { usePagedList } from '@/hooks/usePagedList';
import { useSession } from '@/hooks/useSession';
import { listPendingReview, reviewEvent } from '@/services/organizer';
import { toApiError } from '@/services/request';
import { labelled } from '@/utils/a11y';
import { routes } from '@/utils/routes';
import { formatRange } from '@/utils/time';
import TaskCheck from '../../components/TaskCheck';
import '../../organizer.scss';

export default function ReviewPage() {
  const { user, hasRole } = useSession();
  const allowed = hasRole('reviewer') || hasRole('admin');
  const queue = usePagedList(user && allowed ? (cursor) => listPendingReview(cursor) : null, [user?.id, allowed]);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  usePullDownRefresh(() => {
    void queue.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (queue.hasMore && !queue.moreError) void queue.loadMore();
  });

  const gate = renderAccessGate({ signedIn: Boolean(user), allowed, refusal: '只有审核员可以审核活动。' });
  if (gate) return gate;

  const decide = async (event: EventView, decision: 'approve' | 'reject') => {
    setBusy(event.id);
    try {
      await reviewEvent(event.id, decision === 'approve' ? { decision } : { decision, reason: reason.trim() });
      Taro.showToast({ title: decision === 'approve' ? '已通过，活动已发布' : '已驳回', icon: 'none' });
      queue.update((item) => item.id === event.id, null);
      setRejecting(null);
      setReason('');
      setReasonError('');
    } catch (caught) {
      setReasonError(toApiError(caught).fieldMessages.reason ?? '');
    } finally {
      setBusy(null);
    }
  };

  const state = renderState({
    loading: queue.loading,
    error: queue.error,
    empty: queue.items.length === 0,
    emptyText: '没有待审核的活动',
    onRetry: () => void queue.reload(),
  });

  return (
    <PageShell>
      {state ??
        queue.items.map((event) => (
          <View key={event.id} className="card">
            <Text className="title link" onClick={() => void Taro.navigateTo({ url: routes.eventDetail(event.id) })}>
              {event.title}
            </Text>
            <Text className="org-line">{formatRange(event.startsAt, event.endsAt)}</Text>
            <Text className="org-line">{[event.city, event.district, event.venue?.name].filter(Boolean).join(' · ')}</Text>
            <Text className="org-line muted">
              主办：{event.organizer?.name} · 名额 {event.capacity}
            </Text>
            {event.description ? (
              <Text className="org-line muted">
                {event.description.slice(0, 120)}
                {event.description.length > 120 ? '…' : ''}
              </Text>
            ) : null}
            <TaskCheck event={event} />
            {rejecting === event.id ? (
              <View className="org-actions">
                <Text className="field__label">驳回原因（主办单位会看到）</Text>
                <Input className="input" value={reason} maxlength={200} {...labelled('驳回原因')} onInput={(e) => setReason(e.detail.value)} />
                {reasonError ? <Text className="field__error">{reasonError}</Text> : null}
                <View className="row org-actions">
                  <Button className="btn btn--danger" loading={busy === event.id} disabled={busy === event.id} onClick={() => void decide(event, 'reject')}>
                    确认驳回
                  </Button>
                  <Button className="btn btn--ghost" onClick={() => setRejecting(null)}>
                    返回
                  </Button>
                </View>
              </View>
            ) : (
              <View className="row org-actions">
                <Button className="btn" loading={busy === event.id} disabled={busy === event.id} onClick={() => void decide(event, 'approve')}>
                  通过并发布
                </Button>
                <Button
                  className="btn btn--danger"
                  onClick={() => {
                    setRejecting(event.id);
                    setReason('');
                    setReasonError('');
                  }}
                >
                  驳回
                </Button>
              </View>
            )}
          </View>
        ))}
      <ListFooter list={queue} />
    </PageShell>
  );
}
