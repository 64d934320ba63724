// What an operator sees and what a browser is told: security headers and a
// request id on every answer, one JSON log line per request with nothing
// personal in it, Prometheus metrics for whom they are meant, and the limits
// on the costly routes.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../server/src/observability/logger';
import { apiClient, createTestDatabase, engines, startTestServer, type Engine, type TestServer } from './harness';
import { API, expectError, expectStatus, publishActivity, signUp, useTestApp } from './fixtures';

jest.setTimeout(60_000);

/** A server whose log lines (at info) land in `lines`. */
async function withLoggedServer(
  engine: Engine,
  env: Record<string, string>,
  run: (server: TestServer, lines: () => Record<string, unknown>[]) => Promise<void>,
) {
  const db = await createTestDatabase(engine);
  const raw: string[] = [];
  const server = await startTestServer(db.config, { env, logger: createLogger('info', { write: (line: string) => void raw.push(line) }) });
  try {
    await run(server, () => raw.map((line) => JSON.parse(line) as Record<string, unknown>));
  } finally {
    await server.close().catch(() => undefined);
    await db.drop();
  }
}

/** The value of one sample in Prometheus's text format (0 when the series has not been written yet). */
function metric(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const got = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => got[key] === value)) return Number(match[3]);
  }
  return 0;
}

const profile = { realName: '王晓红', phone: '13912345678', skills: ['科普讲解'], tags: [], team: null, bio: '' };

describe.each(engines)('security headers, request ids and logs on %s', (engine) => {
  it('when any answer goes out (JSON, an error, the docs page), it carries nosniff, no framing, no referrer and a request id', async () => {
    await withLoggedServer(engine, {}, async (server) => {
      const api = apiClient(server.url);
      for (const res of [await api.get(`${API}/plans`), await api.get(`${API}/no-such-route`), await api.get('/api/docs')]) {
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
        expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      }
      // JSON is meant to run nothing; HTML runs no inline script but the H5 build's own (none here: no build).
      expect((await api.get(`${API}/plans`)).headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
      const docs = (await api.get('/api/docs')).headers.get('content-security-policy')!;
      const scriptSrc = /script-src ([^;]*)/.exec(docs)![1]!;
      expect(scriptSrc.split(' ')).toEqual(["'self'", "'unsafe-hashes'", expect.stringMatching(/^'sha256-/)]);
      expect(docs).toContain("object-src 'none'");
    });
  });

  it("when the H5 page is served, its policy allows the build's own inline script by hash and no other, and follows a rebuild", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kepu-h5-'));
    const page = (script: string) => `<!doctype html><html><head><script>${script}</script><script defer src="/js/app.js"></script></head><body></body></html>`;
    const hash = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
    try {
      writeFileSync(join(dir, 'index.html'), page('window.first=1'));
      await withLoggedServer(engine, { STATIC_DIR: dir }, async (server) => {
        const policyOf = async () => (await fetch(`${server.url}/`)).headers.get('content-security-policy')!;
        const first = await policyOf();
        expect(first).toContain(`script-src 'self' ${hash('window.first=1')} 'unsafe-hashes'`);
        expect(first).not.toMatch(/script-src[^;]*'unsafe-inline'/);
        expect(first).toContain("frame-ancestors 'none'");
        // A rebuild while the server runs: the new bootstrap script is allowed, the old one no longer.
        writeFileSync(join(dir, 'index.html'), page('window.second=2'));
        const later = Date.now() / 1000 + 5;
        utimesSync(join(dir, 'index.html'), later, later);
        const second = await policyOf();
        expect(second).toContain(hash('window.second=2'));
        expect(second).not.toContain(hash('window.first=1'));
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("when a proxy sends a short plain X-Request-Id it is kept; anything else is replaced by the server's own", async () => {
    await withLoggedServer(engine, {}, async (server, lines) => {
      const idOf = async (incoming: string) => (await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': incoming } })).headers.get('x-request-id');
      expect(await idOf('0f5c2a9e8b7d4c3a')).toBe('0f5c2a9e8b7d4c3a');
      for (const unsafe of ['short', 'a'.repeat(65), 'has space in it', 'phone=13912345678;x']) {
        const id = await idOf(unsafe);
        expect(id).not.toBe(unsafe);
        expect(id).toMatch(/^[0-9a-f-]{36}$/);
      }
      expect(
        lines()
          .filter((line) => line.msg === 'request')
          .map((line) => line.requestId),
      ).toContain('0f5c2a9e8b7d4c3a');
    });
  });

  it('when people sign in and use the app, each request is one JSON line by route pattern, and no name, phone, openid or token is in the log', async () => {
    await withLoggedServer(engine, {}, async (server, lines) => {
      const api = apiClient(server.url);
      const { token } = await api.login('openid-4f9a7c', '赵小满');
      expectStatus(await api.patch(`${API}/me`, { phone: '13987654321' }, token), 200);
      expectStatus(await api.put(`${API}/me/volunteer`, { ...profile, realName: '钱多多', phone: '13987654321' }, token), 201);
      await api.get(`${API}/events?q=13987654321`);
      await api.get(`${API}/events/8d1f0c2e-0000-4000-8000-000000000000`, token);

      const log = lines();
      const text = JSON.stringify(log);
      for (const secret of ['openid-4f9a7c', '赵小满', '钱多多', '13987654321', token, 'q=']) expect(text).not.toContain(secret);
      const requests = log.filter((line) => line.msg === 'request');
      expect(requests).toHaveLength(5);
      for (const line of requests) {
        expect(line).toEqual(expect.objectContaining({ level: 30, requestId: expect.any(String), method: expect.any(String), status: expect.any(Number) }));
        expect(typeof line.durationMs).toBe('number');
      }
      expect(requests.map((line) => `${line.method} ${line.route} ${line.status}`)).toEqual([
        'POST /api/v1/auth/dev-login 200',
        'PATCH /api/v1/me 200',
        'PUT /api/v1/me/volunteer 201',
        'GET /api/v1/events 200',
        'GET /api/v1/events/:id 404',
      ]);
    });
  });

  it('when a request fails unexpectedly, the error is logged with its request id and without the values of the statement', async () => {
    await withLoggedServer(engine, {}, async (server, lines) => {
      // A table gone from under the server: every sign-in fails with a database error the app does not expect.
      await server.dataSource.query('ALTER TABLE users RENAME TO users_gone');
      const res = await fetch(`${server.url}${API}/auth/dev-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-0000-failing' },
        body: JSON.stringify({ openid: 'openid-must-not-leak', nickname: '孙不漏' }),
      });
      expect(res.status).toBe(500);
      expect(res.headers.get('x-request-id')).toBe('trace-0000-failing');
      const failure = lines().find((line) => line.msg === 'request failed');
      expect(failure).toEqual(
        expect.objectContaining({ level: 50, requestId: 'trace-0000-failing', err: expect.objectContaining({ message: expect.any(String) }) }),
      );
      expect(JSON.stringify(lines())).not.toMatch(/openid-must-not-leak|孙不漏/);
      await server.dataSource.query('ALTER TABLE users_gone RENAME TO users');
    });
  });
});

describe.each(engines)('metrics on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });

  it('when a scraper on this machine reads /metrics, it gets process metrics, request timings by route, and sign-ups by status', async () => {
    const event = await publishActivity(app, { capacity: 1 });
    expectStatus(await signUp(app, event.id, 'metrics-resident-1'), 201);
    expectStatus(await signUp(app, event.id, 'metrics-resident-2'), 201);
    // A repeat returns the existing sign-up: not a new one.
    expectStatus(await signUp(app, event.id, 'metrics-resident-1'), 200);
    const res = await app.api.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(metric(res.text, 'kepu_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(metric(res.text, 'kepu_signups_created_total', { status: 'confirmed' })).toBe(1);
    expect(metric(res.text, 'kepu_signups_created_total', { status: 'waitlisted' })).toBe(1);
    expect(metric(res.text, 'kepu_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/events/:id/signups', status: '201' })).toBe(2);
    expect(metric(res.text, 'kepu_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/events/:id/signups', status: '200' })).toBe(1);
    // No event id made it into a label.
    expect(res.text).not.toContain(event.id);
  });

  it('when a request comes through a proxy (a forwarding header), /metrics is not there', async () => {
    const res = await fetch(`${app.server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(res.status).toBe(404);
  });
});

describe('who may read /metrics', () => {
  const TOKEN = 'metrics-token-0123456789abcdef';
  const scrape = (server: TestServer, authorization?: string) => fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });

  it('when METRICS_TOKEN is set, only a scraper sending it as a Bearer reads the metrics, even from this machine', async () => {
    await withLoggedServer('sqlite', { METRICS_TOKEN: TOKEN }, async (server) => {
      const missing = await scrape(server);
      expect(missing.status).toBe(401);
      expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
      expect((await scrape(server, `Bearer ${TOKEN}x`)).status).toBe(401);
      expect((await scrape(server, `Bearer ${TOKEN}`)).status).toBe(200);
    });
  });

  it('when the server runs in production without METRICS_TOKEN, /metrics is not there, even from this machine', async () => {
    const secret = 'a-production-secret-of-at-least-32-chars';
    await withLoggedServer('sqlite', { NODE_ENV: 'production', AUTH_MODE: 'wechat', AUTH_SECRET: secret }, async (server) => {
      expect((await scrape(server)).status).toBe(404);
    });
  });

  it('when TRUST_PROXY says a proxy is in front, loopback is not enough: without a token /metrics is not there', async () => {
    await withLoggedServer('sqlite', { TRUST_PROXY: '1' }, async (server) => {
      expect((await scrape(server)).status).toBe(404);
    });
  });
});

describe.each(engines)('limits on the costly routes on %s', (engine) => {
  // Rendering once per record is the cache's test (certificate-cache.test.ts) and volunteer-needs.test.ts's
  // (a new PDF only when the hours change); here a volunteer without certified hours, whose every
  // download is refused with 409, still spends the allowance: refusals are not free to repeat.
  it('when a volunteer asks for the certificate again and again, past 10 in ten minutes the answer is 429, refusals included', async () => {
    await withLoggedServer(engine, { RATE_LIMIT: 'on' }, async (server) => {
      const api = apiClient(server.url);
      const { token } = await api.login('cert-downloader');
      expectStatus(await api.put(`${API}/me/volunteer`, profile, token), 201);
      const download = () => fetch(`${server.url}${API}/me/volunteer/certificate.pdf`, { headers: { authorization: `Bearer ${token}` } });
      for (let i = 1; i <= 10; i++) {
        const refused = await download();
        expect(refused.status).toBe(409);
        expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('CERTIFICATE_NO_HOURS');
      }
      const limited = await download();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await limited.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('RATE_LIMITED');
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
      const metrics = (await api.get('/metrics')).text;
      expect(metric(metrics, 'kepu_certificates_rendered_total')).toBe(0);
      expect(metric(metrics, 'kepu_rate_limited_total', { bucket: 'certificate' })).toBe(1);
      // Another volunteer has an allowance of their own.
      const other = await api.login('cert-downloader-2');
      expectStatus(await api.put(`${API}/me/volunteer`, profile, other.token), 201);
      expect((await fetch(`${server.url}${API}/me/volunteer/certificate.pdf`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(409);
    });
  });

  it('when one user signs up past 30 times in a minute, the next sign-up is refused with 429 in the error shape', async () => {
    await withLoggedServer(engine, { RATE_LIMIT: 'on' }, async (server) => {
      const api = apiClient(server.url);
      const { token } = await api.login('signup-sprayer');
      const attempt = () => api.post(`${API}/events/00000000-0000-4000-8000-000000000000/signups`, { name: '张三', phone: '13812345678' }, token);
      for (let i = 0; i < 30; i++) expect((await attempt()).status).toBe(404);
      expectError(await attempt(), 429, 'RATE_LIMITED');
    });
  });

  it('when one user uploads plans past 20 times in ten minutes, the next upload is refused before its body is read', async () => {
    await withLoggedServer(engine, { RATE_LIMIT: 'on' }, async (server) => {
      const api = apiClient(server.url);
      const { token } = await api.login('upload-sprayer');
      // Not an admin: each upload is refused (403), and still counts against the allowance.
      for (let i = 0; i < 20; i++) expect((await api.post(`${API}/plans/import`, { text: '一、' }, token)).status).toBe(403);
      expectError(await api.call('POST', `${API}/plans/import`, { raw: '{not json', token }), 429, 'RATE_LIMITED');
    });
  });
});
