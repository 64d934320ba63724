// What the app needs of a rate limiter: counting hits in a window. The
// in-memory and Redis implementations live in http/rate-limit.ts.
export interface RateLimiter {
  /** Counts one hit and returns the hits so far in the current window. */
  hit(key: string, windowSeconds: number): Promise<number>;
  close(): Promise<void>;
}
