// Sign-ups under real concurrency: two built server processes share one fresh
// MariaDB database, and hundreds of residents book the same event at once.
// Nothing is mocked; the only shared state between the processes is the database.
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { apiClient, createTestDatabase, type ApiClient, type TestDatabase } from '../api/harness';
import {
  demoPublisher,
  describeMysql,
  ensureBuilt,
  inBatches,
  mysqlUrl,
  publishEvent as publishDemoEvent,
  startServerProcess,
  statusCounts,
  stopServerProcess,
  type Publisher,
  type ServerProcess,
} from './processes';

const RESIDENTS = 300;
const CAPACITY = 50;

// Two processes on a 2-core machine with a database beside them: be patient, assert no times.
jest.setTimeout(180_000);

interface SignupRow extends RowDataPacket {
  id: string;
  userId: string;
  status: string;
  seq: number;
}

interface EventRow extends RowDataPacket {
  confirmedCount: number;
  waitlistCount: number;
  signupSeq: number;
}

describeMysql('sign-ups across two server processes on one MariaDB database', () => {
  let database: TestDatabase | undefined;
  let db: Connection | undefined;
  const servers: ServerProcess[] = [];
  let api: ApiClient[] = [];
  let publisher: Publisher;

  beforeAll(async () => {
    ensureBuilt();
    database = await createTestDatabase('mysql');
    const dbUrl = mysqlUrl(database.config);
    // One after the other: the first runs the migrations and seeds, the second finds them done.
    servers.push(await startServerProcess(dbUrl));
    servers.push(await startServerProcess(dbUrl));
    api = servers.map((s) => apiClient(s.url));
    if (database.config.type !== 'mysql') throw new Error('unreachable');
    const { host, port, username, password, database: name } = database.config;
    db = await createConnection({ host, port, user: username, password, database: name });

    publisher = await demoPublisher(api[0]!);
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => stopServerProcess(s)));
    await db?.end();
    await database?.drop();
  });

  const publishEvent = (title: string, capacity: number) => publishDemoEvent(api, publisher, title, capacity);

  async function signupRows(eventId: string): Promise<SignupRow[]> {
    const [rows] = await db!.query<SignupRow[]>('SELECT id, userId, status, seq FROM signups WHERE eventId = ? ORDER BY seq', [eventId]);
    return rows;
  }

  async function eventRow(eventId: string): Promise<EventRow> {
    const [rows] = await db!.query<EventRow[]>('SELECT confirmedCount, waitlistCount, signupSeq FROM events WHERE id = ?', [eventId]);
    return rows[0]!;
  }

  test('when 300 residents book a 50-seat event at once on two processes, 50 are confirmed and 250 wait in order', async () => {
    const eventId = await publishEvent('并发报名：五十个座位', CAPACITY);
    const residents = await inBatches(RESIDENTS, 16, (i) => api[i % 2]!.login(`concurrency-resident-${i}`));
    expect(new Set(residents.map((r) => r.user.id)).size).toBe(RESIDENTS);

    const responses = await Promise.all(
      residents.map((resident, i) =>
        api[i % 2]!.post(`/api/v1/events/${eventId}/signups`, { name: `居民${i}`, phone: `138${String(i).padStart(8, '0')}` }, resident.token),
      ),
    );

    expect(statusCounts(responses)).toEqual({ 201: RESIDENTS });
    const confirmed = responses.filter((r) => r.body.status === 'confirmed');
    const waitlisted = responses.filter((r) => r.body.status === 'waitlisted');
    expect(confirmed).toHaveLength(CAPACITY);
    expect(waitlisted).toHaveLength(RESIDENTS - CAPACITY);
    for (const r of confirmed) expect(r.body.waitlistPosition).toBeUndefined();
    const positions = waitlisted.map((r) => r.body.waitlistPosition as number).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: RESIDENTS - CAPACITY }, (_, i) => i + 1));

    // The database's queue order agrees with what each resident was told.
    const rows = await signupRows(eventId);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: RESIDENTS }, (_, i) => i + 1));
    expect(rows.slice(0, CAPACITY).every((r) => r.status === 'confirmed')).toBe(true);
    expect(rows.slice(CAPACITY).every((r) => r.status === 'waitlisted')).toBe(true);
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    residents.forEach((resident, i) => {
      const row = byUser.get(resident.user.id)!;
      const body = responses[i]!.body;
      expect({ id: body.id, status: body.status }).toEqual({ id: row.id, status: row.status });
      if (row.status === 'waitlisted') expect(body.waitlistPosition).toBe(row.seq - CAPACITY);
    });

    expect(await eventRow(eventId)).toEqual({ confirmedCount: CAPACITY, waitlistCount: RESIDENTS - CAPACITY, signupSeq: RESIDENTS });
    for (const client of api) {
      const event = await client.get(`/api/v1/events/${eventId}`);
      expect({ confirmedCount: event.body.confirmedCount, waitlistCount: event.body.waitlistCount }).toEqual({
        confirmedCount: CAPACITY,
        waitlistCount: RESIDENTS - CAPACITY,
      });
    }
    // The organizer's list numbers the waitlist the same way.
    const list = await api[1]!.get(`/api/v1/events/${eventId}/signups`, publisher.organizer.token);
    expect(list.status).toBe(200);
    const listed = new Map<string, number | null>(list.body.items.map((s: { id: string; waitlistPosition: number | null }) => [s.id, s.waitlistPosition]));
    for (const r of waitlisted) expect(listed.get(r.body.id)).toBe(r.body.waitlistPosition);

    // A confirmed resident cancels on the other process: the head of the waitlist, and only it, moves up.
    const leaverIndex = residents.findIndex((r) => byUser.get(r.user.id)!.seq === 25);
    const head = rows[CAPACITY]!;
    const second = rows[CAPACITY + 1]!;
    const cancelled = await api[(leaverIndex + 1) % 2]!.del(`/api/v1/events/${eventId}/signups/me`, residents[leaverIndex]!.token);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');

    const after = await signupRows(eventId);
    const changed = after.filter((row) => byUser.get(row.userId)!.status !== row.status);
    expect(changed.map((r) => ({ id: r.id, status: r.status })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: byUser.get(residents[leaverIndex]!.user.id)!.id, status: 'cancelled' },
        { id: head.id, status: 'confirmed' },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(CAPACITY);
    expect(await eventRow(eventId)).toMatchObject({ confirmedCount: CAPACITY, waitlistCount: RESIDENTS - CAPACITY - 1 });
    for (const client of api) {
      const event = await client.get(`/api/v1/events/${eventId}`);
      expect({ confirmedCount: event.body.confirmedCount, waitlistCount: event.body.waitlistCount }).toEqual({
        confirmedCount: CAPACITY,
        waitlistCount: RESIDENTS - CAPACITY - 1,
      });
    }
    const tokenOf = (userId: string) => residents.find((r) => r.user.id === userId)!.token;
    const promoted = await api[0]!.get('/api/v1/me/signups', tokenOf(head.userId));
    expect(promoted.status).toBe(200);
    expect(promoted.body.items.find((s: { eventId: string }) => s.eventId === eventId)).toMatchObject({ status: 'confirmed' });
    const nowFirst = await api[1]!.get('/api/v1/me/signups', tokenOf(second.userId));
    expect(nowFirst.body.items.find((s: { eventId: string }) => s.eventId === eventId)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });

  test('when one resident sends the same sign-up 300 times at once on two processes, there is one sign-up', async () => {
    const eventId = await publishEvent('并发报名：同一个人', CAPACITY);
    const resident = await api[0]!.login('concurrency-repeater');

    const responses = await Promise.all(
      Array.from({ length: RESIDENTS }, (_, i) =>
        api[i % 2]!.post(`/api/v1/events/${eventId}/signups`, { name: '重复报名', phone: '13900000000' }, resident.token),
      ),
    );

    expect(statusCounts(responses)).toEqual({ 200: RESIDENTS - 1, 201: 1 });
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(responses.every((r) => r.body.status === 'confirmed')).toBe(true);
    const rows = await signupRows(eventId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: responses[0]!.body.id, userId: resident.user.id, status: 'confirmed', seq: 1 });
    expect(await eventRow(eventId)).toEqual({ confirmedCount: 1, waitlistCount: 0, signupSeq: 1 });
  });
});
