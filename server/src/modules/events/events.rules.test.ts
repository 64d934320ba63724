import { canCancel, noticeWorthyChanges } from './events.rules';

const at = (iso: string) => new Date(iso);
const base = { startsAt: at('2026-12-05T09:00:00+08:00'), endsAt: at('2026-12-05T12:00:00+08:00'), venueName: '科技馆', venueAddress: '建设北路' };

describe('event rules', () => {
  it('tells people coming about a new time or place, not about other edits', () => {
    expect(noticeWorthyChanges(base, { ...base })).toEqual([]);
    expect(noticeWorthyChanges(base, { ...base, endsAt: at('2026-12-05T12:30:00+08:00') })).toEqual(['time']);
    expect(noticeWorthyChanges(base, { ...base, venueAddress: '新华道' })).toEqual(['venue']);
    expect(noticeWorthyChanges(base, { ...base, startsAt: at('2026-12-06T09:00:00+08:00'), venueName: '图书馆' })).toEqual(['time', 'venue']);
  });

  it('cancels only events that are not cancelled and have not ended', () => {
    expect(canCancel({ status: 'published', endsAt: base.endsAt }, at('2026-12-05T11:59:00+08:00'))).toBe(true);
    expect(canCancel({ status: 'published', endsAt: base.endsAt }, at('2026-12-05T12:00:00+08:00'))).toBe(false);
    expect(canCancel({ status: 'cancelled', endsAt: base.endsAt }, at('2026-12-01T00:00:00+08:00'))).toBe(false);
  });
});
