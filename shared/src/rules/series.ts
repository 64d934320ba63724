// Recurring events: the dates of a series' occurrences, in China Standard Time
// (no daylight saving, so a day is always 24 hours). The server creates what
// this gives; the event form previews the same dates before it sends them.
import { addDays, cstDateOf, cstStartOfDay } from '../time';

export type SeriesFrequency = 'daily' | 'weekly' | 'monthly';

export interface SeriesRule {
  frequency: SeriesFrequency;
  interval: number;
  weekdays?: number[];
  until?: string;
  count?: number;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

/** A series never has more occurrences than this (a year of weekly classes). */
export const MAX_OCCURRENCES = 52;

/** ISO weekday of a YYYY-MM-DD date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(isoDate: string): number {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Days in a month (1-12) of a year, leap years included. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The date `months` months after a YYYY-MM-DD date, on the same day of the
 * month; a day the month does not have (the 31st in April, the 29th-31st in
 * February) becomes that month's last day. Always counted from the first
 * date, so 1月31日 gives 2月28日 and then 3月31日, not 3月28日.
 */
export function addMonthsClamped(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/**
 * Every occurrence of a series whose first occurrence runs from startsAt to
 * endsAt, at most MAX_OCCURRENCES. Weekly series fall on `weekdays` (default:
 * the first one's weekday) of every `interval`-th week counted from the first
 * one's week; monthly series on the first one's day of every `interval`-th
 * month (see addMonthsClamped).
 */
export function seriesOccurrences(startsAt: Date, endsAt: Date, rule: SeriesRule): Occurrence[] {
  const firstDate = cstDateOf(startsAt);
  const timeOfDay = startsAt.getTime() - cstStartOfDay(firstDate).getTime();
  const duration = endsAt.getTime() - startsAt.getTime();
  const limit = Math.min(rule.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
  const at = (date: string): Occurrence => {
    const start = new Date(cstStartOfDay(date).getTime() + timeOfDay);
    return { startsAt: start, endsAt: new Date(start.getTime() + duration) };
  };

  const occurrences: Occurrence[] = [];
  if (rule.frequency === 'monthly') {
    for (let n = 0; occurrences.length < limit; n++) {
      const date = addMonthsClamped(firstDate, n * rule.interval);
      if (rule.until && date > rule.until) break;
      occurrences.push(at(date));
    }
    return occurrences;
  }

  const weekdays = new Set(rule.weekdays ?? [isoWeekday(firstDate)]);
  const firstMonday = addDays(firstDate, 1 - isoWeekday(firstDate));
  // Walk day by day; the bound (8-weekly for 52 occurrences, about 8 years of days) ends even a rule that never matches.
  for (let offset = 0; occurrences.length < limit && offset <= 8 * 7 * MAX_OCCURRENCES; offset++) {
    const date = addDays(firstDate, offset);
    if (rule.until && date > rule.until) break;
    if (isOccurrenceDate(date, offset, rule, weekdays, firstMonday)) occurrences.push(at(date));
  }
  return occurrences;
}

function isOccurrenceDate(date: string, offset: number, rule: SeriesRule, weekdays: Set<number>, firstMonday: string): boolean {
  if (rule.frequency === 'daily') return offset % rule.interval === 0;
  if (!weekdays.has(isoWeekday(date))) return false;
  const daysSinceFirstMonday = Math.round((cstStartOfDay(date).getTime() - cstStartOfDay(firstMonday).getTime()) / 86_400_000);
  return Math.floor(daysSinceFirstMonday / 7) % rule.interval === 0;
}
