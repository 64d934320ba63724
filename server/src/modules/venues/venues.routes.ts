// HTTP routes of an organization's saved venues (常用场馆): its members and admins only.
import { organizationVenueViewSchema, pageSchema, type SaveVenue, saveVenueSchema, venueRemovedViewSchema } from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { requireUser, reply, route } from '../../core/route';
import { listVenues, removeVenue, saveVenue } from './venues.service';

export function venueRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/organizations/:id/venues',
      access: ['organizer', 'admin'],
      tag: 'organizations',
      summary: '单位的常用场馆（最近用过的在前），发布活动时一键填入',
      response: pageSchema(organizationVenueViewSchema),
      handle: async ({ user, params }) => ({ items: await listVenues(deps.dataSource.manager, requireUser(user), params.id!), nextCursor: null }),
    }),
    route<SaveVenue>({
      method: 'post',
      path: '/organizations/:id/venues',
      access: ['organizer', 'admin'],
      tag: 'organizations',
      body: saveVenueSchema,
      summary: '保存常用场馆（同名同地址的更新区县和坐标，答 200）',
      response: organizationVenueViewSchema,
      statuses: [200, 201],
      handle: async ({ body, user, params }) => {
        const { venue, created } = await saveVenue(deps.tx, requireUser(user), params.id!, body, deps.clock());
        return reply(created ? 201 : 200, venue);
      },
    }),
    route({
      method: 'delete',
      path: '/organizations/:id/venues/:venueId',
      access: ['organizer', 'admin'],
      tag: 'organizations',
      summary: '删除常用场馆（用过它的活动不受影响）',
      response: venueRemovedViewSchema,
      handle: async ({ user, params }) => {
        await removeVenue(deps.tx, requireUser(user), params.id!, params.venueId!);
        return { removed: true };
      },
    }),
  ];
}
