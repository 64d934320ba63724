// What the liveness and readiness probes return.
import { z } from 'zod';

export const healthViewSchema = z.strictObject({ status: z.enum(['ok', 'ready']) });
export type HealthView = z.infer<typeof healthViewSchema>;
