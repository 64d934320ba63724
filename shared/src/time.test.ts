import { formatDateTime, formatDay, formatDaySpan, formatFullDate, formatFullDateTime, formatRange } from './time';

// 2026-11-29 21:02 in China; the UTC date is still the 29th, 13:02.
const now = new Date('2026-11-29T13:02:12Z');

describe('dates as people write them', () => {
  it('when a time falls in the current year, then it reads month, day, weekday and clock without the year', () => {
    expect(formatDateTime('2026-12-06T09:30:00+08:00', { now })).toBe('12月6日 周日 09:30');
  });

  it('when a time falls in another year, then the year is written in front', () => {
    expect(formatDateTime('2027-01-03T08:05:00+08:00', { now })).toBe('2027年1月3日 周日 08:05');
    expect(formatDateTime('2025-12-31T23:59:00+08:00', { now })).toBe('2025年12月31日 周三 23:59');
  });

  it('when the time is given in UTC, then it is read in China Standard Time (the next day after 16:00 UTC)', () => {
    expect(formatDateTime('2026-12-05T17:30:00Z', { now })).toBe('12月6日 周日 01:30');
    expect(formatDateTime(new Date('2026-12-05T17:30:00Z'), { now })).toBe('12月6日 周日 01:30');
  });

  it('when no clock is given, then the year is always written', () => {
    expect(formatDateTime('2026-12-06T09:30:00+08:00')).toBe('2026年12月6日 周日 09:30');
  });

  it('when a range starts and ends on one day, then the end is only a clock', () => {
    expect(formatRange('2026-12-06T09:30:00+08:00', '2026-12-06T11:30:00+08:00', { now })).toBe('12月6日 周日 09:30–11:30');
  });

  it('when a range spans days, then both ends are written in full', () => {
    expect(formatRange('2026-12-06T09:30:00+08:00', '2026-12-07T11:30:00+08:00', { now })).toBe('12月6日 周日 09:30 至 12月7日 周一 11:30');
    expect(formatRange('2026-12-31T20:00:00+08:00', '2027-01-01T02:00:00+08:00', { now })).toBe('12月31日 周四 20:00 至 2027年1月1日 周五 02:00');
  });

  it('when a range has no end, then it is the start alone', () => {
    expect(formatRange('2026-12-06T09:30:00+08:00', null, { now })).toBe('12月6日 周日 09:30');
  });

  it('when a date has no time, then it reads month, day and weekday', () => {
    expect(formatDay('2026-12-06', { now })).toBe('12月6日 周日');
    expect(formatDay('2024-03-01', { now })).toBe('2024年3月1日 周五');
  });

  it('when a campaign spans days, then the month is said once within a month and the year only when it is not this year', () => {
    expect(formatDaySpan('2026-09-15', '2026-09-21', { now })).toBe('9月15日–21日');
    expect(formatDaySpan('2026-10-28', '2026-11-03', { now })).toBe('10月28日–11月3日');
    expect(formatDaySpan('2027-05-17', '2027-05-17', { now })).toBe('2027年5月17日');
    expect(formatDaySpan('2026-12-28', '2027-01-03', { now })).toBe('12月28日–2027年1月3日');
    expect(formatDaySpan(null, null, { now })).toBe('日期待公布');
  });

  it('when a document or an export needs a date, then it is written in full with the year', () => {
    expect(formatFullDate('2026-11-29')).toBe('2026年11月29日');
    expect(formatFullDate(now)).toBe('2026年11月29日');
    expect(formatFullDateTime('2026-11-29T21:02:12+08:00')).toBe('2026年11月29日 21:02');
  });

  it('when the input is not a date, then the result is empty rather than "Invalid Date"', () => {
    expect(formatDateTime('soon', { now })).toBe('');
    expect(formatFullDateTime('')).toBe('');
  });
});
