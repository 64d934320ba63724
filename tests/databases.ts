// A fresh, empty database per suite on each engine the tests run on: a SQLite
// file in a temporary folder, or a new MariaDB database. Used by the API suites
// (through the harness) and by the migration tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl, type DatabaseConfig } from '../server/src/config';

export type Engine = 'sqlite' | 'mysql';

/** MariaDB for tests: the machine's server unless KEPU_TEST_MYSQL_URL says otherwise. */
export const MYSQL_URL = process.env.KEPU_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** Engines every API suite runs on. Only an explicit opt-out drops MariaDB. */
export const engines: Engine[] = process.env.KEPU_SKIP_MYSQL === '1' ? ['sqlite'] : ['sqlite', 'mysql'];

export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

let counter = 0;

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kepu-test-'));
    return { config: { type: 'sqlite', path: join(dir, 'kepu.sqlite') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = parseDatabaseUrl(MYSQL_URL);
  if (base.type !== 'mysql') throw new Error('KEPU_TEST_MYSQL_URL must be a mysql:// URL');
  const name = `kepu_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = await createConnection({ host: base.host, port: base.port, user: base.username, password: base.password });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    config: { ...base, database: name },
    drop: async () => {
      const conn = await createConnection({ host: base.host, port: base.port, user: base.username, password: base.password });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}
