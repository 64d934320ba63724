// Reads JSON request bodies with the contract's 1 MB limit. Small on purpose:
// the only format we accept is JSON, and both failure modes map to our errors.
import type { Context, Next } from 'koa';
import { AppError } from '../core/errors';

export const MAX_BODY_BYTES = 1024 * 1024;

async function readBody(ctx: Context): Promise<string> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > MAX_BODY_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 413, { limitBytes: MAX_BODY_BYTES });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 413, { limitBytes: MAX_BODY_BYTES });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function jsonBody(ctx: Context, next: Next) {
  // A multipart upload is read by its route, streamed against its own limit (modules/uploads/multipart.ts).
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(ctx.method) && !ctx.is('multipart/form-data')) {
    const raw = await readBody(ctx);
    if (raw.trim() === '') {
      ctx.state.body = undefined;
    } else {
      try {
        ctx.state.body = JSON.parse(raw);
      } catch {
        throw new AppError('VALIDATION_FAILED', 400, { fields: [{ path: '', message: '请求体不是有效的 JSON' }] }, '请求体不是有效的 JSON');
      }
    }
  }
  await next();
}
