// The shared rate limiter on a real Redis, and the in-memory one beside it.
import { Redis } from 'ioredis';
import { memoryRateLimiter, redisRateLimiter } from './rate-limit';

const REDIS_URL = process.env.KEPU_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('rate limiting', () => {
  it('when two server processes share Redis, their hits add up in one window', async () => {
    const a = redisRateLimiter(new Redis(REDIS_URL));
    const b = redisRateLimiter(new Redis(REDIS_URL));
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
});
