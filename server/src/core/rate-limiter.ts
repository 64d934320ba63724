// What the app needs of a rate limiter: counting hits in a window. The
// in-memory and Redis implementations live in http/rate-limit.ts.
export type RateLimitStore = 'memory' | 'shared' | 'fallback';

export interface RateLimiter {
  /** Counts one hit and returns the hits so far in the current window. */
  hit(key: string, windowSeconds: number): Promise<number>;
  /**
   * Where the counters are kept now: `memory` (this process only, no REDIS_URL), `shared`
   * (Redis, across processes) or `fallback` (Redis unreachable: this process counts alone).
   */
  store(): RateLimitStore;
  close(): Promise<void>;
}
