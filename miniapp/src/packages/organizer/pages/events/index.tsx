// 活动管理: my organization's events by status, with the next step for each:
// edit and submit drafts, open the sign-up sheet, check people in, cancel.
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { EventStatus, EventView } from '@kepu/shared';
import ListFooter from '@/components/ListFooter';
import { renderAccessGate } from '@/components/AccessGate';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useOnReturn } from '@/hooks/useOnReturn';
import { usePagedList } from '@/hooks/usePagedList';
import { useSession } from '@/hooks/useSession';
import { useRequest } from '@/hooks/useRequest';
import { cancelEvent, eventsWithChangeAwaitingReview, listOrganizationEvents, submitEvent } from '@/services/organizer';
import { asButton, labelled } from '@/utils/a11y';
import { routes } from '@/utils/routes';
import { formatRange } from '@/utils/time';
import OrganizationPicker from '../../components/OrganizationPicker';
import VolunteerNeedHint, { useEventsNeedingShifts } from '../../components/VolunteerNeedHint';
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
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const events = usePagedList(organizerId ? (cursor) => listOrganizationEvents(organizerId, status, cursor) : null, [organizerId, status]);

  // Published events whose change waits for a reviewer: the list shows the approved version, so say so.
  const awaitingReview = useRequest(organizerId && status === 'published' ? () => eventsWithChangeAwaitingReview(organizerId) : null, [organizerId, status]);

  // Events of plan tasks that call for 科技志愿服务 and have no shift yet.
  const needingShifts = useEventsNeedingShifts(hasRole('organizer'));

  useOnReturn(() => {
    void events.reload();
    void awaitingReview.reload();
    void needingShifts.reload();
  });
  usePullDownRefresh(() => {
    void events.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (events.hasMore && !events.moreError) void events.loadMore();
  });

  const gate = renderAccessGate({
    signedIn: Boolean(user),
    allowed: hasRole('organizer') && Boolean(organizerId),
    refusal: '你还不是任何主办单位的组织者，请联系管理员添加。',
  });
  if (gate) return gate;

  const submit = async (event: EventView) => {
    try {
      const submitted = await submitEvent(event.id);
      // Trusted organizations publish straight away; the others wait for a reviewer.
      Taro.showToast({ title: submitted.status === 'published' ? '已发布' : '已提交审核', icon: 'none' });
      events.update((item) => item.id === event.id, null);
    } catch {
      // the request wrapper showed the server's message
    }
  };

  const confirmCancel = async (event: EventView) => {
    if (!reason.trim()) {
      Taro.showToast({ title: '请填写取消原因', icon: 'none' });
      return;
    }
    try {
      await cancelEvent(event.id, reason.trim());
      Taro.showToast({ title: '活动已取消，已向报名者发送通知', icon: 'none' });
      setCancelling(null);
      setReason('');
      events.update((item) => item.id === event.id, null);
    } catch {
      // the request wrapper showed the server's message
    }
  };

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
      <View className="section org-tabs">
        {statusTabs.map((tab) => (
          <View
            key={tab.value}
            className={`chip ${status === tab.value ? 'chip--on' : ''}`}
            {...asButton(() => setStatus(tab.value), { pressed: status === tab.value })}
          >
            {tab.label}
          </View>
        ))}
      </View>
      {state ??
        events.items.map((event) => (
          <View key={event.id} className="card">
            <Text className="title">{event.title}</Text>
            {awaitingReview.data?.has(event.id) ? <Text className="tag tag--warn">修改待审核</Text> : null}
            {/* A re-import of the plan changed or dropped a task this event carries out: the organizer checks the link (editing clears it). */}
            {event.planTaskChanged ? <Text className="tag tag--warn">关联的计划任务有变动</Text> : null}
            {event.status !== 'cancelled' && needingShifts.ids.has(event.id) ? <VolunteerNeedHint eventId={event.id} /> : null}
            <Text className="org-line">{formatRange(event.startsAt, event.endsAt)}</Text>
            <Text className="org-line muted">
              {/* People against seats, and the waitlist in sign-ups: the same words as the detail and the lists. */}
              {event.venue?.name} · 已报名 {event.confirmedCount}/{event.capacity} 人{event.waitlistCount ? `，候补 ${event.waitlistCount} 份报名` : ''}
            </Text>
            {event.status === 'rejected' && event.reviewReason ? <Text className="org-line field__error">驳回原因：{event.reviewReason}</Text> : null}
            <View className="row org-actions">
              {event.status === 'draft' || event.status === 'rejected' ? (
                <>
                  <Button className="btn btn--ghost" onClick={() => void Taro.navigateTo({ url: routes.organizerEdit(event.id) })}>
                    编辑
                  </Button>
                  <Button className="btn" onClick={() => void submit(event)}>
                    提交审核
                  </Button>
                </>
              ) : null}
              {event.status === 'published' ? (
                <>
                  <Button className="btn" onClick={() => void Taro.navigateTo({ url: routes.organizerCheckin(event.id, event.title) })}>
                    签到
                  </Button>
                  <Button className="btn btn--ghost" onClick={() => void Taro.navigateTo({ url: routes.organizerSignups(event.id, event.title) })}>
                    报名名单
                  </Button>
                  <Button className="btn btn--ghost" onClick={() => void Taro.navigateTo({ url: routes.organizerVolunteers(event.id, event.title) })}>
                    志愿者
                  </Button>
                  <Button className="btn btn--ghost" onClick={() => void Taro.navigateTo({ url: routes.organizerEdit(event.id) })}>
                    岗位与编辑
                  </Button>
                  <Button
                    className="btn btn--danger"
                    onClick={() => {
                      setCancelling(event.id);
                      setReason('');
                    }}
                  >
                    取消活动
                  </Button>
                </>
              ) : null}
            </View>
            {cancelling === event.id ? (
              <View className="org-actions">
                <Text className="field__label">取消原因（将通知所有报名者）</Text>
                <Input className="input" value={reason} maxlength={200} {...labelled('取消原因')} onInput={(e) => setReason(e.detail.value)} />
                <View className="row org-actions">
                  <Button className="btn btn--danger" onClick={() => void confirmCancel(event)}>
                    确认取消活动
                  </Button>
                  <Button className="btn btn--ghost" onClick={() => setCancelling(null)}>
                    不取消
                  </Button>
                </View>
              </View>
            ) : null}
          </View>
        ))}
      <ListFooter list={events} />
    </PageShell>
  );
}
