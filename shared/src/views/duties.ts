// What `GET /organizations/:id/duties` returns (我的任务): the plan tasks an organization
// leads or supports, what it has posted against each in a year, and what is still empty.
import { z } from 'zod';
import { eventStatuses } from '../states';
import { isoTimeView } from './common';

/** One of the organization's own events linked to the task, whatever its status. */
export const dutyEventViewSchema = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    startsAt: isoTimeView,
    status: z.enum(eventStatuses),
  })
  .meta({ id: 'DutyEventView' });
export type DutyEventView = z.infer<typeof dutyEventViewSchema>;

export const dutyTaskViewSchema = z
  .strictObject({
    number: z.number().int(),
    /** The task's position in the plan, 1-based: names it when numbering restarts per section (two tasks 1.). */
    ordinal: z.number().int(),
    title: z.string(),
    /** The innermost heading the task sits under (（一）实施青少年科学素质提升行动), '' when none. */
    section: z.string(),
    /**
     * `lead` or `support` when the plan names the organization; null when only a phrase for
     * every member unit (各成员单位) names it: such a task is shared, see `collective`.
     */
    role: z.enum(['lead', 'support']).nullable(),
    /** False when the plan marks no roles for the task and the first unit named is taken as its lead. */
    roleWritten: z.boolean(),
    /** The unit as the plan writes it (市卫健委), or the collective phrase (各成员单位). */
    unitName: z.string(),
    /** Named only through a phrase for every member unit: shared by all, nobody's own duty. */
    collective: z.boolean(),
    /** The organization's events linked to the task that start in the year, soonest first. */
    events: z.array(dutyEventViewSchema),
    /** None of those events is published. */
    idle: z.boolean(),
  })
  .meta({ id: 'DutyTaskView' });
export type DutyTaskView = z.infer<typeof dutyTaskViewSchema>;

export const dutyPlanViewSchema = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    city: z.string(),
    year: z.number().int(),
    level: z.enum(['national', 'province', 'city', 'county']).nullable(),
    period: z.strictObject({ from: z.number().int(), to: z.number().int() }).nullable(),
    /** The plan is of an earlier year and still the newest of its place, so it frames this year's work. */
    carriedOver: z.boolean(),
    /** In document order: the organization's named tasks and the shared (collective) ones. */
    tasks: z.array(dutyTaskViewSchema),
  })
  .meta({ id: 'DutyPlanView' });
export type DutyPlanView = z.infer<typeof dutyPlanViewSchema>;

/** `GET /organizations/:id/duties?year=`. */
export const organizationDutiesViewSchema = z
  .strictObject({
    organization: z.strictObject({ id: z.string(), name: z.string(), city: z.string() }),
    year: z.number().int(),
    plans: z.array(dutyPlanViewSchema),
  })
  .meta({ id: 'OrganizationDutiesView' });
export type OrganizationDutiesView = z.infer<typeof organizationDutiesViewSchema>;
