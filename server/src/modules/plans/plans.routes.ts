// HTTP routes of plans: list, detail, progress. Importing and correcting them: the plan-import module.
import { z } from 'zod';
import {
  cityViewSchema,
  idSchema,
  pageSchema,
  planProgressViewSchema,
  planSummaryViewSchema,
  planViewSchema,
  taskSuggestionsViewSchema,
  volunteerNeedViewSchema,
} from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { requireUser, route } from '../../core/route';
import { getPlan, getPlanProgress, listCities, listPlans } from './plans.service';
import { suggestTasksForDraft, suggestTasksForEvent, type DraftEvent } from './task-suggestions.service';
import { listVolunteerNeeds } from './volunteer-needs.service';

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
    route({
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
      summary: '有工作要点或活动的城市',
      response: pageSchema(cityViewSchema),
      handle: async () => ({ items: await listCities(read), nextCursor: null }),
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
    route({
      method: 'get',
      path: '/plans/:id/progress',
      access: 'public',
      tag: 'plans',
      summary: '任务与责任单位的落实进度',
      response: planProgressViewSchema,
      handle: async ({ params }) => getPlanProgress(read, params.id!),
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
