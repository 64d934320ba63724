// Security headers on every answer (koa-helmet): nosniff, no framing, no
// referrer; and a Content-Security-Policy chosen by what the answer is. HTML
// may run our own files and the H5 build's inline bootstrap script (allowed
// by its hash, read from the build), so injected markup cannot run script.
// Any other answer (JSON, files, errors) may run nothing.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import helmet from 'helmet';
import koaHelmet from 'koa-helmet';
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
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  }) as NodeMiddleware;
}

/** @param staticDir the H5 build, whose index.html is read for its inline script hashes (again after a rebuild) */
export function securityHeaders(staticDir: string | null) {
  const base = koaHelmet({
    // Chosen per answer below, once its type is known.
    contentSecurityPolicy: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS belongs to whoever terminates TLS (the reverse proxy); over plain HTTP it means nothing.
    strictTransportSecurity: false,
  });
  let current: { mtimeMs: number; policy: NodeMiddleware } | null = null;
  const pagePolicy = (): NodeMiddleware => {
    let mtimeMs = -1;
    let hashes: string[] = [];
    try {
      if (staticDir) {
        const file = join(staticDir, 'index.html');
        mtimeMs = statSync(file).mtimeMs;
        if (current?.mtimeMs === mtimeMs) return current.policy;
        hashes = inlineScriptHashes(readFileSync(file, 'utf8'));
      }
    } catch {
      // No H5 build: no inline script is allowed.
    }
    if (current?.mtimeMs !== mtimeMs) current = { mtimeMs, policy: htmlPolicy(hashes) };
    return current.policy;
  };
  // JSON, files, errors: nothing in them is meant to run or be framed.
  const nothingPolicy = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  }) as NodeMiddleware;

  return async function secureHeaders(ctx: Context, next: Next) {
    await base(ctx, async () => undefined);
    try {
      await next();
    } finally {
      const policy = ctx.response.is('html') ? pagePolicy() : nothingPolicy;
      policy(ctx.req, ctx.res, () => undefined);
    }
  };
}
