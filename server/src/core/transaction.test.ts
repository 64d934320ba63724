import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../db/data-source';
import { Transactions } from './transaction';

describe('SQLite transactions shared by several processes', () => {
  let dir: string;
  let dataSource: DataSource;
  let other: Database.Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kepu-tx-'));
    const path = join(dir, 'kepu.sqlite');
    dataSource = createDataSource({ type: 'sqlite', path });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
    await dataSource.query('INSERT INTO counters (id, n) VALUES (1, 0)');
    // Another process's connection, which does not wait for locks.
    other = new Database(path);
    other.pragma('busy_timeout = 0');
  });
  afterAll(async () => {
    other.close();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hold the write lock from their first statement, so a read-then-write cannot be overtaken by another writer', async () => {
    const tx = new Transactions(dataSource);
    const seenByOther = await tx.run(async (manager) => {
      const [row] = await manager.query('SELECT n FROM counters WHERE id = 1');
      let otherCouldWrite = true;
      try {
        other.exec('BEGIN IMMEDIATE');
        other.exec('ROLLBACK');
      } catch (error) {
        otherCouldWrite = (error as { code?: string }).code !== 'SQLITE_BUSY';
      }
      await manager.query('UPDATE counters SET n = ? WHERE id = 1', [row.n + 1]);
      return otherCouldWrite;
    });
    expect(seenByOther).toBe(false);
    // Once committed, the other process writes again.
    other.exec('BEGIN IMMEDIATE');
    other.exec('UPDATE counters SET n = n + 1 WHERE id = 1');
    other.exec('COMMIT');
    expect(await dataSource.query('SELECT n FROM counters WHERE id = 1')).toEqual([{ n: 2 }]);
  });

  it('still tell TypeORM subscribers when they begin, commit and roll back', async () => {
    const seen: string[] = [];
    dataSource.subscribers.push({
      afterTransactionStart: () => void seen.push('start'),
      beforeTransactionCommit: () => void seen.push('commit'),
      afterTransactionRollback: () => void seen.push('rollback'),
    });
    const tx = new Transactions(dataSource);
    await tx.run((manager) => manager.query('SELECT 1'));
    await tx.run(() => Promise.reject(new Error('no'))).catch(() => undefined);
    dataSource.subscribers.pop();
    expect(seen).toEqual(['start', 'commit', 'start', 'rollback']);
  });

  it('roll back together when the work fails', async () => {
    const tx = new Transactions(dataSource);
    await expect(
      tx.run(async (manager) => {
        await manager.query('UPDATE counters SET n = 100 WHERE id = 1');
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await dataSource.query('SELECT n FROM counters WHERE id = 1')).toEqual([{ n: 2 }]);
  });
});
