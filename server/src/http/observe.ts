// Outermost middleware: gives each request an id (X-Request-Id), then logs one
// line and times it by route pattern once the answer is final. Nothing personal
// is logged: the route pattern stands for the URL, so ids, query strings and tokens stay out.
import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from '../observability/logger';
import type { AppMetrics } from '../observability/metrics';

/** An id a proxy or client sent is kept only when it is a short plain token; anything else could smuggle text into the log. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdOf(ctx: Context): string {
  return (ctx.state.requestId as string | undefined) ?? '-';
}

/** The router's pattern for the request (`/api/v1/events/:id`), or what served it when no route matched. */
function routeOf(ctx: Context): string {
  const matched = (ctx as { _matchedRoute?: string | RegExp })._matchedRoute;
  if (typeof matched === 'string') return matched;
  // The H5 files are many paths but one route; anything else unmatched is a 404 or 405.
  return ctx.status < 400 ? '(static)' : '(unmatched)';
}

export function observeRequests(logger: Logger, metrics: AppMetrics) {
  return async function observe(ctx: Context, next: Next) {
    const started = process.hrtime.bigint();
    const incoming = ctx.get('x-request-id');
    const requestId = SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    try {
      await next();
    } finally {
      // The error middleware below renders every error, so the status here is the one sent.
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(ctx);
      metrics.observeRequest(ctx.method, route, ctx.status, seconds);
      logger.info({ requestId, method: ctx.method, route, status: ctx.status, durationMs: Math.round(seconds * 10_000) / 10 }, 'request');
    }
  };
}
