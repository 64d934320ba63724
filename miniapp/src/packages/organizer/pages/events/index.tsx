// 活动管理: my organization's events by state, with how many are in each, and
// a card per event with its next step (OrganizerEventCard).
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { EventStatus } from '@kepu/shared';
import ListFooter from '@/components/ListFooter';
import { renderAccessGate } from '@/components/AccessGate';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useOnReturn } from '@/hooks/useOnReturn';
import { usePagedList } from '@/hooks/usePagedList';
import { useSession } from '@/hooks/useSession';
import { useRequest } from '@/hooks/useRequest';
import { eventsWithChangeAwaitingReview, getOrganizationEventCounts, listOrganizationEvents } from '@/services/organizer';
import { asButton } from '@/utils/a11y';
import { routes } from '@/utils/routes';
import OrganizationPicker from '../../components/OrganizationPicker';
import OrganizerEventCard from '../../components/OrganizerEventCard';
import { useEventsNeedingShifts } from '../../components/VolunteerNeedHint';
import '../../organizer.scss';

const statusTabs: { value: EventStatus; label: string }[] = [
  { value: 'draft', label: '草稿' },
  { value: 'pending', label: '审核中' },
  { value: 'published', label: '已发布' },
  { value: 'rejected', label: '未通过' },
  { value: 'cancelled', label: '已取消' },
];

export default function OrganizerEventsPage() {
  const { user, hasRole } = useSession();
  const organizations = user?.organizations ?? [];
  const [organizerId, setOrganizerId] = useState(organizations[0]?.id ?? '');
  const [status, setStatus] = useState<EventStatus>('published');
  const events = usePagedList(organizerId ? (cursor) => listOrganizationEvents(organizerId, status, cursor) : null, [organizerId, status]);

  // The tabs' counts; they follow the list (reloaded whenever an event leaves a tab).
  const counts = useRequest(organizerId ? () => getOrganizationEventCounts(organizerId) : null, [organizerId]);

  // Published events whose change waits for a reviewer: the list shows the approved version, so say so.
  const awaitingReview = useRequest(organizerId && status === 'published' ? () => eventsWithChangeAwaitingReview(organizerId) : null, [organizerId, status]);

  // Events of plan tasks that call for 科技志愿服务 and have no shift yet.
  const needingShifts = useEventsNeedingShifts(hasRole('organizer'));

  useOnReturn(() => {
    void events.reload();
    void counts.reload();
    void awaitingReview.reload();
    void needingShifts.reload();
  });
  usePullDownRefresh(() => {
    void counts.reload();
    void events.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (events.hasMore && !events.moreError) void events.loadMore();
  });

  const now = new Date();
  const gate = renderAccessGate({
    signedIn: Boolean(user),
    allowed: hasRole('organizer') && Boolean(organizerId),
    refusal: '你还不是任何主办单位的组织者，请联系管理员添加。',
  });
  if (gate) return gate;

  const state = renderState({
    loading: events.loading,
    error: events.error,
    empty: events.items.length === 0,
    emptyText: '这里还没有活动',
    onRetry: () => void events.reload(),
  });

  return (
    <PageShell>
      <OrganizationPicker organizations={organizations} value={organizerId} onChange={setOrganizerId} />
      <View className="section">
        <Button className="btn btn--block" onClick={() => void Taro.navigateTo({ url: routes.organizerEdit() })}>
          发布新活动
        </Button>
        <Button className="btn btn--ghost btn--block" onClick={() => void Taro.navigateTo({ url: routes.organizerDuties() })}>
          我的任务（工作要点中本单位的任务）
        </Button>
      </View>
      <View className="section">
        {counts.data ? <Text className="org-tabs__summary muted">未结束的活动共 {counts.data.all} 场</Text> : null}
        {/* The tabs wrap onto more lines rather than scroll or clip: every label and count stays readable in 大字模式. */}
        <View className="org-tabs">
          {statusTabs.map((tab) => {
            const count = counts.data?.[tab.value];
            return (
              <View
                key={tab.value}
                className={`chip org-tab ${status === tab.value ? 'chip--on' : ''}`}
                {...asButton(() => setStatus(tab.value), { pressed: status === tab.value })}
              >
                {tab.label}
                {count === undefined ? '' : ` ${count}`}
              </View>
            );
          })}
        </View>
      </View>
      {state ??
        events.items.map((event) => (
          <OrganizerEventCard
            key={event.id}
            event={event}
            now={now}
            changeAwaitingReview={Boolean(awaitingReview.data?.has(event.id))}
            needsShifts={needingShifts.ids.has(event.id)}
            onLeft={() => {
              events.update((item) => item.id === event.id, null);
              void counts.reload();
            }}
          />
        ))}
      <ListFooter list={events} />
    </PageShell>
  );
}
