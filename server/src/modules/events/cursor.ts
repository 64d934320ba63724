// Opaque list cursors: keyset positions (start time, id) or, for distance
// sorting, an offset. Base64url JSON, validated on the way back in.
import { AppError } from '../../http/errors';

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
