// The v1.1 plan migration on a database that already holds a plan, its tasks and a linked event,
// on both engines: tasks get their position as key (two tasks may then share a number), links and
// values survive, the new plan columns are filled from what was stored, and a task text over
// 64 KB fits on MariaDB.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../config';
import { createTestDatabase, engines, type TestDatabase } from '../../../../tests/databases';
import { createDataSource, openDatabase } from '../data-source';
import { Initial1764000000000 } from './1764000000000-Initial';
import { Volunteers1764200000000 } from './1764200000000-Volunteers';
import { DropEventParent1764300000000 } from './1764300000000-DropEventParent';
import { CancelledPublishedAt1764400000000 } from './1764400000000-CancelledPublishedAt';

async function migratedBefore(config: DatabaseConfig): Promise<DataSource> {
  const options = createDataSource(config).options;
  const migrations = [Initial1764000000000, Volunteers1764200000000, DropEventParent1764300000000, CancelledPublishedAt1764400000000];
  const before = new DataSource({ ...options, entities: [], migrations } as typeof options);
  await before.initialize();
  await before.runMigrations({ transaction: 'each' });
  return before;
}

describe.each(engines)('the v1.1 plan migration on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => db.drop());

  it('keeps plans, tasks and event links, keys tasks by position, and lets a task be longer than 64 KB', async () => {
    const before = await migratedBefore(db.config);
    await before.query(
      `INSERT INTO plans (id, city, year, title, issuer, issuedOn, documentNumber, textHash, sections, taskCount, createdAt, updatedAt)
       VALUES ('p1', '唐山市', 2023, '2023年唐山市全民科学素质行动工作要点', NULL, NULL, NULL, 'h', '[]', 2, '2026-11-01 00:00:00', '2026-11-01 00:00:00')`,
    );
    for (const [id, number] of [
      ['t2', 2],
      ['t1', 1],
    ] as const) {
      await before.query(
        `INSERT INTO plan_tasks (id, planId, number, title, text, sectionPath, responsibleUnits, audiences, themes, campaigns)
         VALUES (?, 'p1', ?, ?, '正文', '[]', '[{"name":"市科协","organizationId":null}]', '[]', '[]', '[]')`,
        [id, number, `任务${number}`],
      );
    }
    await before.query(`INSERT INTO event_plan_tasks (eventId, planId, taskNumber) VALUES ('e1', 'p1', 2)`);
    await before.destroy();

    const after = await openDatabase(db.config);
    try {
      const tasks: Record<string, unknown>[] = await after.query('SELECT id, number, ordinal FROM plan_tasks ORDER BY ordinal');
      expect(tasks.map((t) => ({ id: t.id, number: Number(t.number), ordinal: Number(t.ordinal) }))).toEqual([
        { id: 't1', number: 1, ordinal: 1 },
        { id: 't2', number: 2, ordinal: 2 },
      ]);
      const [plan]: Record<string, unknown>[] = await after.query('SELECT city, originCity, originYear, place, script FROM plans');
      expect({ ...plan, originYear: Number(plan!.originYear) }).toEqual({
        city: '唐山市',
        originCity: '唐山市',
        originYear: 2023,
        place: '唐山市',
        script: 'simplified',
      });
      expect(await after.query('SELECT eventId, planId, taskNumber FROM event_plan_tasks')).toEqual([{ eventId: 'e1', planId: 'p1', taskNumber: 2 }]);
      // Numbering may restart per section: a second task 1 is accepted, a second position 1 is not.
      const insertTask = (id: string, number: number, ordinal: number, text: string) =>
        after.query(
          `INSERT INTO plan_tasks (id, planId, number, ordinal, title, text, sectionPath, responsibleUnits, audiences, themes, campaigns)
         VALUES (?, 'p1', ?, ?, '任务', ?, '[]', '[]', '[]', '[]', '[]')`,
          [id, number, ordinal, text],
        );
      await insertTask('t3', 1, 3, '科'.repeat(100_000));
      await expect(insertTask('t4', 5, 3, '正文')).rejects.toThrow();
      const [long]: { text: string }[] = await after.query(`SELECT text FROM plan_tasks WHERE id = 't3'`);
      expect(long!.text).toHaveLength(100_000);
    } finally {
      await after.destroy();
    }
  });
});
