// HTTP routes of 科技志愿服务: profiles, shifts, applications, hours,
// certificates and the organizer's volunteer list. Each handler calls one use case.
import { z } from 'zod';
import {
  applicantRowSchema,
  certificateCheckViewSchema,
  type ApplicationDecision,
  applicationDecisionSchema,
  applicationViewSchema,
  type CompleteApplication,
  completeApplicationSchema,
  type CreateShift,
  createShiftSchema,
  myApplicationViewSchema,
  pageQuerySchema,
  pageSchema,
  type ShiftListQuery,
  shiftListQuerySchema,
  shiftViewSchema,
  type UpdateShift,
  updateShiftSchema,
  volunteerListQuerySchema,
  type VolunteerProfileInput,
  volunteerProfileSchema,
  volunteerProfileViewSchema,
  formatFullDate,
} from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { reminderLeadMs } from '../notifications/notifications.service';
import { decodeCursor } from '../../core/paging';
import { attachFile, sendTable, timeCell } from '../../exports/table';
import { requireUser, reply, route } from '../../core/route';
import { findCertificateFont, renderCertificate } from './certificate';
import { CertificateCache } from './certificate-cache';
import {
  applyForShift,
  completeApplication,
  createShift,
  decideApplication,
  listApplicationsOf,
  listEventShifts,
  listEventVolunteers,
  listOpenShifts,
  updateShift,
  withdrawApplication,
} from './shifts.service';
import { checkCertificate, getVolunteerProfile, issueCertificate, saveVolunteerProfile } from './volunteers.service';
import { verificationUrl } from './certificate-serial';

type PageQuery = z.infer<typeof pageQuerySchema>;
type VolunteerListQuery = z.infer<typeof volunteerListQuerySchema>;

const statusLabel: Record<string, string> = {
  applied: '待审核',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
  completed: '已完成',
  cancelled: '活动取消',
};

export function volunteerRoutes(deps: AppDeps) {
  const read = deps.dataSource.manager;
  // Looked up once per process; a font installed later needs a restart.
  const font = findCertificateFont(deps.config.certificateFont);
  const certificates = new CertificateCache((input) => {
    deps.metrics?.certificatesRendered.inc();
    return renderCertificate(input, font);
  });
  return [
    route<VolunteerProfileInput>({
      method: 'put',
      path: '/me/volunteer',
      access: 'user',
      tag: 'volunteers',
      body: volunteerProfileSchema,
      summary: '填写或修改志愿者资料（资料完整即成为志愿者）',
      response: volunteerProfileViewSchema,
      statuses: [200, 201],
      handle: async ({ user, body }) => {
        const { profile, created } = await saveVolunteerProfile(deps.tx, requireUser(user), body, deps.clock());
        return reply(created ? 201 : 200, profile);
      },
    }),
    route({
      method: 'get',
      path: '/me/volunteer',
      access: 'user',
      tag: 'volunteers',
      summary: '我的志愿者资料、累计时长与服务记录',
      response: volunteerProfileViewSchema,
      handle: async ({ user }) => getVolunteerProfile(read, requireUser(user).id),
    }),
    route({
      method: 'get',
      path: '/me/volunteer/certificate.pdf',
      access: 'user',
      tag: 'volunteers',
      summary: '志愿服务记录证明（PDF，带证书编号与核验二维码；没有已认证时长时 409；记录不变时返回同一份，限流）',
      files: ['application/pdf'],
      handle: async ({ ctx, user }) => {
        const volunteerId = requireUser(user).id;
        const { profile, serial, issuedAt } = await issueCertificate(deps.tx, volunteerId, deps.clock());
        // Without PUBLIC_BASE_URL: the address this request came to (Koa's ctx.origin is the Origin header).
        const verifyUrl = verificationUrl(deps.config.publicBaseUrl ?? `${ctx.protocol}://${ctx.host}`, serial);
        const pdf = await certificates.get(volunteerId, { ...profile, issuedAt, serial, verifyUrl });
        ctx.set('X-Certificate-Serial', serial);
        ctx.type = 'application/pdf';
        attachFile(ctx, [profile.realName, '志愿服务记录证明'], 'pdf', 'volunteer-certificate');
        ctx.body = pdf;
        return undefined;
      },
    }),
    route({
      method: 'get',
      path: '/certificates/:serial',
      access: 'public',
      tag: 'volunteers',
      summary: '核验志愿服务记录证明：姓名打码、认证时长、出具单位与日期（未知编号 404，限流）',
      response: certificateCheckViewSchema,
      handle: async ({ params }) => checkCertificate(read, params.serial!),
    }),
    route<undefined, PageQuery>({
      method: 'get',
      path: '/me/applications',
      access: 'user',
      tag: 'volunteers',
      query: pageQuerySchema,
      summary: '我的岗位申请',
      response: pageSchema(myApplicationViewSchema),
      handle: async ({ user, query }) =>
        listApplicationsOf(read, requireUser(user).id, { limit: query.limit, offset: decodeCursor(query.cursor, 'offset')?.offset ?? 0 }),
    }),
    route<CreateShift>({
      method: 'post',
      path: '/events/:id/shifts',
      access: ['organizer', 'admin'],
      tag: 'volunteers',
      body: createShiftSchema,
      summary: '为活动设置志愿者岗位',
      response: shiftViewSchema,
      statuses: [201],
      handle: async ({ user, params, body }) => reply(201, await createShift(deps.tx, requireUser(user), params.id!, body, deps.clock())),
    }),
    route({
      method: 'get',
      path: '/events/:id/shifts',
      access: 'public',
      tag: 'volunteers',
      summary: '活动的志愿者岗位',
      response: pageSchema(shiftViewSchema),
      handle: async ({ user, params }) => listEventShifts(read, params.id!, user),
    }),
    route<UpdateShift>({
      method: 'patch',
      path: '/shifts/:id',
      access: ['organizer', 'admin'],
      tag: 'volunteers',
      body: updateShiftSchema,
      summary: '修改岗位（人数不能少于已通过人数）',
      response: shiftViewSchema,
      handle: async ({ user, params, body }) => updateShift(deps.tx, requireUser(user), params.id!, body),
    }),
    route<undefined, ShiftListQuery>({
      method: 'get',
      path: '/shifts',
      access: 'public',
      tag: 'volunteers',
      query: shiftListQuerySchema,
      summary: '招募中的志愿者岗位（可按日期、技能、城市筛选）',
      response: pageSchema(shiftViewSchema),
      handle: async ({ user, query }) => listOpenShifts(read, query, user, deps.clock()),
    }),
    route({
      method: 'post',
      path: '/shifts/:id/applications',
      access: 'user',
      tag: 'volunteers',
      summary: '志愿者申请岗位（需先完善志愿者资料）',
      response: applicationViewSchema,
      statuses: [200, 201],
      handle: async ({ user, params }) => {
        const { application, created } = await applyForShift(deps.tx, requireUser(user), params.id!, deps.clock());
        return reply(created ? 201 : 200, application);
      },
    }),
    route<ApplicationDecision>({
      method: 'post',
      path: '/applications/:id/decision',
      access: ['organizer', 'admin'],
      tag: 'volunteers',
      body: applicationDecisionSchema,
      summary: '主办单位通过或拒绝岗位申请（通过人数不超过岗位人数）',
      response: applicationViewSchema,
      handle: async ({ user, params, body }) =>
        decideApplication(deps.tx, requireUser(user), params.id!, body, deps.clock(), reminderLeadMs(deps.config.notifications)),
    }),
    route<CompleteApplication>({
      method: 'post',
      path: '/applications/:id/complete',
      access: ['organizer', 'admin'],
      tag: 'volunteers',
      body: completeApplicationSchema,
      summary: '记录并认证服务时长（每个申请只记录一次，按取整规则）',
      response: applicationViewSchema,
      handle: async ({ user, params, body }) => completeApplication(deps.tx, requireUser(user), params.id!, body, deps.config.hoursRounding, deps.clock()),
    }),
    route({
      method: 'post',
      path: '/applications/:id/withdraw',
      access: 'user',
      tag: 'volunteers',
      summary: '撤回我的岗位申请（岗位开始前）',
      response: applicationViewSchema,
      handle: async ({ user, params }) => withdrawApplication(deps.tx, requireUser(user), params.id!, deps.clock()),
    }),
    route<undefined, VolunteerListQuery>({
      method: 'get',
      path: '/events/:id/volunteers',
      access: ['organizer', 'admin'],
      tag: 'volunteers',
      query: volunteerListQuerySchema,
      summary: '活动的志愿者名单，可导出 CSV/XLSX（手机号默认打码；unmask=1 与导出会记入审计）',
      response: pageSchema(applicantRowSchema),
      files: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      handle: async ({ ctx, user, params, query }) => {
        const { event, rows } = await listEventVolunteers(
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
          [event.title, formatFullDate(event.startsAt), '志愿者名单'],
          '志愿者名单',
          ['姓名', '手机号', '团队', '技能', '岗位', '岗位开始', '状态', '服务时长', '申请时间'],
          rows.map((r) => [
            r.volunteer.realName,
            r.volunteer.phone,
            r.volunteer.team,
            r.volunteer.skills.join('、'),
            r.shift.role,
            timeCell(r.shift.startsAt),
            statusLabel[r.status] ?? r.status,
            r.hours,
            timeCell(r.appliedAt),
          ]),
        );
        return undefined;
      },
    }),
  ];
}
