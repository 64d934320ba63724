// 活动审核: the reviewer's queues: submitted events, and changes to published
// events (before and after), each with its plan task check, its volunteer shifts and
// the organization's history. Approve, or reject with a reason; every decision names
// the version shown, so an event edited meanwhile is refused, not approved unseen.
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { useRequest } from '@/hooks/useRequest';
import { getTaskSuggestionsForEvents } from '@/services/plans';
import type { EventView } from '@kepu/shared';
import ListFooter from '@/components/ListFooter';
import { renderAccessGate } from '@/components/AccessGate';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { usePagedList } from '@/hooks/usePagedList';
import { useSession } from '@/hooks/useSession';
import { listPendingReview, listRevisionsForReview, reviewEvent } from '@/services/organizer';
import { toApiError } from '@/services/request';
import { asButton, labelled } from '@/utils/a11y';
import { routes } from '@/utils/routes';
import { formatDateTime, formatRange } from '@/utils/time';
import ConflictNote from '../../components/ConflictNote';
import RevisionChanges from '../../components/RevisionChanges';
import ReviewContext from '../../components/ReviewContext';
import TaskCheck from '../../components/TaskCheck';
import '../../organizer.scss';

type Queue = 'events' | 'revisions';
const queueTabs: { value: Queue; label: string }[] = [
  { value: 'events', label: '新活动' },
  { value: 'revisions', label: '修改申请' },
];

/** A pending event's description is shown cut to this until expanded: the reviewer can read all of it before approving. */
const DESCRIPTION_PREVIEW = 120;

export default function ReviewPage() {
  const { user, hasRole } = useSession();
  const allowed = hasRole('reviewer') || hasRole('admin');
  const [tab, setTab] = useState<Queue>('events');
  const queue = usePagedList(user && allowed ? (cursor) => (tab === 'events' ? listPendingReview(cursor) : listRevisionsForReview(cursor)) : null, [
    user?.id,
    allowed,
    tab,
  ]);
  // The plan-task check of every event listed, in one request (not one per card).
  const listedIds = queue.items.map((event) => event.id).join(',');
  const suggestions = useRequest(listedIds ? () => getTaskSuggestionsForEvents(listedIds.split(',')) : null, [listedIds]);
  const [expanded, setExpanded] = useState<string | null>(null);
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
      await reviewEvent(event.id, decision === 'approve' ? { decision, version: event.version } : { decision, reason: reason.trim(), version: event.version });
      const approved = event.revision ? '已通过，修改已生效' : '已通过，活动已发布';
      Taro.showToast({ title: decision === 'approve' ? approved : '已驳回', icon: 'none' });
      queue.update((item) => item.id === event.id, null);
      setRejecting(null);
      setReason('');
      setReasonError('');
    } catch (caught) {
      const error = toApiError(caught);
      setReasonError(error.fieldMessages.reason ?? '');
      // Edited since it was shown (the request wrapper said so): show the current version to decide on.
      if (error.code === 'EVENT_CHANGED') void queue.reload();
    } finally {
      setBusy(null);
    }
  };

  const state = renderState({
    loading: queue.loading,
    error: queue.error,
    empty: queue.items.length === 0,
    emptyText: tab === 'events' ? '没有待审核的活动' : '没有待审核的修改',
    onRetry: () => void queue.reload(),
  });

  return (
    <PageShell>
      <View className="section org-tabs">
        {queueTabs.map((item) => (
          <View
            key={item.value}
            className={`chip ${tab === item.value ? 'chip--on' : ''}`}
            {...asButton(() => setTab(item.value), { pressed: tab === item.value })}
          >
            {item.label}
          </View>
        ))}
      </View>
      {state ??
        queue.items.map((event) => (
          <View key={event.id} className="card">
            {event.revision ? <Text className="tag tag--warn">修改待审核 · 提交于 {formatDateTime(event.revision.proposedAt)}</Text> : null}
            <Text className="title link" onClick={() => void Taro.navigateTo({ url: routes.eventDetail(event.id) })}>
              {event.title}
            </Text>
            <Text className="org-line">{formatRange(event.startsAt, event.endsAt)}</Text>
            <Text className="org-line">{[event.city, event.district, event.venue?.name].filter(Boolean).join(' · ')}</Text>
            <Text className="org-line muted">
              主办：{event.organizer?.name} · 名额 {event.capacity}
            </Text>
            <ConflictNote eventId={event.id} />
            {event.revision ? (
              <RevisionChanges event={event} changes={event.revision.changes} />
            ) : event.description ? (
              <View>
                <Text className="org-line muted">
                  {expanded === event.id || event.description.length <= DESCRIPTION_PREVIEW
                    ? event.description
                    : `${event.description.slice(0, DESCRIPTION_PREVIEW)}…`}
                </Text>
                {event.description.length > DESCRIPTION_PREVIEW ? (
                  <Text
                    className="org-more link"
                    {...asButton(() => setExpanded(expanded === event.id ? null : event.id), { expanded: expanded === event.id })}
                  >
                    {expanded === event.id ? '收起' : '展开全文'}
                  </Text>
                ) : null}
              </View>
            ) : null}
            <TaskCheck event={event} suggestions={suggestions.data?.get(event.id)} />
            <ReviewContext event={event} />
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
                  {event.revision ? '通过修改' : '通过并发布'}
                </Button>
                <Button
                  className="btn btn--danger"
                  onClick={() => {
                    setRejecting(event.id);
                    setReason('');
                    setReasonError('');
                  }}
                >
                  {event.revision ? '驳回修改' : '驳回'}
                </Button>
              </View>
            )}
          </View>
        ))}
      <ListFooter list={queue} />
    </PageShell>
  );
}
