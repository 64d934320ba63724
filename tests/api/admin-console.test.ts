// The admin console's routes (issue 15): organizations searched by name, users by nickname or
// openid (never phones), roles without losing the last admin, the audit log with readable
// targets and filters, and one-time login codes for H5 sign-in without WeChat.
import { LoginCodeEntity } from '../../server/src/db/entities/login-code.entity';
import { AuditEntryEntity } from '../../server/src/db/entities/audit-entry.entity';
import { API, START, badFields, createDraft, expectError, expectStatus, publishActivity, useTestApp } from './fixtures';
import { engines } from './harness';

describe.each(engines)('admin console on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  const admin = () => app.token('demo-admin');

  async function tangshanXiehui(): Promise<{ id: string; name: string }> {
    const res = await app.api.get(`${API}/organizations?city=${encodeURIComponent('唐山市')}&q=${encodeURIComponent('科协')}`);
    expectStatus(res, 200);
    const found = (res.body.items as { id: string; name: string }[]).find((o) => o.name === '唐山市科协');
    if (!found) throw new Error(`no 唐山市科协 among ${JSON.stringify(res.body.items)}`);
    return found;
  }

  describe('organizations and members', () => {
    it('when an admin searches organizations by a piece of the name, only those whose name has it come back', async () => {
      const res = await app.api.get(`${API}/organizations?city=${encodeURIComponent('唐山市')}&q=${encodeURIComponent('科协')}`);
      expectStatus(res, 200);
      expect(res.body.items.length).toBeGreaterThan(0);
      for (const o of res.body.items) expect(o).toMatchObject({ city: '唐山市', name: expect.stringContaining('科协') });
      // LIKE's wildcards are the admin's text, not patterns.
      expect((await app.api.get(`${API}/organizations?q=${encodeURIComponent('%')}`)).body.items).toEqual([]);
    });

    it('when an admin finds a user by a piece of their openid, the answer names them without phone or openid', async () => {
      const { token } = await app.api.login('console-member-1', '王老师');
      expectStatus(await app.api.patch(`${API}/me`, { phone: '13912345678' }, token), 200);
      const res = await app.api.get(`${API}/users?q=member-1`, await admin());
      expectStatus(res, 200);
      expect(res.body.items.map((u: { nickname: string }) => u.nickname)).toEqual(['王老师']);
      expect(res.text).not.toContain('13912345678');
      expect(res.text).not.toContain('console-member-1');
      expect((await app.api.get(`${API}/users?q=${encodeURIComponent('王老')}`, await admin())).body.items[0].nickname).toBe('王老师');
    });

    it('when an admin adds a member, the audit log names the organization and the member, not their ids', async () => {
      const org = await tangshanXiehui();
      const member = (await app.api.login('console-member-2', '李干事')).user;
      expectStatus(await app.api.post(`${API}/organizations/${org.id}/members`, { userId: member.id }, await admin()), 201);
      const members = await app.api.get(`${API}/organizations/${org.id}/members`, await admin());
      expect(members.body.items).toContainEqual({ userId: member.id, nickname: '李干事', role: 'organizer' });

      const log = await app.api.get(`${API}/audit?action=membership`, await admin());
      expectStatus(log, 200);
      expect(log.body.items[0]).toMatchObject({
        action: 'membership.add',
        target: `organization:${org.id}`,
        targetLabel: '唐山市科协',
        subjectLabel: '李干事',
        actor: { nickname: expect.any(String) },
      });

      expectStatus(await app.api.del(`${API}/organizations/${org.id}/members/${member.id}`, await admin()), 200);
      const removed = await app.api.get(`${API}/audit?action=membership.remove`, await admin());
      expect(removed.body.items.map((e: { action: string }) => e.action)).toEqual(['membership.remove']);
      expect(removed.body.items[0]).toMatchObject({ targetLabel: '唐山市科协', subjectLabel: '李干事' });
    });

    it('when someone who is not an admin manages organizations, users or codes, they get 403', async () => {
      const org = await tangshanXiehui();
      const organizer = await app.token('demo-organizer');
      const someone = (await app.user('demo-resident')).id;
      expectError(await app.api.post(`${API}/organizations/${org.id}/members`, { userId: someone }, organizer), 403, 'FORBIDDEN');
      expectError(await app.api.patch(`${API}/organizations/${org.id}`, { trusted: true }, organizer), 403, 'FORBIDDEN');
      expectError(await app.api.patch(`${API}/users/${someone}/roles`, { reviewer: true }, await app.token('demo-reviewer')), 403, 'FORBIDDEN');
      expectError(await app.api.post(`${API}/users/${someone}/login-codes`, undefined, organizer), 403, 'FORBIDDEN');
      expectError(await app.api.get(`${API}/audit?action=membership`, organizer), 403, 'FORBIDDEN');
      expectError(await app.api.post(`${API}/users/${someone}/login-codes`), 401, 'UNAUTHENTICATED');
    });
  });

  describe('roles', () => {
    it('when the only admin steps down, the answer is 409 LAST_ADMIN and they stay admin; with a second admin they may', async () => {
      const only = (await app.user('demo-admin')).id;
      const refused = await app.api.patch(`${API}/users/${only}/roles`, { admin: false }, await admin());
      expectError(refused, 409, 'LAST_ADMIN');
      expect(refused.body.error.message).toContain('最后一位管理员');
      expect((await app.api.get(`${API}/me`, await admin())).body.roles).toContain('admin');

      const second = (await app.api.login('console-second-admin', '赵主任')).user;
      expectStatus(await app.api.patch(`${API}/users/${second.id}/roles`, { admin: true }, await admin()), 200);
      const stepped = await app.api.patch(`${API}/users/${second.id}/roles`, { admin: false }, await app.token('console-second-admin'));
      expectStatus(stepped, 200);
      expect(stepped.body.roles).not.toContain('admin');
      const log = await app.api.get(`${API}/audit?action=user.roles&actor=${second.id}`, await admin());
      expect(log.body.items).toHaveLength(1);
      expect(log.body.items[0]).toMatchObject({ targetLabel: '赵主任', actor: { id: second.id, nickname: '赵主任' } });
    });

    it('when the body names no role or an unknown one, it is a 400 naming the problem', async () => {
      const someone = (await app.user('demo-resident')).id;
      expectError(await app.api.patch(`${API}/users/${someone}/roles`, {}, await admin()), 400, 'VALIDATION_FAILED');
      expect(badFields(await app.api.patch(`${API}/users/${someone}/roles`, { owner: true }, await admin()))).toEqual(expect.any(Array));
      expectError(await app.api.patch(`${API}/users/no-such-user/roles`, { reviewer: true }, await admin()), 404, 'NOT_FOUND');
    });
  });

  describe('audit log', () => {
    it('names events by title and filters by date range, both days included', async () => {
      app.server.clock.set('2026-11-20T09:00:00+08:00');
      const event = await publishActivity(app, { title: '审计日志里的观星夜' });
      app.server.clock.set(START);
      const day = await app.api.get(`${API}/audit?action=event&from=2026-11-20&to=2026-11-20`, await admin());
      expectStatus(day, 200);
      expect(day.body.items).toContainEqual(
        expect.objectContaining({ action: 'event.approve', target: `event:${event.id}`, targetLabel: '审计日志里的观星夜' }),
      );
      for (const item of day.body.items) expect(item.at.slice(0, 10)).toBe('2026-11-20');
      expect((await app.api.get(`${API}/audit?action=event&from=2026-11-21`, await admin())).body.items.map((e: { target: string }) => e.target)).not.toContain(
        `event:${event.id}`,
      );
    });

    it('when a filter is malformed (unknown action, bad date, reversed range), it is a 400 naming the field', async () => {
      expect(badFields(await app.api.get(`${API}/audit?action=nothing.here`, await admin()))).toEqual(['action']);
      expect(badFields(await app.api.get(`${API}/audit?from=2026-13-01`, await admin()))).toEqual(['from']);
      expect(badFields(await app.api.get(`${API}/audit?from=2026-11-20&to=2026-11-01`, await admin()))).toEqual(['to']);
    });

    it('pages newest first with a cursor, without repeating an entry', async () => {
      const first = await app.api.get(`${API}/audit?limit=2`, await admin());
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await app.api.get(`${API}/audit?limit=2&cursor=${first.body.nextCursor}`, await admin());
      const ids = [...first.body.items, ...second.body.items].map((e: { id: string }) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(first.body.items[0].at >= second.body.items[0].at).toBe(true);
    });
  });

  describe('one-time login codes', () => {
    it('when an admin issues a code, it signs its user in once; it is stored only as a hash and audited without the code', async () => {
      const organizer = await app.user('demo-organizer');
      const issued = await app.api.post(`${API}/users/${organizer.id}/login-codes`, undefined, await admin());
      expectStatus(issued, 201);
      expect(issued.body).toMatchObject({
        userId: organizer.id,
        code: expect.stringMatching(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/),
        expiresAt: '2026-11-25T10:15:00+08:00',
      });
      const code: string = issued.body.code;

      const stored = await app.rows(LoginCodeEntity, { userId: organizer.id });
      expect(stored).toHaveLength(1);
      expect(stored[0]!.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(stored)).not.toContain(code.replace('-', ''));

      // Typed as a person would: lower case, a space instead of the dash.
      const signedIn = await app.api.post(`${API}/auth/code-login`, { code: code.toLowerCase().replace('-', ' ') });
      expectStatus(signedIn, 200);
      expect(signedIn.body.user).toMatchObject({ id: organizer.id, roles: expect.arrayContaining(['organizer']) });
      expect((await app.api.get(`${API}/me`, signedIn.body.token)).body.id).toBe(organizer.id);

      const again = await app.api.post(`${API}/auth/code-login`, { code });
      expectError(again, 400, 'LOGIN_CODE_INVALID');
      expect(again.body.error.details).toEqual({ reason: 'used' });

      const audit = await app.rows(AuditEntryEntity, { target: `user:${organizer.id}` });
      expect(audit.map((a) => a.action).sort()).toEqual(expect.arrayContaining(['user.login_code', 'user.login_code_used']));
      expect(JSON.stringify(audit)).not.toContain(code.replace('-', ''));
      const log = await app.api.get(`${API}/audit?action=user.login_code`, await admin());
      const { nickname } = (await app.api.get(`${API}/me`, await app.token('demo-organizer'))).body;
      expect(log.body.items[0]).toMatchObject({ targetLabel: nickname, actor: { nickname: expect.any(String) } });
      expect(nickname).toMatch(/\S/);
    });

    it('when the code has expired, is wrong or malformed, sign-in is refused with 400 and no session', async () => {
      const organizer = await app.user('demo-organizer');
      const issued = await app.api.post(`${API}/users/${organizer.id}/login-codes`, undefined, await admin());
      app.server.clock.set('2026-11-25T10:15:00+08:00');
      const expired = await app.api.post(`${API}/auth/code-login`, { code: issued.body.code });
      expectError(expired, 400, 'LOGIN_CODE_INVALID');
      expect(expired.body.error.details).toEqual({ reason: 'expired' });

      const wrong = await app.api.post(`${API}/auth/code-login`, { code: 'ZZZZZ-ZZZZZ' });
      expectError(wrong, 400, 'LOGIN_CODE_INVALID');
      expect(wrong.body.error.details).toEqual({ reason: 'unknown' });
      for (const body of [{ code: '12345' }, { code: '!!!!!-!!!!!' }, {}, { code: 12 }]) {
        expect(badFields(await app.api.post(`${API}/auth/code-login`, body))).toEqual(['code']);
      }
    });

    it('when an admin issues a new code, the earlier unused one stops working', async () => {
      const resident = await app.user('demo-resident');
      const first = await app.api.post(`${API}/users/${resident.id}/login-codes`, undefined, await admin());
      const second = await app.api.post(`${API}/users/${resident.id}/login-codes`, undefined, await admin());
      expectError(await app.api.post(`${API}/auth/code-login`, { code: first.body.code }), 400, 'LOGIN_CODE_INVALID');
      expectStatus(await app.api.post(`${API}/auth/code-login`, { code: second.body.code }), 200);
      expectError(await app.api.post(`${API}/users/no-such-user/login-codes`, undefined, await admin()), 404, 'NOT_FOUND');
    });

    it('when the server runs in dev mode, it says so: the H5 page shows the demo accounts only', async () => {
      expect((await app.api.get(`${API}/auth/options`)).body).toEqual({ devLogin: true, loginCode: true });
    });
  });
});

describe('login codes under rate limits', () => {
  const app = useTestApp('sqlite', { seed: true, env: { RATE_LIMIT: 'on' } });

  it('when one client keeps guessing, the eleventh try in ten minutes gets 429 with Retry-After, even with the right code', async () => {
    const organizer = await app.user('demo-organizer');
    const issued = await app.api.post(`${API}/users/${organizer.id}/login-codes`, undefined, await app.token('demo-admin'));
    expectStatus(issued, 201);
    for (let i = 0; i < 10; i++)
      expectError(await app.api.post(`${API}/auth/code-login`, { code: `ZZZZZ-ZZZ${String(i).padStart(2, '0')}` }), 400, 'LOGIN_CODE_INVALID');
    const limited = await app.api.post(`${API}/auth/code-login`, { code: issued.body.code });
    expectError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('sign-in options in WeChat mode', () => {
  const app = useTestApp('sqlite', { env: { AUTH_MODE: 'wechat', AUTH_SECRET: 'test-secret-of-at-least-32-characters' } });

  it('when AUTH_MODE=wechat, the H5 page is told to offer the login code and no demo accounts', async () => {
    expect((await app.api.get(`${API}/auth/options`)).body).toEqual({ devLogin: false, loginCode: true });
    expectError(await app.api.post(`${API}/auth/dev-login`, { openid: 'demo-admin' }), 404, 'NOT_FOUND');
    expectError(await app.api.post(`${API}/auth/code-login`, { code: 'ABCDE-FGHJK' }), 400, 'LOGIN_CODE_INVALID');
  });
});

describe.each(engines)('review context on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });

  it('when a reviewer weighs an event, the organization’s history says how its events fared, with the latest rejection reasons', async () => {
    const orgId = (await app.user('demo-organizer')).organizations[0]!.id;
    const before = await app.api.get(`${API}/organizations/${orgId}/history`, await app.token('demo-reviewer'));
    expectStatus(before, 200);
    await publishActivity(app, { title: '历史里通过的活动' });
    const rejected = await createDraft(app, { title: '历史里驳回的活动' });
    expectStatus(await app.api.post(`${API}/events/${rejected.id}/submit`, undefined, await app.token('demo-organizer')), 200);
    expectStatus(
      await app.api.post(`${API}/events/${rejected.id}/review`, { decision: 'reject', reason: '场地信息不完整' }, await app.token('demo-reviewer')),
      200,
    );
    const pending = await createDraft(app, { title: '历史里待审的活动' });
    expectStatus(await app.api.post(`${API}/events/${pending.id}/submit`, undefined, await app.token('demo-organizer')), 200);

    const after = await app.api.get(`${API}/organizations/${orgId}/history`, await app.token('demo-reviewer'));
    expectStatus(after, 200);
    expect(after.body).toMatchObject({
      organizationId: orgId,
      published: before.body.published + 1,
      rejected: before.body.rejected + 1,
      pending: before.body.pending + 1,
    });
    expect(after.body.recentRejections[0]).toEqual({ eventId: rejected.id, title: '历史里驳回的活动', reason: '场地信息不完整' });
    expectError(await app.api.get(`${API}/organizations/${orgId}/history`, await app.token('demo-organizer')), 403, 'FORBIDDEN');
    expectError(await app.api.get(`${API}/organizations/no-such-org/history`, await app.token('demo-reviewer')), 404, 'NOT_FOUND');
  });
});
