// wx-login against a local fake of WeChat's code2Session that checks the
// request exactly as WeChat would and answers in WeChat's shapes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiClient, createTestDatabase, startTestServer, type TestDatabase, type TestServer } from './harness';

interface FakeWechat {
  url: string;
  requests: URL[];
  close(): Promise<void>;
}

/** Valid codes map to openids; any other code gets errcode 40029 like the real API. */
async function startFakeWechat(validCodes: Record<string, string>): Promise<FakeWechat> {
  const requests: URL[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url);
    res.setHeader('content-type', 'application/json');
    if (url.pathname !== '/sns/jscode2session' || url.searchParams.get('grant_type') !== 'authorization_code') {
      res.end(JSON.stringify({ errcode: 40013, errmsg: 'invalid request' }));
    } else if (url.searchParams.get('appid') !== 'wx-test-app' || url.searchParams.get('secret') !== 'wx-test-secret') {
      res.end(JSON.stringify({ errcode: 40125, errmsg: 'invalid appsecret' }));
    } else {
      const openid = validCodes[url.searchParams.get('js_code') ?? ''];
      res.end(JSON.stringify(openid ? { openid, session_key: 'k' } : { errcode: 40029, errmsg: 'invalid code' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('WeChat login through code2Session', () => {
  let db: TestDatabase;
  let server: TestServer;
  let wechat: FakeWechat;

  beforeAll(async () => {
    wechat = await startFakeWechat({ 'code-alice': 'openid-alice' });
    db = await createTestDatabase('sqlite');
    server = await startTestServer(db.config, {
      env: {
        AUTH_MODE: 'wechat',
        AUTH_SECRET: 'test-secret-of-at-least-32-characters',
        WX_APPID: 'wx-test-app',
        WX_SECRET: 'wx-test-secret',
        WX_API_BASE: wechat.url,
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
    await wechat.close();
  });

  it('when the code is valid, the user gets a session token that works on /me', async () => {
    const api = apiClient(server.url);
    const res = await api.post('/api/v1/auth/wx-login', { code: 'code-alice' });
    expect(res.status).toBe(200);
    expect(res.body.user.roles).toEqual(['resident']);
    const me = await api.get('/api/v1/me', res.body.token);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(res.body.user.id);
    expect(wechat.requests.at(-1)?.searchParams.get('js_code')).toBe('code-alice');
  });

  it('when the same person logs in again, they get the same account', async () => {
    const api = apiClient(server.url);
    const first = await api.post('/api/v1/auth/wx-login', { code: 'code-alice' });
    const second = await api.post('/api/v1/auth/wx-login', { code: 'code-alice' });
    expect(second.body.user.id).toBe(first.body.user.id);
  });

  it('when WeChat rejects the code, the login fails with 401 WECHAT_LOGIN_FAILED', async () => {
    const res = await apiClient(server.url).post('/api/v1/auth/wx-login', { code: 'stale-code' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('WECHAT_LOGIN_FAILED');
    expect(res.body.error.details.errcode).toBe(40029);
  });

  it('when dev login is tried in wechat mode, it does not exist', async () => {
    const res = await apiClient(server.url).post('/api/v1/auth/dev-login', { openid: 'demo-admin' });
    expect(res.status).toBe(404);
  });

  it('when WeChat cannot be reached, the login fails with 502, not 500', async () => {
    const unreachable = await createTestDatabase('sqlite');
    const offline = await startTestServer(unreachable.config, {
      env: { AUTH_MODE: 'wechat', AUTH_SECRET: 'x'.repeat(32), WX_APPID: 'wx-test-app', WX_SECRET: 'wx-test-secret', WX_API_BASE: 'http://127.0.0.1:9' },
    });
    try {
      const res = await apiClient(offline.url).post('/api/v1/auth/wx-login', { code: 'code-alice' });
      expect(res.status).toBe(502);
      expect(res.body.error.code).toBe('WECHAT_LOGIN_FAILED');
    } finally {
      await offline.close();
      await unreachable.drop();
    }
  });
});
