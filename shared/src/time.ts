// China Standard Time helpers. The contract emits every time as +08:00 and
// every calendar date as YYYY-MM-DD in CST, whatever the server's own zone.

const CST_OFFSET_MS = 8 * 3600_000;

/** 2023-09-16T01:00:00Z -> "2023-09-16T09:00:00+08:00". */
export function toCstIso(date: Date): string {
  const shifted = new Date(date.getTime() + CST_OFFSET_MS);
  return shifted.toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

/** The CST calendar date of an instant: YYYY-MM-DD. */
export function cstDateOf(date: Date): string {
  return new Date(date.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight at the start of a CST calendar date. */
export function cstStartOfDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}

/** The last millisecond of a CST calendar date. */
export function cstEndOfDay(isoDate: string): Date {
  return new Date(cstStartOfDay(isoDate).getTime() + 86_400_000 - 1);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---- Dates as people write them (12月6日 周日 09:30), in China Standard Time ----
// Every screen, export and certificate formats through these, so no ISO text
// (2026-12-06, …T21:02:12+08:00) reaches a reader. `now` decides whether the
// year is worth saying: it is left out within the current year.

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

export interface CstParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

/** The CST calendar and clock parts of an instant (ISO text, epoch ms or Date), or of a YYYY-MM-DD date. */
export function cstParts(value: string | number | Date): CstParts | null {
  const text = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value;
  const ms = typeof text === 'string' ? Date.parse(text) : typeof text === 'number' ? text : text.getTime();
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

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const clock = (p: CstParts) => `${pad2(p.hour)}:${pad2(p.minute)}`;
const yearOf = (now: Date | undefined) => (now ? cstParts(now)?.year : undefined);
/** `12月6日`, with `2025年` in front when it is not the current year (always, without `now`). */
const monthDay = (p: CstParts, now?: Date) => `${yearOf(now) === p.year ? '' : `${p.year}年`}${p.month}月${p.day}日`;

export interface FormatOptions {
  /** The clock: the year is left out for dates in now's year. Without it the year is always written. */
  now?: Date;
}

/** `12月6日 周日` (a YYYY-MM-DD date or an instant). */
export function formatDay(value: string | Date, { now }: FormatOptions = {}): string {
  const p = cstParts(value);
  return p ? `${monthDay(p, now)} 周${WEEKDAYS[p.weekday]}` : '';
}

/** `12月6日 周日 09:30`. */
export function formatDateTime(value: string | Date, { now }: FormatOptions = {}): string {
  const p = cstParts(value);
  return p ? `${monthDay(p, now)} 周${WEEKDAYS[p.weekday]} ${clock(p)}` : '';
}

/** `12月6日 周日 09:30–11:30`, or both ends in full when they fall on different days. */
export function formatRange(startsAt: string | Date, endsAt?: string | Date | null, options: FormatOptions = {}): string {
  const start = cstParts(startsAt);
  if (!start) return '';
  const head = formatDateTime(startsAt, options);
  const end = endsAt ? cstParts(endsAt) : null;
  if (!end) return head;
  if (start.year === end.year && start.month === end.month && start.day === end.day) return `${head}–${clock(end)}`;
  return `${head} 至 ${formatDateTime(endsAt!, options)}`;
}

/** `9月15日–21日` for a date-only span (a campaign's days); `日期待公布` without a start. */
export function formatDaySpan(startsOn: string | null, endsOn: string | null, { now }: FormatOptions = {}): string {
  const start = startsOn ? cstParts(startsOn) : null;
  if (!start) return '日期待公布';
  const end = endsOn && endsOn !== startsOn ? cstParts(endsOn) : null;
  const head = monthDay(start, now);
  if (!end) return head;
  if (end.year !== start.year) return `${head}–${end.year}年${end.month}月${end.day}日`;
  return end.month === start.month ? `${head}–${end.day}日` : `${head}–${end.month}月${end.day}日`;
}

/** `2026年11月29日`: a document's date (certificate, plan), always with the year. */
export function formatFullDate(value: string | Date): string {
  const p = cstParts(value);
  return p ? `${p.year}年${p.month}月${p.day}日` : '';
}

/** `2026年11月29日 21:02`: a time in an export or a record, always with the year. */
export function formatFullDateTime(value: string | Date): string {
  const p = cstParts(value);
  return p ? `${formatFullDate(value)} ${clock(p)}` : '';
}
