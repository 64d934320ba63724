// The sign-up burst of the scale target: 5,000 distinct residents book one
// 200-seat event through two server processes sharing one database, on SQLite
// (one file, two processes: write transactions must wait for the lock, never
// fail with "database is locked") and on MariaDB. Exactly 200 are confirmed,
// the rest wait in order, and no request fails.
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../server/src/db/data-source';
import { apiClient, createTestDatabase, engines, type ApiClient, type Engine, type TestDatabase } from '../api/harness';
import {
  createResidents,
  databaseUrl,
  demoPublisher,
  ensureBuilt,
  inBatches,
  publishEvent,
  startServerProcess,
  statusCounts,
  stopServerProcess,
  type ServerProcess,
} from './processes';

const RESIDENTS = 5_000;
const CAPACITY = 200;
/** Requests in flight at once, spread over both processes. */
const CONCURRENCY = 64;

// Two processes on a 2-core machine with a database beside them: be patient, assert no times.
jest.setTimeout(600_000);

describe.each(engines)('a sign-up burst across two server processes on %s', (engine: Engine) => {
  let database: TestDatabase | undefined;
  let db: DataSource | undefined;
  const servers: ServerProcess[] = [];
  let api: ApiClient[] = [];

  beforeAll(async () => {
    ensureBuilt();
    database = await createTestDatabase(engine);
    // One after the other: the first runs the migrations and seeds, the second finds them done.
    servers.push(await startServerProcess(databaseUrl(database)));
    servers.push(await startServerProcess(databaseUrl(database)));
    api = servers.map((s) => apiClient(s.url));
    db = createDataSource(database.config);
    await db.initialize();
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => stopServerProcess(s)));
    await db?.destroy();
    await database?.drop();
  });

  test(`when ${RESIDENTS} residents book a ${CAPACITY}-seat event, ${CAPACITY} are confirmed, the rest wait in order, and none fails`, async () => {
    const eventId = await publishEvent(api, await demoPublisher(api[0]!), '并发报名：五千人抢两百座', CAPACITY);
    const residents = await createResidents(db!, RESIDENTS);

    const responses = await inBatches(RESIDENTS, CONCURRENCY, (i) =>
      api[i % 2]!.post(`/api/v1/events/${eventId}/signups`, { name: `居民${i}`, phone: `138${String(i).padStart(8, '0')}` }, residents[i]!.token),
    );

    expect(statusCounts(responses)).toEqual({ 201: RESIDENTS });
    expect(responses.filter((r) => r.body.status === 'confirmed')).toHaveLength(CAPACITY);
    const positions = responses
      .filter((r) => r.body.status === 'waitlisted')
      .map((r) => r.body.waitlistPosition as number)
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: RESIDENTS - CAPACITY }, (_, i) => i + 1));

    // What the database holds agrees with what the residents were told.
    const rows: { userId: string; status: string; seq: number | string }[] = await db!.query(
      'SELECT userId, status, seq FROM signups WHERE eventId = ? ORDER BY seq',
      [eventId],
    );
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: RESIDENTS }, (_, i) => i + 1));
    expect(rows.slice(0, CAPACITY).every((r) => r.status === 'confirmed')).toBe(true);
    expect(rows.slice(CAPACITY).every((r) => r.status === 'waitlisted')).toBe(true);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(RESIDENTS);
    const [event]: { confirmedCount: number | string; waitlistCount: number | string }[] = await db!.query(
      'SELECT confirmedCount, waitlistCount FROM events WHERE id = ?',
      [eventId],
    );
    expect({ confirmed: Number(event!.confirmedCount), waitlisted: Number(event!.waitlistCount) }).toEqual({
      confirmed: CAPACITY,
      waitlisted: RESIDENTS - CAPACITY,
    });
  });
});
