// What the app needs of a rate limiter: counting a client's hits against a
// limit in a window. The implementation (rate-limiter-flexible, in memory or
// Redis) lives in http/rate-limit.ts.
export type RateLimitStore = 'memory' | 'shared' | 'fallback';

/** A named allowance: `limit` hits per `windowSeconds` for each client. */
export interface RateLimitPolicy {
  bucket: string;
  limit: number;
  windowSeconds: number;
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one hit of `key` under the policy: allowed, or refused with the seconds until the window frees up. */
  consume(policy: RateLimitPolicy, key: string): Promise<RateLimitVerdict>;
  /**
   * Where the counters are kept now: `memory` (this process only, no REDIS_URL), `shared`
   * (Redis, across processes) or `fallback` (Redis unreachable: this process counts alone).
   */
  store(): RateLimitStore;
  close(): Promise<void>;
}
