// HTTP routes of plans: list, detail, progress, and the admin import.
import { z } from 'zod';
import { importPlanQuerySchema, importPlanSchema, type ImportPlan } from '@kepu/shared';
import { cityViewSchema, pageSchema, planImportViewSchema, planProgressViewSchema, planSummaryViewSchema, planViewSchema } from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { reply, route } from '../../core/route';
import { dryRunImport, importPlan } from './plan-import.service';
import { getPlan, getPlanProgress, listCities, listPlans } from './plans.service';

const planListQuerySchema = z.object({ city: z.string().trim().max(20).optional() });

export function planRoutes(deps: AppDeps) {
  const read = deps.dataSource.manager;
  return [
    route<undefined, z.infer<typeof planListQuerySchema>>({
      method: 'get', path: '/plans', access: 'public', tag: 'plans', query: planListQuerySchema, summary: '工作要点列表',
      response: pageSchema(planSummaryViewSchema),
      handle: async ({ query }) => ({ items: await listPlans(read, query.city), nextCursor: null }),
    }),
    route({
      method: 'get', path: '/cities', access: 'public', tag: 'plans', summary: '有工作要点或活动的城市',
      response: pageSchema(cityViewSchema),
      handle: async () => ({ items: await listCities(read), nextCursor: null }),
    }),
    route({
      method: 'get', path: '/plans/:id', access: 'public', tag: 'plans', summary: '工作要点详情：章节、任务、责任单位、主题活动',
      response: planViewSchema,
      handle: async ({ params }) => getPlan(read, params.id!),
    }),
    route({
      method: 'get', path: '/plans/:id/progress', access: 'public', tag: 'plans', summary: '任务与责任单位的落实进度',
      response: planProgressViewSchema,
      handle: async ({ params }) => getPlanProgress(read, params.id!),
    }),
    route<ImportPlan, z.infer<typeof importPlanQuerySchema>>({
      method: 'post', path: '/plans/import', access: ['admin'], tag: 'plans', body: importPlanSchema, query: importPlanQuerySchema,
      summary: '导入工作要点文本（dryRun=1 只解析不保存）',
      response: planImportViewSchema, statuses: [200, 201],
      handle: async ({ body, query }) => {
        const overrides = { ...(body.city ? { city: body.city } : {}), ...(body.year ? { year: body.year } : {}) };
        if (query.dryRun === '1' || query.dryRun === 'true') return dryRunImport(body.text, overrides);
        const result = await importPlan(deps.tx, body.text, overrides, deps.clock());
        return reply(result.created ? 201 : 200, { plan: result.plan, derivedEvents: result.derivedEvents, created: result.created });
      },
    }),
  ];
}
