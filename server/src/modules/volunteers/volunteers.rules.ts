// Pure rules of volunteer applications: which moves are allowed, when a
// shift takes applications, and how hours are worked out. No database here.
import { type ApplicationStatus, type CompleteApplication } from '@kepu/shared';
import { minutesBetween, roundServiceHours, type HoursRounding } from './hours';

/** Applications that hold (or may come to hold) a place on the shift. */
export const activeApplicationStatuses: ApplicationStatus[] = ['applied', 'approved'];

export type ShiftVerdict = 'open' | 'event_not_published' | 'started';

/** A shift takes applications while its event is published and the shift has not started. */
export function shiftVerdict(shift: { startsAt: Date }, eventStatus: string, now: Date): ShiftVerdict {
  if (eventStatus !== 'published') return 'event_not_published';
  if (shift.startsAt.getTime() <= now.getTime()) return 'started';
  return 'open';
}

export const shiftVerdictMessages: Record<Exclude<ShiftVerdict, 'open'>, string> = {
  event_not_published: '活动未发布或已取消，岗位暂不接受报名',
  started: '岗位已经开始，不能再报名',
};

/** An applicant may reapply after withdrawing; a rejection or a completed service is final. */
export function canReapply(status: ApplicationStatus): boolean {
  return status === 'withdrawn' || status === 'cancelled';
}

/** A volunteer may withdraw before the shift starts, while applied or approved. */
export function canWithdraw(status: ApplicationStatus, shiftStartsAt: Date, now: Date): boolean {
  return activeApplicationStatuses.includes(status) && shiftStartsAt.getTime() > now.getTime();
}

/** Whether one more approval fits. */
export function hasFreeSlot(shift: { slots: number; approvedCount: number }): boolean {
  return shift.approvedCount < shift.slots;
}

/** A shift's slots can be lowered, but never below the volunteers already approved. */
export function slotsAllowed(slots: number, approvedCount: number): boolean {
  return slots >= approvedCount;
}

/** Volunteers arrive early and stay late, but not by more than this around their shift. */
export const SERVICE_MARGIN_MS = 4 * 3600_000;

/**
 * Hours belong to the shift they certify: check-in and check-out within its
 * time give or take the margin, and entered hours no longer than it plus both margins.
 */
export function serviceTimeProblem(input: CompleteApplication, shift: { startsAt: Date; endsAt: Date }): { path: string; message: string } | null {
  const earliest = shift.startsAt.getTime() - SERVICE_MARGIN_MS;
  const latest = shift.endsAt.getTime() + SERVICE_MARGIN_MS;
  if ('hours' in input) {
    return input.hours * 3600_000 > latest - earliest ? { path: 'hours', message: '服务时长超出了岗位时间' } : null;
  }
  if (new Date(input.checkedInAt).getTime() < earliest) return { path: 'checkedInAt', message: '签到时间须在岗位开始前4小时以内' };
  if (new Date(input.checkedOutAt).getTime() > latest) return { path: 'checkedOutAt', message: '签退时间须在岗位结束后4小时以内' };
  return null;
}

/** Hours to record: entered by the organizer, or the check-in to check-out time, rounded by the rule. */
export function hoursToRecord(input: CompleteApplication, rule: HoursRounding): number {
  const minutes = 'hours' in input
    ? input.hours * 60
    : minutesBetween(new Date(input.checkedInAt), new Date(input.checkedOutAt));
  return roundServiceHours(minutes, rule);
}
