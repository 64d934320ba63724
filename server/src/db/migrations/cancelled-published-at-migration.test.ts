// A database migrated by the first release of the volunteers migration (before
// its cancelled-event backfill was added) gets that backfill from the new one.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { openDatabase } from '../data-source';
import { Initial1764000000000 } from './1764000000000-Initial';
import { Volunteers1764200000000 } from './1764200000000-Volunteers';

describe('the cancelled-events backfill migration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kepu-migration-'));
  const path = join(dir, 'kepu.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when a database skipped the edited backfill, once-public cancelled events become readable again, drafts stay private', async () => {
    const before = new DataSource({ type: 'better-sqlite3', database: path, migrations: [Initial1764000000000, Volunteers1764200000000] });
    await before.initialize();
    await before.runMigrations();
    const insertEvent = (id: string, status: string, source: string, publishedAt: string | null) =>
      before.query(
        `INSERT INTO events (id, title, description, kind, organizerId, city, audiences, themes, venueName, startsAt, endsAt, capacity, status, source, createdAt, updatedAt, publishedAt)
       VALUES (?, ?, '', 'activity', 'org', '唐山市', '[]', '[]', '科技馆', '2026-12-01 01:00:00', '2026-12-01 03:00:00', 10, ?, ?, '2026-11-01 00:00:00', '2026-11-02 00:00:00', ?)`,
        [id, id, status, source, publishedAt],
      );
    // As the first release left them: only published events had publishedAt.
    await insertEvent('published', 'published', 'organizer', '2026-11-02 00:00:00');
    await insertEvent('cancelled-with-signups', 'cancelled', 'organizer', null);
    await insertEvent('cancelled-plan-campaign', 'cancelled', 'plan', null);
    await insertEvent('cancelled-draft', 'cancelled', 'organizer', null);
    await insertEvent('cancelled-after-publishing', 'cancelled', 'organizer', '2026-10-01 00:00:00');
    await before.query(
      `INSERT INTO signups (id, eventId, userId, name, phone, partySize, status, seq, createdAt, updatedAt)
       VALUES ('s1', 'cancelled-with-signups', 'u1', '张三', '13812345678', 1, 'cancelled', 1, '2026-11-01 00:00:00', '2026-11-01 00:00:00')`,
    );
    await before.destroy();

    const after = await openDatabase({ type: 'sqlite', path });
    const rows: { id: string; publishedAt: string | null }[] = await after.query('SELECT id, publishedAt FROM events ORDER BY id');
    await after.destroy();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.publishedAt]))).toEqual({
      'cancelled-after-publishing': '2026-10-01 00:00:00',
      'cancelled-draft': null,
      'cancelled-plan-campaign': '2026-11-02 00:00:00',
      'cancelled-with-signups': '2026-11-02 00:00:00',
      published: '2026-11-02 00:00:00',
    });
  });
});
