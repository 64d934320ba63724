// One event on 活动管理: what it is and how it stands, its one next step as a
// button (eventActions) and everything else under 更多; cancelling asks for a
// reason on the card before anything is sent.
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { EventView } from '@kepu/shared';
import { cancelEvent, exportEventList, submitEvent } from '@/services/organizer';
import { labelled } from '@/utils/a11y';
import { routes } from '@/utils/routes';
import { formatRange } from '@/utils/time';
import { actionLabel, eventActions, type EventAction } from '../eventActions';
import { showMoreMenu } from './moreMenu';
import VolunteerNeedHint from './VolunteerNeedHint';

interface Props {
  event: EventView;
  now: Date;
  /** A change to this published event waits for a reviewer. */
  changeAwaitingReview: boolean;
  /** A plan task calls for 科技志愿服务 and the event has no shift yet. */
  needsShifts: boolean;
  /** The event left this tab (submitted, cancelled): the list drops it and recounts. */
  onLeft: () => void;
}

export default function OrganizerEventCard({ event, now, changeAwaitingReview, needsShifts, onLeft }: Props) {
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const { primary, more } = eventActions(event, now);

  const submit = async () => {
    try {
      const submitted = await submitEvent(event.id);
      // Trusted organizations publish straight away; the others wait for a reviewer.
      Taro.showToast({ title: submitted.status === 'published' ? '已发布' : '已提交审核', icon: 'none' });
      onLeft();
    } catch {
      // the request wrapper showed the server's message
    }
  };

  const confirmCancel = async () => {
    if (!reason.trim()) {
      Taro.showToast({ title: '请填写取消原因', icon: 'none' });
      return;
    }
    try {
      await cancelEvent(event.id, reason.trim());
      Taro.showToast({ title: '活动已取消，已向报名者发送通知', icon: 'none' });
      setCancelling(false);
      setReason('');
      onLeft();
    } catch {
      // the request wrapper showed the server's message
    }
  };

  const run = (action: EventAction) => {
    const go = (url: string) => void Taro.navigateTo({ url });
    switch (action) {
      case 'submit':
        return void submit();
      case 'edit':
        return go(routes.organizerEdit(event.id));
      case 'view':
        return go(routes.eventDetail(event.id));
      case 'checkin':
        return go(routes.organizerCheckin(event.id, event.title));
      case 'signups':
        return go(routes.organizerSignups(event.id, event.title));
      case 'volunteers':
        return go(routes.organizerVolunteers(event.id, event.title));
      case 'exportSignups':
        return void exportEventList(event.id, 'signups', event.title).catch(() => undefined);
      case 'exportVolunteers':
        return void exportEventList(event.id, 'volunteers', event.title).catch(() => undefined);
      case 'cancel':
        setReason('');
        return setCancelling(true);
    }
  };

  const openMore = async () => {
    const picked = await showMoreMenu(more.map((action) => ({ label: actionLabel(action, event.status), danger: action === 'cancel' })));
    const action = picked === null ? undefined : more[picked];
    if (action) run(action);
  };

  return (
    <View className="card org-card">
      <Text className="title">{event.title}</Text>
      {changeAwaitingReview ? <Text className="tag tag--warn">修改待审核</Text> : null}
      {/* A re-import of the plan changed or dropped a task this event carries out: the organizer checks the link (editing clears it). */}
      {event.planTaskChanged ? <Text className="tag tag--warn">关联的计划任务有变动</Text> : null}
      {event.status !== 'cancelled' && needsShifts ? <VolunteerNeedHint eventId={event.id} /> : null}
      <Text className="org-line">{formatRange(event.startsAt, event.endsAt)}</Text>
      <Text className="org-line muted">
        {/* People against seats, and the waitlist in sign-ups: the same words as the detail and the lists. */}
        {event.venue?.name} · 已报名 {event.confirmedCount}/{event.capacity} 人{event.waitlistCount ? `，候补 ${event.waitlistCount} 份报名` : ''}
      </Text>
      {event.status === 'rejected' && event.reviewReason ? <Text className="org-line field__error">驳回原因：{event.reviewReason}</Text> : null}
      <View className="org-card__actions">
        <Button className="btn org-card__primary" onClick={() => run(primary)}>
          {actionLabel(primary, event.status)}
        </Button>
        {more.length ? (
          <Button className="btn btn--ghost org-card__more" ariaLabel={`更多操作：${event.title}`} onClick={() => void openMore()}>
            更多
          </Button>
        ) : null}
      </View>
      {cancelling ? (
        <View className="org-actions">
          <Text className="field__label">取消原因（将通知所有报名者）</Text>
          <Input className="input" value={reason} maxlength={200} {...labelled('取消原因')} onInput={(e) => setReason(e.detail.value)} />
          <View className="row org-actions">
            <Button className="btn btn--danger" onClick={() => void confirmCancel()}>
              确认取消活动
            </Button>
            <Button className="btn btn--ghost" onClick={() => setCancelling(false)}>
              不取消
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
