// Pure rules for sign-ups the server alone applies: the event row read for the
// shared sign-up window, cancelling, check-in codes, masked phones. The window
// and the seat arithmetic themselves live in @kepu/shared (the event page
// applies them too). The clock is passed in.
import type { EventKind, EventStatus, SignupStatus, SignupWindow, WindowVerdict } from '@kepu/shared';

/** An event row read for the shared window rule: its times as epoch milliseconds. */
export function signupWindowOf(event: {
  kind: EventKind;
  status: EventStatus;
  startsAt: Date;
  signupOpensAt: Date | null;
  signupClosesAt: Date | null;
}): SignupWindow {
  return {
    kind: event.kind,
    status: event.status,
    startsAt: event.startsAt.getTime(),
    signupOpensAt: event.signupOpensAt?.getTime() ?? null,
    signupClosesAt: event.signupClosesAt?.getTime() ?? null,
  };
}

/** Someone let in at the door has come: their seat is no longer theirs to give back. */
export function canCancelSignup(signup: { checkedInAt: Date | null }): boolean {
  return signup.checkedInAt === null;
}

/** Only a confirmed sign-up holds a seat, so only it gets a check-in code and is let in. */
export function checkinRefusal(status: SignupStatus): 'SIGNUP_NOT_ACTIVE' | 'NOT_CONFIRMED' | null {
  if (status === 'cancelled') return 'SIGNUP_NOT_ACTIVE';
  if (status !== 'confirmed') return 'NOT_CONFIRMED';
  return null;
}

/** What a check-in code carries, signed: which sign-up, for which event, until when (epoch ms). */
export interface CheckinPayload {
  typ: 'checkin';
  sid: string;
  eid: string;
  exp: number;
}

/** Codes stay valid until two hours after the event ends, so a late arrival can still be let in. */
export const CHECKIN_GRACE_MS = 2 * 3600_000;

export function checkinCodeExpiry(eventEndsAt: Date): Date {
  return new Date(eventEndsAt.getTime() + CHECKIN_GRACE_MS);
}

/**
 * Whether a scanned code lets its holder in at this event now: a code that is
 * not ours (`payload` null), not a check-in code, or for another event is
 * invalid; one past its expiry has expired.
 */
export function checkinCodeProblem(payload: CheckinPayload | null, eventId: string, now: Date): 'INVALID_CHECKIN_CODE' | 'CHECKIN_CODE_EXPIRED' | null {
  if (!payload || payload.typ !== 'checkin' || payload.eid !== eventId) return 'INVALID_CHECKIN_CODE';
  if (payload.exp < now.getTime()) return 'CHECKIN_CODE_EXPIRED';
  return null;
}

/** Masks a phone for lists: 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** Why a sign-up is refused, as the server's 409 says it. */
export const windowMessages: Record<Exclude<WindowVerdict, 'open'>, string> = {
  'not-published': '该活动未发布或已取消，不能报名',
  'not-bookable': '这是主题活动周期，请报名其中的具体活动',
  'not-yet-open': '报名尚未开始',
  closed: '报名已截止',
};

/** How many waiting parties move up when seats free: in queue order, stopping at the first that doesn't fit. */
export function partiesToPromote(freeSeats: number, queue: { partySize: number }[]): number {
  let promoted = 0;
  let left = freeSeats;
  for (const party of queue) {
    if (party.partySize > left) break;
    left -= party.partySize;
    promoted += 1;
  }
  return promoted;
}
