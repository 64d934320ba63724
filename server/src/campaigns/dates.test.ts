import { addDays } from '@kepu/shared';
import { knownAutumnEquinoxes } from './known-dates.fixture';
import { autumnEquinoxInChina, autumnEquinoxInstant, dayOfWeek, isoDate, lastDayOfMonth, nthWeekdayOfMonth, parseIsoDate } from './dates';

describe('calendar dates', () => {
  it('formats a calendar date as YYYY-MM-DD, padding small years', () => {
    expect(isoDate(2025, 9, 1)).toBe('2025-09-01');
    expect(isoDate(5, 1, 1)).toBe('0005-01-01');
  });

  it('adds days across month and year ends, and a leap day', () => {
    expect(addDays('2022-08-29', 6)).toBe('2022-09-04');
    expect(addDays('2023-12-29', 6)).toBe('2024-01-04');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('does not depend on the local time zone: days are counted in UTC', () => {
    // 2025-03-30 is the day European clocks move forward; a local-time implementation drifts here.
    expect(addDays('2025-03-29', 1)).toBe('2025-03-30');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(dayOfWeek('2025-03-30')).toBe(0);
  });

  it('rejects strings that are not real ISO dates', () => {
    expect(() => parseIsoDate('2025-9-1')).toThrow(RangeError);
    expect(() => parseIsoDate('2025-02-30')).toThrow(RangeError);
  });

  it('knows the last day of every month, February included', () => {
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2100, 2)).toBe('2100-02-28');
    expect(lastDayOfMonth(2025, 9)).toBe('2025-09-30');
    expect(lastDayOfMonth(2025, 12)).toBe('2025-12-31');
  });
});

describe('nth weekday of a month', () => {
  it('when asked for the third Sunday of May 2021, then it is the 16th', () => {
    expect(nthWeekdayOfMonth(2021, 5, 0, 3)).toBe('2021-05-16');
  });

  it('when the month starts on the wanted weekday, then that day is the first one', () => {
    expect(nthWeekdayOfMonth(2022, 5, 0, 1)).toBe('2022-05-01');
  });

  it('when asked for the last Monday of March, then it counts back from the 31st', () => {
    expect(nthWeekdayOfMonth(2025, 3, 1, -1)).toBe('2025-03-31');
    expect(nthWeekdayOfMonth(2024, 3, 1, -1)).toBe('2024-03-25');
  });

  it('when the month has no such day, then there is none', () => {
    // April 2024 starts on a Monday: five Mondays and Tuesdays, four Wednesdays.
    expect(nthWeekdayOfMonth(2024, 4, 1, 5)).toBe('2024-04-29');
    expect(nthWeekdayOfMonth(2024, 4, 3, 5)).toBeNull();
    expect(nthWeekdayOfMonth(2024, 4, 3, -5)).toBeNull();
    expect(nthWeekdayOfMonth(2024, 4, 2, 0)).toBeNull();
  });
});

describe('autumn equinox', () => {
  it.each(knownAutumnEquinoxes)('in %i falls on %s in Beijing time', (year, date) => {
    expect(autumnEquinoxInChina(year)).toBe(date);
  });

  it('when the equinox is on the evening of the 22nd in UTC, then it is already the 23rd in China', () => {
    // Published instant: 2021-09-22 19:21 UTC.
    expect(autumnEquinoxInstant(2021).toISOString().slice(0, 10)).toBe('2021-09-22');
    expect(autumnEquinoxInChina(2021)).toBe('2021-09-23');
  });

  it('lands within two minutes of the published instants', () => {
    const published: Array<[number, string]> = [
      [2018, '2018-09-23T01:54:00Z'],
      [2020, '2020-09-22T13:31:00Z'],
      [2024, '2024-09-22T12:44:00Z'],
      [2025, '2025-09-22T18:19:00Z'],
    ];
    for (const [year, instant] of published) {
      const error = Math.abs(autumnEquinoxInstant(year).getTime() - Date.parse(instant));
      expect(error).toBeLessThan(2 * 60_000);
    }
  });

  it('falls between 22 and 24 September every year from 1900 to 2100', () => {
    for (let year = 1900; year <= 2100; year += 1) {
      expect(['09-22', '09-23', '09-24']).toContain(autumnEquinoxInChina(year).slice(5));
    }
  });

  it('refuses years outside 1900-2100, where the approximation is not checked', () => {
    expect(() => autumnEquinoxInChina(1899)).toThrow(RangeError);
    expect(() => autumnEquinoxInChina(2101)).toThrow(RangeError);
    expect(() => autumnEquinoxInChina(2025.5)).toThrow(RangeError);
  });
});
