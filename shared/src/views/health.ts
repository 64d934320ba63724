// What the liveness and readiness probes return.
import { z } from 'zod';

export const healthViewSchema = z.strictObject({
  status: z.enum(['ok', 'ready']),
  /** Where rate-limit counters are kept: memory (one process), shared (Redis) or fallback (Redis unreachable). */
  rateLimits: z.enum(['memory', 'shared', 'fallback']).optional(),
});
export type HealthView = z.infer<typeof healthViewSchema>;
