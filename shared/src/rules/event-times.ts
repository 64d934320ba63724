// The order of an event's times: checked by the request schemas on what a
// request sends, and by the server on an edit merged with the stored event.

/** Times as epoch milliseconds; a missing one is not checked. */
export interface EventTimes {
  startsAt?: number | null;
  endsAt?: number | null;
  signupOpensAt?: number | null;
  signupClosesAt?: number | null;
}

/** An event ends after it starts, and its sign-ups close after they open. */
export function timesInOrder(times: EventTimes): boolean {
  if (times.startsAt != null && times.endsAt != null && times.endsAt <= times.startsAt) return false;
  if (times.signupOpensAt != null && times.signupClosesAt != null && times.signupClosesAt <= times.signupOpensAt) return false;
  return true;
}

export const timesOutOfOrderMessage = '结束时间必须晚于开始时间';
