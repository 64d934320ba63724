// Validators for JSON answers to GET: serializes the body once, sets a weak
// ETag over it and answers 304 when the client's copy matches. Answers that
// carry their own ETag (the cached public list, static files) pass untouched.
import { createHash } from 'node:crypto';
import type { Context, Next } from 'koa';

export async function conditionalGet(ctx: Context, next: Next): Promise<void> {
  await next();
  if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.status !== 200 || ctx.response.get('ETag')) return;
  const body: unknown = ctx.body;
  if (body === null || typeof body !== 'object' || Buffer.isBuffer(body) || typeof (body as { pipe?: unknown }).pipe === 'function') return;
  // Serialized here rather than by Koa, so hashing costs no second JSON.stringify.
  const json = JSON.stringify(body);
  ctx.body = json;
  ctx.type = 'application/json; charset=utf-8';
  ctx.set('ETag', `W/"${createHash('sha1').update(json).digest('base64url')}"`);
  if (ctx.fresh) ctx.status = 304;
}
