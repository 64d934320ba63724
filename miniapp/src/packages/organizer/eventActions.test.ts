import { actionLabel, eventActions } from './eventActions';

const now = new Date('2026-12-05T10:00:00+08:00');
const at = (startsAt: string, endsAt: string) => ({ startsAt: `${startsAt}+08:00`, endsAt: `${endsAt}+08:00` });
const later = at('2026-12-12T09:00:00', '2026-12-12T11:00:00');

describe('the one next step on an event card', () => {
  test('a draft is submitted for review; editing is in 更多', () => {
    expect(eventActions({ status: 'draft', ...later }, now)).toEqual({ primary: 'submit', more: ['edit', 'view'] });
  });

  test('a rejected event is edited first (the reviewer asked for a change); submitting again is in 更多', () => {
    expect(eventActions({ status: 'rejected', ...later }, now)).toEqual({ primary: 'edit', more: ['submit', 'view'] });
  });

  test('a pending event can only be looked at', () => {
    expect(eventActions({ status: 'pending', ...later }, now)).toEqual({ primary: 'view', more: [] });
  });

  test('a published event days away opens its sign-up sheet; check-in, volunteers, edit and export are in 更多, and cancelling comes last', () => {
    const { primary, more } = eventActions({ status: 'published', ...later }, now);
    expect(primary).toBe('signups');
    expect(more).toEqual(['checkin', 'volunteers', 'edit', 'exportSignups', 'view', 'cancel']);
    // WeChat's action sheet takes at most 6 items.
    expect(more.length).toBeLessThanOrEqual(6);
  });

  test('a published event on its day (later today, or under way) checks people in', () => {
    expect(eventActions({ status: 'published', ...at('2026-12-05T19:00:00', '2026-12-05T21:00:00') }, now).primary).toBe('checkin');
    expect(eventActions({ status: 'published', ...at('2026-12-04T09:00:00', '2026-12-06T17:00:00') }, now).primary).toBe('checkin');
    // Tomorrow morning is not today, even though it is under 24 hours away.
    expect(eventActions({ status: 'published', ...at('2026-12-06T08:00:00', '2026-12-06T09:00:00') }, now).primary).toBe('signups');
  });

  test('a published event that has ended exports its list and can no longer be cancelled', () => {
    const { primary, more } = eventActions({ status: 'published', ...at('2026-12-05T08:00:00', '2026-12-05T10:00:00') }, now);
    expect(primary).toBe('exportSignups');
    expect(more).not.toContain('cancel');
    expect(more).toContain('signups');
  });

  test('a cancelled event is looked at; its sign-up sheet stays reachable', () => {
    expect(eventActions({ status: 'cancelled', ...later }, now)).toEqual({ primary: 'view', more: ['signups'] });
  });

  test('every action that the cards had before stays reachable for a published event', () => {
    const { primary, more } = eventActions({ status: 'published', ...later }, now);
    const labels = [primary, ...more].map((action) => actionLabel(action, 'published'));
    expect(labels).toEqual(expect.arrayContaining(['签到', '报名名单', '志愿者', '岗位与编辑', '取消活动']));
  });
});
