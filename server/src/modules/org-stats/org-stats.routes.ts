// HTTP route of an organization's statistics page (统计): its year per month, for its members and admins.
import { z } from 'zod';
import { cstDateOf, organizationStatsViewSchema } from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { yearParam } from '../../core/date-bounds';
import { requireUser, route } from '../../core/route';
import { getOrganizationStats } from './org-stats.service';

/** Only the server reads it: the year shown (this year in China by default). */
const statsQuerySchema = z.object({ year: yearParam });

export function orgStatsRoutes(deps: AppDeps) {
  return [
    route<undefined, z.infer<typeof statsQuerySchema>>({
      method: 'get',
      path: '/organizations/:id/stats',
      access: ['organizer', 'admin'],
      tag: 'organizations',
      query: statsQuerySchema,
      summary: '单位统计：某年（默认今年）已发布、未取消的活动按月的场次、名额、报名、签到、签到率与志愿服务时长',
      response: organizationStatsViewSchema,
      handle: async ({ params, query, user }) => {
        const year = query.year ?? Number(cstDateOf(deps.clock()).slice(0, 4));
        return getOrganizationStats(deps.dataSource.manager, requireUser(user), params.id!, year);
      },
    }),
  ];
}
