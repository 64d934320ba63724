import { auditDiff, changedValues, reviewedPartOf, sameValues } from './event-changes';

const current = {
  title: '天文讲座',
  description: '认识冬季星空',
  city: '唐山市',
  district: '路北区',
  venue: { name: '科技馆', address: '建设北路', lat: 39.6, lng: 118.1 },
  startsAt: '2026-12-05T09:00:00+08:00',
  endsAt: '2026-12-05T12:00:00+08:00',
  capacity: 30,
  audiences: ['青少年'],
  themes: ['航天'],
  campaign: null,
  coverImageId: null,
};

describe('what an edit changes', () => {
  it('the same instant written in UTC is no change; another instant is', () => {
    const sent = reviewedPartOf({ startsAt: '2026-12-05T01:00:00Z', endsAt: '2026-12-05T05:00:00Z' });
    expect(changedValues(current, sent)).toEqual({ endsAt: '2026-12-05T13:00:00+08:00' });
  });

  it('only reviewed fields are taken from an edit; the sign-up window is not one', () => {
    expect(reviewedPartOf({ title: '新标题', signupClosesAt: '2026-12-01T00:00:00+08:00' })).toEqual({ title: '新标题' });
  });

  it('a venue sent with the same values is no change, whatever its key order', () => {
    const venue = { lng: 118.1, lat: 39.6, address: '建设北路', name: '科技馆' };
    expect(changedValues(current, reviewedPartOf({ venue }))).toEqual({});
    expect(sameValues({ title: 'a' }, { title: 'a' })).toBe(true);
    expect(sameValues({ title: 'a' }, {})).toBe(false);
  });

  it('a new cover is a reviewed change, and so is removing one; sending the same cover is none', () => {
    expect(changedValues(current, reviewedPartOf({ coverImageId: 'u1' }))).toEqual({ coverImageId: 'u1' });
    expect(changedValues({ ...current, coverImageId: 'u1' }, reviewedPartOf({ coverImageId: null }))).toEqual({ coverImageId: null });
    expect(changedValues({ ...current, coverImageId: 'u1' }, reviewedPartOf({ coverImageId: 'u1' }))).toEqual({});
  });

  it('the audit keeps before and after of changed fields only, long texts cut at 200 characters', () => {
    const diff = auditDiff(current, { ...current, description: '长'.repeat(300), capacity: 30, title: '新' });
    expect(diff).toEqual({ description: { before: '认识冬季星空', after: `${'长'.repeat(200)}…` }, title: { before: '天文讲座', after: '新' } });
  });
});
