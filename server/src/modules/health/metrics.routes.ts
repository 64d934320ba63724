// GET /metrics for Prometheus. Who may read it: with METRICS_TOKEN set, a
// scraper sending that token as a Bearer; without one, only a client on this
// machine talking to the server directly, and never in production.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import type { Config } from '../../config';
import { notFound, unauthenticated } from '../../core/errors';
import { route } from '../../core/route';
import type { AppMetrics } from '../../observability/metrics';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(given: string, expected: string): boolean {
  // Digests have one length, so the comparison takes the same time whatever was sent.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Throws unless this request may read the metrics (see the header). */
export function checkMetricsAccess(config: Pick<Config, 'metricsToken' | 'production' | 'trustProxy'>, ctx: Context): void {
  if (config.metricsToken) {
    const match = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'));
    if (!match || !sameSecret(match[1]!, config.metricsToken)) throw unauthenticated();
    return;
  }
  // The socket's address, not ctx.ip: behind a proxy on this machine every visitor arrives from loopback,
  // which is why a proxy (TRUST_PROXY, or a forwarding header) closes this door too.
  const direct = config.trustProxy === 0 && !ctx.get('x-forwarded-for') && !ctx.get('forwarded');
  if (config.production || !direct || !LOOPBACK.has(ctx.socket.remoteAddress ?? '')) throw notFound();
}

export function metricsRoutes(config: Config, metrics: AppMetrics) {
  return [
    route({
      method: 'get',
      path: '/metrics',
      access: 'public',
      tag: 'health',
      summary: 'Prometheus 指标（设置 METRICS_TOKEN 时需 Bearer 令牌；未设置时仅限本机直连，生产环境不开放）',
      files: ['text/plain'],
      handle: async ({ ctx }) => {
        checkMetricsAccess(config, ctx);
        ctx.type = metrics.contentType;
        ctx.body = await metrics.render();
        return undefined;
      },
    }),
  ];
}
