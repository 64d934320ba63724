// Signing in (dev login), session tokens, and the signed-in user's own
// profile and erasure.
import { signToken } from '../../server/src/core/tokens';
import { SignupEntity } from '../../server/src/db/entities/signup.entity';
import { UserEntity } from '../../server/src/db/entities/user.entity';
import { AuditEntryEntity } from '../../server/src/db/entities/audit-entry.entity';
import { apiClient, createTestDatabase, engines, startTestServer } from './harness';
import { API, badFields, expectError, publishActivity, signUp, useTestApp } from './fixtures';

describe.each(engines)('auth and me on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });

  describe('dev login', () => {
    it('when a new openid logs in, a resident account is created and returned with a token', async () => {
      const res = await app.api.post(`${API}/auth/dev-login`, { openid: 'new-person-1', nickname: '小明' });
      expect(res.status).toBe(200);
      expect(res.body.token).toEqual(expect.any(String));
      expect(res.body.user).toMatchObject({ nickname: '小明', roles: ['resident'], organizations: [] });
      expect(await app.count(UserEntity, { openid: 'new-person-1' })).toBe(1);
    });

    it('when a new person gives no nickname, they get a friendly one that is no piece of their openid', async () => {
      const res = await app.api.post(`${API}/auth/dev-login`, { openid: 'wx-student' });
      expect(res.body.user.nickname).toMatch(/^科普之友\d{4}$/);
      expect(res.body.user.nickname).not.toContain('dent');
      const again = await app.api.post(`${API}/auth/dev-login`, { openid: 'wx-student' });
      expect(again.body.user.nickname).toBe(res.body.user.nickname);
    });

    it('when the same openid logs in again, the same account comes back', async () => {
      const first = await app.api.post(`${API}/auth/dev-login`, { openid: 'new-person-2' });
      const second = await app.api.post(`${API}/auth/dev-login`, { openid: 'new-person-2', nickname: '改名' });
      expect(second.status).toBe(200);
      expect(second.body.user.id).toBe(first.body.user.id);
      expect(await app.count(UserEntity, { openid: 'new-person-2' })).toBe(1);
    });

    it("when a new person's first logins race each other, they all get the one account", async () => {
      const results = await Promise.all([1, 2, 3, 4, 5].map(() => app.api.post(`${API}/auth/dev-login`, { openid: 'racing-person' })));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(new Set(results.map((r) => r.body.user.id)).size).toBe(1);
      expect(await app.count(UserEntity, { openid: 'racing-person' })).toBe(1);
    });

    it('when a demo account logs in, it carries its roles and organization', async () => {
      const organizer = (await app.api.login('demo-organizer')).user;
      expect(organizer.roles).toEqual(['resident', 'organizer']);
      expect(organizer.organizations).toEqual([expect.objectContaining({ name: '唐山市科协', role: 'organizer' })]);
      expect((await app.api.login('demo-reviewer')).user.roles).toEqual(['resident', 'reviewer']);
      expect((await app.api.login('demo-admin')).user.roles).toEqual(expect.arrayContaining(['resident', 'admin']));
      expect((await app.api.login('demo-resident')).user.roles).toEqual(['resident']);
    });

    it.each([
      ['an openid with spaces', { openid: 'has space' }],
      ['an empty openid', { openid: '' }],
      ['a missing openid', {}],
      ['an openid that is a number', { openid: 42 }],
      ['an openid of 65 characters', { openid: 'a'.repeat(65) }],
    ])('when dev login gets %s, it answers 400 naming the openid field', async (_, body) => {
      const res = await app.api.post(`${API}/auth/dev-login`, body);
      expect(badFields(res)).toContain('openid');
    });

    it('when AUTH_MODE is wechat, dev login does not exist (404)', async () => {
      const db = await createTestDatabase(engine);
      const server = await startTestServer(db.config, { env: { AUTH_MODE: 'wechat', AUTH_SECRET: 'x'.repeat(32) } });
      try {
        const res = await apiClient(server.url).post(`${API}/auth/dev-login`, { openid: 'demo-admin' });
        expectError(res, 404, 'NOT_FOUND');
      } finally {
        await server.close();
        await db.drop();
      }
    });
  });

  describe('session tokens', () => {
    it('when the token is valid, /me answers with the account', async () => {
      const { token, user } = await app.api.login('token-user');
      const res = await app.api.get(`${API}/me`, token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: user.id, roles: ['resident'], phone: null, largeText: false });
    });

    it('when there is no token, /me answers 401', async () => {
      expectError(await app.api.get(`${API}/me`), 401, 'UNAUTHENTICATED');
    });

    it.each([
      ['garbage', 'not-a-token'],
      ['a token with a tampered payload', 'TAMPER'],
      ['a token signed with another secret', 'OTHER_SECRET'],
      ['a check-in code instead of a session', 'CHECKIN'],
    ])('when the token is %s, the request answers 401', async (_, kind) => {
      const { token, user } = await app.api.login('token-user');
      const secret = app.server.config.authSecret;
      const exp = app.server.clock.now.getTime() + 86_400_000;
      const forged: Record<string, string> = {
        'not-a-token': 'not-a-token',
        TAMPER: `${Buffer.from(JSON.stringify({ sub: user.id, exp: exp * 10, typ: 'session' })).toString('base64url')}.${token.split('.')[1]}`,
        OTHER_SECRET: signToken({ sub: user.id, exp, typ: 'session' }, 'someone-else'),
        CHECKIN: signToken({ typ: 'checkin', sid: user.id, eid: 'x', exp }, secret),
      };
      expectError(await app.api.get(`${API}/me`, forged[kind]), 401, 'UNAUTHENTICATED');
    });

    it('when the header is not a Bearer token, the request answers 401', async () => {
      const { token } = await app.api.login('token-user');
      const res = await fetch(`${app.server.url}${API}/me`, { headers: { authorization: `Basic ${token}` } });
      expect(res.status).toBe(401);
    });

    it('when a session is older than 30 days, it stops working', async () => {
      const { token } = await app.api.login('token-user');
      app.server.clock.set('2026-12-24T10:00:00+08:00');
      expect((await app.api.get(`${API}/me`, token)).status).toBe(200);
      app.server.clock.set('2026-12-26T10:00:00+08:00');
      expectError(await app.api.get(`${API}/me`, token), 401, 'UNAUTHENTICATED');
    });
  });

  describe('my profile', () => {
    it('when I change nickname, phone and large text, /me shows the new values', async () => {
      const { token } = await app.api.login('profile-user');
      const res = await app.api.patch(`${API}/me`, { nickname: '李老师', phone: '13912345678', largeText: true }, token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ nickname: '李老师', phone: '13912345678', largeText: true });
      const me = (await app.api.get(`${API}/me`, token)).body;
      expect(me.largeText).toBe(true);
      expect(me.phone).toBe('13912345678');
    });

    it('when I clear my phone with null, it is gone', async () => {
      const { token } = await app.api.login('profile-user');
      await app.api.patch(`${API}/me`, { phone: '13912345678' }, token);
      const res = await app.api.patch(`${API}/me`, { phone: null, largeText: false }, token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ phone: null, largeText: false });
    });

    it.each([
      ['a phone that is too short', { phone: '1381234' }, 'phone'],
      ['a landline number', { phone: '02112345678' }, 'phone'],
      ['a phone with letters', { phone: '1381234567a' }, 'phone'],
      ['large text as a string', { largeText: 'yes' }, 'largeText'],
      ['an empty nickname', { nickname: '   ' }, 'nickname'],
      ['a nickname of 33 characters', { nickname: '长'.repeat(33) }, 'nickname'],
    ])('when I send %s, the change is refused with 400 naming the field', async (_, body, field) => {
      const { token } = await app.api.login('profile-user');
      const before = (await app.api.get(`${API}/me`, token)).body;
      expect(badFields(await app.api.patch(`${API}/me`, body, token))).toContain(field);
      expect((await app.api.get(`${API}/me`, token)).body).toEqual(before);
    });

    it('when a field is refused, the 400 keeps the code and path and says in plain Chinese which field', async () => {
      const { token } = await app.api.login('profile-user');
      const res = await app.api.patch(`${API}/me`, { nickname: '', phone: '123' }, token);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.error.details.fields).toEqual([
        { path: 'nickname', message: '请填写昵称' },
        { path: 'phone', message: '请输入11位手机号码' },
      ]);
      expect(res.body.error.message).toBe('提交的信息有误，请检查后重试：请填写昵称');
      expect(JSON.stringify(res.body)).not.toMatch(/expected|Invalid|期望|string|>=/);
    });

    it('when I send a field that is not mine to change (roles), it is refused', async () => {
      const { token } = await app.api.login('profile-user');
      const res = await app.api.patch(`${API}/me`, { roles: ['admin'] }, token);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect((await app.api.get(`${API}/me`, token)).body.roles).toEqual(['resident']);
    });
  });

  describe('erasing my data', () => {
    it('when I delete my account after an event, my token stops working and my past sign-up stays counted but anonymous', async () => {
      const event = await publishActivity(app, { title: '注销测试活动', capacity: 5 });
      const { token, user } = await app.api.login('leaving-user', '要走的人');
      await app.api.patch(`${API}/me`, { phone: '13700001111' }, token);
      expect((await signUp(app, event.id, 'leaving-user', { name: '王五', phone: '13700001111' })).status).toBe(201);

      app.server.clock.set('2026-12-06T10:00:00+08:00'); // the activity (12-05) is over
      const res = await app.api.del(`${API}/me`, token);
      expect(res.status).toBe(200);

      expectError(await app.api.get(`${API}/me`, token), 401, 'UNAUTHENTICATED');
      expectError(await app.api.patch(`${API}/me`, { nickname: '回来' }, token), 401, 'UNAUTHENTICATED');

      const detail = (await app.api.get(`${API}/events/${event.id}`)).body;
      expect(detail.confirmedCount).toBe(1);
      const [signup] = await app.rows(SignupEntity, { eventId: event.id, userId: user.id });
      expect(signup).toMatchObject({ status: 'confirmed' });
      expect(signup!.name).not.toBe('王五');
      expect(signup!.phone).not.toContain('13700001111');
      const stored = (await app.rows(UserEntity, { id: user.id }))[0]!;
      expect(stored).toMatchObject({ openid: null, phone: null });
      expect(stored.nickname).not.toBe('要走的人');

      const list = await app.api.get(`${API}/events/${event.id}/signups?unmask=1`, await app.token('demo-organizer'));
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).not.toMatch(/王五|13700001111/);
      expect(await app.count(AuditEntryEntity, { action: 'user.erase', target: `user:${user.id}` })).toBe(1);
    });

    it('when I delete my account before an event, my seat is released and the first on the waitlist gets it', async () => {
      const event = await publishActivity(app, { title: '注销释放名额', capacity: 1 });
      const { token } = await app.api.login('leaving-early');
      expect((await signUp(app, event.id, 'leaving-early')).body.status).toBe('confirmed');
      expect((await signUp(app, event.id, 'waiting-neighbour')).body.status).toBe('waitlisted');

      expect((await app.api.del(`${API}/me`, token)).status).toBe(200);

      const detail = (await app.api.get(`${API}/events/${event.id}`)).body;
      expect(detail).toMatchObject({ confirmedCount: 1, waitlistCount: 0 });
      const mine = await app.api.get(`${API}/me/signups`, await app.token('waiting-neighbour'));
      expect(mine.body.items.find((s: any) => s.eventId === event.id)?.status).toBe('confirmed');
    });

    it('when an erased person logs in again with the same openid, they start a fresh account', async () => {
      const first = await app.api.login('comeback-user');
      expect((await app.api.del(`${API}/me`, first.token)).status).toBe(200);
      const second = await app.api.login('comeback-user');
      expect(second.user.id).not.toBe(first.user.id);
      expect((await app.api.get(`${API}/me`, second.token)).status).toBe(200);
    });

    it('when two accounts are erased, neither blocks the other (released openids do not collide)', async () => {
      for (const openid of ['erase-a', 'erase-b']) {
        const { token } = await app.api.login(openid);
        expect((await app.api.del(`${API}/me`, token)).status).toBe(200);
      }
    });
  });
});
