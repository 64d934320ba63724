// The baseline: a bare Koa app (no router, no database, no middleware) answering every
// request with one fixed response — the very bytes, content type and content encoding
// that GET /api/v1/events returned from the real server in the same bench run. Started
// as its own process by run.ts; tells its parent when it listens.
import { readFileSync } from 'node:fs';
import Koa from 'koa';

const body = readFileSync(process.env.BARE_BODY_FILE!);
const contentType = process.env.BARE_CONTENT_TYPE || 'application/json; charset=utf-8';
const contentEncoding = process.env.BARE_CONTENT_ENCODING || '';

const app = new Koa();
app.use((ctx) => {
  ctx.body = body;
  ctx.set('Content-Type', contentType);
  if (contentEncoding) ctx.set('Content-Encoding', contentEncoding);
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.({ listening: true }));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('disconnect', () => process.exit(0));
