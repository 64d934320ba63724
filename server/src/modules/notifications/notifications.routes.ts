// The inbox (everyone signed in), the one-time WeChat subscriptions the app
// records, the template ids it asks for, and the admins' delivery view.
import {
  markedReadViewSchema,
  markNotificationsReadSchema,
  notificationDeliveryQuerySchema,
  notificationDeliveryViewSchema,
  notificationKinds,
  notificationTemplatesViewSchema,
  notificationViewSchema,
  pageQuerySchema,
  pageSchema,
  subscribeNotificationsSchema,
  subscriptionsViewSchema,
  unreadCountViewSchema,
  type MarkNotificationsRead,
  type NotificationDeliveryQuery,
  type PageQuery,
  type SubscribeNotifications,
} from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { reply, requireUser, route } from '../../core/route';
import { countUnread, listDeliveries, listInbox, markNotificationsRead, recordSubscriptions, retryNotification } from './notifications.service';

export function notificationRoutes(deps: AppDeps) {
  return [
    route<undefined, PageQuery>({
      method: 'get',
      path: '/me/notifications',
      access: 'user',
      tag: 'notifications',
      query: pageQuerySchema,
      summary: '我的消息，最新在前',
      response: pageSchema(notificationViewSchema),
      handle: async ({ user, query }) => listInbox(deps.dataSource.manager, requireUser(user).id, query, deps.clock()),
    }),
    route({
      method: 'get',
      path: '/me/notifications/unread-count',
      access: 'user',
      tag: 'notifications',
      summary: '未读消息数',
      response: unreadCountViewSchema,
      handle: async ({ user }) => ({ count: await countUnread(deps.dataSource.manager, requireUser(user).id, deps.clock()) }),
    }),
    route<MarkNotificationsRead>({
      method: 'post',
      path: '/me/notifications/read',
      access: 'user',
      tag: 'notifications',
      body: markNotificationsReadSchema,
      summary: '标记消息已读：{ids} 或 {all: true}',
      response: markedReadViewSchema,
      handle: async ({ user, body }) => markNotificationsRead(deps.tx, requireUser(user).id, body, deps.clock()),
    }),
    route<SubscribeNotifications>({
      method: 'post',
      path: '/me/subscriptions',
      access: 'user',
      tag: 'notifications',
      body: subscribeNotificationsSchema,
      statuses: [201],
      summary: '记录用户在 requestSubscribeMessage 中同意的一次性订阅（每次同意可收一条该类消息）',
      response: subscriptionsViewSchema,
      handle: async ({ user, body }) => reply(201, await recordSubscriptions(deps.tx, requireUser(user).id, body.kinds, deps.clock())),
    }),
    route({
      method: 'get',
      path: '/notifications/templates',
      access: 'public',
      tag: 'notifications',
      summary: '各类消息的订阅消息模板 ID（小程序 requestSubscribeMessage 用）',
      response: notificationTemplatesViewSchema,
      handle: async () => ({
        templates: notificationKinds.flatMap((kind) => {
          const template = deps.config.notifications.templates[kind];
          return template ? [{ kind, templateId: template.id }] : [];
        }),
      }),
    }),
    route<undefined, NotificationDeliveryQuery>({
      method: 'get',
      path: '/admin/notifications',
      access: ['admin'],
      tag: 'notifications',
      query: notificationDeliveryQuerySchema,
      summary: '消息投递情况（管理员）：?status=failed 查看放弃投递的消息，&attempted=1 只看失败过的；含收件人（打码）、活动与中文错误说明',
      response: pageSchema(notificationDeliveryViewSchema),
      handle: async ({ query }) => listDeliveries(deps.dataSource.manager, query),
    }),
    route({
      method: 'post',
      path: '/admin/notifications/:id/retry',
      access: ['admin'],
      tag: 'notifications',
      summary: '重试投递（管理员，记入审计）：失败或等待重试的消息立即再发一次；已送达或已撤回的 409',
      response: notificationDeliveryViewSchema,
      handle: async ({ user, params }) => retryNotification(deps.tx, requireUser(user).id, params.id!, deps.clock()),
    }),
  ];
}
