// HTTP routes of organizations and their organizer members. Each handler calls one use case.
import { z } from 'zod';
import {
  organizationHistoryViewSchema,
  memberRemovedViewSchema,
  memberViewSchema,
  membershipViewSchema,
  organizationViewSchema,
  pageSchema,
} from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { requireUser, reply, route } from '../../core/route';
import {
  addMember,
  createOrganization,
  getOrganization,
  getOrganizationHistory,
  listMembers,
  listOrganizations,
  removeMember,
  setTrusted,
} from './organizations.service';

const listQuerySchema = z.object({ city: z.string().trim().max(20).optional(), q: z.string().trim().min(1).max(40).optional() });
const createOrganizationSchema = z.object({
  name: z.string().trim().min(2, { error: '单位名称至少2个字' }).max(80),
  city: z.string().trim().min(2).max(20),
  trusted: z.boolean().default(false),
});
const updateOrganizationSchema = z.object({ trusted: z.boolean() }).strict();
const addMemberSchema = z.object({ userId: z.string().min(1).max(64), role: z.literal('organizer').default('organizer') });

export function organizationRoutes(deps: AppDeps) {
  return [
    route<undefined, z.infer<typeof listQuerySchema>>({
      method: 'get',
      path: '/organizations',
      access: 'public',
      tag: 'organizations',
      query: listQuerySchema,
      summary: '主办单位（来自责任单位与管理员添加）',
      response: pageSchema(organizationViewSchema),
      handle: async ({ query }) => ({ items: await listOrganizations(deps.dataSource.manager, query), nextCursor: null }),
    }),
    route({
      method: 'get',
      path: '/organizations/:id',
      access: 'public',
      tag: 'organizations',
      summary: '一个主办单位',
      response: organizationViewSchema,
      handle: async ({ params }) => getOrganization(deps.dataSource.manager, params.id!),
    }),
    route({
      method: 'get',
      path: '/organizations/:id/history',
      access: ['reviewer', 'admin'],
      tag: 'organizations',
      summary: '单位以往活动的审核情况（审核员参考）',
      response: organizationHistoryViewSchema,
      handle: async ({ params }) => getOrganizationHistory(deps.dataSource.manager, params.id!),
    }),
    route<z.infer<typeof createOrganizationSchema>>({
      method: 'post',
      path: '/organizations',
      access: ['admin'],
      tag: 'organizations',
      body: createOrganizationSchema,
      summary: '管理员添加主办单位（如学校、志愿服务队）',
      response: organizationViewSchema,
      statuses: [200, 201],
      handle: async ({ body, user }) => {
        const { organization, created } = await createOrganization(deps.tx, requireUser(user), body, deps.clock());
        return reply(created ? 201 : 200, organization);
      },
    }),
    route<z.infer<typeof updateOrganizationSchema>>({
      method: 'patch',
      path: '/organizations/:id',
      access: ['admin'],
      tag: 'organizations',
      body: updateOrganizationSchema,
      summary: '设为可信单位（可信单位的活动免审核直接发布）',
      response: organizationViewSchema,
      handle: async ({ params, body, user }) => setTrusted(deps.tx, requireUser(user), params.id!, body.trusted, deps.clock()),
    }),
    route({
      method: 'get',
      path: '/organizations/:id/members',
      access: ['organizer', 'admin'],
      tag: 'organizations',
      summary: '单位的组织者成员',
      response: pageSchema(memberViewSchema),
      handle: async ({ params, user }) => ({ items: await listMembers(deps.dataSource.manager, requireUser(user), params.id!), nextCursor: null }),
    }),
    route<z.infer<typeof addMemberSchema>>({
      method: 'post',
      path: '/organizations/:id/members',
      access: ['admin'],
      tag: 'organizations',
      body: addMemberSchema,
      summary: '添加组织者成员',
      response: membershipViewSchema,
      statuses: [200, 201],
      handle: async ({ params, body, user }) => {
        const { membership, created } = await addMember(deps.tx, requireUser(user), params.id!, body, deps.clock());
        return reply(created ? 201 : 200, membership);
      },
    }),
    route({
      method: 'delete',
      path: '/organizations/:id/members/:userId',
      access: ['admin'],
      tag: 'organizations',
      summary: '移除组织者成员',
      response: memberRemovedViewSchema,
      handle: async ({ params, user }) => {
        await removeMember(deps.tx, requireUser(user), params.id!, params.userId!, deps.clock());
        return { removed: true };
      },
    }),
  ];
}
