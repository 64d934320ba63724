import { isBookable, signupWindowVerdict, type SignupWindow } from './signup-window';

const at = (iso: string) => Date.parse(iso);
const activity: SignupWindow = {
  kind: 'activity',
  status: 'published',
  startsAt: at('2026-12-05T09:00:00+08:00'),
  signupOpensAt: null,
  signupClosesAt: null,
};

describe('the sign-up window', () => {
  it('when the organizer sets no window, sign-ups are open until the event starts, and closed from that moment', () => {
    expect(signupWindowVerdict(activity, at('2026-12-05T08:59:59+08:00'))).toBe('open');
    expect(signupWindowVerdict(activity, at('2026-12-05T09:00:00+08:00'))).toBe('closed');
  });

  it('when the event has started but not ended, sign-ups are closed (not open until the end)', () => {
    expect(signupWindowVerdict(activity, at('2026-12-05T10:30:00+08:00'))).toBe('closed');
  });

  it('when sign-ups open later, they are not yet open before that moment and open at it', () => {
    const event = { ...activity, signupOpensAt: at('2026-11-28T09:00:00+08:00') };
    expect(signupWindowVerdict(event, at('2026-11-28T08:59:00+08:00'))).toBe('not-yet-open');
    expect(signupWindowVerdict(event, at('2026-11-28T09:00:00+08:00'))).toBe('open');
  });

  it('when the organizer closes sign-ups early, they close at that moment', () => {
    const event = { ...activity, signupClosesAt: at('2026-12-01T18:00:00+08:00') };
    expect(signupWindowVerdict(event, at('2026-12-01T17:59:00+08:00'))).toBe('open');
    expect(signupWindowVerdict(event, at('2026-12-01T18:00:00+08:00'))).toBe('closed');
  });

  it('when the organizer keeps sign-ups open past the start, latecomers may still sign up', () => {
    const event = { ...activity, signupClosesAt: at('2026-12-05T10:00:00+08:00') };
    expect(signupWindowVerdict(event, at('2026-12-05T09:30:00+08:00'))).toBe('open');
  });

  it('a campaign period is never bookable, whatever the clock', () => {
    const campaign = { ...activity, kind: 'campaign' as const };
    expect(isBookable('campaign')).toBe(false);
    expect(isBookable('activity')).toBe(true);
    expect(signupWindowVerdict(campaign, at('2026-11-01T00:00:00+08:00'))).toBe('not-bookable');
  });

  it('an event that is not published takes no sign-ups, and that is said before anything else', () => {
    for (const status of ['draft', 'pending', 'rejected', 'cancelled'] as const) {
      expect(signupWindowVerdict({ ...activity, kind: 'campaign', status }, at('2026-11-01T00:00:00+08:00'))).toBe('not-published');
    }
  });
});
