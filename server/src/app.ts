// createApp(deps): composes middleware and routers, nothing else. main.ts
// opens the database and listens; tests call createApp with their own deps.
import Router from '@koa/router';
import Koa from 'koa';
import type { AppDeps } from './deps';
import { authenticate } from './http/authenticate';
import { jsonBody } from './http/body';
import { docsPage } from './http/docs';
import { errorMiddleware } from './http/error-middleware';
import { defaultRateRules, rateLimit } from './http/rate-limit';
import { type RouteDef } from './core/route';
import { mountRoutes, openApiDocument } from './http/mount';
import { serveH5 } from './http/static';
import { authRoutes } from './modules/auth/auth.routes';
import { campaignRoutes } from './modules/campaigns/campaigns.routes';
import { eventRoutes } from './modules/events/events.routes';
import { healthRoutes } from './modules/health/health.routes';
import { notificationRoutes } from './modules/notifications/notifications.routes';
import { organizationRoutes } from './modules/organizations/organizations.routes';
import { planRoutes } from './modules/plans/plans.routes';
import { planImportRoutes } from './modules/plan-import/plan-import.routes';
import { signupRoutes } from './modules/signups/signups.routes';
import { meRoutes } from './modules/users/me.routes';
import { userAdminRoutes } from './modules/users/users.routes';
import { loadAuthUser } from './modules/users/users.service';
import { auditRoutes } from './modules/audit/audit.routes';
import { volunteerRoutes } from './modules/volunteers/volunteers.routes';

export const API_PREFIX = '/api/v1';

export function apiRoutes(deps: AppDeps): RouteDef[] {
  return [
    ...authRoutes(deps),
    ...meRoutes(deps),
    ...planRoutes(deps),
    ...planImportRoutes(deps),
    ...campaignRoutes(deps),
    ...eventRoutes(deps),
    ...signupRoutes(deps),
    ...volunteerRoutes(deps),
    ...organizationRoutes(deps),
    ...userAdminRoutes(deps),
    ...auditRoutes(deps),
    ...notificationRoutes(deps),
  ];
}

export function createApp(deps: AppDeps): Koa {
  const app = new Koa();
  // X-Forwarded-For counts only behind proxies the operator named, and only their hops.
  app.proxy = deps.config.trustProxy > 0;
  app.maxIpsCount = deps.config.trustProxy;
  const router = new Router();
  const routes = apiRoutes(deps);
  const mountOptions = { validateResponses: deps.validateResponses ?? false };
  mountRoutes(router, '', healthRoutes(deps), mountOptions);
  const openApi = openApiDocument(routes, API_PREFIX);
  router.get(`${API_PREFIX}/openapi.json`, (ctx) => {
    ctx.body = openApi;
  });
  router.get('/api/docs', (ctx) => {
    ctx.type = 'html';
    ctx.body = docsPage(openApi);
  });
  mountRoutes(router, API_PREFIX, routes, mountOptions);

  app.use(errorMiddleware());
  app.use(serveH5(deps.config.staticDir));
  app.use(jsonBody);
  app.use(
    authenticate({
      mode: deps.config.authMode,
      secret: deps.config.authSecret,
      clock: deps.clock,
      loadActor: (userId) => loadAuthUser(deps.dataSource.manager, userId),
    }),
  );
  app.use(rateLimit(deps.rateLimiter, defaultRateRules, deps.config.rateLimit));
  app.use(router.routes());
  // throw: a wrong method gets the contract's error body (405), not Koa's plain text.
  app.use(router.allowedMethods({ throw: true }));
  return app;
}
