// Dropping events.parentId on a database that already holds events, on both
// engines: every row, value and index of events survives; only the column goes.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../config';
import { createTestDatabase, engines, type TestDatabase } from '../../../../tests/databases';
import { createDataSource, openDatabase } from '../data-source';
import { Initial1764000000000 } from './1764000000000-Initial';
import { Volunteers1764200000000 } from './1764200000000-Volunteers';

/** The schema as the previous release left it: the migrations before this one. */
async function migratedBefore(config: DatabaseConfig): Promise<DataSource> {
  const options = createDataSource(config).options;
  const before = new DataSource({ ...options, entities: [], migrations: [Initial1764000000000, Volunteers1764200000000] } as typeof options);
  await before.initialize();
  await before.runMigrations({ transaction: 'each' });
  return before;
}

describe.each(engines)('dropping events.parentId on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => db.drop());

  it('keeps every event of a database migrated before, with its values and indexes', async () => {
    const before = await migratedBefore(db.config);
    const insertEvent = (id: string, status: string, fields: { parentId?: string; derivedKey?: string; seriesId?: string }) =>
      before.query(
        `INSERT INTO events (id, title, description, kind, parentId, organizerId, city, audiences, themes, venueName, startsAt, endsAt, capacity,
         confirmedCount, status, source, derivedKey, seriesId, publishedAt, createdAt, updatedAt)
       VALUES (?, ?, '', 'activity', ?, 'org', '唐山市', '["青少年"]', '[]', '科技馆', '2026-12-01 01:00:00', '2026-12-01 03:00:00', 10,
         3, ?, 'organizer', ?, ?, '2026-11-02 00:00:00', '2026-11-01 00:00:00', '2026-11-02 00:00:00')`,
        [id, `活动${id}`, fields.parentId ?? null, status, fields.derivedKey ?? null, fields.seriesId ?? null],
      );
    await insertEvent('e1', 'published', { derivedKey: 'plan:cod' });
    await insertEvent('e2', 'cancelled', { parentId: 'e1', seriesId: 's1' });
    await insertEvent('e3', 'draft', { seriesId: 's1' });
    await before.destroy();

    const after = await openDatabase(db.config);
    try {
      const rows: Record<string, unknown>[] = await after.query(
        'SELECT id, title, status, confirmedCount, derivedKey, seriesId, audiences FROM events ORDER BY id',
      );
      expect(rows.map((r) => ({ ...r, confirmedCount: Number(r.confirmedCount) }))).toEqual([
        { id: 'e1', title: '活动e1', status: 'published', confirmedCount: 3, derivedKey: 'plan:cod', seriesId: null, audiences: '["青少年"]' },
        { id: 'e2', title: '活动e2', status: 'cancelled', confirmedCount: 3, derivedKey: null, seriesId: 's1', audiences: '["青少年"]' },
        { id: 'e3', title: '活动e3', status: 'draft', confirmedCount: 3, derivedKey: null, seriesId: 's1', audiences: '["青少年"]' },
      ]);
      const runner = after.createQueryRunner();
      const table = (await runner.getTable('events'))!;
      await runner.release();
      expect(table.columns.map((c) => c.name)).not.toContain('parentId');
      // ix_events_status_starts survived this migration; 1764610000000-EventListIndexes later replaced it by ix_events_list.
      expect(table.indices.map((i) => i.name)).toEqual(
        expect.arrayContaining(['ix_events_list', 'ix_events_city_starts', 'ix_events_organizer', 'ix_events_series']),
      );
      // derivedKey stays unique: re-imports find their events by it.
      await expect(
        after.query(
          `INSERT INTO events (id, title, description, kind, organizerId, city, audiences, themes, venueName, startsAt, endsAt, capacity, status, source, derivedKey, createdAt, updatedAt)
         VALUES ('e4', '重复', '', 'campaign', 'org', '唐山市', '[]', '[]', '全市', '2026-12-01 01:00:00', '2026-12-01 03:00:00', 0, 'published', 'plan', 'plan:cod',
           '2026-11-01 00:00:00', '2026-11-01 00:00:00')`,
        ),
      ).rejects.toThrow();
    } finally {
      await after.destroy();
    }
  });
});
