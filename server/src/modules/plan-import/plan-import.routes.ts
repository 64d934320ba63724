// HTTP routes of the admin's plan work: import (or dry-run) a text, correct a stored plan, and set
// a campaign's dates for a year the catalogue does not know.
import { z } from 'zod';
import {
  campaignDatesSchema,
  campaignViewSchema,
  correctPlanSchema,
  importPlanQuerySchema,
  importPlanSchema,
  planImportViewSchema,
  planViewSchema,
  type CampaignDates,
  type CorrectPlan,
  type ImportPlan,
} from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { validationFailed } from '../../core/errors';
import { reply, requireUser, route } from '../../core/route';
import { correctPlan, dryRunImport, importPlan, setCampaignDates } from './plan-import.service';

export function planImportRoutes(deps: AppDeps) {
  return [
    route<ImportPlan, z.infer<typeof importPlanQuerySchema>>({
      method: 'post',
      path: '/plans/import',
      access: ['admin'],
      tag: 'plans',
      body: importPlanSchema,
      query: importPlanQuerySchema,
      summary: '导入工作要点文本（dryRun=1 只解析不保存）',
      response: planImportViewSchema,
      statuses: [200, 201],
      handle: async ({ body, query, user }) => {
        const overrides = { ...(body.city ? { city: body.city } : {}), ...(body.year ? { year: body.year } : {}) };
        if (query.dryRun === '1' || query.dryRun === 'true') return dryRunImport(deps.dataSource.manager, body.text, overrides);
        const { changed: _changed, ...answer } = await importPlan(deps.tx, requireUser(user), body.text, overrides, deps.clock());
        return reply(answer.created ? 201 : 200, answer);
      },
    }),
    route<CorrectPlan>({
      method: 'patch',
      path: '/plans/:id',
      access: ['admin'],
      tag: 'plans',
      body: correctPlanSchema,
      summary: '更正工作要点（地区、年份、任务的责任单位），之后重新导入同一文本时保留',
      response: planViewSchema,
      handle: async ({ body, params, user }) => correctPlan(deps.tx, requireUser(user), params.id!, body, deps.clock()),
    }),
    route<CampaignDates>({
      method: 'put',
      path: '/campaigns/:code/years/:year',
      access: ['admin'],
      tag: 'campaigns',
      body: campaignDatesSchema,
      summary: '设置主题活动某一年的日期（目录中没有该年日期时），并生成相应的主题活动',
      response: campaignViewSchema,
      handle: async ({ body, params, user }) => {
        const year = Number(params.year);
        if (!/^\d{4}$/.test(params.year!) || year < 1990 || year > 2100) throw validationFailed([{ path: 'year', message: '年份应在1990—2100之间' }]);
        return setCampaignDates(deps.tx, requireUser(user), params.code!, year, body, deps.clock());
      },
    }),
  ];
}
