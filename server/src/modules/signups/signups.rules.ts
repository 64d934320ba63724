// Pure rules for sign-ups: when an event takes them, and whether a party gets
// a seat or joins the waitlist. The clock is passed in.
import type { EventStatus } from '@kepu/shared';

export interface SignupWindow {
  status: EventStatus;
  capacity: number;
  startsAt: Date;
  signupOpensAt: Date | null;
  signupClosesAt: Date | null;
}

export type WindowVerdict = 'open' | 'not-published' | 'not-bookable' | 'not-yet-open' | 'closed';

/** Sign-ups close when the organizer says, else when the event starts. */
export function signupWindowVerdict(event: SignupWindow, now: Date): WindowVerdict {
  if (event.status !== 'published') return 'not-published';
  if (event.capacity <= 0) return 'not-bookable';
  if (event.signupOpensAt && now < event.signupOpensAt) return 'not-yet-open';
  const closesAt = event.signupClosesAt ?? event.startsAt;
  if (now >= closesAt) return 'closed';
  return 'open';
}

export const windowMessages: Record<Exclude<WindowVerdict, 'open'>, string> = {
  'not-published': '该活动未发布或已取消，不能报名',
  'not-bookable': '这是主题活动周期，请报名其中的具体活动',
  'not-yet-open': '报名尚未开始',
  closed: '报名已截止',
};

/**
 * A party is confirmed only if its seats fit and nobody is already waiting:
 * the waitlist is first come, first served.
 */
export function placeParty(seats: { capacity: number; confirmedSeats: number; waitlistCount: number }, partySize: number): 'confirmed' | 'waitlisted' {
  if (seats.waitlistCount > 0) return 'waitlisted';
  return seats.confirmedSeats + partySize <= seats.capacity ? 'confirmed' : 'waitlisted';
}

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

/** Masks a phone for lists: 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
