// MariaDB going away in the middle of a burst of sign-ups: the server answers
// 503 with Retry-After (never 500) while it is gone, serves again as soon as it
// is back (no restart), and no sign-up is lost or doubled. The outage is made
// with a TCP relay between the server and MariaDB, so other suites sharing
// the database server are not disturbed.
import { importSeedPlans, seedDemoAccounts } from '../../server/src/demo/seed';
import { EventEntity } from '../../server/src/db/entities/event.entity';
import { SignupEntity } from '../../server/src/db/entities/signup.entity';
import { apiClient, createTestDatabase, engines, startTestServer, type TestDatabase, type TestServer } from './harness';
import { API, activityInput, SEEDS_DIR, START } from './fixtures';
import { TcpRelay } from './relay';

jest.setTimeout(120_000);

const mysqlOnly = engines.includes('mysql') ? describe : describe.skip;

mysqlOnly('when MariaDB goes away during a burst of sign-ups', () => {
  let db: TestDatabase;
  let relay: TcpRelay;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    if (db.config.type !== 'mysql') throw new Error('needs MariaDB');
    relay = new TcpRelay({ host: db.config.host, port: db.config.port });
    await relay.start();
    server = await startTestServer({ ...db.config, host: '127.0.0.1', port: relay.port }, { now: START });
    await importSeedPlans(server.tx, SEEDS_DIR, server.clock.now);
    await seedDemoAccounts(server.tx, server.clock.now);
  });

  afterAll(async () => {
    await server?.close().catch(() => undefined);
    await relay?.cut();
    await db?.drop();
  });

  it('then requests get 503 with Retry-After, it recovers without a restart, and every seat is accounted for', async () => {
    const api = apiClient(server.url);
    const organizer = await api.login('demo-organizer');
    const created = await api.post(`${API}/events`, activityInput(organizer.user.organizations[0].id, { capacity: 20 }), organizer.token);
    expect(created.status).toBe(201);
    const eventId = created.body.id as string;
    expect((await api.post(`${API}/events/${eventId}/submit`, undefined, organizer.token)).status).toBe(200);
    expect((await api.post(`${API}/events/${eventId}/review`, { decision: 'approve' }, (await api.login('demo-reviewer')).token)).status).toBe(200);

    const people = Array.from({ length: 60 }, (_, i) => `outage-${i}`);
    const tokens = new Map<string, string>();
    for (const openid of people) tokens.set(openid, (await api.login(openid)).token);
    const signUp = (openid: string) => api.post(`${API}/events/${eventId}/signups`, { name: '张三', phone: '13812345678' }, tokens.get(openid));

    // A first wave while the database is there, then a wave during the outage, then one after.
    const before = await Promise.all(people.slice(0, 20).map(signUp));
    await relay.cut();
    const during = await Promise.all(people.slice(20, 40).map(signUp));
    // The public list reads its counters straight on the driver's pool: the same 503, not a 500 or a stale page.
    const listDuring = await api.get(`${API}/events`);
    await relay.start();
    let after = await Promise.all(people.slice(40).map(signUp));
    // The pool may still hold a connection that died with the relay: the first answers after
    // recovery can be 503 too; a client retries as Retry-After says.
    for (let attempt = 0; attempt < 5 && after.some((r) => r.status === 503); attempt++) {
      after = await Promise.all(people.slice(40).map(signUp));
    }

    const statuses = [...before, ...during, ...after].map((r) => r.status);
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(before.every((r) => r.status === 201)).toBe(true);
    expect(during.every((r) => r.status === 503)).toBe(true);
    expect(during[0]!.headers.get('retry-after')).toBe('5');
    expect(during[0]!.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(after.every((r) => r.status === 201)).toBe(true);
    expect(listDuring.status).toBe(503);
    expect(listDuring.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect((await api.get(`${API}/events`)).status).toBe(200);

    // Everyone who was told yes has exactly one sign-up; nobody has two; the event's counters match the rows.
    const signups = await server.dataSource.getRepository(SignupEntity).findBy({ eventId });
    const perUser = new Map<string, number>();
    for (const s of signups) perUser.set(s.userId, (perUser.get(s.userId) ?? 0) + 1);
    expect([...perUser.values()].every((n) => n === 1)).toBe(true);
    expect(signups).toHaveLength(40);
    const event = await server.dataSource.getRepository(EventEntity).findOneByOrFail({ id: eventId });
    const confirmedSeats = signups.filter((s) => s.status === 'confirmed').reduce((n, s) => n + s.partySize, 0);
    expect(event.confirmedCount).toBe(confirmedSeats);
    expect(event.confirmedCount).toBe(20);
    expect(event.waitlistCount).toBe(signups.filter((s) => s.status === 'waitlisted').length);
  });
});
