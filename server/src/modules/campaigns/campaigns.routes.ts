// The campaign catalogue computed for a year.
import { cstDateOf } from '@kepu/shared';
import { campaignsForYear } from '../../campaigns';
import { campaignsQuerySchema } from '@kepu/shared';
import { campaignViewSchema, pageSchema } from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { route } from '../../core/route';

export function campaignRoutes(deps: AppDeps) {
  return [
    route<undefined, { year?: number }>({
      method: 'get', path: '/campaigns', access: 'public', tag: 'campaigns', query: campaignsQuerySchema,
      summary: '主题日、活动周、活动月及其当年日期',
      response: pageSchema(campaignViewSchema),
      handle: async ({ query }) => {
        const year = query.year ?? Number(cstDateOf(deps.clock()).slice(0, 4));
        return { items: campaignsForYear(year), nextCursor: null };
      },
    }),
  ];
}
