import { timesInOrder } from './event-times';

const at = (iso: string) => Date.parse(iso);

describe('the order of an event’s times', () => {
  it('an event must end after it starts: ending at its start or before is refused', () => {
    expect(timesInOrder({ startsAt: at('2026-12-05T09:00:00+08:00'), endsAt: at('2026-12-05T12:00:00+08:00') })).toBe(true);
    expect(timesInOrder({ startsAt: at('2026-12-05T09:00:00+08:00'), endsAt: at('2026-12-05T09:00:00+08:00') })).toBe(false);
    expect(timesInOrder({ startsAt: at('2026-12-05T09:00:00+08:00'), endsAt: at('2026-12-05T08:00:00+08:00') })).toBe(false);
  });

  it('sign-ups must close after they open', () => {
    expect(timesInOrder({ signupOpensAt: at('2026-11-28T09:00:00+08:00'), signupClosesAt: at('2026-12-04T18:00:00+08:00') })).toBe(true);
    expect(timesInOrder({ signupOpensAt: at('2026-11-28T09:00:00+08:00'), signupClosesAt: at('2026-11-28T09:00:00+08:00') })).toBe(false);
  });

  it('a time that is not given is not checked (an edit that moves only the start)', () => {
    expect(timesInOrder({ startsAt: at('2026-12-05T09:00:00+08:00') })).toBe(true);
    expect(timesInOrder({ signupOpensAt: null, signupClosesAt: at('2026-12-04T18:00:00+08:00') })).toBe(true);
  });
});
