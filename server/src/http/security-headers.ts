// Security headers on every answer (helmet's, computed once): nosniff, no framing, no
// referrer; and a Content-Security-Policy chosen by what the answer is. HTML
// may run our own files and the H5 build's inline bootstrap script (allowed
// by its hash, read from the build), so injected markup cannot run script.
// Any other answer (JSON, files, errors) may run nothing.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import helmet from 'helmet';
import type { Context, Next } from 'koa';

const sha256Source = (code: string) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;

/** The CSP hash sources of an HTML page's inline <script> elements (those without a src). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
    .filter((match) => !/\ssrc\s*=/i.test(match[1] ?? '') && match[2]!.length > 0)
    .map((match) => sha256Source(match[2]!));
}

/**
 * Taro's H5 tab bar items are `<a href="javascript:;">`: tapping one "navigates" to that no-op, which
 * a policy without it reports as a blocked script. 'unsafe-hashes' lets exactly this hash through.
 */
const TARO_TAB_HREF = sha256Source('javascript:;');

type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

function htmlPolicy(scriptHashes: string[]): NodeMiddleware {
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ...new Set(scriptHashes), "'unsafe-hashes'", TARO_TAB_HREF],
      scriptSrcAttr: ["'none'"],
      // Taro's components put <style> elements and style attributes into the page at run time, each
      // different: styles cannot be pinned by hash. CSS cannot run script, so this stays open.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      // blob: Taro's H5 uploadFile reads the chosen picture back from its object URL with an XHR.
      connectSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  }) as NodeMiddleware;
}

type HeaderList = [name: string, value: string][];

/**
 * The headers a helmet middleware sets, found once by running it on a stand-in
 * response: they depend on its options only, so each request just copies them.
 */
function headersOf(middleware: NodeMiddleware): HeaderList {
  const headers: HeaderList = [];
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
    },
    removeHeader() {},
    getHeader: () => undefined,
  };
  let failed: unknown = null;
  middleware({} as IncomingMessage, res as unknown as ServerResponse, (error?: unknown) => {
    failed = error ?? null;
  });
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  return headers;
}

function setAll(res: ServerResponse, headers: HeaderList): void {
  for (const [name, value] of headers) res.setHeader(name, value);
}

/** @param staticDir the H5 build, whose index.html is read for its inline script hashes (again after a rebuild) */
export function securityHeaders(staticDir: string | null) {
  // helmet decides the headers; they are computed here once rather than by its middlewares on every request.
  const base = headersOf(
    helmet({
      // Chosen per answer below, once its type is known.
      contentSecurityPolicy: false,
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // HSTS belongs to whoever terminates TLS (the reverse proxy); over plain HTTP it means nothing.
      strictTransportSecurity: false,
    }) as NodeMiddleware,
  );
  let current: { mtimeMs: number; headers: HeaderList } | null = null;
  const pageHeaders = (): HeaderList => {
    let mtimeMs = -1;
    let hashes: string[] = [];
    try {
      if (staticDir) {
        const file = join(staticDir, 'index.html');
        mtimeMs = statSync(file).mtimeMs;
        if (current?.mtimeMs === mtimeMs) return current.headers;
        hashes = inlineScriptHashes(readFileSync(file, 'utf8'));
      }
    } catch {
      // No H5 build: no inline script is allowed.
    }
    if (current?.mtimeMs !== mtimeMs) current = { mtimeMs, headers: headersOf(htmlPolicy(hashes)) };
    return current.headers;
  };
  // JSON, files, errors: nothing in them is meant to run or be framed.
  const nothing = headersOf(
    helmet.contentSecurityPolicy({
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    }) as NodeMiddleware,
  );

  return async function secureHeaders(ctx: Context, next: Next) {
    setAll(ctx.res, base);
    try {
      await next();
    } finally {
      // An HTML page may run the H5 build's scripts; anything else nothing.
      const type = ctx.res.getHeader('Content-Type');
      if (!ctx.res.headersSent) setAll(ctx.res, typeof type === 'string' && /^text\/html\b/i.test(type) ? pageHeaders() : nothing);
    }
  };
}
