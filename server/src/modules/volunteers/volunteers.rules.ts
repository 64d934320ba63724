// Pure rules of volunteer applications: which moves are allowed, when a
// shift takes applications, and how hours are worked out. No database here.
import { minutesBetween, roundServiceHours, type ApplicationStatus, type CompleteApplication, type HoursRounding } from '@kepu/shared';

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

/** Hours to record: entered by the organizer, or the check-in to check-out time, rounded by the rule. */
export function hoursToRecord(input: CompleteApplication, rule: HoursRounding): number {
  const minutes = 'hours' in input
    ? input.hours * 60
    : minutesBetween(new Date(input.checkedInAt), new Date(input.checkedOutAt));
  return roundServiceHours(minutes, rule);
}
