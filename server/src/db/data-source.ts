// Builds the TypeORM DataSource for SQLite or MySQL/MariaDB and runs the
// migrations. Schema changes only ever go through migrations, on both engines.
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { entities } from './entities';
import { EventSearchSubscriber } from './event-search/search-index';
import { ListStateSubscriber } from './list-state';
import { migrations } from './migrations';

export function createDataSource(database: DatabaseConfig): DataSource {
  if (database.type === 'sqlite') {
    if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
    return new DataSource({
      type: 'better-sqlite3',
      database: database.path,
      entities,
      migrations,
      subscribers: [ListStateSubscriber, EventSearchSubscriber],
      // WAL lets readers go on while a sign-up writes; the busy timeout covers a second process.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    });
  }
  return new DataSource({
    type: 'mysql',
    host: database.host,
    port: database.port,
    username: database.username,
    password: database.password,
    database: database.database,
    charset: 'utf8mb4',
    timezone: 'Z',
    entities,
    migrations,
    subscribers: [ListStateSubscriber, EventSearchSubscriber],
    extra: { connectionLimit: 20 },
  });
}

/** Opens the database and brings its schema up to date, unless `migrate: false` (a cluster worker: its primary did). */
export async function openDatabase(database: DatabaseConfig, options: { migrate?: boolean } = {}): Promise<DataSource> {
  const dataSource = createDataSource(database);
  await dataSource.initialize();
  if (options.migrate ?? true) await runMigrationsInTurn(dataSource);
  return dataSource;
}

/** How long a starting process waits for another one's start-up work (migrations, seeds). */
const STARTUP_LOCK_SECONDS = 120;

/**
 * Runs start-up work one process at a time. Several processes may start at once
 * on a fresh database (a deploy of several replicas): on MySQL they take turns
 * under a named lock per database, so one migrates or seeds and the others then
 * find nothing left to do. SQLite serves one machine, and its writes already queue.
 */
export async function inStartupTurn<T>(dataSource: DataSource, name: string, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'mysql') return work();
  const lockName = `kepu_${name}:${String(dataSource.options.database)}`.slice(0, 64);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [row] = (await runner.query('SELECT GET_LOCK(?, ?) AS got', [lockName, STARTUP_LOCK_SECONDS])) as { got: number | string | null }[];
    if (Number(row?.got) !== 1) throw new Error(`another process held the ${name} lock for over ${STARTUP_LOCK_SECONDS} s`);
    return await work();
  } finally {
    await runner.query('SELECT RELEASE_LOCK(?)', [lockName]).catch(() => undefined);
    await runner.release();
  }
}

async function runMigrationsInTurn(dataSource: DataSource): Promise<void> {
  await inStartupTurn(dataSource, 'migrate', () => dataSource.runMigrations({ transaction: 'each' }));
}
