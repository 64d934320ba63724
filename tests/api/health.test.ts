// Liveness, readiness and the published API description.
import { apiRoutes } from '../../server/src/app';
import type { AppDeps } from '../../server/src/deps';
import { apiClient, createTestDatabase, engines, startTestServer } from './harness';
import { API, useTestApp } from './fixtures';

describe.each(engines)('health and docs on %s', (engine) => {
  const app = useTestApp(engine);

  it('when the process runs, /healthz answers 200', async () => {
    const res = await app.api.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('when a client uses a method a route does not take, it gets 405 in the error shape', async () => {
    const res = await app.api.call('PUT', `${API}/events`, { body: {} });
    expect(res.status).toBe(405);
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('when the database answers, /readyz answers 200', async () => {
    const res = await app.api.get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', rateLimits: 'memory' });
  });

  it('when the database is gone, /readyz answers 503 in the error shape', async () => {
    const db = await createTestDatabase(engine);
    const server = await startTestServer(db.config);
    try {
      await server.dataSource.destroy();
      const res = await apiClient(server.url).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect((await apiClient(server.url).get('/healthz')).status).toBe(200);
    } finally {
      // The data source is already destroyed, so close() fails after stopping the listener.
      await server.close().catch(() => undefined);
      await db.drop();
    }
  });

  it('when a client reads openapi.json, every mounted route is described with its method and access', async () => {
    const res = await app.api.get(`${API}/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const deps = { config: app.server.config, dataSource: app.server.dataSource, tx: app.server.tx, clock: () => app.server.clock.now } as AppDeps;
    const routes = apiRoutes(deps);
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const path = (API + route.path).replace(/:(\w+)/g, '{$1}');
      const operation = res.body.paths[path]?.[route.method];
      expect({ route: `${route.method} ${path}`, described: Boolean(operation) }).toEqual({ route: `${route.method} ${path}`, described: true });
      expect(operation['x-access']).toEqual(typeof route.access === 'string' ? route.access : [...route.access]);
    }
  });

  it('when a client reads openapi.json, every JSON route documents its 2xx body with a schema, under the status it answers', async () => {
    const { paths, components } = (await app.api.get(`${API}/openapi.json`)).body;
    const deps = { config: app.server.config, dataSource: app.server.dataSource, tx: app.server.tx, clock: () => app.server.clock.now } as AppDeps;
    const undocumented: string[] = [];
    for (const route of apiRoutes(deps)) {
      const path = (API + route.path).replace(/:(\w+)/g, '{$1}');
      const responses = paths[path][route.method].responses;
      const statuses = route.response ? (route.statuses ?? [200]) : [];
      for (const status of statuses) {
        const schema = responses[String(status)]?.content?.['application/json']?.schema;
        if (!schema || (!schema.type && !schema.$ref)) undocumented.push(`${route.method} ${path} ${status}`);
      }
      for (const type of route.files ?? []) {
        if (!responses['200']?.content?.[type]) undocumented.push(`${route.method} ${path} ${type}`);
      }
    }
    expect(undocumented).toEqual([]);
    expect(paths[`${API}/events`].post.responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/EventView' });
    expect(paths[`${API}/events`].post.responses['200']).toBeUndefined();
    expect(Object.keys(paths[`${API}/events/{id}/signups`].post.responses)).toEqual(expect.arrayContaining(['200', '201']));
    expect(components.schemas.EventView.required).toEqual(expect.arrayContaining(['id', 'title', 'venue', 'startsAt', 'status']));
    // Every reference resolves inside the document.
    const refs = [...JSON.stringify(paths).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.filter((name) => !components.schemas[name])).toEqual([]);
  });

  it('when the contract names an endpoint the server has, openapi.json lists it', async () => {
    const { paths } = (await app.api.get(`${API}/openapi.json`)).body;
    const contract = [
      'post /auth/wx-login',
      'post /auth/dev-login',
      'get /me',
      'patch /me',
      'delete /me',
      'get /plans',
      'get /cities',
      'get /plans/{id}',
      'get /plans/{id}/progress',
      'get /plans/{id}/tasks/{number}/events',
      'get /plans/{id}/report.xlsx',
      'post /plans/import',
      'get /campaigns',
      'get /events',
      'get /events/{id}',
      'post /events',
      'patch /events/{id}',
      'post /events/{id}/submit',
      'post /events/{id}/review',
      'post /events/{id}/cancel',
      'get /events/{id}/calendar.ics',
      'get /calendar.ics',
      'post /events/{id}/signups',
      'delete /events/{id}/signups/me',
      'get /me/signups',
      'get /me/signups/{id}/checkin-code',
      'post /events/{id}/checkins',
      'get /events/{id}/signups',
      'get /organizations',
      'post /organizations/{id}/members',
    ];
    const missing = contract.filter((entry) => {
      const [method, path] = entry.split(' ') as [string, string];
      return !paths[API + path]?.[method];
    });
    expect(missing).toEqual([]);
  });

  it('when a person opens /api/docs, they get an HTML page listing the routes', async () => {
    const res = await app.api.get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toMatch(/^<!doctype html>/i);
    expect(res.text).toContain('/api/v1/events/{id}/signups');
    expect(res.text).toContain('/api/v1/openapi.json');
  });
});
