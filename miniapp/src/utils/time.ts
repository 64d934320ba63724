// Dates and times as residents read them, always in China Standard Time
// whatever the phone's time zone: the API emits +08:00 and so do we.
// Arithmetic and formatting come from shared (no zod there, so it is cheap to bundle).
import {
  addDays,
  cstDateOf,
  cstEndOfDay,
  cstParts,
  cstStartOfDay,
  formatDateTime as sharedFormatDateTime,
  formatDay as sharedFormatDay,
  formatDaySpan as sharedFormatDaySpan,
  formatFullDate,
  formatFullDateTime,
  formatRange as sharedFormatRange,
  toCstIso,
  type CstParts,
} from '@kepu/shared/time';

export { addDays, cstParts, formatFullDate, formatFullDateTime, type CstParts };

/** YYYY-MM-DD of an instant, in China. */
export function cstDate(value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(typeof value === 'string' ? Date.parse(value) : value);
  return Number.isNaN(date.getTime()) ? '' : cstDateOf(date);
}

// The shared formatters with the phone's clock, so this year's dates go without the year.
/** `12月6日 周日` */
export const formatDay = (value: string | Date) => sharedFormatDay(value, { now: new Date() });
/** `12月6日 周日 09:30` */
export const formatDateTime = (value: string | Date) => sharedFormatDateTime(value, { now: new Date() });
/** `12月6日 周日 09:30–11:30`, or both ends in full when they fall on different days. */
export const formatRange = (startsAt: string | Date, endsAt?: string | Date | null) => sharedFormatRange(startsAt, endsAt, { now: new Date() });
/** `9月15日–21日` for a campaign's date-only span. */
export const formatDaySpan = (startsOn: string | null, endsOn: string | null) => sharedFormatDaySpan(startsOn, endsOn, { now: new Date() });

/** 0 = Sunday, for a YYYY-MM-DD date. */
export function weekdayOf(date: string): number {
  return cstParts(`${date}T12:00:00+08:00`)?.weekday ?? 0;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Start and end of a CST day as times with offset, for `from`/`to` filters. */
export function dayBounds(date: string): { from: string; to: string } {
  return { from: toCstIso(cstStartOfDay(date)), to: toCstIso(cstEndOfDay(date)) };
}
