// Serves the H5 build at / next to the API, so one process is the whole product.
import { existsSync } from 'node:fs';
import type { Context, Next } from 'koa';
import send from 'koa-send';

export function serveH5(root: string | null) {
  return async function staticFiles(ctx: Context, next: Next) {
    if (!root || !existsSync(root) || (ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path.startsWith('/api/')) return next();
    const path = ctx.path === '/' ? '/index.html' : ctx.path;
    try {
      await send(ctx, path, { root, maxage: path === '/index.html' ? 0 : 3600_000, gzip: true });
    } catch {
      await next();
    }
  };
}
