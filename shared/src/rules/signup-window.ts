// When an event takes sign-ups: the one rule the server enforces and the
// event page shows. Free of zod, so the mini-program can bundle it cheaply.
import type { EventKind, EventStatus } from '../states';

/**
 * What the rule needs of an event, times as epoch milliseconds: the server
 * gives `date.getTime()`, the page `Date.parse(iso)`.
 */
export interface SignupWindow {
  kind: EventKind;
  status: EventStatus;
  startsAt: number;
  signupOpensAt: number | null;
  signupClosesAt: number | null;
}

export type WindowVerdict = 'open' | 'not-published' | 'not-bookable' | 'not-yet-open' | 'closed';

/** A campaign period (a whole 宣传周) is a frame for activities; residents book the activities inside it. */
export function isBookable(kind: EventKind): boolean {
  return kind !== 'campaign';
}

/** Sign-ups close when the organizer says, else when the event starts. */
export function signupWindowVerdict(event: SignupWindow, now: number): WindowVerdict {
  if (event.status !== 'published') return 'not-published';
  if (!isBookable(event.kind)) return 'not-bookable';
  if (event.signupOpensAt !== null && now < event.signupOpensAt) return 'not-yet-open';
  if (now >= (event.signupClosesAt ?? event.startsAt)) return 'closed';
  return 'open';
}
