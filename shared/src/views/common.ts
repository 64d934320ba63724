// Building blocks of the response views: times and dates as the contract emits
// them, and the list envelope every list endpoint answers with.
import { z } from 'zod';

/** A time as the server emits it: ISO 8601 in China Standard Time, 2023-09-16T09:00:00+08:00. */
export const isoTimeView = z.iso.datetime({ offset: true });

/** A calendar date, YYYY-MM-DD. */
export const isoDateView = z.iso.date();

/** The list envelope: `{items, nextCursor}`; nextCursor is null on the last page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), nextCursor: z.string().nullable() });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
