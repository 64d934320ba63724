// HTTP route of 我的任务: an organization's duties in the plans in force for a year.
import { z } from 'zod';
import { cstDateOf, organizationDutiesViewSchema } from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { yearParam } from '../../core/date-bounds';
import { requireUser, route } from '../../core/route';
import { getOrganizationDuties } from './duties.service';

/** Only the server reads it: the year whose work is shown (this year in China by default). */
const dutiesQuerySchema = z.object({ year: yearParam });

export function dutyRoutes(deps: AppDeps) {
  return [
    route<undefined, z.infer<typeof dutiesQuerySchema>>({
      method: 'get',
      path: '/organizations/:id/duties',
      access: ['organizer', 'admin'],
      tag: 'organizations',
      query: dutiesQuerySchema,
      summary: '我的任务：本单位牵头、配合（及各成员单位共同）的工作要点任务，与本单位当年对应的活动',
      response: organizationDutiesViewSchema,
      handle: async ({ params, query, user }) => {
        const year = query.year ?? Number(cstDateOf(deps.clock()).slice(0, 4));
        return getOrganizationDuties(deps.dataSource.manager, requireUser(user), params.id!, year);
      },
    }),
  ];
}
