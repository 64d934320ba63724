// Liveness and readiness for load balancers and the start script.
import type Router from '@koa/router';
import type { DataSource } from 'typeorm';

export function mountHealth(router: Router, dataSource: DataSource): void {
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    try {
      await dataSource.query('SELECT 1');
      ctx.body = { status: 'ready' };
    } catch {
      ctx.status = 503;
      ctx.body = { error: { code: 'SERVICE_UNAVAILABLE', message: '数据库暂不可用' } };
    }
  });
}
