// List filters (from=, to=) take a date or a full time: a bare date means the
// whole CST day. Reports take a year.
import { z } from 'zod';
import { cstEndOfDay, cstStartOfDay } from '@kepu/shared';

/** `?year=` of a yearly report (progress, duties, statistics): four digits, 1990-2100; absent means this year. */
export const yearParam = z
  .string()
  .regex(/^\d{4}$/, '年份应为四位数字')
  .transform(Number)
  .refine((y) => y >= 1990 && y <= 2100, '年份应在 1990 至 2100 之间')
  .optional();

/** A list filter's bound: a bare date means the whole CST day (its start, or with `end` its last millisecond); a full time is exact. */
export function parseDateBound(value: string, end: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return end ? cstEndOfDay(value) : cstStartOfDay(value);
  return new Date(value);
}
