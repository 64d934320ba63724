// The forwarded-code migration adds signups.shareToken in place: existing
// sign-ups keep their rows with no token, the progress triggers on signups
// survive (no SQLite table rebuild), two tokens can never be the same, and
// going down drops the column and leaves the triggers.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { migrations } from './index';
import { TicketShareTokens1765300000000 } from './1765300000000-TicketShareTokens';

describe('the forwarded-code (share token) migration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kepu-migration-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds an empty, unique shareToken to existing sign-ups and keeps the progress triggers, both ways', async () => {
    const mine = migrations.indexOf(TicketShareTokens1765300000000);
    expect(mine).toBeGreaterThan(0);
    const database = join(dir, 'kepu.sqlite');
    const before = new DataSource({ type: 'better-sqlite3', database, migrations: migrations.slice(0, mine) });
    await before.initialize();
    await before.runMigrations();
    await before.query(
      `INSERT INTO signups (id, eventId, userId, name, phone, partySize, status, seq, createdAt, updatedAt)
       VALUES ('s1', 'e1', 'u1', '张三', '13812345678', 1, 'confirmed', 1, '2026-11-01 00:00:00', '2026-11-01 00:00:00'),
              ('s2', 'e1', 'u2', '李四', '13812345679', 1, 'confirmed', 2, '2026-11-01 00:00:00', '2026-11-01 00:00:00')`,
    );
    const triggers = async (ds: DataSource) =>
      ((await ds.query(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'signups' ORDER BY name`)) as { name: string }[]).map(
        (t) => t.name,
      );
    const triggersBefore = await triggers(before);
    expect(triggersBefore.length).toBeGreaterThan(0);
    await before.destroy();

    // Up to this one only: later migrations (other features) are not this test's business.
    const after = new DataSource({ type: 'better-sqlite3', database, migrations: migrations.slice(0, mine + 1) });
    await after.initialize();
    await after.runMigrations();
    expect(await after.query('SELECT id, shareToken FROM signups ORDER BY id')).toEqual([
      { id: 's1', shareToken: null },
      { id: 's2', shareToken: null },
    ]);
    expect(await triggers(after)).toEqual(triggersBefore);
    await after.query(`UPDATE signups SET shareToken = 'tok' WHERE id = 's1'`);
    await expect(after.query(`UPDATE signups SET shareToken = 'tok' WHERE id = 's2'`)).rejects.toThrow(/UNIQUE/);

    await after.undoLastMigration();
    const columns = ((await after.query(`PRAGMA table_info(signups)`)) as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('shareToken');
    expect(await triggers(after)).toEqual(triggersBefore);
    await after.destroy();
  });
});
