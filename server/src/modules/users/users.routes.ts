// Admin's view of users: find an account, grant or withdraw reviewer/admin, issue a one-time H5 login code.
// Phones and real names are not listed here: an admin needs ids and roles only.
import { z } from 'zod';
import { loginCodeViewSchema, pageSchema, userRolesViewSchema, userSummarySchema } from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { reply, requireUser, route } from '../../core/route';
import { issueLoginCode } from './login-codes.service';
import { searchUsers, setRoles } from './users.service';

const userSearchSchema = z.object({
  q: z.string().trim().min(1).max(32).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const rolesSchema = z
  .object({ reviewer: z.boolean().optional(), admin: z.boolean().optional() })
  .strict()
  .refine((v) => v.reviewer !== undefined || v.admin !== undefined, { error: '请指定要修改的角色' });

export function userAdminRoutes(deps: AppDeps) {
  return [
    route<undefined, z.infer<typeof userSearchSchema>>({
      method: 'get',
      path: '/users',
      access: ['admin'],
      tag: 'users',
      query: userSearchSchema,
      summary: '按昵称或 openid 片段查找用户（管理员）',
      response: pageSchema(userSummarySchema),
      handle: async ({ query }) => ({ items: await searchUsers(deps.dataSource.manager, query), nextCursor: null }),
    }),
    route<z.infer<typeof rolesSchema>>({
      method: 'patch',
      path: '/users/:id/roles',
      access: ['admin'],
      tag: 'users',
      body: rolesSchema,
      summary: '授予或收回审核员、管理员角色',
      response: userRolesViewSchema,
      handle: async ({ params, body, user }) => setRoles(deps.tx, requireUser(user), params.id!, body, deps.clock()),
    }),
    route({
      method: 'post',
      path: '/users/:id/login-codes',
      access: ['admin'],
      tag: 'users',
      summary: '为用户签发一次性网页登录码（15分钟内有效，只能用一次）',
      response: loginCodeViewSchema,
      statuses: [201],
      handle: async ({ params, user }) => reply(201, await issueLoginCode(deps.tx, requireUser(user), params.id!, deps.config.authSecret, deps.clock())),
    }),
  ];
}
