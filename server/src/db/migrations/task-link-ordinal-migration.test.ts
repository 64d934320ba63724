// The task-link-ordinal migration on a database that already holds plan-task links keyed by
// written number, on both engines: a number one task has goes to that task's position; a number
// several tasks share is linked to each of them (a campaign event: those naming its campaign)
// and an organizer's event is flagged; a number no task has is kept at -number. The progress
// triggers still copy events onto links and keep them in step; down goes back to one link per number.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createTestDatabase, engines, type TestDatabase } from '../../../../tests/databases';
import { createDataSource } from '../data-source';
import { TaskLinkOrdinal1766700000000 } from './1766700000000-TaskLinkOrdinal';
import { migrations } from './index';

const T = '2026-11-01 00:00:00';

describe.each(engines)('the task-link-ordinal migration on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => db.drop());

  it('keys links by task position, spreads and flags ambiguous ones, keeps the triggers, and goes down cleanly', async () => {
    const options = createDataSource(db.config).options;
    const upTo = (last: number) => new DataSource({ ...options, entities: [], migrations: migrations.slice(0, last) } as typeof options);
    const mine = migrations.indexOf(TaskLinkOrdinal1766700000000 as never);
    expect(mine).toBeGreaterThan(0);
    const before = upTo(mine);
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    const insertEvent = (source: DataSource, id: string, derivedKey: string | null) =>
      source.query(
        `INSERT INTO events (id, title, description, kind, organizerId, city, district, campaignCode, audiences, themes, venueName, startsAt, endsAt, capacity, status, source, derivedKey, createdAt, updatedAt)
         VALUES (?, ?, '', 'activity', 'org1', '德清县', '武康街道', NULL, '[]', '[]', '科技馆', '2026-12-01 01:00:00', '2026-12-01 03:00:00', 30, 'published', 'organizer', ?, ?, ?)`,
        [id, id, derivedKey, T, T],
      );
    // Plan p1 numbers again per section: positions 1..4 are written 1, 2, 1, 3; the second 1. names 全国科普日.
    for (const [ordinal, number, campaigns] of [
      [1, 1, '[]'],
      [2, 2, '[]'],
      [3, 1, '[{"code":"national-science-day","name":"全国科普日"}]'],
      [4, 3, '[]'],
    ] as const) {
      await before.query(
        `INSERT INTO plan_tasks (id, planId, ordinal, number, title, text, sectionPath, responsibleUnits, audiences, themes, campaigns)
         VALUES (?, 'p1', ?, ?, ?, '', '[]', '[]', '[]', '[]', ?)`,
        [`t${ordinal}`, ordinal, number, `任务${ordinal}`, campaigns],
      );
    }
    await insertEvent(before, 'e1', null);
    await insertEvent(before, 'e2', 'p1:national-science-day');
    await insertEvent(before, 'e3', null);
    await before.query(`INSERT INTO event_plan_tasks (eventId, planId, taskNumber) VALUES ('e1', 'p1', 1), ('e1', 'p1', 2), ('e2', 'p1', 1), ('e3', 'p1', 9)`);
    await before.destroy();

    const after = upTo(mine + 1);
    await after.initialize();
    try {
      await after.runMigrations({ transaction: 'each' });
      const links = async () =>
        (
          (await after.query(`SELECT eventId, taskOrdinal, taskNumber, eventStatus, district FROM event_plan_tasks ORDER BY eventId, taskOrdinal`)) as Record<
            string,
            unknown
          >[]
        ).map((row) => ({ ...row, eventId: String(row.eventId), taskOrdinal: Number(row.taskOrdinal), taskNumber: Number(row.taskNumber) }));
      const copied = { eventStatus: 'published', district: '武康街道' };
      expect(await links()).toEqual([
        { eventId: 'e1', taskOrdinal: 1, taskNumber: 1, ...copied },
        { eventId: 'e1', taskOrdinal: 2, taskNumber: 2, ...copied },
        { eventId: 'e1', taskOrdinal: 3, taskNumber: 1, ...copied },
        { eventId: 'e2', taskOrdinal: 3, taskNumber: 1, ...copied },
        { eventId: 'e3', taskOrdinal: -9, taskNumber: 9, ...copied },
      ]);
      const flagged = async () =>
        ((await after.query(`SELECT id, planTaskChanged FROM events ORDER BY id`)) as { id: string; planTaskChanged: unknown }[]).map((e) => [
          e.id,
          Boolean(Number(e.planTaskChanged)),
        ]);
      expect(await flagged()).toEqual([
        ['e1', true],
        ['e2', false],
        ['e3', false],
      ]);

      // The triggers are back: a new link starts with its event's copies, and an event's change reaches its links.
      await after.query(`INSERT INTO event_plan_tasks (eventId, planId, taskOrdinal, taskNumber) VALUES ('e3', 'p1', 4, 3)`);
      await after.query(`UPDATE events SET status = 'cancelled', district = '新市镇' WHERE id = 'e3'`);
      expect((await links()).filter((l) => l.eventId === 'e3')).toEqual([
        { eventId: 'e3', taskOrdinal: -9, taskNumber: 9, eventStatus: 'cancelled', district: '新市镇' },
        { eventId: 'e3', taskOrdinal: 4, taskNumber: 3, eventStatus: 'cancelled', district: '新市镇' },
      ]);
      const triggers =
        engine === 'sqlite'
          ? ((await after.query(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`)) as { name: string }[])
          : ((await after.query(`SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY TRIGGER_NAME`)) as {
              name: string;
            }[]);
      expect(triggers.map((t) => t.name)).toEqual(
        expect.arrayContaining([
          'tr_event_plan_tasks_progress_ins',
          'tr_event_plan_tasks_progress_window',
          'tr_events_progress_status',
          'tr_events_progress_window',
        ]),
      );

      // Down: one link per written number again (the first task's), no taskOrdinal column.
      await after.undoLastMigration({ transaction: 'each' });
      const down = ((await after.query(`SELECT * FROM event_plan_tasks ORDER BY eventId, taskNumber`)) as Record<string, unknown>[]).map((row) => [
        row.eventId,
        Number(row.taskNumber),
      ]);
      expect(down).toEqual([
        ['e1', 1],
        ['e1', 2],
        ['e2', 1],
        ['e3', 3],
        ['e3', 9],
      ]);
      const columns = (await after.query(`SELECT * FROM event_plan_tasks`))[0] as Record<string, unknown>;
      expect(Object.keys(columns)).not.toContain('taskOrdinal');
      await after.runMigrations({ transaction: 'each' });
      expect((await links()).map((l) => [l.eventId, l.taskOrdinal])).toEqual([
        ['e1', 1],
        ['e1', 2],
        ['e1', 3],
        ['e2', 3],
        ['e3', -9],
        ['e3', 4],
      ]);
    } finally {
      await after.destroy();
    }
  });
});
