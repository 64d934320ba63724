// List filters (from=, to=) take a date or a full time: a bare date means the
// whole CST day.
import { cstEndOfDay, cstStartOfDay } from '@kepu/shared';

/** A list filter's bound: a bare date means the whole CST day (its start, or with `end` its last millisecond); a full time is exact. */
export function parseDateBound(value: string, end: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return end ? cstEndOfDay(value) : cstStartOfDay(value);
  return new Date(value);
}
