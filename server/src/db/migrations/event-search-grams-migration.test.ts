// The search-index migration on a database that already holds events, on both engines:
// the existing events' text is indexed, so a search finds them through the index; a
// later move of an event (raw SQL) carries its grams along, and a delete removes them.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../config';
import { createTestDatabase, engines, type TestDatabase } from '../../../../tests/databases';
import { listEventCards } from '../../modules/events/event-list';
import { TaskTitles } from '../../modules/events/task-titles';
import { createDataSource, openDatabase } from '../data-source';
import { readListState } from '../list-state';
import { migrations } from './index';

async function migratedBefore(config: DatabaseConfig): Promise<DataSource> {
  const options = createDataSource(config).options;
  const earlier = migrations.slice(
    0,
    migrations.findIndex((m) => m.name === 'EventSearchGrams1766400000000'),
  );
  const before = new DataSource({ ...options, entities: [], subscribers: [], migrations: earlier } as typeof options);
  await before.initialize();
  await before.runMigrations({ transaction: 'each' });
  return before;
}

describe.each(engines)('the search-index migration on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => db.drop());

  it('indexes the events already stored, and keeps their grams with them when they move or go', async () => {
    const before = await migratedBefore(db.config);
    const insertEvent = (id: string, title: string, description: string, startsAt: string) =>
      before.query(
        `INSERT INTO events (id, title, description, kind, organizerId, city, audiences, themes, venueName, startsAt, endsAt, capacity, status, source, createdAt, updatedAt)
         VALUES (?, ?, ?, 'activity', 'org', '唐山市', '[]', '[]', '科技馆', ?, '2027-01-31 00:00:00', 10, 'published', 'organizer', '2026-11-01 00:00:00', '2026-11-01 00:00:00')`,
        [id, title, description, startsAt],
      );
    await insertEvent('e1', '防震减灾科普日', '', '2026-12-02 01:00:00');
    await insertEvent('e2', '家庭急救课', '学习心肺复苏 CPR', '2026-12-01 01:00:00');
    await insertEvent('e3', '天文观测', '急救包不需要', '2026-12-03 01:00:00');
    await before.destroy();

    const after = await openDatabase(db.config);
    try {
      const now = new Date('2026-11-20T00:00:00Z');
      const search = async (q: string) => {
        const { page } = await listEventCards(after.manager, { q, limit: 20 }, null, now, await readListState(after.manager), new TaskTitles());
        return page.items.map((item) => item.id);
      };
      const [row] = (await after.query(`SELECT COUNT(*) AS n FROM event_search_grams WHERE gram = ?`, ['急救'])) as { n: number | string }[];
      expect(Number(row!.n)).toBe(2);
      expect(await search('急救')).toEqual(['e2', 'e3']);
      expect(await search('减灾')).toEqual(['e1']);
      expect(await search('cpr')).toEqual(['e2']);

      await after.query(`UPDATE events SET startsAt = '2026-12-04 01:00:00' WHERE id = 'e2'`);
      expect(await search('急救')).toEqual(['e3', 'e2']);
      await after.query(`DELETE FROM events WHERE id = 'e3'`);
      const [left] = (await after.query(`SELECT COUNT(*) AS n FROM event_search_grams WHERE eventId = 'e3'`)) as { n: number | string }[];
      expect(Number(left!.n)).toBe(0);
      expect(await search('急救')).toEqual(['e2']);
    } finally {
      await after.destroy();
    }
  });
});
