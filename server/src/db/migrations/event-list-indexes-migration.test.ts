// The event-list migration on a database that already holds events, on both
// engines: the longest duration on record covers the longest stored event
// (rounded up), the counters start, and the list indexes replace the old one.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../config';
import { createTestDatabase, engines, type TestDatabase } from '../../../../tests/databases';
import { createDataSource, openDatabase } from '../data-source';
import { readListState } from '../list-state';
import { migrations } from './index';

async function migratedBefore(config: DatabaseConfig): Promise<DataSource> {
  const options = createDataSource(config).options;
  // Only the migrations before this one: later ones may build on what it makes (event_stats).
  const earlier = migrations.slice(
    0,
    migrations.findIndex((m) => m.name === 'EventListIndexes1764610000000'),
  );
  const before = new DataSource({ ...options, entities: [], subscribers: [], migrations: earlier } as typeof options);
  await before.initialize();
  await before.runMigrations({ transaction: 'each' });
  return before;
}

describe.each(engines)('the event-list migration on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => db.drop());

  it('records the longest stored event, starts the counters and indexes the list order', async () => {
    const before = await migratedBefore(db.config);
    const insertEvent = (id: string, startsAt: string, endsAt: string) =>
      before.query(
        `INSERT INTO events (id, title, description, kind, organizerId, city, audiences, themes, venueName, startsAt, endsAt, capacity, status, source, createdAt, updatedAt)
         VALUES (?, ?, '', 'activity', 'org', '唐山市', '[]', '[]', '科技馆', ?, ?, 10, 'published', 'organizer', '2026-11-01 00:00:00', '2026-11-01 00:00:00')`,
        [id, id, startsAt, endsAt],
      );
    await insertEvent('short', '2026-12-01 01:00:00', '2026-12-01 03:00:00');
    // 40 days, 2 hours and half a second.
    await insertEvent('long', '2026-09-01 00:00:00', '2026-10-11 02:00:00.500');
    await before.destroy();

    const after = await openDatabase(db.config);
    try {
      const state = await readListState(after.manager);
      const longest = (40 * 86400 + 2 * 3600) * 1000;
      expect(state.longestMs).toBeGreaterThanOrEqual(longest + 500);
      expect(state.longestMs).toBeLessThanOrEqual(longest + 2000);
      expect({ events: state.events, plans: state.plans }).toEqual({ events: '0', plans: '0' });
      const indexNames =
        engine === 'sqlite'
          ? ((await after.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'`)) as { name: string }[]).map((r) => r.name)
          : ((await after.query('SHOW INDEX FROM events')) as { Key_name: string }[]).map((r) => r.Key_name);
      expect(indexNames).toEqual(expect.arrayContaining(['ix_events_list', 'ix_events_list_city', 'ix_events_near']));
      expect(indexNames).not.toContain('ix_events_status_starts');
    } finally {
      await after.destroy();
    }
  });
});
