import { canCancel, canEdit, canReview, canSubmit, capacityAllowed, editGoesToReview, noticeWorthyChanges, statusAfterEdit } from './events.rules';

const at = (iso: string) => new Date(iso);
const base = { startsAt: at('2026-12-05T09:00:00+08:00'), endsAt: at('2026-12-05T12:00:00+08:00'), venueName: '科技馆', venueAddress: '建设北路' };

describe('event rules', () => {
  it('tells people coming about a new time or place, not about other edits', () => {
    expect(noticeWorthyChanges(base, { ...base })).toEqual([]);
    expect(noticeWorthyChanges(base, { ...base, endsAt: at('2026-12-05T12:30:00+08:00') })).toEqual(['time']);
    expect(noticeWorthyChanges(base, { ...base, venueAddress: '新华道' })).toEqual(['venue']);
    expect(noticeWorthyChanges(base, { ...base, startsAt: at('2026-12-06T09:00:00+08:00'), venueName: '图书馆' })).toEqual(['time', 'venue']);
  });

  it("only a published event's edit by an organization that is not trusted waits for a reviewer", () => {
    expect(editGoesToReview('published', false)).toBe(true);
    expect(editGoesToReview('published', true)).toBe(false);
    for (const status of ['draft', 'pending', 'rejected'] as const) expect(editGoesToReview(status, false)).toBe(false);
  });

  it('an event is edited in every state but cancelled', () => {
    for (const status of ['draft', 'pending', 'published', 'rejected'] as const) expect(canEdit(status)).toBe(true);
    expect(canEdit('cancelled')).toBe(false);
  });

  it('a draft or a rejected event is submitted for review; others are not', () => {
    expect(canSubmit('draft')).toBe(true);
    expect(canSubmit('rejected')).toBe(true);
    for (const status of ['pending', 'published', 'cancelled'] as const) expect(canSubmit(status)).toBe(false);
  });

  it('only a pending event is reviewed', () => {
    expect(canReview('pending')).toBe(true);
    for (const status of ['draft', 'published', 'rejected', 'cancelled'] as const) expect(canReview(status)).toBe(false);
  });

  it('when a rejected event is edited it goes back to draft; other states stay as they are', () => {
    expect(statusAfterEdit('rejected')).toBe('draft');
    expect(statusAfterEdit('published')).toBe('published');
    expect(statusAfterEdit('pending')).toBe('pending');
  });

  it('capacity grows freely but never drops below the seats already confirmed', () => {
    expect(capacityAllowed(30, 20)).toBe(true);
    expect(capacityAllowed(20, 20)).toBe(true);
    expect(capacityAllowed(19, 20)).toBe(false);
  });

  it('cancels only events that are not cancelled and have not ended', () => {
    expect(canCancel({ status: 'published', endsAt: base.endsAt }, at('2026-12-05T11:59:00+08:00'))).toBe(true);
    expect(canCancel({ status: 'published', endsAt: base.endsAt }, at('2026-12-05T12:00:00+08:00'))).toBe(false);
    expect(canCancel({ status: 'cancelled', endsAt: base.endsAt }, at('2026-12-01T00:00:00+08:00'))).toBe(false);
  });
});
