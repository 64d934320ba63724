// Payloads of the plan endpoints: import, an admin's corrections, campaign dates for a year.
import { z } from 'zod';
import { isoDateSchema } from './common';

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

const unitSchema = z.strictObject({ name: z.string().trim().min(2).max(80), role: z.enum(['lead', 'support']).nullable().default(null) });
const taskCorrectionSchema = z
  .strictObject({
    number: z.number().int().min(1).optional(),
    ordinal: z.number().int().min(1).optional(),
    units: z.array(unitSchema).max(60).optional(),
    split: z.strictObject({ before: z.string().trim().min(2).max(200), number: z.number().int().min(1).max(999) }).optional(),
    mergeWithNext: z.literal(true).optional(),
  })
  .refine((t) => (t.number === undefined) !== (t.ordinal === undefined), { error: '请用 number 或 ordinal 指定任务（二选一）' });

/** `PATCH /plans/:id`: what an admin may correct; kept over every later import of the same document. */
export const correctPlanSchema = z.strictObject({
  place: z.string().trim().min(2).max(80).optional(),
  city: z.string().trim().min(2).max(20).optional(),
  year: z.number().int().min(1990).max(2100).optional(),
  tasks: z.array(taskCorrectionSchema).max(500).optional(),
});
export type CorrectPlan = z.infer<typeof correctPlanSchema>;

export const campaignDatesSchema = z
  .strictObject({ startsOn: isoDateSchema, endsOn: isoDateSchema })
  .refine((d) => d.startsOn <= d.endsOn, { error: '结束日期不能早于开始日期', path: ['endsOn'] });
export type CampaignDates = z.infer<typeof campaignDatesSchema>;
