// The signed-in user's own profile and data erasure.
import { erasedViewSchema, type UpdateMe, updateMeSchema, userViewSchema } from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { requireUser, route, reply } from '../../core/route';
import { reminderLeadMs } from '../notifications/notifications.service';
import { eraseUser, getUserView, updateMe } from './users.service';

export function meRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/me',
      access: 'user',
      tag: 'me',
      summary: '我的资料',
      response: userViewSchema,
      handle: async ({ user }) => getUserView(deps.dataSource.manager, requireUser(user).id),
    }),
    route<UpdateMe>({
      method: 'patch',
      path: '/me',
      access: 'user',
      tag: 'me',
      body: updateMeSchema,
      summary: '修改昵称、手机号、大字模式',
      response: userViewSchema,
      handle: async ({ user, body }) => updateMe(deps.tx, requireUser(user).id, body),
    }),
    route({
      method: 'delete',
      path: '/me',
      access: 'user',
      tag: 'me',
      summary: '注销：删除个人信息，报名记录匿名保留',
      response: erasedViewSchema,
      handle: async ({ user }) => {
        await eraseUser(deps.tx, requireUser(user).id, deps.clock(), reminderLeadMs(deps.config.notifications));
        return reply(200, { erased: true });
      },
    }),
  ];
}
