// Admin's view of users: find an account, grant or withdraw reviewer/admin.
// Phones and real names are not listed here: an admin needs ids and roles only.
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { notFound, validationFailed } from '../../http/errors';
import { requireUser, route } from '../../http/route';
import { recordAudit } from '../audit/audit.service';
import { UserEntity } from './user.entity';
import { getUserView } from './users.service';

const userSearchSchema = z.object({
  q: z.string().trim().min(1).max(32).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const rolesSchema = z.object({ reviewer: z.boolean().optional(), admin: z.boolean().optional() }).strict()
  .refine((v) => v.reviewer !== undefined || v.admin !== undefined, { error: '请指定要修改的角色' });

export function userAdminRoutes(deps: AppDeps) {
  return [
    route<undefined, z.infer<typeof userSearchSchema>>({
      method: 'get', path: '/users', access: ['admin'], tag: 'users', query: userSearchSchema, summary: '按昵称查找用户（管理员）',
      handle: async ({ query }) => {
        const escaped = query.q?.replace(/[!%_]/g, (c) => `!${c}`);
        const rows = await deps.dataSource.getRepository(UserEntity).createQueryBuilder('u')
          .where('u.erasedAt IS NULL')
          .andWhere(escaped ? "u.nickname LIKE :q ESCAPE '!'" : '1=1', { q: `%${escaped}%` })
          .orderBy('u.createdAt', 'DESC').addOrderBy('u.id', 'ASC').take(query.limit).getMany();
        const items = [];
        for (const row of rows) {
          const view = await getUserView(deps.dataSource.manager, row.id);
          items.push({ id: view.id, nickname: view.nickname, roles: view.roles, organizations: view.organizations });
        }
        return { items, nextCursor: null };
      },
    }),
    route<z.infer<typeof rolesSchema>>({
      method: 'patch', path: '/users/:id/roles', access: ['admin'], tag: 'users', body: rolesSchema, summary: '授予或收回审核员、管理员角色',
      handle: async ({ params, body, user }) => deps.tx.run(async (manager) => {
        const actor = requireUser(user);
        const target = await manager.getRepository(UserEntity).findOneBy({ id: params.id! });
        if (!target || target.erasedAt) throw notFound('user');
        // An admin cannot lock themselves out; another admin has to do it.
        if (target.id === actor.id && body.admin === false) throw validationFailed([{ path: 'admin', message: '不能收回自己的管理员角色' }]);
        const changes = {
          ...(body.reviewer !== undefined && { isReviewer: body.reviewer }),
          ...(body.admin !== undefined && { isAdmin: body.admin }),
        };
        await manager.getRepository(UserEntity).update({ id: target.id }, changes);
        await recordAudit(manager, { actorId: actor.id, action: 'user.roles', target: `user:${target.id}`, details: body, at: deps.clock() });
        const view = await getUserView(manager, target.id);
        return { id: view.id, nickname: view.nickname, roles: view.roles };
      }),
    }),
  ];
}
