// One volunteer shift (岗位) with its apply button: on an event's page and in the
// open-shifts list. Owns the tap to apply; the list owns the rows.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ApplicationStatus, ShiftView } from '@kepu/shared';
import { useSession } from '@/hooks/useSession';
import { toApiError } from '@/services/request';
import { askToSubscribe } from '@/services/subscribe';
import { applyForShift } from '@/services/volunteer';
import { routes } from '@/utils/routes';
import { formatRange } from '@/utils/time';
import './ShiftCard.scss';

/** The slice of a shift a card shows; lists keep only this in page data. */
export interface ShiftRow {
  id: string;
  role: string;
  eventId: string;
  eventTitle: string;
  venueName: string;
  city: string;
  /** Why the list puts it first (与你的技能相符（…）), with sort=match. */
  matchReason: string | null;
  startsAt: string;
  endsAt: string;
  slots: number;
  approvedCount: number;
  skills: string[];
  myApplication: { id: string; status: ApplicationStatus } | null;
}

export function toShiftRow(shift: ShiftView): ShiftRow {
  return {
    id: shift.id,
    role: shift.role,
    eventId: shift.eventId,
    eventTitle: shift.event?.title ?? '',
    venueName: shift.event?.venue?.name ?? '',
    city: shift.event?.city ?? '',
    matchReason: shift.match?.reason ?? null,
    startsAt: shift.startsAt,
    endsAt: shift.endsAt,
    slots: shift.slots,
    approvedCount: shift.approvedCount,
    skills: shift.skills ?? [],
    myApplication: shift.myApplication ?? null,
  };
}

/** The labels the server uses in its exports, so a volunteer and an organizer read the same words. */
export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  applied: '待审核',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
  completed: '已完成',
  cancelled: '活动取消',
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const tone = status === 'approved' || status === 'completed' ? 'tag--ok' : status === 'applied' ? '' : 'tag--warn';
  return <Text className={`tag ${tone}`}>{applicationStatusLabels[status] ?? status}</Text>;
}

/** Withdrawn and cancelled applications may apply again; any other status is the answer. */
const holdsApplication = (row: ShiftRow) => Boolean(row.myApplication && row.myApplication.status !== 'withdrawn' && row.myApplication.status !== 'cancelled');

interface Props {
  shift: ShiftRow;
  /** The event's title as a link (the open-shifts list); off on the event's own page. */
  showEvent?: boolean;
  /** false when the event does not take volunteers now (not published). */
  open?: boolean;
  onChange: (next: ShiftRow) => void;
}

export default function ShiftCard({ shift, showEvent = false, open = true, onChange }: Props) {
  const { user, hasRole } = useSession();
  const [busy, setBusy] = useState(false);
  const left = Math.max(0, shift.slots - shift.approvedCount);
  const started = Date.parse(shift.startsAt) <= Date.now();
  // The title is the role: a skill spelled the same is not said twice.
  const neededSkills = shift.skills.filter((skill) => skill !== shift.role);

  const apply = async () => {
    if (!user) {
      void Taro.navigateTo({ url: routes.login() });
      return;
    }
    if (!hasRole('volunteer')) {
      void Taro.navigateTo({ url: routes.volunteerProfile() });
      return;
    }
    setBusy(true);
    try {
      // In the same tap (WeChat asks only then): the decision and the shift's reminder by WeChat too.
      await askToSubscribe(['application.approved', 'application.rejected', 'shift.reminder']);
      const application = await applyForShift(shift.id);
      onChange({ ...shift, myApplication: { id: application.id, status: application.status } });
      Taro.showToast({ title: '已提交申请，等待主办单位审核', icon: 'none' });
    } catch (caught) {
      // The request wrapper showed the server's message; a missing profile is fixed on the profile page.
      if (toApiError(caught).code === 'VOLUNTEER_PROFILE_REQUIRED') void Taro.navigateTo({ url: routes.volunteerProfile() });
    } finally {
      setBusy(false);
    }
  };

  let action;
  if (holdsApplication(shift)) {
    action = (
      <View className="shift-card__status">
        <Text>我的申请：</Text>
        <ApplicationStatusTag status={shift.myApplication!.status} />
      </View>
    );
  } else if (!open || started) {
    action = <Text className="shift-card__status muted">{started ? '岗位已开始，不再接受申请' : '活动暂未开放志愿者申请'}</Text>;
  } else if (left === 0) {
    action = <Text className="shift-card__status muted">名额已满</Text>;
  } else {
    const label = user && !hasRole('volunteer') ? '成为志愿者后申请' : '申请这个岗位';
    action = (
      <Button className="btn shift-card__apply" loading={busy} disabled={busy} onClick={() => void apply()}>
        {label}
      </Button>
    );
  }

  return (
    <View className="card shift-card">
      <Text className="title">{shift.role}</Text>
      {showEvent && shift.eventTitle ? (
        <Text className="shift-card__line link" onClick={() => void Taro.navigateTo({ url: routes.eventDetail(shift.eventId) })}>
          {shift.eventTitle}
        </Text>
      ) : null}
      <Text className="shift-card__line">{formatRange(shift.startsAt, shift.endsAt)}</Text>
      {showEvent && (shift.city || shift.venueName) ? (
        <Text className="shift-card__line muted">{[shift.city, shift.venueName].filter(Boolean).join(' · ')}</Text>
      ) : null}
      {shift.matchReason ? <Text className="shift-card__line shift-card__match">✓ {shift.matchReason}</Text> : null}
      <Text className="shift-card__line muted">
        需要 {shift.slots} 人，已通过 {shift.approvedCount} 人{left > 0 ? `，还差 ${left} 人` : ''}
      </Text>
      {neededSkills.length ? (
        <View className="shift-card__line">
          {neededSkills.map((skill) => (
            <Text key={skill} className="tag">
              {skill}
            </Text>
          ))}
        </View>
      ) : null}
      {action}
    </View>
  );
}
