// Calendar arithmetic on ISO `YYYY-MM-DD` dates, done in UTC on the calendar date.
// Owns weekday rules and the autumn equinox; knows nothing about campaigns.

const MS_PER_DAY = 86_400_000;

export interface CalendarDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

/** Midnight UTC of a calendar date. `setUTCFullYear` because `Date.UTC` maps years 0..99 to 1900s. */
function utcMidnight(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function formatUtc(date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** `isoDate(2025, 9, 1)` -> `2025-09-01`; out-of-range days roll over (`(2025, 2, 29)` -> `2025-03-01`). */
export function isoDate(year: number, month: number, day: number): string {
  return formatUtc(utcMidnight(year, month, day));
}

export function parseIsoDate(iso: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`Not an ISO date: ${iso}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (isoDate(year, month, day) !== iso) throw new RangeError(`No such date: ${iso}`);
  return { year, month, day };
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  return utcMidnight(year, month, day).getUTCDay();
}

export function lastDayOfMonth(year: number, month: number): string {
  // Day 0 of the next month is the last day of this one.
  return isoDate(year, month + 1, 0);
}

/**
 * The nth `weekday` (0 = Sunday) of a month; `nth = -1` is the last one.
 * Null when the month has no such day (a fifth Monday, say).
 */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): string | null {
  if (nth === 0 || !Number.isInteger(nth)) return null;
  if (nth > 0) {
    const first = dayOfWeek(isoDate(year, month, 1));
    const day = 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7;
    const date = isoDate(year, month, day);
    return parseIsoDate(date).month === month ? date : null;
  }
  const last = lastDayOfMonth(year, month);
  const lastDay = parseIsoDate(last).day;
  const day = lastDay - ((dayOfWeek(last) - weekday + 7) % 7) + (nth + 1) * 7;
  return day >= 1 ? isoDate(year, month, day) : null;
}

// --- Autumn equinox ---------------------------------------------------------

export const EQUINOX_FIRST_YEAR = 1900;
export const EQUINOX_LAST_YEAR = 2100;

/** Periodic terms [A, B°, C°] of Meeus, Astronomical Algorithms, table 27.C. */
const EQUINOX_TERMS: ReadonlyArray<readonly [number, number, number]> = [
  [485, 324.96, 1934.136],
  [203, 337.23, 32964.467],
  [199, 342.08, 20.186],
  [182, 27.85, 445267.112],
  [156, 73.14, 45036.886],
  [136, 171.52, 22518.443],
  [77, 222.54, 65928.934],
  [74, 296.72, 3034.906],
  [70, 243.58, 9037.513],
  [58, 119.81, 33718.147],
  [52, 297.17, 150.678],
  [50, 21.02, 2281.226],
  [45, 247.54, 29929.562],
  [44, 325.15, 31555.956],
  [29, 60.93, 4443.417],
  [18, 155.12, 67555.328],
  [17, 288.79, 4562.452],
  [16, 198.04, 62894.029],
  [14, 199.76, 31436.921],
  [12, 95.39, 14577.848],
  [12, 287.11, 31931.756],
  [12, 320.81, 34777.259],
  [9, 227.73, 1222.114],
  [8, 15.45, 16859.074],
];

const degrees = (value: number): number => (value * Math.PI) / 180;

/** Julian Ephemeris Day of the September equinox (Meeus ch. 27, about a minute off in 1900-2100). */
function septemberEquinoxJde(year: number): number {
  const y = (year - 2000) / 1000;
  const jde0 = 2451810.21715 + 365242.01767 * y - 0.11575 * y ** 2 + 0.00337 * y ** 3 + 0.00078 * y ** 4;
  const t = (jde0 - 2451545.0) / 36525;
  const w = degrees(35999.373 * t - 2.47);
  const deltaLambda = 1 + 0.0334 * Math.cos(w) + 0.0007 * Math.cos(2 * w);
  const s = EQUINOX_TERMS.reduce((sum, [a, b, c]) => sum + a * Math.cos(degrees(b + c * t)), 0);
  return jde0 + (0.00001 * s) / deltaLambda;
}

/** TT - UT in seconds, Espenak & Meeus polynomials; only matters when the equinox falls near midnight. */
function deltaTSeconds(year: number): number {
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  return -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year);
}

const JULIAN_DAY_OF_UNIX_EPOCH = 2440587.5;
const CHINA_STANDARD_TIME_OFFSET_DAYS = 8 / 24;

/**
 * The instant of the September equinox, as a UTC `Date` (to within about a minute).
 * Throws RangeError outside 1900-2100, where the approximation is not checked.
 */
export function autumnEquinoxInstant(year: number): Date {
  if (!Number.isInteger(year) || year < EQUINOX_FIRST_YEAR || year > EQUINOX_LAST_YEAR) {
    throw new RangeError(`Autumn equinox is computed for ${EQUINOX_FIRST_YEAR}-${EQUINOX_LAST_YEAR}, not ${year}`);
  }
  const julianDayUt = septemberEquinoxJde(year) - deltaTSeconds(year) / 86_400;
  return new Date(Math.round((julianDayUt - JULIAN_DAY_OF_UNIX_EPOCH) * MS_PER_DAY));
}

/** 秋分 as a Beijing-time calendar date: 2021's equinox was 09-22 in UTC but 09-23 in China. */
export function autumnEquinoxInChina(year: number): string {
  const instant = autumnEquinoxInstant(year);
  return formatUtc(new Date(instant.getTime() + CHINA_STANDARD_TIME_OFFSET_DAYS * MS_PER_DAY));
}
