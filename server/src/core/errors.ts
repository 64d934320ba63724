// The one error model: services throw AppError, the error middleware renders it.
// Messages come from the shared catalogue so the UI and the API say the same thing.
import { errorMessages, type ErrorCode, type FieldProblem } from '@kepu/shared';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly details?: Record<string, unknown>,
    message?: string,
  ) {
    super(message ?? errorMessages[code]);
    this.name = 'AppError';
  }
}

export const notFound = (what?: string) => new AppError('NOT_FOUND', 404, what ? { what } : undefined);
export const forbidden = (why?: string) => new AppError('FORBIDDEN', 403, why ? { why } : undefined);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 401);
export const conflict = (code: ErrorCode, details?: Record<string, unknown>, message?: string) => new AppError(code, 409, details, message);
export const validationFailed = (fields: FieldProblem[]) =>
  new AppError('VALIDATION_FAILED', 400, { fields }, fields.length ? `${errorMessages.VALIDATION_FAILED}：${fields[0]!.message}` : undefined);

/** Unique-key violations as SQLite and MySQL/MariaDB report them. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  const code = e.driverError?.code ?? e.code;
  const errno = e.driverError?.errno ?? e.errno;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'ER_DUP_ENTRY' || errno === 1062;
}

/** Driver codes that mean "the database cannot be reached or is busy right now", not "your input is wrong". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
]);
/** MySQL client errnos for a lost or refused server: can't connect, gone away, lost during query. */
const UNAVAILABLE_ERRNOS = new Set([2002, 2003, 2006, 2013, 1040, 1053]);

/** Whether a failure is the database being away (answer 503 and let the client retry). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; message?: string; driverError?: { code?: string; errno?: number } };
  const code = e.driverError?.code ?? e.code;
  const errno = e.driverError?.errno ?? e.errno;
  if ((code !== undefined && UNAVAILABLE_CODES.has(code)) || (errno !== undefined && UNAVAILABLE_ERRNOS.has(errno))) return true;
  // mysql2 reports a closed connection or pool by message only.
  return typeof e.message === 'string' && /^(Can't add new command when connection is in closed state|Pool is closed)/.test(e.message);
}
