// HTTP routes of sign-ups, check-in codes, check-in and the organizer's list.
import { z } from 'zod';
import {
  type Checkin,
  type CheckinBatch,
  checkinBatchSchema,
  checkinBatchViewSchema,
  checkinCodeViewSchema,
  checkinKitViewSchema,
  checkinSchema,
  type CreateSignup,
  createSignupSchema,
  eventSignupRowSchema,
  mySignupViewSchema,
  pageQuerySchema,
  pageSchema,
  signupListQuerySchema,
  signupResultViewSchema,
  signupViewSchema,
  ticketShareViewSchema,
  ticketViewSchema,
  type UpdateSignup,
  updateSignupSchema,
  formatFullDate,
} from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { decodeCursor } from '../../core/paging';
import { requireUser, reply, route } from '../../core/route';
import { sendTable, timeCell } from '../../exports/table';
import { reminderLeadMs } from '../notifications/notifications.service';
import {
  cancelMySignup,
  cancelSignupById,
  checkInAttendee,
  checkInBatch,
  issueCheckinCode,
  issueCheckinKit,
  listEventSignups,
  listMySignups,
  signUpForEvent,
  updateSignupAttendee,
} from './signups.service';
import { shareSignup, viewTicket } from './tickets.service';

const mySignupsQuerySchema = pageQuerySchema.extend({ when: z.enum(['upcoming', 'past']).optional() });
type MySignupsQuery = z.infer<typeof mySignupsQuerySchema>;
type SignupListQuery = z.infer<typeof signupListQuerySchema>;

const statusLabel: Record<string, string> = { confirmed: '已确认', waitlisted: '候补', cancelled: '已取消' };

export function signupRoutes(deps: AppDeps) {
  const secret = deps.config.authSecret;
  return [
    route<CreateSignup>({
      method: 'post',
      path: '/events/:id/signups',
      access: 'user',
      tag: 'signups',
      body: createSignupSchema,
      summary: '报名（可代家人报名，每位参加者一份报名；满员候补；人数超过剩余名额时按 whenShort 拆分或整体候补，否则 409；同一参加者重复报名返回已有报名）',
      response: signupResultViewSchema,
      statuses: [200, 201],
      handle: async ({ body, user, params }) => {
        const { signup, created } = await signUpForEvent(deps.tx, requireUser(user), params.id!, body, deps.clock(), reminderLeadMs(deps.config.notifications));
        if (created) deps.metrics?.signupsCreated.inc({ status: signup.status });
        return reply(created ? 201 : 200, signup);
      },
    }),
    route({
      method: 'delete',
      path: '/events/:id/signups/me',
      access: 'user',
      tag: 'signups',
      summary: '取消我的报名（候补第一位自动递补）',
      response: signupViewSchema,
      handle: async ({ user, params }) => cancelMySignup(deps.tx, requireUser(user), params.id!, deps.clock(), reminderLeadMs(deps.config.notifications)),
    }),
    route({
      method: 'delete',
      path: '/me/signups/:id',
      access: 'user',
      tag: 'signups',
      summary: '按报名取消（如代家人的报名；候补第一位自动递补）',
      response: signupViewSchema,
      handle: async ({ user, params }) => cancelSignupById(deps.tx, requireUser(user), params.id!, deps.clock(), reminderLeadMs(deps.config.notifications)),
    }),
    route<UpdateSignup>({
      method: 'patch',
      path: '/me/signups/:id',
      access: 'user',
      tag: 'signups',
      body: updateSignupSchema,
      summary: '修改参加者的姓名或手机号（如代家人的报名；已签到或活动结束后不能修改）',
      response: signupViewSchema,
      handle: async ({ user, params, body }) => updateSignupAttendee(deps.tx, requireUser(user), params.id!, body, deps.clock()),
    }),
    route<undefined, MySignupsQuery>({
      method: 'get',
      path: '/me/signups',
      access: 'user',
      tag: 'signups',
      query: mySignupsQuerySchema,
      summary: '我的报名（即将开始与已结束）',
      response: pageSchema(mySignupViewSchema),
      handle: async ({ user, query }) =>
        listMySignups(
          deps.dataSource.manager,
          requireUser(user),
          { limit: query.limit, offset: decodeCursor(query.cursor, 'offset')?.offset ?? 0, when: query.when },
          deps.clock(),
        ),
    }),
    route({
      method: 'get',
      path: '/me/signups/:id/checkin-code',
      access: 'user',
      tag: 'signups',
      summary: '签到二维码内容（Ed25519 签名、会过期）与 6 位签到数字码',
      response: checkinCodeViewSchema,
      handle: async ({ user, params }) => issueCheckinCode(deps.tx, requireUser(user), params.id!, deps.clock()),
    }),
    route({
      method: 'post',
      path: '/me/signups/:id/share',
      access: 'user',
      tag: 'signups',
      summary: '转发给家人：报名的签到码页链接令牌（同一报名始终相同；取消报名后失效，活动结束后过期）',
      response: ticketShareViewSchema,
      handle: async ({ user, params }) => shareSignup(deps.tx, requireUser(user), params.id!, deps.clock()),
    }),
    route({
      method: 'get',
      path: '/tickets/:token',
      access: 'public',
      tag: 'signups',
      summary: '转发的签到码页（无需登录）：参加者姓名（打码）、活动时间地点、签到二维码与 6 位数字码；链接无效或已失效时 404',
      response: ticketViewSchema,
      handle: async ({ params }) => viewTicket(deps.tx, params.token!, deps.clock()),
    }),
    route({
      method: 'get',
      path: '/events/:id/checkin-kit',
      access: ['organizer', 'admin'],
      tag: 'signups',
      summary: '离线签到包：活动公钥与名单（姓名、手机号打码）',
      response: checkinKitViewSchema,
      handle: async ({ user, params }) => issueCheckinKit(deps.tx, requireUser(user), params.id!, deps.clock()),
    }),
    route<CheckinBatch>({
      method: 'post',
      path: '/events/:id/checkins/batch',
      access: ['organizer', 'admin'],
      tag: 'signups',
      body: checkinBatchSchema,
      summary: '上传离线签到（幂等，逐条返回结果）',
      response: checkinBatchViewSchema,
      handle: async ({ body, user, params }) => ({ results: await checkInBatch(deps.tx, requireUser(user), params.id!, body, secret, deps.clock()) }),
    }),
    route<Checkin>({
      method: 'post',
      path: '/events/:id/checkins',
      access: ['organizer', 'admin'],
      tag: 'signups',
      body: checkinSchema,
      summary: '主办单位签到：扫码、6 位数字码或从名单中选择（signupId）',
      response: signupViewSchema,
      handle: async ({ body, user, params }) => checkInAttendee(deps.tx, requireUser(user), params.id!, body, secret, deps.clock()),
    }),
    route<undefined, SignupListQuery>({
      method: 'get',
      path: '/events/:id/signups',
      access: ['organizer', 'admin'],
      tag: 'signups',
      query: signupListQuerySchema,
      summary: '报名名单，可导出 CSV/XLSX（手机号默认打码；unmask=1 与导出会记入审计）',
      response: pageSchema(eventSignupRowSchema),
      files: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      handle: async ({ ctx, user, params, query }) => {
        const { event, rows } = await listEventSignups(
          deps.tx,
          requireUser(user),
          params.id!,
          { unmask: query.unmask === '1', format: query.format },
          deps.clock(),
        );
        if (query.format === 'json') return { items: rows, nextCursor: null };
        await sendTable(
          ctx,
          query.format,
          [event.title, formatFullDate(event.startsAt), '报名名单'],
          '报名名单',
          ['姓名', '手机号', '人数', '状态', '候补位置', '签到时间', '报名时间'],
          rows.map((r) => [
            r.name,
            r.phone,
            r.partySize,
            statusLabel[r.status] ?? r.status,
            r.waitlistPosition,
            timeCell(r.checkedInAt),
            timeCell(r.createdAt),
          ]),
        );
        return undefined;
      },
    }),
  ];
}
