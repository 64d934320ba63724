// Payloads and queries of events (活动), sign-ups (报名) and check-ins (签到).
import { z } from 'zod';
import { timesInOrder, timesOutOfOrderMessage } from '../rules/event-times';
import { MAX_OCCURRENCES } from '../rules/series';
import { eventKinds, eventStatuses } from '../states';
import { dateOrTimeSchema, idSchema, isoDateSchema, isoTimeSchema, pageQuerySchema, phoneSchema } from './common';

const latLng = z
  .string()
  .regex(/^-?\d{1,3}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, { error: '位置格式应为 纬度,经度' })
  .refine(
    (value) => {
      const [lat, lng] = value.split(',').map(Number);
      return lat !== undefined && lng !== undefined && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
    },
    { error: '经纬度超出范围' },
  );

export const eventListQuerySchema = pageQuerySchema.extend({
  city: z.string().trim().max(20).optional(),
  campaign: z.string().trim().max(64).optional(),
  theme: z.string().trim().max(20).optional(),
  audience: z.string().trim().max(20).optional(),
  district: z.string().trim().max(30).optional(),
  from: dateOrTimeSchema.optional(),
  to: dateOrTimeSchema.optional(),
  q: z.string().trim().max(50).optional(),
  kind: z.enum(eventKinds).optional(),
  near: latLng.optional(),
  status: z.enum(eventStatuses).optional(),
  organizerId: idSchema.optional(),
  seriesId: idSchema.optional(),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

/** `GET /events/count`: the public list's filters, without paging (near= counts only events with a known place, as its list). */
export const eventCountQuerySchema = eventListQuerySchema.pick({
  city: true,
  campaign: true,
  theme: true,
  audience: true,
  district: true,
  from: true,
  to: true,
  q: true,
  kind: true,
  near: true,
});
export type EventCountQuery = z.infer<typeof eventCountQuerySchema>;

/** `GET /events/recommended`: the user's city (the app's choice) and how many. */
export const recommendedQuerySchema = z.object({
  city: z.string().trim().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type RecommendedQuery = z.infer<typeof recommendedQuerySchema>;

/** `GET /events/districts?city=`: the districts of a city that have events not ended yet. */
export const districtListQuerySchema = z.object({ city: z.string().trim().min(1, { error: '请选择城市' }).max(20) });
export type DistrictListQuery = z.infer<typeof districtListQuerySchema>;

/** `GET /cities?near=lat,lng`: each city with how far its nearest upcoming venue is, nearest first. */
export const cityListQuerySchema = z.object({ near: latLng.optional() });
export type CityListQuery = z.infer<typeof cityListQuerySchema>;

export const venueSchema = z.object({
  name: z.string().trim().min(1).max(60),
  address: z.string().trim().max(120).default(''),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lng: z.number().min(-180).max(180).nullable().default(null),
});
export type Venue = z.infer<typeof venueSchema>;

const shortTags = z.array(z.string().trim().min(1).max(20)).max(10);
const description = z.string().trim().max(5000);
const district = z.string().trim().max(30);

const eventFields = {
  title: z.string().trim().min(2, { error: '标题至少2个字' }).max(80),
  description: description.default(''),
  organizerId: idSchema,
  city: z.string().trim().min(2).max(20),
  audiences: shortTags.default([]),
  themes: shortTags.default([]),
  district: district.default(''),
  venue: venueSchema,
  startsAt: isoTimeSchema,
  endsAt: isoTimeSchema,
  capacity: z.number().int().min(1, { error: '名额至少为1' }).max(100_000, { error: '名额最多100000' }),
  signupOpensAt: isoTimeSchema.nullable().optional(),
  signupClosesAt: isoTimeSchema.nullable().optional(),
  campaign: z.string().trim().max(64).nullable().optional(),
  /**
   * A task by its written number, or by its position in the plan (`ordinal`, 1-based) when
   * numbering restarts per section and two tasks share the number; both may be given (they must agree).
   */
  planTasks: z
    .array(
      z
        .object({ planId: idSchema, number: z.number().int().min(1).optional(), ordinal: z.number().int().min(1).optional() })
        .refine((t) => t.number !== undefined || t.ordinal !== undefined, { error: '请指定要落实的任务（任务序号或位置）', path: ['number'] }),
    )
    .max(20)
    .optional(),
  /** An upload (POST /uploads) made by a member of the organization; null removes the cover. */
  coverImageId: idSchema.nullable().optional(),
};

const instant = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);
function timesSentInOrder(value: { startsAt?: string; endsAt?: string; signupOpensAt?: string | null; signupClosesAt?: string | null }): boolean {
  return timesInOrder({
    startsAt: instant(value.startsAt),
    endsAt: instant(value.endsAt),
    signupOpensAt: instant(value.signupOpensAt),
    signupClosesAt: instant(value.signupClosesAt),
  });
}
const timesMessage = { error: timesOutOfOrderMessage, path: ['endsAt'] };

export const createEventSchema = z.object({ ...eventFields, kind: z.literal('activity').default('activity') }).refine(timesSentInOrder, timesMessage);
export type CreateEvent = z.infer<typeof createEventSchema>;

export const recurrenceSchema = z
  .object({
    /** Monthly: the first occurrence's day of the month; a month without that day (the 31st in April) takes its last day. */
    frequency: z.enum(['daily', 'weekly', 'monthly']),
    /** Every N days, weeks or months. */
    interval: z.number().int().min(1).max(8).default(1),
    /** ISO weekdays (1 = Monday … 7 = Sunday) for weekly series; default: the first occurrence's weekday. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
    /** The last date an occurrence may start on (CST), or a count, or both. At most MAX_OCCURRENCES occurrences either way. */
    until: isoDateSchema.optional(),
    count: z
      .number()
      .int()
      .min(1)
      .max(MAX_OCCURRENCES, { error: `系列活动最多${MAX_OCCURRENCES}场` })
      .optional(),
  })
  .refine((v) => v.until !== undefined || v.count !== undefined, { error: '请设置结束日期或场次数', path: ['until'] });
export type Recurrence = z.infer<typeof recurrenceSchema>;

/**
 * A recurring series: the first occurrence's fields plus the rule. Each
 * occurrence gets its own seats: `capacities` in date order (one per
 * occurrence), or `capacity` for every one.
 */
export const createEventSeriesSchema = z
  .object({
    ...eventFields,
    kind: z.literal('activity').default('activity'),
    recurrence: recurrenceSchema,
    capacities: z.array(eventFields.capacity).min(2).max(MAX_OCCURRENCES).optional(),
  })
  .refine(timesSentInOrder, timesMessage);
export type CreateEventSeries = z.infer<typeof createEventSeriesSchema>;

/** An edit changes only the fields it sends: no defaults (a default would overwrite what is stored). */
export const updateEventSchema = z
  .object({ ...eventFields, description, audiences: shortTags, themes: shortTags, district })
  .omit({ organizerId: true })
  .partial()
  .strict()
  .refine(timesSentInOrder, timesMessage);
export type UpdateEvent = z.infer<typeof updateEventSchema>;

export const reviewEventSchema = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(200).optional(),
    /**
     * The event's `version` the reviewer looked at: a decision on an event edited since
     * answers 409 EVENT_CHANGED. Optional for v1 clients, which decide on whatever is current.
     */
    version: z.number().int().min(1).optional(),
  })
  .refine((v) => v.decision === 'approve' || (v.reason?.length ?? 0) > 0, { error: '驳回时请填写原因', path: ['reason'] });
export type ReviewEvent = z.infer<typeof reviewEventSchema>;

export const cancelEventSchema = z.object({ reason: z.string().trim().min(1, { error: '请填写取消原因' }).max(200) });
export type CancelEvent = z.infer<typeof cancelEventSchema>;

export const createSignupSchema = z.object({
  name: z.string().trim().min(1, { error: '请填写姓名' }).max(20),
  phone: phoneSchema,
  partySize: z.number().int().min(1).max(5).default(1),
  /** v1.1: a family member booked by the account holder; each attendee is a sign-up of its own. */
  forOther: z.boolean().default(false),
  /**
   * What to do when the party is larger than the seats left (and nobody is
   * waiting): `split` takes the seats left and waitlists the rest, `waitlist`
   * waitlists everyone. Without it the answer is 409 PARTY_EXCEEDS_SEATS.
   */
  whenShort: z.enum(['split', 'waitlist']).optional(),
});
export type CreateSignup = z.infer<typeof createSignupSchema>;

/** v1.1: `PATCH /me/signups/:id`: the booker corrects the attendee's name or phone (a split party's waiting rest follows). */
export const updateSignupSchema = z
  .object({
    name: z.string().trim().min(1, { error: '请填写姓名' }).max(20).optional(),
    phone: phoneSchema.optional(),
  })
  .refine((v) => v.name !== undefined || v.phone !== undefined, { error: '请填写要修改的姓名或手机号' });
export type UpdateSignup = z.infer<typeof updateSignupSchema>;

/** One of the two ways to name whom to let in: the scanned or read-out code, or the sign-up picked from the list. */
const checkinTarget = {
  code: z.string().trim().min(1).max(512).optional(),
  signupId: idSchema.optional(),
};
const oneTarget = (value: { code?: string; signupId?: string }) => (value.code === undefined) !== (value.signupId === undefined);
const oneTargetMessage = { error: '请提供签到码或报名编号（二选一）' };

export const checkinSchema = z.object(checkinTarget).refine(oneTarget, oneTargetMessage);
export type Checkin = z.infer<typeof checkinSchema>;

/** Check-ins made offline, uploaded when the device is back online; `at` is when the door let them in. */
export const checkinBatchSchema = z.object({
  items: z
    .array(z.object({ ...checkinTarget, at: isoTimeSchema }).refine(oneTarget, oneTargetMessage))
    .min(1)
    .max(500),
});
export type CheckinBatch = z.infer<typeof checkinBatchSchema>;

export const signupListQuerySchema = z.object({
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  unmask: z.enum(['0', '1']).optional(),
});
