// The error body of every failed API call; codes and messages live in ../errors.ts.
import { z } from 'zod';

/** One bad field in a VALIDATION_FAILED error. */
export const fieldProblemSchema = z.strictObject({ path: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof fieldProblemSchema>;

export const apiErrorBodySchema = z
  .strictObject({
    error: z.strictObject({
      /** One of ../errors.ts's codes; typed as a string so a newer server's code still parses. */
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'ApiErrorBody' });
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
