// Organizations and their organizer members (admins manage membership).
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { notFound, validationFailed } from '../../http/errors';
import type { AuthUser } from '../../http/route';
import { requireUser, reply, route } from '../../http/route';
import { recordAudit } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { MembershipEntity, OrganizationEntity } from './organization.entity';
import { assertActsFor } from './organizations.access';

const listQuerySchema = z.object({ city: z.string().trim().max(20).optional() });
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
      method: 'get', path: '/organizations', access: 'public', tag: 'organizations', query: listQuerySchema, summary: '主办单位（来自责任单位与管理员添加）',
      handle: async ({ query }) => {
        const rows = await deps.dataSource.getRepository(OrganizationEntity).find({ where: query.city ? { city: query.city } : {}, order: { city: 'ASC', name: 'ASC' } });
        return { items: rows.map(toOrganizationView), nextCursor: null };
      },
    }),
    route<z.infer<typeof createOrganizationSchema>>({
      method: 'post', path: '/organizations', access: ['admin'], tag: 'organizations', body: createOrganizationSchema,
      summary: '管理员添加主办单位（如学校、志愿服务队）',
      handle: async ({ body, user }) => deps.tx.run(async (manager) => {
        const organizations = manager.getRepository(OrganizationEntity);
        const existing = await organizations.findOneBy({ city: body.city, name: body.name });
        if (existing) return reply(200, toOrganizationView(existing));
        const organization = organizations.create({ id: randomUUID(), name: body.name, city: body.city, kind: 'custom', trusted: body.trusted, createdAt: deps.clock() });
        await organizations.insert(organization);
        await audit(manager, user, 'organization.create', organization.id, { name: body.name, city: body.city, trusted: body.trusted });
        return reply(201, toOrganizationView(organization));
      }),
    }),
    route<z.infer<typeof updateOrganizationSchema>>({
      method: 'patch', path: '/organizations/:id', access: ['admin'], tag: 'organizations', body: updateOrganizationSchema,
      summary: '设为可信单位（可信单位的活动免审核直接发布）',
      handle: async ({ params, body, user }) => deps.tx.run(async (manager) => {
        const organization = await manager.getRepository(OrganizationEntity).findOneBy({ id: params.id! });
        if (!organization) throw notFound('organization');
        if (organization.trusted !== body.trusted) {
          await manager.getRepository(OrganizationEntity).update({ id: organization.id }, { trusted: body.trusted });
          await audit(manager, user, 'organization.trust', organization.id, { trusted: body.trusted });
        }
        return toOrganizationView({ ...organization, trusted: body.trusted });
      }),
    }),
    route({
      method: 'get', path: '/organizations/:id/members', access: ['organizer', 'admin'], tag: 'organizations', summary: '单位的组织者成员',
      handle: async ({ params, user }) => {
        assertActsFor(requireUser(user), params.id!);
        const memberships = await deps.dataSource.getRepository(MembershipEntity).find({ where: { organizationId: params.id! }, order: { createdAt: 'ASC' } });
        const users = memberships.length ? await deps.dataSource.getRepository(UserEntity).findBy({ id: In(memberships.map((m) => m.userId)) }) : [];
        const nicknameOf = new Map(users.map((u) => [u.id, u.nickname]));
        return { items: memberships.map((m) => ({ userId: m.userId, nickname: nicknameOf.get(m.userId) ?? '', role: m.role })), nextCursor: null };
      },
    }),
    route<z.infer<typeof addMemberSchema>>({
      method: 'post', path: '/organizations/:id/members', access: ['admin'], tag: 'organizations', body: addMemberSchema, summary: '添加组织者成员',
      handle: async ({ params, body, user }) => deps.tx.run(async (manager) => {
        const organization = await manager.getRepository(OrganizationEntity).findOneBy({ id: params.id! });
        if (!organization) throw notFound('organization');
        const member = await manager.getRepository(UserEntity).findOneBy({ id: body.userId });
        if (!member || member.erasedAt) throw validationFailed([{ path: 'userId', message: '用户不存在' }]);
        const memberships = manager.getRepository(MembershipEntity);
        const existing = await memberships.findOneBy({ organizationId: organization.id, userId: member.id });
        if (existing) return reply(200, toMembershipView(existing));
        const membership = memberships.create({ id: randomUUID(), organizationId: organization.id, userId: member.id, role: body.role, createdAt: deps.clock() });
        await memberships.insert(membership);
        await audit(manager, user, 'membership.add', organization.id, { userId: member.id, role: body.role });
        return reply(201, toMembershipView(membership));
      }),
    }),
    route({
      method: 'delete', path: '/organizations/:id/members/:userId', access: ['admin'], tag: 'organizations', summary: '移除组织者成员',
      handle: async ({ params, user }) => deps.tx.run(async (manager) => {
        const membership = await manager.getRepository(MembershipEntity).findOneBy({ organizationId: params.id!, userId: params.userId! });
        if (!membership) throw notFound('membership');
        await manager.getRepository(MembershipEntity).delete({ id: membership.id });
        await audit(manager, user, 'membership.remove', params.id!, { userId: params.userId!, role: membership.role });
        return { removed: true };
      }),
    }),
  ];

  function audit(manager: EntityManager, user: AuthUser | null, action: string, organizationId: string, details: Record<string, unknown>) {
    return recordAudit(manager, { actorId: requireUser(user).id, action, target: `organization:${organizationId}`, details, at: deps.clock() });
  }
}

function toOrganizationView(o: OrganizationEntity) {
  return { id: o.id, name: o.name, city: o.city, kind: o.kind, trusted: o.trusted };
}

function toMembershipView(m: MembershipEntity) {
  return { id: m.id, organizationId: m.organizationId, userId: m.userId, role: m.role };
}
