// The volunteers migration on a database that already holds events: what was
// public before it stays public after it, drafts stay private.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { openDatabase } from '../data-source';
import { Initial1764000000000 } from './1764000000000-Initial';

describe('the volunteers migration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kepu-migration-'));
  const path = join(dir, 'kepu.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('marks published events, and cancelled ones the plan made or people signed up for, as once published', async () => {
    const before = new DataSource({ type: 'better-sqlite3', database: path, migrations: [Initial1764000000000] });
    await before.initialize();
    await before.runMigrations();
    const insertEvent = (id: string, status: string, source: string) =>
      before.query(
        `INSERT INTO events (id, title, description, kind, organizerId, city, audiences, themes, venueName, startsAt, endsAt, capacity, status, source, createdAt, updatedAt)
       VALUES (?, ?, '', 'activity', 'org', '唐山市', '[]', '[]', '科技馆', '2026-12-01 01:00:00', '2026-12-01 03:00:00', 10, ?, ?, '2026-11-01 00:00:00', '2026-11-02 00:00:00')`,
        [id, id, status, source],
      );
    await insertEvent('published', 'published', 'organizer');
    await insertEvent('cancelled-with-signups', 'cancelled', 'organizer');
    await insertEvent('cancelled-plan-campaign', 'cancelled', 'plan');
    await insertEvent('cancelled-draft', 'cancelled', 'organizer');
    await insertEvent('pending', 'pending', 'organizer');
    await before.query(
      `INSERT INTO signups (id, eventId, userId, name, phone, partySize, status, seq, createdAt, updatedAt)
       VALUES ('s1', 'cancelled-with-signups', 'u1', '张三', '13812345678', 1, 'cancelled', 1, '2026-11-01 00:00:00', '2026-11-01 00:00:00')`,
    );
    await before.destroy();

    const after = await openDatabase({ type: 'sqlite', path });
    const rows: { id: string; publishedAt: string | null }[] = await after.query('SELECT id, publishedAt FROM events ORDER BY id');
    await after.destroy();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.publishedAt !== null]))).toEqual({
      'cancelled-draft': false,
      'cancelled-plan-campaign': true,
      'cancelled-with-signups': true,
      pending: false,
      published: true,
    });
  });
});
