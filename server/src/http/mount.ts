// Mounts declared routes on the router: checks each route's access rule,
// validates bodies and queries once, and renders the reply. A route without an
// access rule fails at start-up. The same declarations build the OpenAPI document.
import type Router from '@koa/router';
import type { Context } from 'koa';
import { z, type ZodType } from 'zod';
import type { AuthUser } from '../core/actor';
import { forbidden, unauthenticated, validationFailed } from '../core/errors';
import type { Access, Reply, RouteDef } from '../core/route';

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

export function mountRoutes(router: Router, prefix: string, routes: RouteDef[]): void {
  for (const def of routes) {
    if (def.access === undefined || def.access === null) {
      throw new Error(`Route ${def.method.toUpperCase()} ${def.path} declares no access rule`);
    }
    router[def.method](prefix + def.path, async (ctx: Context) => {
      const user = (ctx.state.user as AuthUser | undefined) ?? null;
      checkAccess(def.access, user);
      // No body at all reads as {}; a JSON null is a body, and not an object.
      const body = def.body ? parse(def.body, ctx.state.body === undefined ? {} : ctx.state.body) : undefined;
      const query = def.query ? parse(def.query, ctx.query) : undefined;
      const result = await def.handle({ ctx, user, body, query, params: (ctx as unknown as { params: Record<string, string> }).params ?? {} });
      if (result === undefined) return;
      if (isReply(result)) {
        ctx.status = result.status;
        ctx.body = result.body;
      } else {
        ctx.status = 200;
        ctx.body = result;
      }
    });
  }
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 2 && 'status' in value && 'body' in value;
}

/** The OpenAPI 3.1 document, built from the same schemas that validate requests. */
export function openApiDocument(routes: RouteDef[], prefix: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorBody = {
    type: 'object',
    properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } }, required: ['code', 'message'] } },
  };
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
        '200': { description: 'OK' },
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
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}

function toJsonSchema(schema: ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
}

function queryParameters(schema: ZodType | undefined): Record<string, unknown>[] {
  if (!schema) return [];
  const json = toJsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name, in: 'query', required: json.required?.includes(name) ?? false, schema: property,
  }));
}

