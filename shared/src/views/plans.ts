// What the plan endpoints return: summaries, a plan with its outline and
// tasks, its progress, the import's answer, and the cities that have plans or events.
import { z } from 'zod';
import { isoDateView } from './common';

/** A heading of the plan's outline as the importer found it (一、, （一）), with the headings under it. */
export const planSectionNodeSchema = z
  .strictObject({
    /** The ordinal as written after normalisation: `一`, `（一）`. */
    ordinal: z.string(),
    level: z.number().int(),
    title: z.string(),
    get sections(): z.ZodArray<typeof planSectionNodeSchema> {
      return z.array(planSectionNodeSchema);
    },
  })
  .meta({ id: 'PlanSectionNode' });
export type PlanSectionNode = z.infer<typeof planSectionNodeSchema>;

export const planSummaryViewSchema = z
  .strictObject({
    id: z.string(),
    city: z.string(),
    year: z.number().int(),
    title: z.string(),
    issuer: z.string().nullable(),
    issuedOn: isoDateView.nullable(),
    taskCount: z.number().int(),
  })
  .meta({ id: 'PlanSummaryView' });
export type PlanSummaryView = z.infer<typeof planSummaryViewSchema>;

export const planTaskViewSchema = z
  .strictObject({
    number: z.number().int(),
    /** The task's position in the plan, 1-based: names it when numbering restarts per section (two tasks 1.). */
    ordinal: z.number().int(),
    title: z.string(),
    text: z.string(),
    sectionPath: z.array(z.string()),
    /** One organization per unit however it is written; the name stays as the task writes it. */
    responsibleUnits: z.array(
      z.strictObject({
        name: z.string(),
        organizationId: z.string().nullable(),
        role: z.enum(['lead', 'support']).nullable(),
        /** True when the unit comes from the section heading or a labelled line above the task. */
        inherited: z.boolean(),
      }),
    ),
    audiences: z.array(z.string()),
    themes: z.array(z.string()),
    campaigns: z.array(z.strictObject({ code: z.string(), name: z.string() })),
    /** The task calls for 科技志愿服务: its units' events should open volunteer shifts. */
    volunteerNeed: z.boolean(),
  })
  .meta({ id: 'PlanTaskView' });
export type PlanTaskView = z.infer<typeof planTaskViewSchema>;

/** `GET /plans/:id`: the summary with the outline and every task. */
export const planViewSchema = planSummaryViewSchema
  .extend({
    documentNumber: z.string().nullable(),
    /** The full administrative name: 全国, 浙江省, 恩施土家族苗族自治州, 上海市浦东新区. */
    place: z.string().nullable(),
    level: z.enum(['national', 'province', 'city', 'county']).nullable(),
    /** The document kind as written: 工作要点, 实施方案, 科普工作要点 … */
    kind: z.string().nullable(),
    period: z.strictObject({ from: z.number().int(), to: z.number().int() }).nullable(),
    /** The script the text came in; every field is simplified. */
    script: z.enum(['simplified', 'traditional']),
    sections: z.array(planSectionNodeSchema),
    tasks: z.array(planTaskViewSchema),
    /** Campaigns the plan names whose dates for its year nobody knows yet (日期待定). */
    campaignsPending: z.array(z.strictObject({ code: z.string(), name: z.string() })),
  })
  .meta({ id: 'PlanView' });
export type PlanView = z.infer<typeof planViewSchema>;

/** How far a task or a unit has got: events linked, sign-ups, check-ins, volunteer hours. */
const progressTallyShape = {
  /** Published, not-cancelled events in the window (the plan's year or period, or `?year=`). */
  events: z.number().int(),
  /** Same as `events` since v1.1 (only published events count); kept for older callers. */
  published: z.number().int(),
  signups: z.number().int(),
  checkins: z.number().int(),
  volunteerHours: z.number(),
};

/** Check-ins per confirmed sign-up (0..1, three decimals); null with no sign-ups. */
const attendanceRate = z.number().min(0).max(1).nullable();

/** One row of a breakdown (per audience, district, campaign, month): what the window's events add up to. */
const breakdownTallyShape = {
  events: z.number().int(),
  /** Seats the events offered (their capacities). */
  seats: z.number().int(),
  signups: z.number().int(),
  checkins: z.number().int(),
  attendanceRate,
  volunteerHours: z.number(),
};

export const taskProgressViewSchema = z
  .strictObject({
    number: z.number().int(),
    /** The task's position in the plan, 1-based: names it when numbering restarts per section (two tasks 1.). */
    ordinal: z.number().int(),
    title: z.string(),
    /** The task's top-level section (一、…) as the outline names it; null when the plan has none. */
    section: z.string().nullable(),
    ...progressTallyShape,
    seats: z.number().int(),
    attendanceRate,
    /** Nothing published against the task in the window. */
    idle: z.boolean(),
  })
  .meta({ id: 'TaskProgressView' });
export type TaskProgressView = z.infer<typeof taskProgressViewSchema>;

export const unitProgressViewSchema = z
  .strictObject({
    /** The organization's name; a unit written two ways (市卫健委 / 市卫生健康委) is one row. */
    name: z.string(),
    organizationId: z.string().nullable(),
    /** Every way the plan writes the unit. */
    writtenAs: z.array(z.string()),
    /** lead: leads every task naming it (or the plan does not say); support: only supports; mixed: both. */
    role: z.enum(['lead', 'support', 'mixed']),
    /** A collective phrase (各成员单位, 各区): credited only with events posted under its own name. */
    collective: z.boolean(),
    /** Numbers of the tasks naming the unit. */
    tasks: z.array(z.number().int()),
    /** Events the unit's own organization published for the plan in the window, each once. */
    ...progressTallyShape,
    seats: z.number().int(),
    attendanceRate,
    /** Tasks naming the unit against which its organization published nothing (collective: nobody did). */
    idleTasks: z.array(z.number().int()),
  })
  .meta({ id: 'UnitProgressView' });
export type UnitProgressView = z.infer<typeof unitProgressViewSchema>;

/** A top-level section of the plan: how many of its tasks have events. */
export const sectionProgressViewSchema = z
  .strictObject({
    section: z.string(),
    tasks: z.number().int(),
    activeTasks: z.number().int(),
    /** Events linked to its tasks; an event serving two of its tasks counts once per task. */
    taskEvents: z.number().int(),
  })
  .meta({ id: 'SectionProgressView' });
export type SectionProgressView = z.infer<typeof sectionProgressViewSchema>;

/** `GET /plans/:id/progress`. */
export const planProgressViewSchema = z
  .strictObject({
    /** The year asked for, or the plan's year (its first year for a multi-year plan). */
    year: z.number().int(),
    /** The window counted: the plan's year, its period, or `?year=`. */
    window: z.strictObject({ from: isoDateView, to: isoDateView }),
    totals: z.strictObject({ ...breakdownTallyShape, tasks: z.number().int(), activeTasks: z.number().int() }),
    tasks: z.array(taskProgressViewSchema),
    units: z.array(unitProgressViewSchema),
    idleTasks: z.array(z.number().int()),
    sections: z.array(sectionProgressViewSchema),
    /** An event for several audiences counts under each. */
    audiences: z.array(z.strictObject({ audience: z.string(), ...breakdownTallyShape })),
    /** '' for events without a district. */
    districts: z.array(z.strictObject({ district: z.string(), ...breakdownTallyShape })),
    /** Events under no campaign are not listed. */
    campaigns: z.array(z.strictObject({ code: z.string(), name: z.string(), ...breakdownTallyShape })),
    /** Every month of the window, China time, empty ones too. */
    months: z.array(z.strictObject({ month: z.string(), ...breakdownTallyShape })),
  })
  .meta({ id: 'PlanProgressView' });
export type PlanProgressView = z.infer<typeof planProgressViewSchema>;

/** A campaign event the plan implies, and whether the import published it. */
export const derivedEventViewSchema = z
  .strictObject({
    campaignCode: z.string(),
    campaignName: z.string(),
    title: z.string(),
    description: z.string(),
    city: z.string(),
    year: z.number().int(),
    /** Null when the catalogue does not know that year's dates: such an event is reported, not published. */
    startsOn: isoDateView.nullable(),
    endsOn: isoDateView.nullable(),
    taskNumbers: z.array(z.number().int()),
    organizerName: z.string(),
    audiences: z.array(z.string()),
    themes: z.array(z.string()),
    eventId: z.string().nullable(),
    published: z.boolean(),
  })
  .meta({ id: 'DerivedEventView' });
export type DerivedEventView = z.infer<typeof derivedEventViewSchema>;

/** `POST /plans/import`: the plan as stored (or, on a dry run, as parsed, with an empty id). */
export const planImportViewSchema = z
  .strictObject({
    /** On a dry run of a plan whose place or year cannot be read, city and year are null. */
    plan: planViewSchema.extend({ city: z.string().nullable(), year: z.number().int().nullable() }),
    derivedEvents: z.array(derivedEventViewSchema),
    created: z.boolean(),
    /** Only on a dry run, always false there. */
    changed: z.boolean().optional(),
    /** Something the admin should check; saving is refused only without a place or a year (PLAN_INCOMPLETE). */
    needsReview: z.boolean(),
    warnings: z.array(z.strictObject({ code: z.string(), message: z.string(), line: z.number().int().optional() })),
    /** On a re-import of a stored plan: task numbers and the ids of the events it touched. */
    changes: z
      .strictObject({
        tasksAdded: z.array(z.number().int()),
        tasksRemoved: z.array(z.number().int()),
        tasksChanged: z.array(z.number().int()),
        eventsAffected: z.array(z.string()),
      })
      .optional(),
  })
  .meta({ id: 'PlanImportView' });
export type PlanImportView = z.infer<typeof planImportViewSchema>;

/** `GET /cities` items: a city with how many plans and published events it has. */
export const cityViewSchema = z
  .strictObject({
    city: z.string(),
    plans: z.number().int(),
    events: z.number().int(),
    /** Only with `?near=`: km to the nearest venue of its events that have not ended; null when none has a place. */
    distanceKm: z.number().nullable().optional(),
  })
  .meta({ id: 'CityView' });
export type CityView = z.infer<typeof cityViewSchema>;

/** A plan task an event may carry out (依据), as the matcher ranks it: best first, at most three. */
export const taskSuggestionViewSchema = z
  .strictObject({
    planId: z.string(),
    number: z.number().int(),
    /** The task's position in the plan, 1-based: names it when numbering restarts per section (two tasks 1.). */
    ordinal: z.number().int(),
    title: z.string(),
    /** Higher is closer; comparable only within one answer. */
    score: z.number(),
    /** Chinese: what the event and the task share (同为老年人、数字素养；本单位牵头). */
    reason: z.string(),
  })
  .meta({ id: 'TaskSuggestionView' });
export type TaskSuggestionView = z.infer<typeof taskSuggestionViewSchema>;

export const taskSuggestionsViewSchema = z.strictObject({ items: z.array(taskSuggestionViewSchema) }).meta({ id: 'TaskSuggestionsView' });
export type TaskSuggestionsView = z.infer<typeof taskSuggestionsViewSchema>;

/** `GET /plans/task-suggestions?eventIds=`: the suggestions of several saved events at once (the review queue), in the order asked. */
export const eventTaskSuggestionsViewSchema = z
  .strictObject({ items: z.array(z.strictObject({ eventId: z.string(), items: z.array(taskSuggestionViewSchema) })) })
  .meta({ id: 'EventTaskSuggestionsView' });
export type EventTaskSuggestionsView = z.infer<typeof eventTaskSuggestionsViewSchema>;
