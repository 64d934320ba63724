// The event-revisions migration on a database that already holds a published
// event, on both engines: the event is at version 1 and nothing awaits review.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createTestDatabase, engines, type TestDatabase } from '../../../../tests/databases';
import { createDataSource, openDatabase } from '../data-source';
import { EventRevisions1764620000000 } from './1764620000000-EventRevisions';
import { migrations } from './index';

describe.each(engines)('the event-revisions migration on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => db.drop());

  it('puts stored events at version 1 with no revision, and keeps a proposed change of 5,000 characters', async () => {
    const options = createDataSource(db.config).options;
    const before = new DataSource({
      ...options,
      entities: [],
      migrations: migrations.slice(0, migrations.indexOf(EventRevisions1764620000000)),
    } as typeof options);
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    await before.query(
      `INSERT INTO events (id, title, description, kind, organizerId, city, audiences, themes, venueName, startsAt, endsAt, capacity, status, source, createdAt, updatedAt, publishedAt)
       VALUES ('e1', '已发布的活动', '', 'activity', 'org', '唐山市', '[]', '[]', '科技馆', '2026-12-01 01:00:00', '2026-12-01 03:00:00', 10, 'published', 'organizer', '2026-11-01 00:00:00', '2026-11-01 00:00:00', '2026-11-01 00:00:00')`,
    );
    await before.destroy();

    const after = await openDatabase(db.config);
    try {
      const [event]: { version: number }[] = await after.query(`SELECT version FROM events WHERE id = 'e1'`);
      expect(Number(event!.version)).toBe(1);
      expect(await after.query('SELECT id FROM event_revisions')).toEqual([]);
      const changes = JSON.stringify({ description: '长'.repeat(5000) });
      await after.query(
        `INSERT INTO event_revisions (id, eventId, status, version, changes, proposedBy, proposedAt) VALUES ('r1', 'e1', 'pending', 2, ?, 'u1', '2026-11-25 02:00:00')`,
        [changes],
      );
      const [revision]: { changes: string }[] = await after.query(`SELECT changes FROM event_revisions WHERE id = 'r1'`);
      expect(revision!.changes).toBe(changes);
    } finally {
      await after.destroy();
    }
  });
});
