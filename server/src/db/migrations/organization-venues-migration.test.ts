// The saved-venues migration creates organization_venues with its unique key
// (organization, name, address), and going down drops it.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { migrations } from './index';
import { OrganizationVenues1766600000000 } from './1766600000000-OrganizationVenues';

describe('the saved-venues migration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kepu-migration-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates organization_venues, one row per organization, name and address, and drops it going down', async () => {
    const mine = migrations.indexOf(OrganizationVenues1766600000000);
    expect(mine).toBeGreaterThan(0);
    const ds = new DataSource({ type: 'better-sqlite3', database: join(dir, 'kepu.sqlite'), migrations: migrations.slice(0, mine + 1) });
    await ds.initialize();
    await ds.runMigrations();
    const insert = (id: string, org: string, address: string) =>
      ds.query(
        `INSERT INTO organization_venues (id, organizationId, name, address, district, lat, lng, createdAt, updatedAt)
         VALUES (?, ?, '唐山科技馆', ?, '路北区', 39.64, 118.18, '2026-11-01 00:00:00', '2026-11-01 00:00:00')`,
        [id, org, address],
      );
    await insert('v1', 'o1', '建设北路');
    await insert('v2', 'o1', '建设北路12号');
    await insert('v3', 'o2', '建设北路');
    await expect(insert('v4', 'o1', '建设北路')).rejects.toThrow(/UNIQUE/);
    // Address and district default to '' (the key takes a venue without an address as one).
    await ds.query(`INSERT INTO organization_venues (id, organizationId, name, createdAt, updatedAt) VALUES ('v5', 'o1', '南湖', '2026-11-01', '2026-11-01')`);
    expect(await ds.query(`SELECT address, district, lat FROM organization_venues WHERE id = 'v5'`)).toEqual([{ address: '', district: '', lat: null }]);

    await ds.undoLastMigration();
    expect(await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'organization_venues'`)).toEqual([]);
    await ds.destroy();
  });
});
