// Opaque list cursors: keyset positions (start time, id) or, for distance
// sorting, an offset. Base64url JSON, validated on the way back in.
import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { AppError } from './errors';

export type Cursor = { kind: 'keyset'; startsAt: number; id: string } | { kind: 'offset'; offset: number };

/** The instants both engines can store (MySQL DATETIME: years 1000 to 9999); any other position is forged. */
const FIRST_TIME = Date.UTC(1000, 0, 1);
const LAST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function invalidCursor(): AppError {
  return new AppError('VALIDATION_FAILED', 400, { fields: [{ path: 'cursor', message: '分页参数无效' }] }, '分页参数无效，请刷新列表');
}

/** Decodes a cursor of the kind this list hands out: one from another kind of list is as invalid as a forged one. */
export function decodeCursor<K extends Cursor['kind']>(raw: string | undefined, kind: K): Extract<Cursor, { kind: K }> | null {
  if (!raw) return null;
  let value: Cursor | null = null;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
  } catch {
    // not JSON: invalid, below
  }
  if (value?.kind === kind && isWellFormed(value)) return value as Extract<Cursor, { kind: K }>;
  throw invalidCursor();
}

function isWellFormed(cursor: Cursor): boolean {
  if (cursor.kind === 'keyset') {
    return Number.isInteger(cursor.startsAt) && cursor.startsAt >= FIRST_TIME && cursor.startsAt <= LAST_TIME && typeof cursor.id === 'string';
  }
  return Number.isSafeInteger(cursor.offset) && cursor.offset >= 0;
}

/**
 * One keyset page of a query ordered by (a time column, id): the rows after
 * the cursor, in `direction`, and the cursor of the next page. LIMIT rather
 * than take(): take() on a joined query adds a DISTINCT subquery first.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  columns: { time: string; id: string },
  timeOf: (row: T) => Date,
  options: { cursor?: string; limit: number; direction: 'ASC' | 'DESC' },
): Promise<{ rows: T[]; nextCursor: string | null }> {
  const cursor = decodeCursor(options.cursor, 'keyset');
  if (cursor) {
    const after = options.direction === 'ASC' ? '>' : '<';
    const at = new Date(cursor.startsAt);
    qb.andWhere(
      new Brackets((w) => {
        w.where(`${columns.time} ${after} :cursorAt`, { cursorAt: at }).orWhere(`${columns.time} = :cursorAt AND ${columns.id} ${after} :cursorId`, {
          cursorAt: at,
          cursorId: cursor.id,
        });
      }),
    );
  }
  const rows = await qb
    .orderBy(columns.time, options.direction)
    .addOrderBy(columns.id, options.direction)
    .limit(options.limit + 1)
    .getMany();
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor: rows.length > options.limit && last ? encodeCursor({ kind: 'keyset', startsAt: timeOf(last).getTime(), id: last.id }) : null,
  };
}
