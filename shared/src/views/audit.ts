// What `GET /audit` returns: who unmasked, exported, reviewed, changed or erased what.
import { z } from 'zod';
import { isoTimeView } from './common';

export const auditEntryViewSchema = z
  .strictObject({
    id: z.string(),
    at: isoTimeView,
    /** Null for entries written by the system itself. */
    actor: z.strictObject({ id: z.string(), nickname: z.string() }).nullable(),
    action: z.string(),
    target: z.string(),
    /** What the target is called now (the event's title, the user's nickname, the organization's name); null when it is gone. */
    targetLabel: z.string().nullable(),
    /** The nickname of the person the entry concerns besides the target (the member added, the volunteer decided on). */
    subjectLabel: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntryView' });
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

/** Every audited action, in the words the audit page shows. */
export const auditActionLabels: Record<string, string> = {
  'membership.add': '添加单位成员',
  'membership.remove': '移除单位成员',
  'organization.create': '添加主办单位',
  'organization.trust': '修改可信单位设置',
  'user.roles': '修改用户角色',
  'user.erase': '注销账号',
  'user.login_code': '签发网页登录码',
  'user.login_code_used': '使用登录码登录',
  'volunteer.register': '登记志愿者资料',
  'event.approve': '审核通过活动',
  'event.reject': '驳回活动',
  'event.revision_approve': '通过活动修改',
  'event.revision_reject': '驳回活动修改',
  'event.publish_trusted': '可信单位直接发布活动',
  'event.edit': '修改已发布活动',
  'event.cancel': '取消活动',
  'signups.export': '导出报名名单',
  'signups.unmask': '查看完整手机号（报名）',
  'volunteers.export': '导出志愿者名单',
  'volunteers.unmask': '查看完整手机号（志愿者）',
  'application.approve': '通过志愿者申请',
  'application.reject': '拒绝志愿者申请',
  'application.complete': '记录志愿服务时长',
  'plan.import': '导入工作要点',
  'plan.correct': '更正工作要点',
  'campaign.dates': '设置主题活动日期',
};

