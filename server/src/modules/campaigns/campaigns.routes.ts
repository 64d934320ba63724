// The campaign catalogue computed for a year, with the dates admins set where the catalogue has none.
import { campaignsQuerySchema, campaignViewSchema, cstDateOf, pageSchema } from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { route } from '../../core/route';
import { campaignsOfYear } from './campaign-dates';

export function campaignRoutes(deps: AppDeps) {
  return [
    route<undefined, { year?: number }>({
      method: 'get',
      path: '/campaigns',
      access: 'public',
      tag: 'campaigns',
      query: campaignsQuerySchema,
      summary: '主题日、活动周、活动月及其当年日期',
      response: pageSchema(campaignViewSchema),
      handle: async ({ query }) => {
        const year = query.year ?? Number(cstDateOf(deps.clock()).slice(0, 4));
        return { items: await campaignsOfYear(deps.dataSource.manager, year), nextCursor: null };
      },
    }),
  ];
}
