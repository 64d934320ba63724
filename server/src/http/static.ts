// Serves the H5 build at / next to the API, so one process is the whole product.
// Files are read once and kept in memory with their gzip and br forms
// (compressed on first demand), checked against the file's size and mtime on
// each request. Hashed bundles (js/app.1a2b3c4d.js) never change under their
// name: browsers keep them for a year without asking. index.html names the
// current bundles, so it is revalidated every time (ETag / Last-Modified -> 304).
import { stat, readFile } from 'node:fs/promises';
import { createReadStream, existsSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, Next } from 'koa';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** webpack's `[name].[contenthash:8].ext` and longer hashes. */
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** Unhashed files other than index.html (favicon, images copied as they are). */
const SHORT = 'public, max-age=3600';
/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map', '.xml', '.ico', '.wasm']);
const MIN_COMPRESS = 1024;
/** Larger files are streamed from disk as they are, never held in memory. */
const MAX_CACHED_FILE = 8 * 1024 * 1024;
/** All cached files together (a whole H5 build is well under this). */
const MAX_CACHED_TOTAL = 64 * 1024 * 1024;

interface CachedFile {
  size: number;
  mtimeMs: number;
  bytes: Buffer;
  etag: string;
  encoded: Map<'gzip' | 'br', Promise<Buffer>>;
}

/** The file under root a URL path names, or null (outside root, hidden, malformed). */
function fileFor(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.split('/').some((part) => part.startsWith('.') && part.length > 0)) return null;
  const file = resolve(root, `.${path}`);
  return file.startsWith(root + sep) ? file : null;
}

function cacheControlFor(file: string): string {
  if (file.endsWith(`${sep}index.html`)) return REVALIDATE;
  return HASHED.test(file) ? IMMUTABLE : SHORT;
}

export function serveH5(staticRoot: string | null) {
  const root = staticRoot ? resolve(staticRoot) : null;
  const cache = new Map<string, CachedFile>();
  let cachedTotal = 0;

  async function load(file: string, size: number, mtimeMs: number): Promise<CachedFile> {
    const known = cache.get(file);
    if (known && known.size === size && known.mtimeMs === mtimeMs) return known;
    const bytes = await readFile(file);
    const entry: CachedFile = { size, mtimeMs, bytes, etag: `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`, encoded: new Map() };
    if (known) cachedTotal -= known.size;
    if (cachedTotal + size > MAX_CACHED_TOTAL) {
      cache.clear();
      cachedTotal = 0;
    }
    cache.set(file, entry);
    cachedTotal += size;
    return entry;
  }

  return async function staticFiles(ctx: Context, next: Next) {
    if (!root || (ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path.startsWith('/api/') || !existsSync(root)) return next();
    const file = fileFor(root, ctx.path);
    if (!file) return next();
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return next();

    const large = info.size > MAX_CACHED_FILE;
    // Gone since stat (a deploy replacing the build): as if it had never been there.
    const entry = large ? null : await load(file, info.size, info.mtimeMs).catch(() => null);
    if (!large && !entry) return next();
    ctx.status = 200;
    ctx.type = extname(file);
    ctx.set('Cache-Control', cacheControlFor(file));
    ctx.lastModified = info.mtime;
    if (!entry) {
      if (ctx.fresh) {
        ctx.status = 304;
        return;
      }
      ctx.length = info.size;
      ctx.body = createReadStream(file);
      return;
    }
    ctx.set('ETag', entry.etag);
    const compressible = COMPRESSIBLE.has(extname(file).toLowerCase()) && entry.size >= MIN_COMPRESS;
    if (compressible) ctx.vary('Accept-Encoding');
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    const encoding = compressible ? ctx.acceptsEncodings('br', 'gzip', 'identity') : 'identity';
    if (encoding === 'br' || encoding === 'gzip') {
      let bytes = entry.encoded.get(encoding);
      if (!bytes) {
        // Once per file and encoding, so brotli's best quality is affordable.
        bytes = encoding === 'br' ? brotliAsync(entry.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipAsync(entry.bytes, { level: 9 });
        entry.encoded.set(encoding, bytes);
        bytes.catch(() => entry.encoded.delete(encoding));
      }
      ctx.set('Content-Encoding', encoding);
      ctx.body = await bytes;
    } else {
      ctx.body = entry.bytes;
    }
  };
}
