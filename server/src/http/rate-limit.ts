// Rate limits per client and bucket, counted by rate-limiter-flexible: in this
// process's memory, or with REDIS_URL in Redis, shared by every server process,
// with the memory counters as insurance while Redis is unreachable.
import type { Redis } from 'ioredis';
import type { Context, Next } from 'koa';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../core/errors';
import type { RateLimiter, RateLimitPolicy, RateLimitVerdict } from '../core/rate-limiter';

export type { RateLimiter, RateLimitPolicy };

const KEY_PREFIX = 'kepu:rl';

/** One limiter per policy, made on first use (a policy is a few numbers, so there are a handful). */
function perPolicy<T>(make: (policy: RateLimitPolicy) => T): (policy: RateLimitPolicy) => T {
  const made = new Map<string, T>();
  return (policy) => {
    const key = `${policy.bucket}/${policy.limit}/${policy.windowSeconds}`;
    let limiter = made.get(key);
    if (!limiter) {
      limiter = make(policy);
      made.set(key, limiter);
    }
    return limiter;
  };
}

async function consumeWith(limiter: RateLimiterAbstract, key: string): Promise<RateLimitVerdict> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (refusal) {
    // A RateLimiterRes is the refusal; anything else is a store failure, and the memory store does not fail.
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
  }
}

/**
 * Counters in this process. Each key expires on its own when its window ends (rate-limiter-flexible's
 * memory store sets one timer per key and never drops the whole table), so a flood of new keys costs
 * memory for one window but resets no one else's count. Windows run on the wall clock, not the
 * app's: `_clock` is accepted only so composers that still pass one (server/bench) compile.
 */
export function memoryRateLimiter(_clock?: () => Date): RateLimiter {
  const limiterFor = perPolicy(
    (policy) => new RateLimiterMemory({ keyPrefix: `${KEY_PREFIX}:${policy.bucket}`, points: policy.limit, duration: policy.windowSeconds }),
  );
  return {
    consume: (policy, key) => consumeWith(limiterFor(policy), key),
    store: () => 'memory',
    async close() {},
  };
}

/**
 * Counters shared by every process through Redis. While Redis cannot be reached each process
 * counts alone in memory (rate-limiter-flexible's insuranceLimiter) instead of failing requests,
 * store() says `fallback`, and sharing resumes when Redis is back. Redis's connection errors are
 * handled here and logged once per outage, so none goes unhandled.
 */
export function redisRateLimiter(redis: Redis, log: (message: string) => void): RateLimiter {
  let down = false;
  const markDown = (reason: string) => {
    if (down) return;
    down = true;
    log(`Redis unreachable (${reason}): rate limits are counted per process until it is back`);
  };
  redis.on('error', (error: Error) => markDown(error.message));
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log('Redis is back: rate limits are shared again');
  });
  const limiterFor = perPolicy(
    (policy) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${KEY_PREFIX}:${policy.bucket}`,
        points: policy.limit,
        duration: policy.windowSeconds,
        // Straight to the insurance while the connection is not up, rather than waiting on it.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${KEY_PREFIX}:${policy.bucket}`, points: policy.limit, duration: policy.windowSeconds }),
      }),
  );
  return {
    consume(policy, key) {
      if (redis.status !== 'ready') markDown(`connection ${redis.status}`);
      return consumeWith(limiterFor(policy), key);
    },
    store: () => (redis.status === 'ready' ? 'shared' : 'fallback'),
    async close() {
      // quit() waits for a reply that never comes while Redis is away.
      redis.disconnect();
    },
  };
}

export interface RateRule extends RateLimitPolicy {
  /** Which requests count against this bucket. */
  applies: (ctx: Context) => boolean;
}

const isWrite = (ctx: Context) => ctx.method !== 'GET' && ctx.method !== 'HEAD';
const API = '/api/v1';

/**
 * Per user (or address when signed out). Login (and login codes), sign-up, the plan upload, cover pictures and the certificate (a PDF
 * rendered on the CPU) have buckets of their own below the general allowance for writes.
 */
export const defaultRateRules: RateRule[] = [
  { bucket: 'login', limit: 30, windowSeconds: 60, applies: (ctx) => ctx.method === 'POST' && ctx.path.startsWith(`${API}/auth/`) },
  // A login code is 50 random bits, but guessing costs nothing: ten tries per client in ten minutes.
  { bucket: 'login-code', limit: 10, windowSeconds: 600, applies: (ctx) => ctx.method === 'POST' && ctx.path === `${API}/auth/code-login` },
  { bucket: 'signup', limit: 30, windowSeconds: 60, applies: (ctx) => ctx.method === 'POST' && /^\/api\/v1\/events\/[^/]+\/signups$/.test(ctx.path) },
  { bucket: 'upload', limit: 20, windowSeconds: 600, applies: (ctx) => ctx.method === 'POST' && ctx.path === `${API}/plans/import` },
  // Each picture is decoded and resized on the CPU: a ceiling well above an organizer's needs.
  { bucket: 'image-upload', limit: 30, windowSeconds: 600, applies: (ctx) => ctx.method === 'POST' && ctx.path === `${API}/uploads` },
  // A forwarded check-in code is opened by anyone holding the link: tokens are unguessable, and this keeps anyone from trying.
  { bucket: 'ticket', limit: 60, windowSeconds: 60, applies: (ctx) => ctx.method === 'GET' && ctx.path.startsWith(`${API}/tickets/`) },
  { bucket: 'certificate', limit: 10, windowSeconds: 600, applies: (ctx) => ctx.method === 'GET' && ctx.path === `${API}/me/volunteer/certificate.pdf` },
  // Public and keyed by serial: a ceiling on guessing serials from one address.
  { bucket: 'verify', limit: 30, windowSeconds: 60, applies: (ctx) => ctx.method === 'GET' && ctx.path.startsWith(`${API}/certificates/`) },
  { bucket: 'write', limit: 120, windowSeconds: 60, applies: (ctx) => isWrite(ctx) && ctx.path.startsWith('/api/') },
];

/** Whether any of the rules counts this request (never, while limits are off). */
export function rateRulesApply(rules: RateRule[], enabled: boolean): (ctx: Context) => boolean {
  return (ctx) => enabled && rules.some((rule) => rule.applies(ctx));
}

export function rateLimit(limiter: RateLimiter, rules: RateRule[], enabled: boolean, onLimited: (bucket: string) => void = () => undefined) {
  return async function limitRate(ctx: Context, next: Next) {
    if (enabled) {
      const who = (ctx.state.user as { id?: string } | undefined)?.id ?? ctx.ip;
      for (const rule of rules) {
        if (!rule.applies(ctx)) continue;
        const verdict = await limiter.consume(rule, who);
        if (!verdict.allowed) {
          onLimited(rule.bucket);
          throw new AppError('RATE_LIMITED', 429, { retryAfterSeconds: verdict.retryAfterSeconds });
        }
      }
    }
    await next();
  };
}
