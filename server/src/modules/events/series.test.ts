import { toCstIso } from '@kepu/shared';
import { isoWeekday, MAX_OCCURRENCES, seriesOccurrences } from './series';

const at = (iso: string) => new Date(iso);
const starts = (list: { startsAt: Date }[]) => list.map((o) => toCstIso(o.startsAt));

describe('series occurrences', () => {
  it('knows ISO weekdays', () => {
    expect(isoWeekday('2023-05-20')).toBe(6); // a Saturday
    expect(isoWeekday('2023-05-21')).toBe(7);
    expect(isoWeekday('2023-05-22')).toBe(1);
  });

  it('puts every Saturday of a campaign week and the next at the same local time', () => {
    const list = seriesOccurrences(at('2023-05-20T09:00:00+08:00'), at('2023-05-20T11:30:00+08:00'), { frequency: 'weekly', interval: 1, until: '2023-06-03' });
    expect(starts(list)).toEqual(['2023-05-20T09:00:00+08:00', '2023-05-27T09:00:00+08:00', '2023-06-03T09:00:00+08:00']);
    expect(list.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 2.5 * 3600_000)).toBe(true);
  });

  it('handles several weekdays every other week, counted from the first week', () => {
    // Starts Wednesday 2024-03-06; Mondays and Wednesdays of weeks 0, 2, 4 …
    const list = seriesOccurrences(at('2024-03-06T14:00:00+08:00'), at('2024-03-06T15:00:00+08:00'), {
      frequency: 'weekly',
      interval: 2,
      weekdays: [1, 3],
      count: 4,
    });
    expect(starts(list)).toEqual(['2024-03-06T14:00:00+08:00', '2024-03-18T14:00:00+08:00', '2024-03-20T14:00:00+08:00', '2024-04-01T14:00:00+08:00']);
  });

  it('never starts before the first occurrence, even if an earlier weekday is listed', () => {
    const list = seriesOccurrences(at('2024-03-06T14:00:00+08:00'), at('2024-03-06T15:00:00+08:00'), {
      frequency: 'weekly',
      interval: 1,
      weekdays: [1],
      count: 1,
    });
    expect(starts(list)).toEqual(['2024-03-11T14:00:00+08:00']);
  });

  it('counts daily series and crosses the CST midnight correctly', () => {
    // 23:30 CST is 15:30 UTC: the CST date, not the UTC one, must advance.
    const list = seriesOccurrences(at('2024-12-30T23:30:00+08:00'), at('2024-12-31T00:30:00+08:00'), { frequency: 'daily', interval: 2, count: 3 });
    expect(starts(list)).toEqual(['2024-12-30T23:30:00+08:00', '2025-01-01T23:30:00+08:00', '2025-01-03T23:30:00+08:00']);
  });

  it('caps a series at a year of weekly occurrences', () => {
    const list = seriesOccurrences(at('2024-01-01T09:00:00+08:00'), at('2024-01-01T10:00:00+08:00'), { frequency: 'daily', interval: 1, until: '2030-01-01' });
    expect(list).toHaveLength(MAX_OCCURRENCES);
  });
});
