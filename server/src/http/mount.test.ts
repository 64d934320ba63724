// Route declarations and their answers: every route says what it answers, and
// with validation on, an answer outside its declaration is a logged 500.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Router from '@koa/router';
import Koa from 'koa';
import { z } from 'zod';
import { apiRoutes } from '../app';
import type { AppDeps } from '../deps';
import { reply, route, type RouteDef } from '../core/route';
import { healthRoutes } from '../modules/health/health.routes';
import { errorMiddleware } from './error-middleware';
import { cachedPublicAnswers, mountRoutes, routesWithExactPaths } from './mount';

/** Building the route list touches nothing but these. */
const deps = { config: { authSecret: 'test-secret' }, dataSource: { manager: {} } } as unknown as AppDeps;

const thingSchema = z.strictObject({ id: z.string(), count: z.number().int() });

async function serve(routes: RouteDef[], validateResponses: boolean) {
  const logged: string[] = [];
  const app = new Koa();
  const router = new Router();
  mountRoutes(router, '', routes, { validateResponses });
  app.use(errorMiddleware((error) => logged.push(String(error))));
  app.use(router.routes());
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    logged,
    get: async (path: string) => {
      const res = await fetch(base + path);
      return { status: res.status, body: await res.text(), type: res.headers.get('content-type') ?? '' };
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const routes = [
  route({ method: 'get', path: '/right', access: 'public', tag: 't', summary: 's', response: thingSchema, handle: async () => ({ id: 'a', count: 1 }) }),
  route({ method: 'get', path: '/wrong', access: 'public', tag: 't', summary: 's', response: thingSchema, handle: async () => ({ id: 'a', count: '1' }) }),
  route({
    method: 'get',
    path: '/extra',
    access: 'public',
    tag: 't',
    summary: 's',
    response: thingSchema,
    handle: async () => ({ id: 'a', count: 1, secret: 'x' }),
  }),
  route({
    method: 'get',
    path: '/created',
    access: 'public',
    tag: 't',
    summary: 's',
    response: thingSchema,
    handle: async () => reply(201, { id: 'a', count: 1 }),
  }),
  route({
    method: 'get',
    path: '/file',
    access: 'public',
    tag: 't',
    summary: 's',
    files: ['text/csv'],
    handle: async ({ ctx }) => {
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = 'a,b\n';
      return undefined;
    },
  }),
];

describe('route responses', () => {
  it('when a route answering JSON declares no response, mounting it fails at start-up', () => {
    const undeclared = route({ method: 'get', path: '/x', access: 'public', tag: 't', summary: 's', handle: async () => ({}) });
    expect(() => mountRoutes(new Router(), '', [undeclared])).toThrow('Route GET /x declares no response');
  });

  it('every route of the API and of the health checks declares its response: a view, or the files it writes', () => {
    const undeclared = [...apiRoutes(deps), ...healthRoutes(deps)]
      .filter((def) => !def.response && !def.files?.length)
      .map((def) => `${def.method} ${def.path}`);
    expect(undeclared).toEqual([]);
  });

  it('when validation is on, an answer that matches its view passes untouched', async () => {
    const app = await serve(routes, true);
    try {
      expect(await app.get('/right')).toMatchObject({ status: 200, body: '{"id":"a","count":1}' });
      expect(await app.get('/file')).toMatchObject({ status: 200, body: 'a,b\n' });
      expect(app.logged).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('when validation is on, a wrong field, an undeclared field or an undeclared status is a 500 with a log line naming the route', async () => {
    const app = await serve(routes, true);
    try {
      for (const path of ['/wrong', '/extra', '/created']) {
        const res = await app.get(path);
        expect({ path, status: res.status, code: JSON.parse(res.body).error.code }).toEqual({ path, status: 500, code: 'INTERNAL' });
      }
      expect(app.logged).toHaveLength(3);
      expect(app.logged[0]).toContain('Route GET /wrong answered outside its declared response');
      expect(app.logged[0]).toContain('"path":"count"');
      expect(app.logged[1]).toContain('secret');
      expect(app.logged[2]).toContain('status 201, declared 200');
    } finally {
      await app.close();
    }
  });

  it('when validation is off (production), answers are not checked', async () => {
    const app = await serve(routes, false);
    try {
      expect((await app.get('/wrong')).status).toBe(200);
      expect(app.logged).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('GET routes without parameters, found by exact path', () => {
  it('when a path is asked exactly, in another spelling, or shadowed by a parameter route, each request reaches the route the router would pick, with its pattern', async () => {
    const app = new Koa();
    const router = new Router();
    const seen: string[] = [];
    const answer = (name: string) => async (ctx: Koa.Context) => {
      seen.push(`${name} ${String((ctx as { _matchedRoute?: string })._matchedRoute)} ${JSON.stringify((ctx as { params?: unknown }).params)}`);
      ctx.body = { name };
    };
    router.get('/plain', answer('plain'));
    router.get('/things/:id', answer('thing'));
    // Both match GET /things/new: the router runs both, so this path must not be taken alone.
    router.get('/things/new', answer('new'));
    app.use(routesWithExactPaths(router));
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const path of ['/plain', '/PLAIN', '/plain/', '/things/7', '/things/new']) {
        const res = await fetch(base + path);
        expect(res.status).toBe(200);
      }
      expect((await fetch(`${base}/plain`, { method: 'HEAD' })).status).toBe(200);
      expect((await fetch(`${base}/nothing`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual([
      'plain /plain {}',
      'plain /plain {}',
      'plain /plain {}',
      'thing /things/:id {"id":"7"}',
      // The router's own order: the parameter route first, and its handler answers.
      'thing /things/:id {"id":"new"}',
      'plain /plain {}',
    ]);
  });
});

describe('signed-out GETs answered from a cache before the other layers', () => {
  it('when a cached answer is ready it is sent with the route pattern; a session, a rate-limit bucket, a refused query, a miss or an error go the whole way', async () => {
    const cached = new Map<string, string>([['"x"', 'from cache']]);
    const queries: unknown[] = [];
    let failing = false;
    const cachedRoute = route<undefined, { q: string }>({
      method: 'get',
      path: '/things',
      access: 'public',
      tag: 't',
      summary: 's',
      query: z.object({ q: z.string().max(5) }),
      response: z.string(),
      handle: async () => 'whole way',
      answerFromCache: async ({ ctx, query }) => {
        queries.push(query);
        if (failing) throw new Error('database away');
        const body = cached.get(JSON.stringify(query.q));
        if (body === undefined) return false;
        ctx.body = body;
        return true;
      },
    });
    const app = new Koa();
    const router = new Router();
    mountRoutes(router, '/api', [cachedRoute]);
    const patterns: string[] = [];
    app.use(async (ctx, next) => {
      await next();
      patterns.push(String((ctx as { _matchedRoute?: string })._matchedRoute));
    });
    app.use(cachedPublicAnswers([cachedRoute], '/api', (ctx) => ctx.get('x-limited') === 'yes'));
    app.use(errorMiddleware(() => undefined));
    app.use(router.routes());
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = async (path: string, headers: Record<string, string> = {}) => {
      const res = await fetch(base + path, { headers });
      return `${res.status} ${await res.text()}`;
    };
    try {
      expect(await get('/api/things?q=x')).toBe('200 from cache');
      expect(await get('/api/things?q=x')).toBe('200 from cache');
      expect(await get('/api/things?q=x', { authorization: 'Bearer whoever' })).toBe('200 whole way');
      expect(await get('/api/things?q=x', { 'x-limited': 'yes' })).toBe('200 whole way');
      expect(await get('/api/things?q=y')).toBe('200 whole way');
      expect((await get('/api/things?q=toolong')).slice(0, 3)).toBe('400');
      failing = true;
      expect(await get('/api/things?q=x')).toBe('200 whole way');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(patterns.every((pattern) => pattern === '/api/things')).toBe(true);
    // Each query string parsed once and shared, frozen; a refused one never reaches the cache.
    expect(queries).toHaveLength(4);
    expect(new Set(queries).size).toBe(2);
    expect(Object.isFrozen(queries[0])).toBe(true);
  });

  it('when a route that has parameters, is not public or is not a GET offers a cache, building the app fails', () => {
    const base = { tag: 't', summary: 's', response: z.string(), handle: async () => 'x', answerFromCache: async () => false };
    for (const bad of [
      route({ ...base, method: 'get', path: '/things/:id', access: 'public' }),
      route({ ...base, method: 'get', path: '/things', access: 'user' }),
      route({ ...base, method: 'post', path: '/things', access: 'public' }),
    ]) {
      expect(() => cachedPublicAnswers([bad], '', () => false)).toThrow(/only public GET routes without parameters/);
    }
  });
});
