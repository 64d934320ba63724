// The progress-link-window migration on a database that already holds events and
// plan-task links, on both engines: each link gets its event's time, organizer,
// district, campaign and capacity, and from then on the triggers keep them, including
// when an event moves to another day or year; down takes it all away again.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createTestDatabase, engines, type TestDatabase } from '../../../../tests/databases';
import { createDataSource } from '../data-source';
import { ProgressLinkWindow1766100000000 } from './1766100000000-ProgressLinkWindow';
import { migrations } from './index';

const T = '2026-11-01 00:00:00';

describe.each(engines)('the progress-link-window migration on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => db.drop());

  it('copies each event onto its links, keeps the copies through writes, and goes down cleanly', async () => {
    const options = createDataSource(db.config).options;
    const upTo = (migration: unknown) =>
      new DataSource({ ...options, entities: [], migrations: migrations.slice(0, migrations.indexOf(migration as never) + 1) } as typeof options);
    const before = new DataSource({
      ...options,
      entities: [],
      migrations: migrations.slice(0, migrations.indexOf(ProgressLinkWindow1766100000000)),
    } as typeof options);
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    const insertEvent = (source: DataSource, id: string, startsAt: string, campaign: string | null) =>
      source.query(
        `INSERT INTO events (id, title, description, kind, organizerId, city, district, campaignCode, audiences, themes, venueName, startsAt, endsAt, capacity, status, source, createdAt, updatedAt)
         VALUES (?, ?, '', 'activity', 'org1', '唐山市', '路南区', ?, '[]', '[]', '科技馆', ?, ?, 30, 'published', 'organizer', ?, ?)`,
        [id, id, campaign, startsAt, startsAt, T, T],
      );
    await insertEvent(before, 'e1', '2026-12-01 01:00:00', 'science-week');
    await before.query(`INSERT INTO event_plan_tasks (eventId, planId, taskNumber) VALUES ('e1', 'p1', 1), ('e1', 'p1', 2), ('gone', 'p1', 1)`);
    await before.destroy();

    const after = upTo(ProgressLinkWindow1766100000000);
    await after.initialize();
    try {
      await after.runMigrations({ transaction: 'each' });
      const links = async () =>
        (
          await after.query(
            `SELECT eventId, taskNumber, eventStatus, startsAt, organizerId, district, campaignCode, capacity FROM event_plan_tasks ORDER BY eventId, taskNumber`,
          )
        ).map((row: Record<string, unknown>) => ({
          ...row,
          taskNumber: Number(row.taskNumber),
          capacity: Number(row.capacity),
          startsAt:
            row.startsAt === null ? null : new Date(row.startsAt instanceof Date ? row.startsAt : `${String(row.startsAt).replace(' ', 'T')}Z`).toISOString(),
        }));
      const e1 = {
        eventStatus: 'published',
        startsAt: '2026-12-01T01:00:00.000Z',
        organizerId: 'org1',
        district: '路南区',
        campaignCode: 'science-week',
        capacity: 30,
      };
      const orphan = { eventId: 'gone', taskNumber: 1, eventStatus: '', startsAt: null, organizerId: null, district: '', campaignCode: null, capacity: 0 };
      expect(await links()).toEqual([{ eventId: 'e1', taskNumber: 1, ...e1 }, { eventId: 'e1', taskNumber: 2, ...e1 }, orphan]);

      // A new event and its link; then e1 moves into the next year, to another district, organizer,
      // campaign (none) and size; a change to its title alone moves nothing.
      await insertEvent(after, 'e2', '2027-03-01 02:00:00', null);
      await after.query(`INSERT INTO event_plan_tasks (eventId, planId, taskNumber) VALUES ('e2', 'p1', 3)`);
      await after.query(
        `UPDATE events SET startsAt = '2027-01-02 03:00:00', district = '路北区', organizerId = 'org2', campaignCode = NULL, capacity = 40 WHERE id = 'e1'`,
      );
      await after.query(`UPDATE events SET title = '改名' WHERE id = 'e2'`);
      const e1now = {
        eventStatus: 'published',
        startsAt: '2027-01-02T03:00:00.000Z',
        organizerId: 'org2',
        district: '路北区',
        campaignCode: null,
        capacity: 40,
      };
      const e2 = { eventStatus: 'published', startsAt: '2027-03-01T02:00:00.000Z', organizerId: 'org1', district: '路南区', campaignCode: null, capacity: 30 };
      expect(await links()).toEqual([
        { eventId: 'e1', taskNumber: 1, ...e1now },
        { eventId: 'e1', taskNumber: 2, ...e1now },
        { eventId: 'e2', taskNumber: 3, ...e2 },
        orphan,
      ]);
      // Back to a campaign (NULL to a value is a change too).
      await after.query(`UPDATE events SET campaignCode = 'science-day' WHERE id = 'e1'`);
      expect((await links())[0]).toMatchObject({ campaignCode: 'science-day' });

      // Down: triggers, index and columns go; links can still be made and events still change.
      await after.undoLastMigration({ transaction: 'each' });
      const columns = (await after.query(`SELECT * FROM event_plan_tasks WHERE eventId = 'e1' AND taskNumber = 1`))[0] as Record<string, unknown>;
      expect(Object.keys(columns)).not.toContain('startsAt');
      await after.query(`INSERT INTO event_plan_tasks (eventId, planId, taskNumber) VALUES ('e2', 'p1', 4)`);
      await after.query(`UPDATE events SET startsAt = '2027-01-03 03:00:00' WHERE id = 'e1'`);
      await after.runMigrations({ transaction: 'each' });
      expect((await links()).find((l: { eventId: string; taskNumber: number }) => l.eventId === 'e2' && l.taskNumber === 4)).toMatchObject(e2);
      expect((await links())[0]).toMatchObject({ startsAt: '2027-01-03T03:00:00.000Z' });
    } finally {
      await after.destroy();
    }
  });
});
