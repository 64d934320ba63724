// Payloads and queries of 科技志愿服务: volunteer profiles, shifts (岗位) on
// events, applications to shifts and the service hours they record.
import { z } from 'zod';
import { volunteerSkills } from '../volunteers/skills';
import { dateOrTimeSchema, idSchema, isoTimeSchema, pageQuerySchema, phoneSchema } from './common';

export { volunteerSkills, type VolunteerSkill } from '../volunteers/skills';

/** Skills from the fixed list. */
const skillList = z.array(z.enum(volunteerSkills, { error: '请从列表中选择技能' })).max(volunteerSkills.length);
const tagList = z.array(z.string().trim().min(1).max(12)).max(10);
/** A skill or tag given twice counts once. */
const once = <T>(items: T[]): T[] => [...new Set(items)];

export const volunteerProfileSchema = z.object({
  realName: z.string().trim().min(2, { error: '请填写真实姓名' }).max(20),
  phone: phoneSchema,
  skills: skillList.min(1, { error: '请至少选择一项技能' }).transform(once),
  tags: tagList.default([]).transform(once),
  // An empty team means none.
  team: z
    .string()
    .trim()
    .max(40)
    .nullable()
    .default(null)
    .transform((team) => team || null),
  bio: z.string().trim().max(500).default(''),
  /** Where the volunteer serves (an empty one means none); left out, it stays as it was. */
  city: z
    .string()
    .trim()
    .max(20)
    .nullable()
    .transform((city) => city || null)
    .optional(),
});
export type VolunteerProfileInput = z.infer<typeof volunteerProfileSchema>;

const shiftRole = z.string().trim().min(2, { error: '岗位名称至少2个字' }).max(30);
const shiftDescription = z.string().trim().max(500);
const shiftSlots = z.number().int().min(1, { error: '岗位人数至少为1' }).max(500);

export const createShiftSchema = z
  .object({
    role: shiftRole,
    description: shiftDescription.default(''),
    startsAt: isoTimeSchema,
    endsAt: isoTimeSchema,
    slots: shiftSlots,
    skills: skillList.default([]).transform(once),
  })
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), { error: '结束时间必须晚于开始时间', path: ['endsAt'] });
export type CreateShift = z.infer<typeof createShiftSchema>;

/** No defaults here: a field left out of an edit stays as it is. */
export const updateShiftSchema = z
  .object({
    role: shiftRole,
    description: shiftDescription,
    slots: shiftSlots,
    skills: skillList.transform(once),
  })
  .partial()
  .strict();
export type UpdateShift = z.infer<typeof updateShiftSchema>;

export const shiftListQuerySchema = pageQuerySchema.extend({
  from: dateOrTimeSchema.optional(),
  to: dateOrTimeSchema.optional(),
  skill: z.enum(volunteerSkills).optional(),
  city: z.string().trim().max(20).optional(),
  eventId: idSchema.optional(),
  /** match: the signed-in volunteer's best-suited shifts first (the first 200 open shifts, paged by offset). */
  sort: z.enum(['time', 'match']).optional(),
});
export type ShiftListQuery = z.infer<typeof shiftListQuerySchema>;

export const applicationDecisionSchema = z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(200).optional() });
export type ApplicationDecision = z.infer<typeof applicationDecisionSchema>;

/** Hours are entered by the organizer, or worked out from check-in and check-out times. */
export const completeApplicationSchema = z.union(
  [
    z.object({ hours: z.number().gt(0, { error: '服务时长必须大于0' }).max(24, { error: '单次服务时长不超过24小时' }) }).strict(),
    z
      .object({ checkedInAt: isoTimeSchema, checkedOutAt: isoTimeSchema })
      .strict()
      .refine((v) => Date.parse(v.checkedOutAt) > Date.parse(v.checkedInAt), { error: '签退时间必须晚于签到时间', path: ['checkedOutAt'] })
      .refine((v) => Date.parse(v.checkedOutAt) - Date.parse(v.checkedInAt) <= 24 * 3600_000, { error: '单次服务时长不超过24小时', path: ['checkedOutAt'] }),
  ],
  { error: '请填写服务时长（hours），或签到与签退时间' },
);
export type CompleteApplication = z.infer<typeof completeApplicationSchema>;

export const volunteerListQuerySchema = z.object({
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  unmask: z.enum(['0', '1']).optional(),
});
