// Security headers on every answer (koa-helmet): nosniff, no framing, no
// referrer; and a Content-Security-Policy chosen by what the answer is. HTML
// may run our own files and the inline code of pages we built (the H5 build's
// bootstrap script, the API docs page's style), allowed by hash; nothing else
// inline runs, so injected markup stays inert. Any other answer may run nothing.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import helmet from 'helmet';
import koaHelmet from 'koa-helmet';
import type { Context, Next } from 'koa';

export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

/** The sha256 sources of an HTML page's inline <script> and <style> elements, as CSP writes them. */
export function inlineHashes(html: string): InlineHashes {
  const hashesOf = (tag: string) =>
    [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'gi'))]
      // An element with a src has no inline code to allow.
      .filter((match) => !/\ssrc\s*=/i.test(match[1] ?? '') && match[2]!.length > 0)
      .map((match) => `'sha256-${createHash('sha256').update(match[2]!, 'utf8').digest('base64')}'`);
  return { scripts: hashesOf('script'), styles: hashesOf('style') };
}

type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

function htmlPolicy({ scripts, styles }: InlineHashes): NodeMiddleware {
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ...new Set(scripts)],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", ...new Set(styles)],
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

/**
 * @param staticDir the H5 build, whose index.html is read for its inline hashes (again after a rebuild)
 * @param ownPages other HTML the server renders itself (the docs page), whose inline code is trusted
 */
export function securityHeaders(staticDir: string | null, ownPages: string[] = []) {
  const base = koaHelmet({
    // Chosen per answer below, once its type is known.
    contentSecurityPolicy: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS belongs to whoever terminates TLS (the reverse proxy); over plain HTTP it means nothing.
    strictTransportSecurity: false,
  });
  const own = ownPages.map(inlineHashes);
  let current: { mtimeMs: number; policy: NodeMiddleware } | null = null;
  const pagePolicy = (): NodeMiddleware => {
    let mtimeMs = -1;
    let h5: InlineHashes = { scripts: [], styles: [] };
    try {
      if (staticDir) {
        const file = join(staticDir, 'index.html');
        mtimeMs = statSync(file).mtimeMs;
        if (current?.mtimeMs === mtimeMs) return current.policy;
        h5 = inlineHashes(readFileSync(file, 'utf8'));
      }
    } catch {
      // No H5 build: only our own pages' code.
    }
    if (current?.mtimeMs === mtimeMs) return current.policy;
    const all = [h5, ...own];
    current = { mtimeMs, policy: htmlPolicy({ scripts: all.flatMap((h) => h.scripts), styles: all.flatMap((h) => h.styles) }) };
    return current.policy;
  };
  // JSON, files, errors: nothing in them is meant to run or be framed.
  const nothingPolicy = helmet.contentSecurityPolicy({ useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }) as NodeMiddleware;

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
