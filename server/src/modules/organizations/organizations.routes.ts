// Organizations and their organizer members (admins manage membership).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { notFound, validationFailed } from '../../http/errors';
import { requireUser, reply, route } from '../../http/route';
import { recordAudit } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { MembershipEntity, OrganizationEntity } from './organization.entity';

const listQuerySchema = z.object({ city: z.string().trim().max(20).optional() });
const addMemberSchema = z.object({ userId: z.string().min(1).max(64), role: z.literal('organizer').default('organizer') });

export function organizationRoutes(deps: AppDeps) {
  return [
    route<undefined, z.infer<typeof listQuerySchema>>({
      method: 'get', path: '/organizations', access: 'public', tag: 'organizations', query: listQuerySchema, summary: '主办单位（来自责任单位与管理员添加）',
      handle: async ({ query }) => {
        const rows = await deps.dataSource.getRepository(OrganizationEntity).find({ where: query.city ? { city: query.city } : {}, order: { city: 'ASC', name: 'ASC' } });
        return { items: rows.map((o) => ({ id: o.id, name: o.name, city: o.city, kind: o.kind, trusted: o.trusted })), nextCursor: null };
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
        if (existing) return reply(200, { id: existing.id, organizationId: existing.organizationId, userId: existing.userId, role: existing.role });
        const membership = memberships.create({ id: randomUUID(), organizationId: organization.id, userId: member.id, role: body.role, createdAt: deps.clock() });
        await memberships.insert(membership);
        await recordAudit(manager, { actorId: requireUser(user).id, action: 'membership.add', target: `organization:${organization.id}`, details: { userId: member.id, role: body.role }, at: deps.clock() });
        return reply(201, { id: membership.id, organizationId: membership.organizationId, userId: membership.userId, role: membership.role });
      }),
    }),
  ];
}
