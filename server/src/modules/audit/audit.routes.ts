// The audit log, for admins: who unmasked, exported, reviewed, changed roles or erased what.
import { z } from 'zod';
import { auditEntryViewSchema, pageQuerySchema, pageSchema } from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { route } from '../../core/route';
import { listAudit } from './audit.service';

const auditQuerySchema = pageQuerySchema.extend({
  action: z
    .string()
    .regex(/^[a-z.]{1,40}$/, { error: '操作类型格式无效' })
    .optional(),
  target: z.string().max(80).optional(),
});

export function auditRoutes(deps: AppDeps) {
  return [
    route<undefined, z.infer<typeof auditQuerySchema>>({
      method: 'get',
      path: '/audit',
      access: ['admin'],
      tag: 'audit',
      query: auditQuerySchema,
      summary: '审计日志（查看手机号、导出、审核、角色与成员变更、注销），最新在前',
      response: pageSchema(auditEntryViewSchema),
      handle: async ({ query }) => listAudit(deps.dataSource.manager, query),
    }),
  ];
}
