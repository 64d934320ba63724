import { toCstIso } from '../time';
import { addMonthsClamped, isoWeekday, MAX_OCCURRENCES, seriesOccurrences } from './series';

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

  describe('monthly', () => {
    const monthly = (first: string, count: number, interval = 1) =>
      starts(seriesOccurrences(at(`${first}T09:30:00+08:00`), at(`${first}T11:30:00+08:00`), { frequency: 'monthly', interval, count }));

    it('keeps the day of the month and the local time', () => {
      expect(monthly('2026-12-06', 3)).toEqual(['2026-12-06T09:30:00+08:00', '2027-01-06T09:30:00+08:00', '2027-02-06T09:30:00+08:00']);
    });

    it('when the month has no 31st, then the occurrence is on its last day, and the next month is back on the 31st', () => {
      expect(monthly('2027-01-31', 4)).toEqual([
        '2027-01-31T09:30:00+08:00',
        '2027-02-28T09:30:00+08:00',
        '2027-03-31T09:30:00+08:00',
        '2027-04-30T09:30:00+08:00',
      ]);
    });

    it('when the first is on the 30th, then February takes its last day and March is back on the 30th', () => {
      expect(monthly('2026-11-30', 4)).toEqual([
        '2026-11-30T09:30:00+08:00',
        '2026-12-30T09:30:00+08:00',
        '2027-01-30T09:30:00+08:00',
        '2027-02-28T09:30:00+08:00',
      ]);
    });

    it('in a leap year, the 29th, 30th and 31st fall on 2月29日', () => {
      expect(addMonthsClamped('2028-01-29', 1)).toBe('2028-02-29');
      expect(addMonthsClamped('2028-01-30', 1)).toBe('2028-02-29');
      expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
      expect(addMonthsClamped('2027-01-29', 1)).toBe('2027-02-28');
      // A series starting on 2月29日 stays on the 29th afterwards.
      expect(monthly('2028-02-29', 3)).toEqual(['2028-02-29T09:30:00+08:00', '2028-03-29T09:30:00+08:00', '2028-04-29T09:30:00+08:00']);
    });

    it('crosses the year and counts every N-th month', () => {
      expect(addMonthsClamped('2026-11-15', 14)).toBe('2028-01-15');
      expect(monthly('2026-10-31', 3, 2)).toEqual(['2026-10-31T09:30:00+08:00', '2026-12-31T09:30:00+08:00', '2027-02-28T09:30:00+08:00']);
    });

    it('stops at the last date allowed and at the cap', () => {
      const until = seriesOccurrences(at('2026-12-06T09:30:00+08:00'), at('2026-12-06T10:30:00+08:00'), {
        frequency: 'monthly',
        interval: 1,
        until: '2027-02-05',
      });
      expect(starts(until)).toEqual(['2026-12-06T09:30:00+08:00', '2027-01-06T09:30:00+08:00']);
      expect(monthly('2026-12-06', 500)).toHaveLength(MAX_OCCURRENCES);
    });

    it('a late-night start keeps its CST date (the UTC date is the day before)', () => {
      const list = seriesOccurrences(at('2027-01-31T07:00:00+08:00'), at('2027-01-31T08:00:00+08:00'), { frequency: 'monthly', interval: 1, count: 2 });
      expect(starts(list)).toEqual(['2027-01-31T07:00:00+08:00', '2027-02-28T07:00:00+08:00']);
    });
  });
});
