// First middleware of the chain: turns every thrown error into the contract's
// error body. Database constraint errors of both engines become 409 here, once.
import type { Context, Next } from 'koa';
import { errorMessages } from '@kepu/shared';
import { AppError, isDatabaseUnavailable, isUniqueViolation } from '../core/errors';

/** How long a client should wait before retrying while the database is away. */
const DATABASE_RETRY_SECONDS = 5;

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isUniqueViolation(error)) return new AppError('CONFLICT', 409);
  if (isDatabaseUnavailable(error)) return new AppError('SERVICE_UNAVAILABLE', 503, { retryAfterSeconds: DATABASE_RETRY_SECONDS });
  const status = (error as { status?: number; expose?: boolean }).status;
  // Koa's own http errors (e.g. from ctx.throw) carry a status.
  // An HTTP method the router has never heard of (PROPFIND…) is still the client's mistake.
  if (status === 501) return new AppError('METHOD_NOT_ALLOWED', 405);
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 404) return new AppError('NOT_FOUND', 404);
    if (status === 405) return new AppError('METHOD_NOT_ALLOWED', 405);
    if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', 413);
    return new AppError('VALIDATION_FAILED', 400);
  }
  return null;
}

/** @param log where an unexpected error goes (app.ts: the JSON log, with the request id) before the 500 */
export function errorMiddleware(log: (error: unknown, ctx: Context) => void) {
  return async function renderErrors(ctx: Context, next: Next) {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) throw new AppError('NOT_FOUND', 404);
    } catch (error) {
      const appError = toAppError(error);
      if (appError) {
        ctx.status = appError.status;
        ctx.body = { error: { code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) } };
        if (appError.details?.retryAfterSeconds) {
          ctx.set('Retry-After', String(appError.details.retryAfterSeconds));
        }
        return;
      }
      log(error, ctx);
      ctx.status = 500;
      ctx.body = { error: { code: 'INTERNAL', message: errorMessages.INTERNAL } };
    }
  };
}
