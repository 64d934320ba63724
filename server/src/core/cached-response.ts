// A JSON answer kept as bytes: serialized once, compressed once per encoding
// (on first demand), with a validator. Serving it costs no serialization and
// no compression; a client that already holds it gets 304.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context } from 'koa';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Smaller answers go out as they are: compressing them saves less than its headers cost. */
export const COMPRESS_THRESHOLD = 1024;

export class CachedJson {
  readonly bytes: Buffer;
  /** Weak: the same JSON goes out as identity, gzip or br under one validator. */
  readonly etag: string;
  private readonly encoded = new Map<'gzip' | 'br', Promise<Buffer>>();

  constructor(
    value: unknown,
    /** Epoch ms after which the answer may be different without any write (Infinity: never). */
    readonly validUntil = Infinity,
  ) {
    this.bytes = Buffer.from(JSON.stringify(value));
    this.etag = `W/"${createHash('sha1').update(this.bytes).digest('base64url')}"`;
  }

  /** The bytes in an encoding, compressed off the main thread the first time. */
  encodedAs(encoding: 'gzip' | 'br'): Promise<Buffer> {
    let bytes = this.encoded.get(encoding);
    if (!bytes) {
      // Brotli 5: most of the size gain of 11 at a small part of its cost; this runs on every cache miss.
      bytes = encoding === 'br' ? brotliAsync(this.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzipAsync(this.bytes);
      this.encoded.set(encoding, bytes);
    }
    return bytes;
  }

  /** Memory it holds, for a cache's bound (compressed copies are a fraction of it). */
  get size(): number {
    return this.bytes.length;
  }
}

/**
 * Answers with a cached JSON body: 304 when the client's copy matches,
 * otherwise the bytes in the best encoding the client accepts. `cacheControl`
 * says how long others may reuse it.
 */
export async function sendCachedJson(ctx: Context, body: CachedJson, cacheControl: string): Promise<void> {
  ctx.status = 200;
  ctx.set('ETag', body.etag);
  ctx.set('Cache-Control', cacheControl);
  ctx.vary('Accept-Encoding');
  ctx.type = 'application/json; charset=utf-8';
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  const encoding = body.bytes.length >= COMPRESS_THRESHOLD ? ctx.acceptsEncodings('br', 'gzip', 'identity') : 'identity';
  if (encoding === 'br' || encoding === 'gzip') {
    const bytes = await body.encodedAs(encoding);
    ctx.set('Content-Encoding', encoding);
    ctx.body = bytes;
  } else {
    ctx.body = body.bytes;
  }
}
