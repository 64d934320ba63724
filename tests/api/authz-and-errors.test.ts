// Who may call what (every protected route, anonymous and as a plain
// resident), and that no garbage input ever gets a 500.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiRoutes } from '../../server/src/app';
import type { AppDeps } from '../../server/src/deps';
import { engines, type ApiResponse } from './harness';
import {
  API, SEEDS_DIR, activityInput, createDraft, expectError, organizerOrgId, publishActivity, signUp, useTestApp, type TestApp,
} from './fixtures';

interface Ids { eventId: string; draftId: string; cancelledId: string; signupId: string; orgId: string; planId: string; userId: string }

interface Guarded {
  route: string;
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** What a signed-in resident with no roles gets: allowed, 403, or 404 where existence stays hidden. */
  resident: 'allowed' | 403 | 404;
}

const planText = readFileSync(join(SEEDS_DIR, 'tangshan-2023.txt'), 'utf8');

const guarded: Guarded[] = [
  { route: 'get /me', path: () => '/me', resident: 'allowed' },
  { route: 'patch /me', path: () => '/me', body: () => ({ nickname: '匿名者' }), resident: 'allowed' },
  { route: 'delete /me', path: () => '/me', resident: 'allowed' },
  { route: 'post /plans/import', path: () => '/plans/import', body: () => ({ text: planText }), resident: 403 },
  { route: 'post /events', path: () => '/events', body: (ids) => activityInput(ids.orgId), resident: 403 },
  { route: 'patch /events/:id', path: (ids) => `/events/${ids.eventId}`, body: () => ({ title: '被改掉的标题' }), resident: 403 },
  { route: 'post /events/:id/submit', path: (ids) => `/events/${ids.draftId}/submit`, resident: 403 },
  { route: 'post /events/:id/review', path: (ids) => `/events/${ids.draftId}/review`, body: () => ({ decision: 'approve' }), resident: 403 },
  { route: 'post /events/:id/cancel', path: (ids) => `/events/${ids.eventId}/cancel`, body: () => ({ reason: '恶意取消' }), resident: 403 },
  { route: 'post /events/:id/signups', path: (ids) => `/events/${ids.eventId}/signups`, body: () => ({ name: '张三', phone: '13812345678' }), resident: 'allowed' },
  { route: 'delete /events/:id/signups/me', path: (ids) => `/events/${ids.eventId}/signups/me`, resident: 'allowed' },
  { route: 'get /me/signups', path: () => '/me/signups', resident: 'allowed' },
  { route: 'get /me/signups/:id/checkin-code', path: (ids) => `/me/signups/${ids.signupId}/checkin-code`, resident: 404 },
  { route: 'post /events/:id/checkins', path: (ids) => `/events/${ids.eventId}/checkins`, body: () => ({ code: 'x.y' }), resident: 403 },
  { route: 'get /events/:id/signups', path: (ids) => `/events/${ids.eventId}/signups?unmask=1`, resident: 403 },
  { route: 'post /organizations/:id/members', path: (ids) => `/organizations/${ids.orgId}/members`, body: (ids) => ({ userId: ids.userId }), resident: 403 },
];

async function setUp(app: TestApp): Promise<Ids> {
  const event = await publishActivity(app, { title: '权限测试活动', capacity: 10 });
  const draft = await createDraft(app, { title: '权限测试草稿' });
  await app.api.post(`${API}/events/${draft.id}/submit`, undefined, await app.token('demo-organizer'));
  const signup = await signUp(app, event.id, 'authz-owner');
  const cancelled = await publishActivity(app, { title: '已取消的权限测试活动' });
  await app.api.post(`${API}/events/${cancelled.id}/cancel`, { reason: '测试' }, await app.token('demo-organizer'));
  const plans = (await app.api.get(`${API}/plans`)).body.items;
  return {
    eventId: event.id, draftId: draft.id, cancelledId: cancelled.id, signupId: signup.body.id, orgId: await organizerOrgId(app), planId: plans[0].id,
    userId: (await app.user('authz-bystander')).id,
  };
}

function send(app: TestApp, method: string, path: string, body: unknown, token?: string): Promise<ApiResponse> {
  return app.api.call(method.toUpperCase(), API + path, { ...(body !== undefined ? { body } : {}), token });
}

describe.each(engines)('authorisation on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  let ids: Ids;
  beforeAll(async () => {
    ids = await setUp(app);
  });

  it('when a protected route is added, it is in this matrix (every non-public route is covered)', () => {
    const deps = { config: app.server.config, dataSource: app.server.dataSource, tx: app.server.tx, clock: () => app.server.clock.now } as AppDeps;
    const protectedRoutes = apiRoutes(deps).filter((r) => r.access !== 'public').map((r) => `${r.method} ${r.path}`);
    expect(protectedRoutes.sort()).toEqual(guarded.map((g) => g.route).sort());
  });

  it.each(guarded.map((g) => [g.route, g] as const))('when nobody is signed in, %s answers 401', async (_, g) => {
    expectError(await send(app, g.route.split(' ')[0]!, g.path(ids), g.body?.(ids)), 401, 'UNAUTHENTICATED');
  });

  it.each(guarded.filter((g) => g.resident !== 'allowed').map((g) => [g.route, g.resident, g] as const))(
    'when a plain resident calls %s, it answers %s and changes nothing',
    async (_, status, g) => {
      const before = (await app.api.get(`${API}/events/${ids.eventId}`)).body;
      const res = await send(app, g.route.split(' ')[0]!, g.path(ids), g.body?.(ids), await app.token('demo-resident'));
      expectError(res, status as number, status === 403 ? 'FORBIDDEN' : 'NOT_FOUND');
      expect((await app.api.get(`${API}/events/${ids.eventId}`)).body).toEqual(before);
      expect((await app.api.get(`${API}/events/${ids.draftId}`, await app.token('demo-organizer'))).body.status).toBe('pending');
    },
  );

  it.each(['post /plans/import', 'post /events/:id/review', 'post /organizations/:id/members'])(
    'when an organizer calls the admin or reviewer route %s, it answers 403',
    async (route) => {
      const g = guarded.find((entry) => entry.route === route)!;
      expectError(await send(app, route.split(' ')[0]!, g.path(ids), g.body?.(ids), await app.token('demo-organizer')), 403, 'FORBIDDEN');
    },
  );

  it('when an admin adds a member, the new organizer can post for that organization (and a repeat is 200)', async () => {
    const candidate = await app.api.login('authz-new-organizer');
    expectError(await app.api.post(`${API}/events`, activityInput(ids.orgId), candidate.token), 403, 'FORBIDDEN');
    const added = await app.api.post(`${API}/organizations/${ids.orgId}/members`, { userId: candidate.user.id }, await app.token('demo-admin'));
    expect(added.status).toBe(201);
    expect((await app.api.post(`${API}/organizations/${ids.orgId}/members`, { userId: candidate.user.id }, await app.token('demo-admin'))).status).toBe(200);
    expect((await app.api.get(`${API}/me`, candidate.token)).body.roles).toContain('organizer');
    expect((await app.api.post(`${API}/events`, activityInput(ids.orgId), candidate.token)).status).toBe(201);
  });
});

/** Every known body field set to one value: wrong types and awkward strings for every schema at once. */
const fieldNames = [
  'openid', 'nickname', 'code', 'phone', 'largeText', 'text', 'city', 'year', 'title', 'description', 'kind', 'organizerId',
  'audiences', 'themes', 'district', 'venue', 'startsAt', 'endsAt', 'capacity', 'signupOpensAt', 'signupClosesAt', 'campaign',
  'planTasks', 'decision', 'reason', 'name', 'partySize', 'userId', 'role',
];
const everyField = (value: unknown) => Object.fromEntries(fieldNames.map((name) => [name, value]));
const nested = (depth: number): unknown => (depth === 0 ? 'bottom' : { a: nested(depth - 1) });

const garbageBodies: [string, unknown][] = [
  ['an array', []],
  ['null', null],
  ['a bare string', 'hello'],
  ['a number', 42],
  ['deep nesting', nested(500)],
  ['every field a number', everyField(123)],
  ['every field negative', everyField(-1)],
  ['every field huge', everyField(1e308)],
  ['every field null', everyField(null)],
  ['every field an object', everyField({ $gt: '' })],
  ['every field an array', everyField(['x', 1, null])],
  ['every field a long string', everyField('科'.repeat(10_000))],
  ['every field odd unicode', everyField('😀\u0000\u202e\ud800 ')],
  ['every field an SQL fragment', everyField("' OR '1'='1' -- ")],
];

const garbageQueries = [
  'limit=1000', 'limit=-1', 'limit=0', 'limit=abc', 'limit=1e400', 'limit=', 'cursor=%%%', 'cursor=' + 'A'.repeat(300),
  'from=2023-02-30', 'from=abc', 'to=99999-01-01', 'near=999,999', 'near=1,2,3', 'status=bogus', 'kind=bogus',
  `city=${'市'.repeat(21)}`, `q=${'字'.repeat(51)}`, 'city=a&city=b', 'year=1e9', 'year=-5', 'format=xlsx', 'unmask=2',
  'when=never', 'dryRun=yes', 'organizerId=' + 'x'.repeat(65), 'q=%F0%9F%98%80%00', 'theme=%22%5C',
];

describe.each(engines)('never a 500 on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  let ids: Ids;
  beforeAll(async () => {
    ids = await setUp(app);
  });

  function expectClientError(res: ApiResponse, label: string) {
    // A label in the assertion says which input broke, should one ever do.
    expect({ label, status: res.status }).toEqual({ label, status: expect.any(Number) });
    expect({ label, serverError: res.status >= 500 }).toEqual({ label, serverError: false });
    if (res.status >= 400) {
      expect({ label, code: typeof res.body?.error?.code }).toEqual({ label, code: 'string' });
    }
  }

  // wx-login is left out where a body could pass validation: it would call WeChat (wechat-login.test.ts fakes it).
  const bodyRoutes = (withWechat = false) => guarded.filter((g) => g.body).map((g) => g.route)
    .concat(['post /auth/dev-login', ...(withWechat ? ['post /auth/wx-login'] : [])]);
  // Cancel targets an already cancelled event, so a body that happens to be valid still gets a 4xx (409).
  const pathOf = (route: string) => (route === 'post /events/:id/cancel' ? `/events/${ids.cancelledId}/cancel` : undefined)
    ?? guarded.find((g) => g.route === route)?.path(ids) ?? route.split(' ')[1]!;

  it.each(garbageBodies)('when every body route gets %s, each answers 4xx', async (label, body) => {
    for (const route of bodyRoutes()) {
      const method = route.split(' ')[0]!;
      const res = await send(app, method, pathOf(route), body, await app.token('demo-admin'));
      expectClientError(res, `${route} <- ${label}`);
      expect({ route, status: res.status >= 400 && res.status < 500 }).toEqual({ route, status: true });
    }
  });

  it('when a body is not JSON or over 1 MB, every body route answers 400 or 413', async () => {
    for (const route of bodyRoutes(true)) {
      const method = route.split(' ')[0]!.toUpperCase();
      const token = await app.token('demo-admin');
      const broken = await app.api.call(method, API + pathOf(route), { raw: '{"name": ', token });
      expectError(broken, 400, 'VALIDATION_FAILED');
      const huge = await app.api.call(method, API + pathOf(route), { raw: JSON.stringify({ name: 'x'.repeat(1_100_000) }), token });
      expectError(huge, 413, 'PAYLOAD_TOO_LARGE');
    }
  });

  it.each(garbageQueries)('when every read route gets ?%s, none answers 500', async (query) => {
    const reads = [
      '/events', '/calendar.ics', `/events/${ids.eventId}`, `/events/${ids.eventId}/calendar.ics`, '/plans', `/plans/${ids.planId}`,
      `/plans/${ids.planId}/progress`, '/cities', '/campaigns', '/organizations', '/me/signups', `/events/${ids.eventId}/signups`,
      `/me/signups/${ids.signupId}/checkin-code`, '/me',
    ];
    for (const path of reads) {
      expectClientError(await app.api.get(`${API}${path}?${query}`, await app.token('demo-admin')), `${path}?${query}`);
    }
  });

  it.each([
    ['/events', 'limit=1000'], ['/events', 'limit=-1'], ['/events', 'from=2023-02-30'], ['/events', 'near=999,999'],
    ['/events', 'cursor=%%%'], ['/events', 'city=a&city=b'], ['/calendar.ics', 'limit=0'], ['/campaigns', 'year=1e9'],
    ['/me/signups', 'limit=1000'], ['/me/signups', 'cursor=abc'], ['/me/signups', 'when=never'], ['/organizations', `city=${'市'.repeat(21)}`],
    ['/plans', `city=${'市'.repeat(21)}`],
  ])('when %s gets ?%s, it answers 400 VALIDATION_FAILED', async (path, query) => {
    expectError(await app.api.get(`${API}${path}?${query}`, await app.token('demo-admin')), 400, 'VALIDATION_FAILED');
  });

  it.each([
    ['a 5000-character id', 'x'.repeat(5000)],
    ['an emoji id', encodeURIComponent('😀')],
    ['a NUL id', '%00'],
    ['a broken percent-escape', '%E0%A4%A'],
    ['an SQL fragment', encodeURIComponent("1' OR '1'='1")],
  ])('when an id is %s, every :id route answers 4xx', async (_, id) => {
    const token = await app.token('demo-admin');
    const calls: [string, string, unknown][] = [
      ['GET', `/events/${id}`, undefined], ['GET', `/events/${id}/calendar.ics`, undefined], ['GET', `/plans/${id}`, undefined],
      ['GET', `/plans/${id}/progress`, undefined], ['GET', `/events/${id}/signups`, undefined], ['GET', `/me/signups/${id}/checkin-code`, undefined],
      ['PATCH', `/events/${id}`, { title: '标题' }], ['POST', `/events/${id}/submit`, undefined],
      ['POST', `/events/${id}/review`, { decision: 'approve' }], ['POST', `/events/${id}/cancel`, { reason: '原因' }],
      ['POST', `/events/${id}/signups`, { name: '张三', phone: '13812345678' }], ['DELETE', `/events/${id}/signups/me`, undefined],
      ['POST', `/events/${id}/checkins`, { code: 'a.b' }], ['POST', `/organizations/${id}/members`, { userId: ids.userId }],
    ];
    for (const [method, path, body] of calls) {
      const res = await send(app, method, path, body, token);
      expect({ call: `${method} ${path.slice(0, 60)}`, status: res.status >= 400 && res.status < 500 }).toEqual({ call: `${method} ${path.slice(0, 60)}`, status: true });
    }
  });

  it('when the path does not exist, it answers 404 in the error shape', async () => {
    expectError(await app.api.get(`${API}/no-such-thing`), 404, 'NOT_FOUND');
    expectError(await app.api.post(`${API}/events/${ids.eventId}/no-such-action`, {}, await app.token('demo-admin')), 404, 'NOT_FOUND');
  });

  it('when a resident saves odd but valid unicode, it comes back unchanged on both engines', async () => {
    const token = await app.token('unicode-user');
    const nickname = '😀科普\u202e汇';
    const res = await app.api.patch(`${API}/me`, { nickname }, token);
    expect(res.status).toBe(200);
    expect((await app.api.get(`${API}/me`, token)).body.nickname).toBe(nickname);
    const event = await publishActivity(app, { title: '🚀航天日：火箭🚀', venue: { name: '馆😀', address: '' } });
    expect((await app.api.get(`${API}/events/${event.id}`)).body).toMatchObject({ title: '🚀航天日：火箭🚀', venue: { name: '馆😀' } });
  });
});
