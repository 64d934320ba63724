// The shared rate limiter on a real Redis, and the in-memory one beside it.
import { Redis } from 'ioredis';
import { memoryRateLimiter, redisRateLimiter, type RateLimitPolicy } from './rate-limit';

const REDIS_URL = process.env.KEPU_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function connected(url: string): Promise<Redis> {
  const redis = new Redis(url);
  await new Promise((resolve) => redis.once('ready', resolve));
  return redis;
}

const allowed = (verdict: { allowed: boolean }) => verdict.allowed;

describe('rate limiting', () => {
  afterEach(() => jest.useRealTimers());

  it('when two server processes share Redis, their hits add up in one window', async () => {
    // Each process has its own memory insurance: only Redis can make their counts add up.
    const a = redisRateLimiter(await connected(REDIS_URL), () => undefined);
    const b = redisRateLimiter(await connected(REDIS_URL), () => undefined);
    expect([a.store(), b.store()]).toEqual(['shared', 'shared']);
    const policy: RateLimitPolicy = { bucket: `test-${process.pid}-${Date.now()}`, limit: 3, windowSeconds: 60 };
    try {
      expect(allowed(await a.consume(policy, 'client'))).toBe(true);
      expect(allowed(await b.consume(policy, 'client'))).toBe(true);
      expect(allowed(await a.consume(policy, 'client'))).toBe(true);
      const refused = await b.consume(policy, 'client');
      expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
      expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.allowed === false && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      // Another client of the same bucket has its own count.
      expect(allowed(await a.consume(policy, 'someone-else'))).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('when the window has passed, the in-memory count starts again', async () => {
    // rate-limiter-flexible reads the platform clock; jest's fake timers move it.
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const limiter = memoryRateLimiter();
    const policy = { bucket: 'window', limit: 2, windowSeconds: 60 };
    expect(allowed(await limiter.consume(policy, 'k'))).toBe(true);
    expect(allowed(await limiter.consume(policy, 'k'))).toBe(true);
    expect(await limiter.consume(policy, 'k')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    jest.advanceTimersByTime(30_000);
    expect(await limiter.consume(policy, 'k')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    jest.advanceTimersByTime(30_000);
    expect(allowed(await limiter.consume(policy, 'k'))).toBe(true);
  });

  it("when a flood of new keys arrives, no one else's count is reset", async () => {
    // The old limiter dropped windows past 50,000 keys, so spoofed keys could reset a victim's count.
    const limiter = memoryRateLimiter();
    const policy = { bucket: 'flood', limit: 5, windowSeconds: 60 };
    for (let i = 0; i < 5; i++) await limiter.consume(policy, 'busy');
    expect(allowed(await limiter.consume(policy, 'busy'))).toBe(false);
    for (let i = 0; i < 60_000; i++) await limiter.consume(policy, `spoofed-${i}`);
    expect(allowed(await limiter.consume(policy, 'busy'))).toBe(false);
  });

  it('when policies differ, each bucket counts on its own', async () => {
    const limiter = memoryRateLimiter();
    const tight = { bucket: 'tight', limit: 1, windowSeconds: 60 };
    const loose = { bucket: 'loose', limit: 100, windowSeconds: 60 };
    expect(allowed(await limiter.consume(tight, 'k'))).toBe(true);
    expect(allowed(await limiter.consume(tight, 'k'))).toBe(false);
    expect(allowed(await limiter.consume(loose, 'k'))).toBe(true);
  });
});
