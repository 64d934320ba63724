// Builds the TypeORM DataSource for SQLite or MySQL/MariaDB and runs the
// migrations. Schema changes only ever go through migrations, on both engines.
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { entities } from './entities';
import { migrations } from './migrations';

export function createDataSource(database: DatabaseConfig): DataSource {
  if (database.type === 'sqlite') {
    if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
    return new DataSource({
      type: 'better-sqlite3',
      database: database.path,
      entities,
      migrations,
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
    extra: { connectionLimit: 20 },
  });
}

export async function openDatabase(database: DatabaseConfig): Promise<DataSource> {
  const dataSource = createDataSource(database);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

export function isMysql(dataSource: DataSource): boolean {
  return dataSource.options.type === 'mysql';
}
