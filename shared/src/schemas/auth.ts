// Payloads of login and the user's own profile.
import { z } from 'zod';
import { viewerAudiences } from '../states';
import { phoneSchema } from './common';

export const devLoginSchema = z.object({
  openid: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\w-]+$/, { error: '只能包含字母、数字、下划线和短横线' }),
  nickname: z.string().trim().min(1).max(32).optional(),
});
export type DevLogin = z.infer<typeof devLoginSchema>;

export const wxLoginSchema = z.object({ code: z.string().trim().min(1).max(128) });
export type WxLogin = z.infer<typeof wxLoginSchema>;

export const updateMeSchema = z
  .object({
    nickname: z.string().trim().min(1).max(32).optional(),
    phone: phoneSchema.nullable().optional(),
    largeText: z.boolean().optional(),
    /** Who is looking; null forgets it. */
    audience: z.enum(viewerAudiences).nullable().optional(),
  })
  .strict();
export type UpdateMe = z.infer<typeof updateMeSchema>;

/**
 * A one-time login code as an admin reads it out: ten letters and digits, grouped
 * `ABCDE-FGHJK`. Spaces, dashes and lower case are forgiven; the server compares the rest.
 */
export const codeLoginSchema = z.object({
  code: z
    .string()
    .max(40)
    .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
    .pipe(z.string().regex(/^[0-9A-Z]{10}$/, { error: '登录码是10位字母和数字，如 ABCDE-FGH23' })),
});
export type CodeLogin = z.input<typeof codeLoginSchema>;
