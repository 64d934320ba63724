// Pure rules for sign-ups the server alone applies: the event row read for the
// shared sign-up window, cancelling, check-in codes, masked phones. The window
// and the seat arithmetic themselves live in @kepu/shared (the event page
// applies them too). The clock is passed in.
import {
  checkinCodeProblem as payloadProblem,
  type CheckinPayload,
  type EventKind,
  type EventStatus,
  type SignupStatus,
  type SignupWindow,
  type WindowVerdict,
} from '@kepu/shared';

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

export type { CheckinPayload } from '@kepu/shared';

/** Codes stay valid until two hours after the event ends, so a late arrival can still be let in. */
export const CHECKIN_GRACE_MS = 2 * 3600_000;

export function checkinCodeExpiry(eventEndsAt: Date): Date {
  return new Date(eventEndsAt.getTime() + CHECKIN_GRACE_MS);
}

/**
 * Whether a scanned code lets its holder in at this event now: a code that is
 * not ours (`payload` null), not a check-in code, or for another event is
 * invalid; one past its expiry has expired. (The shared rule, on the server's clock.)
 */
export function checkinCodeProblem(payload: CheckinPayload | null, eventId: string, now: Date): 'INVALID_CHECKIN_CODE' | 'CHECKIN_CODE_EXPIRED' | null {
  return payloadProblem(payload, eventId, now.getTime());
}

/**
 * Who a sign-up is for, unique per user and event: the account holder
 * (`self`) or a family member named by the account holder (`other:<name>`).
 * The rest of a split party waits under the same key with a `+`, so
 * cancelling the attendee cancels both.
 */
export function attendeeKey(input: { name: string; forOther: boolean }): string {
  return input.forOther ? `other:${input.name.trim()}` : 'self';
}

export function remainderKey(key: string): string {
  return `${key}+`;
}

/** A random 6-digit short code not already used at the event (the caller holds the event's lock). */
export function pickShortCode(taken: ReadonlySet<string>, random: () => number): string {
  for (;;) {
    const code = String(Math.floor(random() * 1_000_000)).padStart(6, '0');
    if (!taken.has(code)) return code;
  }
}

/** Masks a name for the door list: 张三 -> 张*, 张小三 -> 张*三. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
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
