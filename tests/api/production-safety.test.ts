// Defaults an operator can rely on in production: a dev-mode token does not
// open a WeChat-mode server, and X-Forwarded-For counts only behind a proxy the
// operator named (so rotating it does not escape the login limit).
import { apiClient, createTestDatabase, startTestServer, type TestServer } from './harness';
import { API } from './fixtures';

const SECRET = 'one-secret-shared-by-both-modes-0123456789';

async function withServer(env: Record<string, string>, run: (server: TestServer) => Promise<void>): Promise<void> {
  const db = await createTestDatabase('sqlite');
  const server = await startTestServer(db.config, { env });
  try {
    await run(server);
  } finally {
    await server.close();
    await db.drop();
  }
}

async function loginWithForwardedFor(url: string, forwardedFor: string): Promise<number> {
  const res = await fetch(`${url}${API}/auth/dev-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ openid: 'limit-tester' }),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('production safety', () => {
  it('when a server switches from dev to WeChat login with the same secret, dev tokens stop working', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      const dev = await startTestServer(db.config, { env: { AUTH_MODE: 'dev', AUTH_SECRET: SECRET } });
      const { token } = await apiClient(dev.url).login('switching-user');
      expect((await apiClient(dev.url).get(`${API}/me`, token)).status).toBe(200);
      await dev.close();

      const wechat = await startTestServer(db.config, { env: { AUTH_MODE: 'wechat', AUTH_SECRET: SECRET } });
      try {
        const res = await apiClient(wechat.url).get(`${API}/me`, token);
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('UNAUTHENTICATED');
      } finally {
        await wechat.close();
      }
    } finally {
      await db.drop();
    }
  });

  it('when TRUST_PROXY is off, a client rotating X-Forwarded-For is still limited as one client', async () => {
    await withServer({ RATE_LIMIT: 'on' }, async (server) => {
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push(await loginWithForwardedFor(server.url, `10.0.${i}.1`));
      expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    });
  });

  it('when TRUST_PROXY names one proxy, clients behind it are told apart by the address it appended', async () => {
    await withServer({ RATE_LIMIT: 'on', TRUST_PROXY: '1' }, async (server) => {
      const statuses: number[] = [];
      // Each request's last hop is a different client; a forged first entry is ignored.
      for (let i = 0; i < 40; i++) statuses.push(await loginWithForwardedFor(server.url, `6.6.6.6, 203.0.113.${i}`));
      expect(statuses.every((s) => s === 200)).toBe(true);
      // The same appended address 31 times is one client, whatever it forged in front.
      const same: number[] = [];
      for (let i = 0; i < 31; i++) same.push(await loginWithForwardedFor(server.url, `9.9.9.${i}, 198.51.100.7`));
      expect(same[29]).toBe(200);
      expect(same[30]).toBe(429);
    });
  });
});
