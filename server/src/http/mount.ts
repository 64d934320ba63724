// Mounts declared routes on the router: checks each route's access rule,
// validates bodies and queries once, and renders the reply. A route without an
// access rule, or answering without a declared response, fails at start-up.
// Tests also check every answer against its declared response. The same
// declarations build the OpenAPI document.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type Router from '@koa/router';
import type { Context, Middleware, Next } from 'koa';
import { z, type ZodType } from 'zod';
import { apiErrorBodySchema } from '@kepu/shared';
import type { AuthUser } from '../core/actor';
import { forbidden, unauthenticated, validationFailed } from '../core/errors';
import type { Access, Reply, RouteDef, SuccessStatus } from '../core/route';

function checkAccess(access: Access, user: AuthUser | null): void {
  if (access === 'public') return;
  if (!user) throw unauthenticated();
  if (access === 'user') return;
  if (!access.some((role) => user.roles.includes(role))) throw forbidden();
}

function parse<T>(schema: ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationFailed(result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
}

export interface MountOptions {
  /**
   * Checks every 2xx answer against the route's declared response: a JSON
   * body must parse with its schema, a file must be of a declared type, the
   * status one the route declares. A mismatch is a logged 500. On in tests,
   * off in production, where it would only cost time.
   */
  validateResponses?: boolean;
}

export function mountRoutes(router: Router, prefix: string, routes: RouteDef[], options: MountOptions = {}): void {
  for (const def of routes) {
    const name = `${def.method.toUpperCase()} ${def.path}`;
    if (def.access === undefined || def.access === null) throw new Error(`Route ${name} declares no access rule`);
    if (!def.response && !def.files?.length) throw new Error(`Route ${name} declares no response (a view schema, or the files it writes)`);
    router[def.method](prefix + def.path, async (ctx: Context) => {
      const user = (ctx.state.user as AuthUser | undefined) ?? null;
      checkAccess(def.access, user);
      // No body at all reads as {}; a JSON null is a body, and not an object.
      const body = def.body ? parse(def.body, ctx.state.body === undefined ? {} : ctx.state.body) : undefined;
      const query = def.query ? parse(def.query, ctx.query) : undefined;
      const result = await def.handle({ ctx, user, body, query, params: (ctx as unknown as { params: Record<string, string> }).params ?? {} });
      if (result !== undefined) {
        if (isReply(result)) {
          ctx.status = result.status;
          ctx.body = result.body;
        } else {
          ctx.status = 200;
          ctx.body = result;
        }
      }
      if (options.validateResponses) checkResponse(def, name, ctx, result === undefined);
    });
  }
}

/**
 * The router's middleware, with GET requests for a path without parameters (`/api/v1/events`)
 * found by one Map lookup instead of testing every route's pattern and composing a chain per
 * request. Only paths the router itself matches to exactly that one route, and nothing else,
 * are taken this way, and the context gets what the router would set (the matched route, empty
 * params); every other request, and other spellings of these paths (case, a trailing slash), go
 * through the router as before.
 */
export function routesWithExactPaths(router: Router): Middleware {
  const dispatch = router.routes() as unknown as Middleware;
  const exact = new Map<string, { path: string; handle: (ctx: Context, next: Next) => unknown }>();
  for (const layer of router.stack) {
    if (typeof layer.path !== 'string' || layer.paramNames.length > 0 || !layer.methods.includes('GET') || layer.stack.length !== 1) continue;
    const matched = router.match(layer.path, 'GET');
    if (matched.path.length !== 1 || matched.pathAndMethod[0] !== layer) continue;
    exact.set(layer.path, { path: layer.path, handle: layer.stack[0] as unknown as (ctx: Context, next: Next) => unknown });
  }
  return function routeRequest(ctx: Context, next: Next) {
    const route = ctx.method === 'GET' ? exact.get(ctx.path) : undefined;
    if (!route) return dispatch(ctx, next);
    const routed = ctx as Context & { _matchedRoute: string; routerPath: string; params: Record<string, string>; router: Router };
    routed._matchedRoute = route.path;
    routed.routerPath = route.path;
    routed.params = {};
    routed.router = router;
    return route.handle(ctx, next);
  };
}

/** Distinct query strings remembered per cached route; past this the oldest is forgotten. */
const MAX_PARSED_QUERIES = 500;

/**
 * The fast path for what most requests are: a signed-out GET of a public answer the server holds
 * as bytes (the event list). Routes offering one (`answerFromCache`) are tried here, before the
 * layers that have nothing to do for such a request: no session to read, no body, no rate-limit
 * bucket (`passOn` says when one applies, and the request then takes the whole way), no route
 * pattern to match. What every answer gets is set outside this (request id, log line, metrics,
 * security headers) or by the cached answer itself (ETag/304, Vary, Content-Encoding).
 * Each distinct query string is parsed with the route's schema once and kept (bounded); a query
 * the schema refuses, a cache miss or any error goes the whole way, which answers it as always
 * (400, a built answer, 503 while the database is away).
 */
export function cachedPublicAnswers(routes: RouteDef[], prefix: string, passOn: (ctx: Context) => boolean): Middleware {
  interface Cached {
    pattern: string;
    answer: NonNullable<RouteDef['answerFromCache']>;
    schema: ZodType | undefined;
    /** Raw query string -> parsed query, or null when the schema refuses it. */
    parsed: Map<string, { query: unknown } | null>;
  }
  const byPath = new Map<string, Cached>();
  for (const def of routes) {
    if (!def.answerFromCache) continue;
    if (def.method !== 'get' || def.access !== 'public' || def.path.includes(':')) {
      throw new Error(`Route ${def.method.toUpperCase()} ${def.path}: only public GET routes without parameters may answer from a cache`);
    }
    byPath.set(prefix + def.path, { pattern: prefix + def.path, answer: def.answerFromCache, schema: def.query, parsed: new Map() });
  }
  const queryOf = (route: Cached, ctx: Context): { query: unknown } | null => {
    const raw = ctx.querystring;
    let known = route.parsed.get(raw);
    if (known === undefined) {
      const result = route.schema ? route.schema.safeParse(ctx.query) : { success: true as const, data: undefined };
      // Shared by every request with this query string: frozen, so no one changes it for the others.
      known = result.success ? { query: typeof result.data === 'object' && result.data !== null ? Object.freeze(result.data) : result.data } : null;
      if (route.parsed.size >= MAX_PARSED_QUERIES) route.parsed.delete(route.parsed.keys().next().value!);
      route.parsed.set(raw, known);
    }
    return known;
  };
  return async function answerFromCache(ctx: Context, next: Next) {
    // Any Authorization header, even a bad one, is the session layer's to judge.
    if (ctx.method !== 'GET' || ctx.req.headers.authorization) return next();
    const route = byPath.get(ctx.path);
    if (!route || passOn(ctx)) return next();
    const parsed = queryOf(route, ctx);
    if (!parsed) return next();
    let answered = false;
    try {
      answered = await route.answer({ ctx, query: parsed.query });
    } catch {
      // Met again on the whole way and answered there as every route answers it (503 while the database is away).
    }
    if (!answered) return next();
    // What the router would have set: the log line and metrics name the route by its pattern.
    (ctx as Context & { _matchedRoute: string })._matchedRoute = route.pattern;
  };
}

/** Throws (a 500 with a log line naming the route) when an answer breaks the route's declaration. */
function checkResponse(def: RouteDef, name: string, ctx: Context, wroteItself: boolean): void {
  const problems = responseProblems(def, ctx, wroteItself);
  if (problems) throw new Error(`Route ${name} answered outside its declared response: ${problems}`);
}

function responseProblems(def: RouteDef, ctx: Context, wroteItself: boolean): string | null {
  // A conditional GET answered "not modified": no body to check.
  if (ctx.status === 304 && def.method === 'get') return null;
  const contentType = (ctx.response.type || '').split(';')[0]!.trim();
  if (wroteItself && contentType !== 'application/json') {
    return def.files?.some((type) => type === contentType) ? null : `a file of type "${contentType}" not in files`;
  }
  if (!def.response) return 'a JSON body, but it declares no response schema';
  const statuses = def.statuses ?? [200];
  if (!statuses.includes(ctx.status as SuccessStatus)) return `status ${ctx.status}, declared ${statuses.join(' or ')}`;
  const parsed = def.response.safeParse(wroteItself ? writtenJson(ctx) : ctx.body);
  if (parsed.success) return null;
  return JSON.stringify(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: issue.message })));
}

/** A JSON body a route wrote itself as bytes (a cached answer), decoded as the client would. */
function writtenJson(ctx: Context): unknown {
  if (!Buffer.isBuffer(ctx.body)) return ctx.body;
  const encoding = ctx.response.get('Content-Encoding');
  const bytes = encoding === 'gzip' ? gunzipSync(ctx.body) : encoding === 'br' ? brotliDecompressSync(ctx.body) : ctx.body;
  return JSON.parse(bytes.toString('utf8'));
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 2 && 'status' in value && 'body' in value;
}

/** The OpenAPI 3.1 document, built from the same schemas that validate requests and answers. */
export function openApiDocument(routes: RouteDef[], prefix: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  // Named views (EventView, PlanSectionNode …) land here once, referenced from every route that answers with them.
  const components: Record<string, unknown> = {};
  const errorBody = responseSchema(apiErrorBodySchema, components);
  for (const def of routes) {
    const path = (prefix + def.path).replace(/:(\w+)/g, '{$1}');
    const operation: Record<string, unknown> = {
      summary: def.summary,
      tags: [def.tag],
      'x-access': def.access === 'public' || def.access === 'user' ? def.access : [...def.access],
      parameters: [
        ...[...def.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
        ...queryParameters(def.query),
      ],
      responses: {
        ...successResponses(def, components),
        '4XX': { description: '错误', content: { 'application/json': { schema: errorBody } } },
      },
    };
    if (def.access !== 'public') operation.security = [{ bearer: [] }];
    if (def.body) operation.requestBody = { required: true, content: { 'application/json': { schema: toJsonSchema(def.body, 'input') } } };
    (paths[path] ??= {})[def.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: { title: '科普汇 Kepu API', version: '1.0.0', description: 'The contract between the server and the mini-program.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: components },
    paths,
  };
}

/** One entry per declared 2xx status: the JSON view, and the files the route may write instead. */
function successResponses(def: RouteDef, components: Record<string, unknown>): Record<string, unknown> {
  const responses: Record<string, { description: string; content: Record<string, unknown> }> = {};
  if (def.response) {
    const schema = responseSchema(def.response, components);
    for (const status of def.statuses ?? [200]) {
      responses[String(status)] = { description: status === 201 ? '已创建' : 'OK', content: { 'application/json': { schema } } };
    }
  }
  for (const type of def.files ?? []) {
    const ok = (responses['200'] ??= { description: 'OK', content: {} });
    ok.content[type] = { schema: { type: 'string', format: 'binary' } };
  }
  return responses;
}

function toJsonSchema(schema: ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** A response body's JSON Schema with its named parts moved to components/schemas (a schema's own $defs would not resolve inside the document). */
function responseSchema(schema: ZodType, components: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, $defs, ...body } = toJsonSchema(schema, 'output') as Record<string, unknown> & { $defs?: Record<string, unknown> };
  const toComponents = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<string, unknown>;
  for (const [name, definition] of Object.entries($defs ?? {})) components[name] = toComponents(definition);
  return toComponents(body);
}

function queryParameters(schema: ZodType | undefined): Record<string, unknown>[] {
  if (!schema) return [];
  const json = toJsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}
