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
