// The shared rate limiter on a real Redis, and the in-memory one beside it.
import { Redis } from 'ioredis';
import { memoryRateLimiter, redisRateLimiter } from './rate-limit';

const REDIS_URL = process.env.KEPU_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function connected(url: string): Promise<Redis> {
  const redis = new Redis(url);
  await new Promise((resolve) => redis.once('ready', resolve));
  return redis;
}

describe('rate limiting', () => {
  it('when two server processes share Redis, their hits add up in one window', async () => {
    // Each process has its own fallback: only Redis can make their counts add up.
    const a = redisRateLimiter(
      await connected(REDIS_URL),
      memoryRateLimiter(() => new Date()),
    );
    const b = redisRateLimiter(
      await connected(REDIS_URL),
      memoryRateLimiter(() => new Date()),
    );
    expect([a.store(), b.store()]).toEqual(['shared', 'shared']);
    const key = `test:${process.pid}:${Date.now()}`;
    try {
      expect(await a.hit(key, 60)).toBe(1);
      expect(await b.hit(key, 60)).toBe(2);
      expect(await a.hit(key, 60)).toBe(3);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('when the window has passed, the in-memory count starts again', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const limiter = memoryRateLimiter(() => now);
    expect(await limiter.hit('k', 60)).toBe(1);
    expect(await limiter.hit('k', 60)).toBe(2);
    now = new Date('2026-01-01T00:01:00Z');
    expect(await limiter.hit('k', 60)).toBe(1);
  });

  it('when a flood of new keys passes the bound, only the oldest windows are forgotten', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const limiter = memoryRateLimiter(() => now, 3);
    for (let i = 0; i < 5; i++) await limiter.hit('busy', 60);
    await limiter.hit('new-1', 60);
    await limiter.hit('new-2', 60);
    // 'busy' is the oldest window, so the third new key pushes it out; the newer ones keep counting.
    expect(await limiter.hit('new-1', 60)).toBe(2);
    await limiter.hit('new-3', 60);
    expect(await limiter.hit('busy', 60)).toBe(1);
    expect(await limiter.hit('new-3', 60)).toBe(2);
  });
});
