// Building blocks shared by the payload schemas: ids, phones, times, pages.
import { z } from 'zod';

// Validation messages reach residents: zod's own messages in Chinese too.
z.config(z.locales.zhCN());

export const idSchema = z.string().min(1).max(64);

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: '请输入11位手机号码' });

/** An ISO 8601 time with an explicit offset, e.g. 2023-09-16T09:00:00+08:00. */
export const isoTimeSchema = z.iso.datetime({ offset: true, error: '时间格式应为 2023-09-16T09:00:00+08:00' });

/** A calendar date, YYYY-MM-DD. */
export const isoDateSchema = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

/** A date or a full time: list filters accept either. */
export const dateOrTimeSchema = z.union([isoDateSchema, isoTimeSchema], { error: '日期格式应为 YYYY-MM-DD 或带时区的时间' });

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;
