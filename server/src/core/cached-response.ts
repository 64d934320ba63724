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

type Encoding = 'gzip' | 'br';

export class CachedJson {
  readonly bytes: Buffer;
  /** Weak: the same JSON goes out as identity, gzip or br under one validator. */
  readonly etag: string;
  private readonly encoded = new Map<Encoding, Promise<Buffer>>();
  /** The compressed copies that are done, for answering without waiting on a promise. */
  private readonly ready = new Map<Encoding, Buffer>();

  constructor(
    value: unknown,
    /** Epoch ms after which the answer may be different without any write (Infinity: never). */
    readonly validUntil = Infinity,
  ) {
    this.bytes = Buffer.from(JSON.stringify(value));
    this.etag = `W/"${createHash('sha1').update(this.bytes).digest('base64url')}"`;
  }

  /** The bytes in an encoding, compressed off the main thread the first time. */
  encodedAs(encoding: Encoding): Promise<Buffer> {
    let bytes = this.encoded.get(encoding);
    if (!bytes) {
      // Brotli 5: most of the size gain of 11 at a small part of its cost; this runs on every cache miss.
      bytes = encoding === 'br' ? brotliAsync(this.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzipAsync(this.bytes);
      this.encoded.set(encoding, bytes);
      bytes.then((done) => this.ready.set(encoding, done)).catch(() => this.encoded.delete(encoding));
    }
    return bytes;
  }

  /** The bytes in an encoding if compressing them has finished, else undefined. */
  encodedNow(encoding: Encoding): Buffer | undefined {
    return this.ready.get(encoding);
  }

  /** Memory it holds, for a cache's bound (compressed copies are a fraction of it). */
  get size(): number {
    return this.bytes.length;
  }
}

/**
 * The encoding a client's Accept-Encoding picks among br, gzip and identity, remembered per
 * header value: clients send a handful of distinct values, and negotiating costs more than a lookup.
 */
const negotiated = new Map<string, Encoding | 'identity' | false>();
const MAX_NEGOTIATED = 256;

function encodingFor(ctx: Context): Encoding | 'identity' | false {
  const header = ctx.req.headers['accept-encoding'] ?? '';
  let encoding = negotiated.get(header);
  if (encoding === undefined) {
    encoding = ctx.acceptsEncodings('br', 'gzip', 'identity') as Encoding | 'identity' | false;
    if (negotiated.size >= MAX_NEGOTIATED) negotiated.clear();
    negotiated.set(header, encoding);
  }
  return encoding;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** The headers every answer from cached JSON carries, whatever its encoding. */
function setValidators(ctx: Context, body: CachedJson, cacheControl: string): void {
  ctx.status = 200;
  ctx.set('ETag', body.etag);
  ctx.set('Cache-Control', cacheControl);
  ctx.vary('Accept-Encoding');
  // The header itself: ctx.type would look the type up again on every request.
  ctx.set('Content-Type', JSON_TYPE);
}

/** 304 when the client's copy matches; without a conditional header there is nothing to compare. */
function answeredNotModified(ctx: Context): boolean {
  const headers = ctx.req.headers;
  if (headers['if-none-match'] === undefined && headers['if-modified-since'] === undefined) return false;
  if (!ctx.fresh) return false;
  ctx.status = 304;
  return true;
}

/**
 * Answers with a cached JSON body: 304 when the client's copy matches,
 * otherwise the bytes in the best encoding the client accepts. `cacheControl`
 * says how long others may reuse it.
 */
export async function sendCachedJson(ctx: Context, body: CachedJson, cacheControl: string): Promise<void> {
  setValidators(ctx, body, cacheControl);
  if (answeredNotModified(ctx)) return;
  const encoding = body.bytes.length >= COMPRESS_THRESHOLD ? encodingFor(ctx) : 'identity';
  if (encoding === 'br' || encoding === 'gzip') {
    const bytes = body.encodedNow(encoding) ?? (await body.encodedAs(encoding));
    ctx.set('Content-Encoding', encoding);
    ctx.body = bytes;
  } else {
    ctx.body = body.bytes;
  }
}

/**
 * sendCachedJson without waiting and without anything after it: answers only when the
 * answer is complete here — a 304, bytes small enough to go out as they are, or a
 * compressed copy that is ready — and returns whether it did (false: ctx untouched).
 * Bytes the client takes in neither br nor gzip are left to the compression middleware,
 * which may offer it another encoding.
 */
export function sendCachedJsonNow(ctx: Context, body: CachedJson, cacheControl: string): boolean {
  const small = body.bytes.length < COMPRESS_THRESHOLD;
  const encoding = small ? 'identity' : encodingFor(ctx);
  let bytes: Buffer | undefined;
  if (encoding === 'br' || encoding === 'gzip') bytes = body.encodedNow(encoding);
  else if (small) bytes = body.bytes;
  if (!bytes) return false;
  setValidators(ctx, body, cacheControl);
  if (answeredNotModified(ctx)) return true;
  if (encoding === 'br' || encoding === 'gzip') ctx.set('Content-Encoding', encoding);
  ctx.body = bytes;
  return true;
}
