// Payloads of the plan importer endpoint.
import { z } from 'zod';

/** Plan texts are a few dozen KB; 400k characters leaves room without inviting abuse. */
export const importPlanSchema = z.object({
  text: z.string().min(1, { error: '请粘贴工作要点全文' }).max(400_000),
  city: z.string().trim().min(2).max(20).optional(),
  year: z.number().int().min(1990).max(2100).optional(),
});
export type ImportPlan = z.infer<typeof importPlanSchema>;

export const importPlanQuerySchema = z.object({
  dryRun: z.enum(['0', '1', 'true', 'false']).optional(),
});

export const campaignsQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
