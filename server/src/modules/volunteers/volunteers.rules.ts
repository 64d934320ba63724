// Pure rules of shifts and volunteer applications: where a shift may sit
// around its event, which moves are allowed, when a shift takes applications,
// and when and how hours are recorded. No database here; the clock is passed in.
import { type ApplicationStatus, type CompleteApplication } from '@kepu/shared';
import type { HoursRounding } from '../../config';
import { minutesBetween, roundServiceHours } from './hours';

/** Applications that hold (or may come to hold) a place on the shift. */
export const activeApplicationStatuses: ApplicationStatus[] = ['applied', 'approved'];

export type ShiftVerdict = 'open' | 'event_not_published' | 'started';

/** Setting up before and clearing away after: a shift may start a day before its event and end a day after. */
export const SHIFT_MARGIN_MS = 86_400_000;

export function shiftFitsEvent(shift: { startsAt: Date; endsAt: Date }, event: { startsAt: Date; endsAt: Date }): boolean {
  return shift.startsAt.getTime() >= event.startsAt.getTime() - SHIFT_MARGIN_MS && shift.endsAt.getTime() <= event.endsAt.getTime() + SHIFT_MARGIN_MS;
}

/** From its start a shift is being served: applications close, and its hours can be recorded. */
export function shiftHasStarted(shift: { startsAt: Date }, now: Date): boolean {
  return shift.startsAt.getTime() <= now.getTime();
}

/** A shift takes applications while its event is published and the shift has not started. */
export function shiftVerdict(shift: { startsAt: Date }, eventStatus: string, now: Date): ShiftVerdict {
  if (eventStatus !== 'published') return 'event_not_published';
  if (shiftHasStarted(shift, now)) return 'started';
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

/**
 * On account erasure an open application ends, except an approved one whose
 * shift has started: its organizer may still certify those hours.
 */
export function endsOnErasure(status: ApplicationStatus, shift: { startsAt: Date }, now: Date): boolean {
  return status === 'applied' || !shiftHasStarted(shift, now);
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
 * time give or take the margin, and entered hours no longer than it plus both
 * margins. Nobody certifies a check-out still to come.
 */
export function serviceTimeProblem(input: CompleteApplication, shift: { startsAt: Date; endsAt: Date }, now: Date): { path: string; message: string } | null {
  if ('checkedOutAt' in input && new Date(input.checkedOutAt).getTime() > now.getTime()) return { path: 'checkedOutAt', message: '签退时间不能晚于现在' };
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
  const minutes = 'hours' in input ? input.hours * 60 : minutesBetween(new Date(input.checkedInAt), new Date(input.checkedOutAt));
  return roundServiceHours(minutes, rule);
}
