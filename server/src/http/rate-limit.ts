// Fixed-window rate limits per client and bucket. In memory for one process;
// with REDIS_URL the counters are shared by every server process.
import type { Redis } from 'ioredis';
import type { Context, Next } from 'koa';
import { AppError } from '../core/errors';
import type { RateLimiter } from '../core/rate-limiter';

export type { RateLimiter };

/** The in-memory limiter keeps at most this many windows. */
export const MEMORY_LIMITER_MAX_KEYS = 50_000;

export function memoryRateLimiter(clock: () => Date, maxKeys = MEMORY_LIMITER_MAX_KEYS): RateLimiter {
  // Insertion order is window start order (a new window is re-inserted), so the
  // first entries are the oldest: a flood of new keys evicts those, never
  // everyone's counters at once.
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async hit(key, windowSeconds) {
      const now = clock().getTime();
      const current = windows.get(key);
      if (!current || now - current.start >= windowSeconds * 1000) {
        windows.delete(key);
        windows.set(key, { start: now, count: 1 });
        for (const oldest of windows.keys()) {
          if (windows.size <= maxKeys) break;
          windows.delete(oldest);
        }
        return 1;
      }
      current.count += 1;
      return current.count;
    },
    store: () => 'memory',
    async close() {},
  };
}

/**
 * Counters shared by every process through Redis. When Redis cannot be reached the limiter
 * counts in `fallback` (this process's memory) instead of failing requests, says so through
 * store(), and goes back to Redis when it is reachable again. Redis's connection errors are
 * handled here, once per outage, so none goes unhandled.
 */
export function redisRateLimiter(redis: Redis, fallback: RateLimiter, log: (message: string) => void = console.warn): RateLimiter {
  let down = false;
  const markDown = (error: Error) => {
    if (down) return;
    down = true;
    log(`[kepu] Redis unreachable (${error.message}): rate limits are counted per process until it is back`);
  };
  redis.on('error', markDown);
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log('[kepu] Redis is back: rate limits are shared again');
  });
  return {
    async hit(key, windowSeconds) {
      if (redis.status !== 'ready') return fallback.hit(key, windowSeconds);
      try {
        const results = await redis.multi().incr(`kepu:rl:${key}`).expire(`kepu:rl:${key}`, windowSeconds, 'NX').exec();
        return Number(results?.[0]?.[1] ?? 0);
      } catch (error) {
        markDown(error as Error);
        return fallback.hit(key, windowSeconds);
      }
    },
    store: () => (redis.status === 'ready' ? 'shared' : 'fallback'),
    async close() {
      // quit() waits for a reply that never comes while Redis is away.
      redis.disconnect();
    },
  };
}

export interface RateRule {
  bucket: string;
  limit: number;
  windowSeconds: number;
  /** Which requests count against this bucket. */
  applies: (ctx: Context) => boolean;
}

/** Writes are limited per user (or IP when signed out); reads are not limited here. */
export const defaultRateRules: RateRule[] = [
  { bucket: 'login', limit: 30, windowSeconds: 60, applies: (ctx) => ctx.method === 'POST' && ctx.path.startsWith('/api/v1/auth/') },
  { bucket: 'write', limit: 120, windowSeconds: 60, applies: (ctx) => ctx.method !== 'GET' && ctx.method !== 'HEAD' && ctx.path.startsWith('/api/') },
];

export function rateLimit(limiter: RateLimiter, rules: RateRule[], enabled: boolean) {
  return async function limitRate(ctx: Context, next: Next) {
    if (enabled) {
      const who = (ctx.state.user as { id?: string } | undefined)?.id ?? ctx.ip;
      for (const rule of rules) {
        if (!rule.applies(ctx)) continue;
        const hits = await limiter.hit(`${rule.bucket}:${who}`, rule.windowSeconds);
        if (hits > rule.limit) throw new AppError('RATE_LIMITED', 429, { retryAfterSeconds: rule.windowSeconds });
      }
    }
    await next();
  };
}
