// Defaults an operator can rely on in production: a dev-mode token does not
// open a WeChat-mode server, and X-Forwarded-For counts only behind a proxy the
// operator named (so rotating it does not escape the login limit).
import { apiClient, createTestDatabase, engines, startTestServer, type TestServer } from './harness';
import { API, activityInput, badFields, organizerOrgId, useTestApp } from './fixtures';

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

describe.each(engines)('dates out of range on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });

  it.each([
    ['year 1', '0001-06-01T09:00:00+08:00', '0001-06-01T11:00:00+08:00'],
    ['year 9999', '9999-06-01T09:00:00+08:00', '9999-06-01T11:00:00+08:00'],
    ['before 1970', '1969-06-01T09:00:00+08:00', '1969-06-01T11:00:00+08:00'],
  ])('when an event is dated %s, it is refused with 400 naming both fields', async (_, startsAt, endsAt) => {
    const organizerId = await organizerOrgId(app);
    const res = await app.api.post(`${API}/events`, activityInput(organizerId, { startsAt, endsAt }), await app.token('demo-organizer'));
    expect(badFields(res)).toEqual(expect.arrayContaining(['startsAt', 'endsAt']));
    expect(res.body.error.message).toContain('1970 年至 2100 年');
  });

  it('when a list is filtered from year 1, it is refused with 400 rather than reaching the database', async () => {
    expect(badFields(await app.api.get(`${API}/events?from=0001-01-01`))).toContain('from');
  });
});
