// Recurring events: the dates of a series' occurrences, in China Standard
// Time (no daylight saving, so a day is always 24 hours).
import { addDays, cstDateOf, cstStartOfDay } from '@kepu/shared';

export interface SeriesRule {
  frequency: 'daily' | 'weekly';
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

/**
 * Every occurrence of a series whose first occurrence runs from startsAt to
 * endsAt. Weekly series fall on `weekdays` (default: the first one's weekday)
 * of every `interval`-th week counted from the first one's week.
 */
export function seriesOccurrences(startsAt: Date, endsAt: Date, rule: SeriesRule): Occurrence[] {
  const firstDate = cstDateOf(startsAt);
  const timeOfDay = startsAt.getTime() - cstStartOfDay(firstDate).getTime();
  const duration = endsAt.getTime() - startsAt.getTime();
  const limit = Math.min(rule.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
  const weekdays = new Set(rule.weekdays ?? [isoWeekday(firstDate)]);
  const firstMonday = addDays(firstDate, 1 - isoWeekday(firstDate));

  const occurrences: Occurrence[] = [];
  // Walk day by day; the bound (8-weekly for 52 occurrences, about 8 years of days) ends even a rule that never matches.
  for (let offset = 0; occurrences.length < limit && offset <= 8 * 7 * MAX_OCCURRENCES; offset++) {
    const date = addDays(firstDate, offset);
    if (rule.until && date > rule.until) break;
    if (!isOccurrenceDate(date, offset, rule, weekdays, firstMonday)) continue;
    const start = new Date(cstStartOfDay(date).getTime() + timeOfDay);
    occurrences.push({ startsAt: start, endsAt: new Date(start.getTime() + duration) });
  }
  return occurrences;
}

function isOccurrenceDate(date: string, offset: number, rule: SeriesRule, weekdays: Set<number>, firstMonday: string): boolean {
  if (rule.frequency === 'daily') return offset % rule.interval === 0;
  if (!weekdays.has(isoWeekday(date))) return false;
  const daysSinceFirstMonday = Math.round((cstStartOfDay(date).getTime() - cstStartOfDay(firstMonday).getTime()) / 86_400_000);
  return Math.floor(daysSinceFirstMonday / 7) % rule.interval === 0;
}
