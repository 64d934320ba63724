// Building blocks shared by the payload schemas: ids, phones, times, pages.
import { z } from 'zod';
// Validation messages reach residents: plain Chinese naming the field (请填写标题), not zod's own text.
import './messages';

export const idSchema = z.string().min(1).max(64);

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: '请输入11位手机号码' });

/**
 * The years every stored date must fall in. Both engines store far more (MySQL
 * DATETIME from year 1000, SQLite anything), but year 1 or 10000 is a typo, and
 * outside this range the engines disagree (year 1 read back as 2001 on MariaDB).
 */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2100;
const yearRangeMessage = `日期须在 ${FIRST_YEAR} 年至 ${LAST_YEAR} 年之间`;
const FIRST_INSTANT = Date.UTC(FIRST_YEAR, 0, 1) - 8 * 3600_000; // CST midnight
const END_INSTANT = Date.UTC(LAST_YEAR + 1, 0, 1) - 8 * 3600_000;

/** An ISO 8601 time with an explicit offset, e.g. 2023-09-16T09:00:00+08:00. */
export const isoTimeSchema = z.iso.datetime({ offset: true, error: '时间格式不对，请重新选择日期和时间' }).refine(
  (value) => {
    const at = Date.parse(value);
    return at >= FIRST_INSTANT && at < END_INSTANT;
  },
  { error: yearRangeMessage },
);

/** A calendar date, YYYY-MM-DD. */
export const isoDateSchema = z.iso.date({ error: '日期格式不对，请重新选择日期' }).refine(
  (value) => {
    const year = Number(value.slice(0, 4));
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  },
  { error: yearRangeMessage },
);

/** A date or a full time: list filters accept either. */
export const dateOrTimeSchema = z.union([isoDateSchema, isoTimeSchema], { error: '日期格式不对，请重新选择日期或时间' });

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;
