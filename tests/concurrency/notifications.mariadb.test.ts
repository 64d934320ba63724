// Notification delivery across two built server processes on one MariaDB
// database, each running its own worker on a short real interval against one
// fake WeChat server: every notification goes out once, never twice.
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { apiClient, createTestDatabase, type ApiClient, type TestDatabase } from '../api/harness';
import { fakeWechatEnv, startFakeWechatMessages, type FakeWechatMessages } from '../api/fake-wechat-messages';
import { describeMysql, ensureBuilt, inBatches, mysqlUrl, startServerProcess, statusCounts, stopServerProcess, type ServerProcess } from './processes';

const RESIDENTS = 40;

jest.setTimeout(180_000);

interface NotificationRow extends RowDataPacket {
  id: string;
  kind: string;
  status: string;
  channel: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeMysql('notifications across two server processes on one MariaDB database', () => {
  let database: TestDatabase | undefined;
  let db: Connection | undefined;
  let wechat: FakeWechatMessages | undefined;
  const servers: ServerProcess[] = [];
  let api: ApiClient[] = [];

  beforeAll(async () => {
    ensureBuilt();
    wechat = await startFakeWechatMessages();
    database = await createTestDatabase('mysql');
    const dbUrl = mysqlUrl(database.config);
    // Both workers look every 100 ms, so they keep reaching for the same due rows.
    const env = { ...fakeWechatEnv(wechat.url), WORKER_INTERVAL_MS: '100' };
    servers.push(await startServerProcess(dbUrl, env));
    servers.push(await startServerProcess(dbUrl, env));
    api = servers.map((s) => apiClient(s.url));
    if (database.config.type !== 'mysql') throw new Error('unreachable');
    const { host, port, username, password, database: name } = database.config;
    db = await createConnection({ host, port, user: username, password, database: name });
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => stopServerProcess(s)));
    await db?.end();
    await database?.drop();
    await wechat?.close();
  });

  test('when 40 residents book an event starting in 2 hours, each gets one confirmation and one reminder, none twice', async () => {
    const organizer = await api[0]!.login('demo-organizer');
    const organizationId: string = (await api[0]!.get('/api/v1/me', organizer.token)).body.organizations[0].id;
    const city: string = (await api[0]!.get('/api/v1/organizations')).body.items.find((o: { id: string }) => o.id === organizationId).city;
    const startsAt = new Date(Date.now() + 2 * 3600_000);
    const created = await api[0]!.post(
      '/api/v1/events',
      {
        title: '两小时后开始的并发通知测试',
        description: '两个进程同时投递通知',
        kind: 'activity',
        organizerId: organizationId,
        city,
        audiences: ['青少年'],
        themes: ['航天'],
        district: '',
        venue: { name: '科技馆', address: '科技馆一楼报告厅', lat: 24.33, lng: 109.42 },
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
        capacity: RESIDENTS,
      },
      organizer.token,
    );
    expect(created.status).toBe(201);
    const eventId: string = created.body.id;
    const submitted = await api[1]!.post(`/api/v1/events/${eventId}/submit`, undefined, organizer.token);
    if (submitted.body.status === 'pending') {
      const reviewer = await api[1]!.login('demo-reviewer');
      expect((await api[1]!.post(`/api/v1/events/${eventId}/review`, { decision: 'approve' }, reviewer.token)).status).toBe(200);
    }

    const residents = await inBatches(RESIDENTS, 8, (i) => api[i % 2]!.login(`notify-resident-${i}`));
    await inBatches(RESIDENTS, 8, async (i) => {
      const res = await api[i % 2]!.post('/api/v1/me/subscriptions', { kinds: ['signup.confirmed', 'event.reminder'] }, residents[i]!.token);
      expect(res.status).toBe(201);
    });
    const signups = await inBatches(RESIDENTS, 8, (i) =>
      api[i % 2]!.post(`/api/v1/events/${eventId}/signups`, { name: `居民${i}`, phone: `138${String(i).padStart(8, '0')}` }, residents[i]!.token),
    );
    expect(statusCounts(signups)).toEqual({ 201: RESIDENTS });

    // Wait until the workers have delivered everything due (bounded), then a little longer for any double.
    const notifications = async () =>
      (await db!.query<NotificationRow[]>('SELECT id, kind, status, channel FROM notifications WHERE eventId = ?', [eventId]))[0];
    for (let waited = 0; waited < 60_000; waited += 200) {
      const rows = await notifications();
      if (rows.length === 2 * RESIDENTS && rows.every((r) => r.status !== 'pending')) break;
      await sleep(200);
    }
    await sleep(1000);

    const rows = await notifications();
    expect(rows.map((r) => `${r.kind} ${r.status} ${r.channel}`).sort()).toEqual([
      ...Array.from({ length: RESIDENTS }, () => 'event.reminder sent wechat'),
      ...Array.from({ length: RESIDENTS }, () => 'signup.confirmed sent wechat'),
    ]);
    const sent = wechat!.sent.filter((m) => m.page.includes(eventId));
    const noticeIds = sent.map((m) => new URL(m.page, 'https://x/').searchParams.get('notice'));
    expect(sent).toHaveLength(2 * RESIDENTS);
    expect(new Set(noticeIds).size).toBe(2 * RESIDENTS);
    expect(new Set(noticeIds)).toEqual(new Set(rows.map((r) => r.id)));
    const perResident = new Map<string, string[]>();
    for (const m of sent) perResident.set(m.touser, [...(perResident.get(m.touser) ?? []), m.template_id].sort());
    expect(perResident.size).toBe(RESIDENTS);
    for (const templates of perResident.values()) expect(templates).toEqual(['tmpl-event-reminder', 'tmpl-signup-confirmed']);

    // Both processes' inboxes show the same two notices.
    for (const i of [0, 1]) {
      const inbox = await api[i]!.get('/api/v1/me/notifications', residents[i]!.token);
      expect(inbox.body.items.map((n: { kind: string }) => n.kind).sort()).toEqual(['event.reminder', 'signup.confirmed']);
    }
  });
});
