// createApp(deps): composes middleware and routers, nothing else. main.ts
// opens the database and listens; tests call createApp with their own deps.
import Router from '@koa/router';
import Koa from 'koa';
import compress from 'koa-compress';
import type { AppDeps } from './deps';
import { authenticate } from './http/authenticate';
import { conditionalGet } from './http/conditional';
import { jsonBody } from './http/body';
import { docsPage } from './http/docs';
import { errorMiddleware } from './http/error-middleware';
import { observeRequests, requestIdOf } from './http/observe';
import { securityHeaders } from './http/security-headers';
import { defaultRateRules, rateLimit, rateRulesApply } from './http/rate-limit';
import { type RouteDef } from './core/route';
import { cachedPublicAnswers, mountRoutes, openApiDocument, routesWithExactPaths } from './http/mount';
import { serveH5 } from './http/static';
import { authRoutes } from './modules/auth/auth.routes';
import { campaignRoutes } from './modules/campaigns/campaigns.routes';
import { eventRoutes } from './modules/events/events.routes';
import { healthRoutes } from './modules/health/health.routes';
import { notificationRoutes } from './modules/notifications/notifications.routes';
import { organizationRoutes } from './modules/organizations/organizations.routes';
import { orgStatsRoutes } from './modules/org-stats/org-stats.routes';
import { planRoutes } from './modules/plans/plans.routes';
import { dutyRoutes } from './modules/plans/duties.routes';
import { planImportRoutes } from './modules/plan-import/plan-import.routes';
import { signupRoutes } from './modules/signups/signups.routes';
import { meRoutes } from './modules/users/me.routes';
import { userAdminRoutes } from './modules/users/users.routes';
import { loadAuthUser } from './modules/users/users.service';
import { auditRoutes } from './modules/audit/audit.routes';
import { volunteerRoutes } from './modules/volunteers/volunteers.routes';
import { venueRoutes } from './modules/venues/venues.routes';
import { uploadRoutes } from './modules/uploads/uploads.routes';
import { localDiskStorage } from './modules/uploads/local-disk-storage';
import { metricsRoutes } from './modules/health/metrics.routes';
import { createLogger, safeError } from './observability/logger';
import { AppMetrics } from './observability/metrics';

export const API_PREFIX = '/api/v1';

export function apiRoutes(deps: AppDeps): RouteDef[] {
  return [
    ...authRoutes(deps),
    ...meRoutes(deps),
    ...planRoutes(deps),
    ...dutyRoutes(deps),
    ...planImportRoutes(deps),
    ...campaignRoutes(deps),
    ...eventRoutes(deps),
    ...signupRoutes(deps),
    ...volunteerRoutes(deps),
    ...organizationRoutes(deps),
    ...orgStatsRoutes(deps),
    ...venueRoutes(deps),
    ...userAdminRoutes(deps),
    ...auditRoutes(deps),
    ...notificationRoutes(deps),
    ...uploadRoutes(deps),
  ];
}

export function createApp(appDeps: AppDeps): Koa {
  const logger = appDeps.logger ?? createLogger('silent');
  const metrics = appDeps.metrics ?? new AppMetrics();
  const blobStorage = appDeps.blobStorage ?? localDiskStorage(appDeps.config.uploadDir);
  const deps: AppDeps = { ...appDeps, logger, metrics, blobStorage };
  const app = new Koa();
  // X-Forwarded-For counts only behind proxies the operator named, and only their hops.
  app.proxy = deps.config.trustProxy > 0;
  app.maxIpsCount = deps.config.trustProxy;
  const router = new Router();
  const routes = apiRoutes(deps);
  const mountOptions = { validateResponses: deps.validateResponses ?? false };
  mountRoutes(router, '', healthRoutes(deps), mountOptions);
  const openApi = openApiDocument(routes, API_PREFIX);
  const docsHtml = docsPage(openApi);
  router.get(`${API_PREFIX}/openapi.json`, (ctx) => {
    ctx.body = openApi;
  });
  router.get('/api/docs', (ctx) => {
    ctx.type = 'html';
    ctx.body = docsHtml;
  });
  mountRoutes(router, API_PREFIX, routes, mountOptions);
  // /metrics reads its own Bearer token (METRICS_TOKEN), so it is answered before sessions are.
  const opsRouter = new Router();
  mountRoutes(opsRouter, '', metricsRoutes(deps.config, metrics), mountOptions);

  // Errors Koa meets while sending (a stream cut): a client that went away is routine, anything else is logged.
  app.on('error', (error: unknown, ctx?: Koa.Context) => {
    const code = (error as { code?: string }).code;
    const clientGone = code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'EPIPE';
    logger[clientGone ? 'debug' : 'error']({ requestId: ctx ? requestIdOf(ctx) : undefined, err: safeError(error) }, 'response not completed');
  });
  // Outermost: the request id and the log line see every answer, errors included, as sent.
  app.use(observeRequests(logger, metrics));
  app.use(securityHeaders(deps.config.staticDir));
  // Signed-out GETs of the cached public answers (the event list), answered from their bytes
  // past the layers below that have nothing to do for them; a miss or an error goes on as always.
  app.use(cachedPublicAnswers(routes, API_PREFIX, rateRulesApply(defaultRateRules, deps.config.rateLimit)));
  // gzip/br for answers over 1 KB the client accepts; answers already encoded (the cached
  // public list, static files) carry Content-Encoding and pass through untouched.
  app.use(compress({ threshold: 1024 }));
  app.use(errorMiddleware((error, ctx) => logger.error({ requestId: requestIdOf(ctx), method: ctx.method, err: safeError(error) }, 'request failed')));
  app.use(serveH5(deps.config.staticDir));
  app.use(opsRouter.routes());
  app.use(
    authenticate({
      mode: deps.config.authMode,
      secret: deps.config.authSecret,
      clock: deps.clock,
      loadActor: (userId) => loadAuthUser(deps.dataSource.manager, userId),
    }),
  );
  // Before the body is read: a refused upload costs no megabyte of reading.
  app.use(rateLimit(deps.rateLimiter, defaultRateRules, deps.config.rateLimit, (bucket) => metrics.rateLimited.inc({ bucket })));
  app.use(jsonBody);
  // Inside compress: ETag and 304 are decided on the JSON before it is compressed.
  app.use(conditionalGet);
  app.use(routesWithExactPaths(router));
  // throw: a wrong method gets the contract's error body (405), not Koa's plain text.
  app.use(router.allowedMethods({ throw: true }));
  return app;
}
