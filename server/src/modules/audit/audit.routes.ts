// The audit log, for admins: who unmasked, exported, reviewed, changed roles or erased what.
import { z } from 'zod';
import { auditActionLabels, auditEntryViewSchema, idSchema, isoDateSchema, pageQuerySchema, pageSchema } from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { route } from '../../core/route';
import { listAudit } from './audit.service';

/** Known actions and their groups (`membership` for `membership.add` and `membership.remove`). */
const knownActions = new Set(Object.keys(auditActionLabels).flatMap((action) => [action, action.split('.')[0]!]));

const auditQuerySchema = pageQuerySchema
  .extend({
    action: z
      .string()
      // One check, so a malformed action is one problem, not two.
      .refine((action) => /^[a-z_.]{1,40}$/.test(action) && knownActions.has(action), { error: '没有这种操作类型' })
      .optional(),
    target: z.string().max(80).optional(),
    actor: idSchema.optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: '结束日期不能早于开始日期' });

export function auditRoutes(deps: AppDeps) {
  return [
    route<undefined, z.infer<typeof auditQuerySchema>>({
      method: 'get',
      path: '/audit',
      access: ['admin'],
      tag: 'audit',
      query: auditQuerySchema,
      summary: '审计日志（查看手机号、导出、审核、角色与成员变更、登录码、注销），最新在前；按操作、操作人、日期筛选',
      response: pageSchema(auditEntryViewSchema),
      handle: async ({ query: { actor, ...query } }) => listAudit(deps.dataSource.manager, { ...query, actorId: actor }),
    }),
  ];
}
