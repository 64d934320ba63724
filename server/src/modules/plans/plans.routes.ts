// HTTP routes of plans: list, detail, progress. Importing and correcting them: the plan-import module.
import { z } from 'zod';
import { cityViewSchema, pageSchema, planProgressViewSchema, planSummaryViewSchema, planViewSchema } from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { route } from '../../core/route';
import { getPlan, getPlanProgress, listCities, listPlans } from './plans.service';

const planListQuerySchema = z.object({ city: z.string().trim().max(20).optional() });

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
  ];
}
