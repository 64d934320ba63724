// HTTP routes of plans: list, detail, progress. Importing and correcting them: the plan-import module.
import { z } from 'zod';
import {
  type CityListQuery,
  cityListQuerySchema,
  cityViewSchema,
  eventTaskSuggestionsViewSchema,
  eventViewSchema,
  idSchema,
  pageSchema,
  planProgressViewSchema,
  planSummaryViewSchema,
  planViewSchema,
  taskSuggestionsViewSchema,
  volunteerNeedViewSchema,
} from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { yearParam } from '../../core/date-bounds';
import { validationFailed } from '../../core/errors';
import { fileTypes, requireUser, route } from '../../core/route';
import { getPlan, listCities, listPlans } from './plans.service';
import { getPlanProgress, listTaskEvents } from './progress.service';
import { buildPlanReport, contentDisposition } from './plan-report';
import { suggestTasksForDraft, suggestTasksForEvent, suggestTasksForEvents, type DraftEvent } from './task-suggestions.service';
import { listVolunteerNeeds } from './volunteer-needs.service';

/** A task number in a path: a positive integer, else 400. */
function taskNumberOf(raw: string | undefined): number {
  if (!raw || !/^\d{1,4}$/.test(raw) || Number(raw) < 1) throw validationFailed([{ path: 'number', message: '任务序号应为正整数' }]);
  return Number(raw);
}

/** `?year=` of progress, the task's events and the report (only the server reads it). */
const planProgressQuerySchema = z.object({ year: yearParam });
type PlanProgressQuery = z.infer<typeof planProgressQuerySchema>;

/** `GET /plans/:id/tasks/:number/events`: a page of the task's events in the window. */
const taskEventsQuerySchema = planProgressQuerySchema.extend({
  /** The task's position in the plan: which of the tasks of that number, when numbering restarts per section. */
  ordinal: z
    .string()
    .regex(/^\d{1,4}$/, '任务位置应为正整数')
    .transform(Number)
    .refine((n) => n >= 1, '任务位置应为正整数')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
type TaskEventsQuery = z.infer<typeof taskEventsQuerySchema>;

/** `GET /plans/task-suggestions?eventIds=a,b`: the review queue's events, one request. */
const eventTaskSuggestionsQuerySchema = z.object({
  eventIds: z
    .string()
    .max(2000)
    .transform((raw) => raw.split(',').filter(Boolean))
    .refine((ids) => ids.length >= 1 && ids.length <= 50, '请给出 1 至 50 个活动')
    .refine((ids) => ids.every((id) => /^[\w-]{1,36}$/.test(id)), '活动编号格式不对'),
});
type EventTaskSuggestionsQuery = z.infer<typeof eventTaskSuggestionsQuerySchema>;

const planListQuerySchema = z.object({ city: z.string().trim().max(20).optional() });

const tags = z.array(z.string().trim().min(1).max(20)).max(10).default([]);
/** An event being written: only what the matcher reads. Only the server uses it. */
const draftEventSchema = z.object({
  title: z.string().trim().max(80).default(''),
  description: z.string().trim().max(5000).default(''),
  audiences: tags,
  themes: tags,
  campaign: z.string().trim().max(64).nullable().optional(),
  organizerId: idSchema,
});

export function planRoutes(deps: AppDeps) {
  const read = deps.dataSource.manager;
  return [
    route<undefined, z.infer<typeof planListQuerySchema>>({
      method: 'get',
      path: '/plans',
      access: 'public',
      tag: 'plans',
      query: planListQuerySchema,
      summary: '工作要点列表',
      response: pageSchema(planSummaryViewSchema),
      handle: async ({ query }) => ({ items: await listPlans(read, query.city), nextCursor: null }),
    }),
    // Before /plans/:id, which would take `task-suggestions` for an id.
    route<undefined, EventTaskSuggestionsQuery>({
      method: 'get',
      path: '/plans/task-suggestions',
      access: 'public',
      tag: 'plans',
      query: eventTaskSuggestionsQuerySchema,
      summary: '多个活动各自可能落实的工作要点任务（审核列表一次取全；?eventIds=逗号分隔，至多50个）',
      response: eventTaskSuggestionsViewSchema,
      handle: async ({ query, user }) => ({ items: await suggestTasksForEvents(read, query.eventIds, user) }),
    }),
    route<undefined, CityListQuery>({
      method: 'get',
      path: '/me/volunteer-needs',
      access: ['organizer', 'admin'],
      tag: 'plans',
      summary: '我的单位牵头或承办的、需要科技志愿者的工作要点任务，及其活动已设岗位数',
      response: pageSchema(volunteerNeedViewSchema),
      handle: async ({ user }) => ({ items: await listVolunteerNeeds(read, requireUser(user)), nextCursor: null }),
    }),
    route({
      method: 'get',
      path: '/cities',
      access: 'public',
      tag: 'plans',
      query: cityListQuerySchema,
      summary: '有工作要点或活动的城市；带 near=纬度,经度 时按最近的未结束活动场馆由近到远',
      response: pageSchema(cityViewSchema),
      handle: async ({ query }) => ({ items: await listCities(read, query.near, deps.clock()), nextCursor: null }),
    }),
    route({
      method: 'get',
      path: '/plans/:id',
      access: 'public',
      tag: 'plans',
      summary: '工作要点详情：章节、任务、责任单位、主题活动',
      response: planViewSchema,
      handle: async ({ params }) => getPlan(read, params.id!),
    }),
    route<undefined, PlanProgressQuery>({
      method: 'get',
      path: '/plans/:id/progress',
      access: 'public',
      tag: 'plans',
      query: planProgressQuerySchema,
      summary: '工作要点年度落实进度：任务、责任单位、人群、区县、主题活动、月份（?year= 另选年份）',
      response: planProgressViewSchema,
      handle: async ({ params, query }) => getPlanProgress(read, params.id!, query.year),
    }),
    route<undefined, TaskEventsQuery>({
      method: 'get',
      path: '/plans/:id/tasks/:number/events',
      access: 'public',
      tag: 'plans',
      query: taskEventsQuerySchema,
      summary: '落实某项任务的已发布活动（计入进度的那些，按开始时间）；序号重复时用 ?ordinal= 指明是哪一项',
      response: pageSchema(eventViewSchema),
      handle: async ({ params, query }) => listTaskEvents(read, params.id!, taskNumberOf(params.number), query),
    }),
    route<undefined, PlanProgressQuery>({
      method: 'get',
      path: '/plans/:id/report.xlsx',
      access: 'user',
      tag: 'plans',
      query: planProgressQuerySchema,
      summary: '年度执行情况报告（XLSX；管理员或责任单位成员）',
      files: [fileTypes.xlsx],
      handle: async ({ ctx, params, query, user }) => {
        const report = await buildPlanReport(read, requireUser(user), params.id!, query.year, deps.clock());
        ctx.type = fileTypes.xlsx;
        ctx.set('Content-Disposition', contentDisposition(report));
        ctx.set('Cache-Control', 'private, no-store');
        ctx.body = report.body;
        return undefined;
      },
    }),
    route({
      method: 'get',
      path: '/events/:id/task-suggestions',
      access: 'public',
      tag: 'plans',
      summary: '活动可能落实的工作要点任务（前三项，附理由）',
      response: taskSuggestionsViewSchema,
      handle: async ({ params, user }) => ({ items: await suggestTasksForEvent(read, params.id!, user) }),
    }),
    route<DraftEvent>({
      method: 'post',
      path: '/plans/task-suggestions',
      access: ['organizer', 'admin'],
      tag: 'plans',
      body: draftEventSchema,
      summary: '为正在填写的活动推荐工作要点任务（前三项，附理由）',
      response: taskSuggestionsViewSchema,
      handle: async ({ body, user }) => ({ items: await suggestTasksForDraft(read, requireUser(user), body, deps.clock()) }),
    }),
  ];
}
