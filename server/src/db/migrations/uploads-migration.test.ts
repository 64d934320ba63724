// The covers migration adds the uploads table and events.coverImageId in place: existing events
// keep their rows with no cover, the progress triggers on events survive (no SQLite table
// rebuild), a cover must be a stored upload, and going down removes both again.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { migrations } from './index';
import { Uploads1766500000000 } from './1766500000000-Uploads';

describe('the covers (uploads) migration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kepu-migration-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds an empty coverImageId that must name an upload, keeps the triggers on events, and goes down cleanly', async () => {
    const mine = migrations.indexOf(Uploads1766500000000);
    expect(mine).toBeGreaterThan(0);
    const database = join(dir, 'kepu.sqlite');
    const open = async (count: number) => {
      const ds = new DataSource({
        type: 'better-sqlite3',
        database,
        migrations: migrations.slice(0, count),
        prepareDatabase: (db: { pragma(sql: string): unknown }) => {
          db.pragma('foreign_keys = ON');
        },
      });
      await ds.initialize();
      await ds.runMigrations();
      return ds;
    };
    const triggers = async (ds: DataSource) =>
      (
        (await ds.query(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND (tbl_name = 'events' OR sql LIKE '%events%') ORDER BY name`)) as {
          name: string;
        }[]
      ).map((t) => t.name);
    const before = await open(mine);
    const triggersBefore = await triggers(before);
    await before.destroy();

    const after = await open(mine + 1);
    expect(await triggers(after)).toEqual(triggersBefore);
    const columns = ((await after.query('PRAGMA table_info(events)')) as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('coverImageId');
    expect(
      ((await after.query('PRAGMA foreign_key_list(events)')) as { table: string; from: string; to: string }[]).map((k) => [k.from, k.table, k.to]),
    ).toEqual([['coverImageId', 'uploads', 'id']]);
    await after.query(
      `INSERT INTO uploads (id, ownerUserId, organizationId, mime, width, height, originalBytes, displayBytes, thumbnailBytes, displayKey, thumbnailKey, createdAt)
       VALUES ('u1', 'user1', NULL, 'image/png', 10, 10, 100, 50, 20, 'u1.jpg', 'u1-thumb.jpg', '2026-11-01 00:00:00')`,
    );
    expect(await after.query('SELECT COUNT(*) AS n FROM uploads')).toEqual([{ n: 1 }]);

    await after.undoLastMigration();
    const columnsAfterDown = ((await after.query('PRAGMA table_info(events)')) as { name: string }[]).map((c) => c.name);
    expect(columnsAfterDown).not.toContain('coverImageId');
    expect(await after.query(`SELECT name FROM sqlite_master WHERE name = 'uploads'`)).toEqual([]);
    expect(await triggers(after)).toEqual(triggersBefore);
    await after.destroy();
  });
});
