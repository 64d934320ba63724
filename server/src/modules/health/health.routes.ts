// Liveness and readiness for load balancers and the start script. Mounted
// at the root (/healthz, /readyz), outside the versioned API.
import { healthViewSchema } from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { AppError } from '../../core/errors';
import { route } from '../../core/route';

export function healthRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/healthz',
      access: 'public',
      tag: 'health',
      summary: '进程存活',
      response: healthViewSchema,
      handle: async () => ({ status: 'ok' }),
    }),
    route({
      method: 'get',
      path: '/readyz',
      access: 'public',
      tag: 'health',
      summary: '数据库可用时就绪，否则 503；rateLimits 说明限流计数所在（Redis 不可用时为 fallback）',
      response: healthViewSchema,
      handle: async () => {
        try {
          await deps.dataSource.query('SELECT 1');
        } catch {
          throw new AppError('SERVICE_UNAVAILABLE', 503, undefined, '数据库暂不可用');
        }
        return { status: 'ready', rateLimits: deps.rateLimiter.store() };
      },
    }),
  ];
}
