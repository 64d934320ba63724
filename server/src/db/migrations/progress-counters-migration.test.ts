// The progress-counters migration on a database that already holds sign-ups,
// applications and plan-task links, on both engines: the tallies are backfilled
// from the rows, and from then on the triggers keep them and the links' copies.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createTestDatabase, engines, type TestDatabase } from '../../../../tests/databases';
import { createDataSource, openDatabase } from '../data-source';
import { ProgressCounters1765000000000 } from './1765000000000-ProgressCounters';
import { migrations } from './index';

const T = '2026-11-01 00:00:00';

describe.each(engines)('the progress-counters migration on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => db.drop());

  it('backfills each event and its links from the rows, then keeps them through writes', async () => {
    const options = createDataSource(db.config).options;
    const before = new DataSource({
      ...options,
      entities: [],
      migrations: migrations.slice(0, migrations.indexOf(ProgressCounters1765000000000)),
    } as typeof options);
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    for (const [id, status] of [
      ['e1', 'published'],
      ['e2', 'draft'],
    ]) {
      await before.query(
        `INSERT INTO events (id, title, description, kind, organizerId, city, audiences, themes, venueName, startsAt, endsAt, capacity, status, source, createdAt, updatedAt)
         VALUES (?, ?, '', 'activity', 'org', '唐山市', '[]', '[]', '科技馆', '2026-12-01 01:00:00', '2026-12-01 03:00:00', 10, ?, 'organizer', ?, ?)`,
        [id, id, status, T, T],
      );
    }
    // e1: confirmed and checked in, confirmed, waitlisted, cancelled after checking in (still a check-in).
    for (const [id, status, checkedInAt] of [
      ['s1', 'confirmed', T],
      ['s2', 'confirmed', null],
      ['s3', 'waitlisted', null],
      ['s4', 'cancelled', T],
    ] as const) {
      await before.query(
        `INSERT INTO signups (id, eventId, userId, attendeeKey, name, phone, partySize, status, seq, checkedInAt, createdAt, updatedAt)
         VALUES (?, 'e1', ?, 'self', '张三', '13812345678', 1, ?, 1, ?, ?, ?)`,
        [id, id, status, checkedInAt, T, T],
      );
    }
    for (const [id, status, hours] of [
      ['a1', 'completed', 1.25],
      ['a2', 'completed', 2],
      ['a3', 'approved', null],
    ] as const) {
      await before.query(`INSERT INTO shift_applications (id, shiftId, eventId, userId, status, hours, appliedAt) VALUES (?, 'sh1', 'e1', ?, ?, ?, ?)`, [
        id,
        id,
        status,
        hours,
        T,
      ]);
    }
    await before.query(`INSERT INTO event_plan_tasks (eventId, planId, taskNumber) VALUES ('e1', 'p1', 1), ('e1', 'p1', 2), ('e2', 'p1', 1)`);
    await before.destroy();

    const after = await openDatabase(db.config);
    try {
      const tallies = async (table: string) =>
        (
          await after.query(
            `SELECT ${table === 'events' ? 'id AS eventId, status' : 'eventId, taskNumber, eventStatus AS status'}, confirmedSignupCount, checkedInCount, volunteerCents
             FROM ${table} ORDER BY ${table === 'events' ? 'id' : 'eventId, taskNumber'}`,
          )
        ).map((row: Record<string, unknown>) => ({
          ...row,
          confirmedSignupCount: Number(row.confirmedSignupCount),
          checkedInCount: Number(row.checkedInCount),
          volunteerCents: Number(row.volunteerCents),
          ...(row.taskNumber !== undefined && { taskNumber: Number(row.taskNumber) }),
        }));
      const e1 = { confirmedSignupCount: 2, checkedInCount: 2, volunteerCents: 325 };
      const none = { confirmedSignupCount: 0, checkedInCount: 0, volunteerCents: 0 };
      expect(await tallies('events')).toEqual([
        { eventId: 'e1', status: 'published', ...e1 },
        { eventId: 'e2', status: 'draft', ...none },
      ]);
      expect(await tallies('event_plan_tasks')).toEqual([
        { eventId: 'e1', taskNumber: 1, status: 'published', ...e1 },
        { eventId: 'e1', taskNumber: 2, status: 'published', ...e1 },
        { eventId: 'e2', taskNumber: 1, status: 'draft', ...none },
      ]);

      // After the migration: the waitlisted one confirmed and checked in, an application completed,
      // an erasure blanking names (no tally moves), e2 published and linked to one more task.
      await after.query(`UPDATE signups SET status = 'confirmed', checkedInAt = ? WHERE id = 's3'`, [T]);
      await after.query(`UPDATE shift_applications SET status = 'completed', hours = 0.5 WHERE id = 'a3'`);
      await after.query(`UPDATE signups SET name = '已注销', phone = ''`);
      await after.query(`DELETE FROM signups WHERE id = 's2'`);
      await after.query(`UPDATE events SET status = 'published' WHERE id = 'e2'`);
      await after.query(`INSERT INTO signups (id, eventId, userId, attendeeKey, name, phone, partySize, status, seq, createdAt, updatedAt)
         VALUES ('s5', 'e2', 'u5', 'self', '李四', '13812345678', 1, 'confirmed', 1, '${T}', '${T}')`);
      await after.query(`INSERT INTO event_plan_tasks (eventId, planId, taskNumber) VALUES ('e2', 'p1', 3)`);
      const e1now = { confirmedSignupCount: 2, checkedInCount: 3, volunteerCents: 375 };
      const e2now = { confirmedSignupCount: 1, checkedInCount: 0, volunteerCents: 0 };
      expect(await tallies('events')).toEqual([
        { eventId: 'e1', status: 'published', ...e1now },
        { eventId: 'e2', status: 'published', ...e2now },
      ]);
      expect(await tallies('event_plan_tasks')).toEqual([
        { eventId: 'e1', taskNumber: 1, status: 'published', ...e1now },
        { eventId: 'e1', taskNumber: 2, status: 'published', ...e1now },
        { eventId: 'e2', taskNumber: 1, status: 'published', ...e2now },
        { eventId: 'e2', taskNumber: 3, status: 'published', ...e2now },
      ]);
    } finally {
      await after.destroy();
    }
  });
});
