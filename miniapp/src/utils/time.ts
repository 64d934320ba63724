// Dates and times as residents read them, always in China Standard Time
// whatever the phone's time zone: the API emits +08:00 and so do we.
// Date arithmetic comes from shared (no zod there, so it is cheap to bundle).
import { addDays, cstDateOf, cstEndOfDay, cstStartOfDay, toCstIso } from '@kepu/shared/time';

export { addDays };

const CST_OFFSET_MS = 8 * 3600 * 1000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

export interface CstParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

export function cstParts(value: string | number | Date): CstParts | null {
  const ms = typeof value === 'string' ? Date.parse(value) : typeof value === 'number' ? value : value.getTime();
  if (Number.isNaN(ms)) return null;
  const shifted = new Date(ms + CST_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** YYYY-MM-DD of an instant, in China. */
export function cstDate(value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(typeof value === 'string' ? Date.parse(value) : value);
  return Number.isNaN(date.getTime()) ? '' : cstDateOf(date);
}

/** `9月16日 周六 09:00` */
export function formatDateTime(iso: string): string {
  const p = cstParts(iso);
  return p ? `${p.month}月${p.day}日 周${WEEKDAYS[p.weekday]} ${pad(p.hour)}:${pad(p.minute)}` : '';
}

/** `9月16日 周六 09:00–11:30`, or both ends in full when they fall on different days. */
export function formatRange(startsAt: string, endsAt?: string | null): string {
  const start = cstParts(startsAt);
  const end = endsAt ? cstParts(endsAt) : null;
  if (!start) return '';
  const head = formatDateTime(startsAt);
  if (!end) return head;
  if (start.year === end.year && start.month === end.month && start.day === end.day) return `${head}–${pad(end.hour)}:${pad(end.minute)}`;
  return `${head} 至 ${formatDateTime(endsAt!)}`;
}

/** `9月15日–21日` for a campaign's date-only span. */
export function formatDaySpan(startsOn: string | null, endsOn: string | null): string {
  if (!startsOn) return '日期待公布';
  const [, sm, sd] = startsOn.split('-').map(Number);
  if (!endsOn || endsOn === startsOn) return `${sm}月${sd}日`;
  const [, em, ed] = endsOn.split('-').map(Number);
  return em === sm ? `${sm}月${sd}日–${ed}日` : `${sm}月${sd}日–${em}月${ed}日`;
}

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
