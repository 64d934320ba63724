// Opaque list cursors: keyset positions (start time, id) or, for distance
// sorting, an offset. Base64url JSON, validated on the way back in.
import { AppError } from '../../http/errors';

export type Cursor = { kind: 'keyset'; startsAt: number; id: string } | { kind: 'offset'; offset: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (value.kind === 'keyset' && Number.isFinite(value.startsAt) && typeof value.id === 'string') return value;
    if (value.kind === 'offset' && Number.isInteger(value.offset) && value.offset >= 0) return value;
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 400, { fields: [{ path: 'cursor', message: '分页参数无效' }] }, '分页参数无效，请刷新列表');
}
