// `npm run backup`: a consistent copy of the database, taken while the server
// runs, written to BACKUP_DIR (default ./backups) under a timestamped name.
// Uses the server's DB_URL.
// - SQLite: SQLite's online backup API (better-sqlite3's db.backup) copies one
//   snapshot of the database, including what still sits in the WAL, while the
//   server goes on writing. The copy is a single self-contained file.
// - MySQL/MariaDB: mariadb-dump (or mysqldump) --single-transaction reads every
//   table in one consistent InnoDB snapshot without locking writers. Without the
//   client installed here, the command to run where it is gets printed.
// README: "Backups and restore" has the restore steps for both.
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { databaseFromEnv, type DatabaseConfig } from '../config';

type MysqlConfig = Extract<DatabaseConfig, { type: 'mysql' }>;

/** kepu-2026-11-29T16-50-09-123Z.sqlite: sorts by time, safe in every file system. */
export function backupFileName(now: Date, extension: 'sqlite' | 'sql'): string {
  return `kepu-${now.toISOString().replace(/[:.]/g, '-')}.${extension}`;
}

/** The dump's arguments; the password goes in MYSQL_PWD, never on a command line others can read in ps. */
export function dumpArguments(database: MysqlConfig): string[] {
  return [
    '--single-transaction',
    '--quick',
    '--routines',
    '--triggers',
    '--no-tablespaces',
    '--default-character-set=utf8mb4',
    `--host=${database.host}`,
    `--port=${database.port}`,
    `--user=${database.username}`,
    database.database,
  ];
}

export async function backupSqlite(path: string, target: string): Promise<void> {
  const source = new Database(path, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // After the first step, copy all that remains in one step: one read snapshot, which WAL lets
    // writers work beside. Copied in small steps, every write of the server would restart the copy.
    await source.backup(target, { progress: ({ totalPages }) => totalPages });
  } finally {
    source.close();
  }
  const copy = new Database(target, { fileMustExist: true });
  try {
    // A single file to keep or move; the server turns WAL back on when it opens it.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
}

/** mariadb-dump, or mysqldump where only that is installed; null when neither is. */
function findDumpTool(): string | null {
  for (const tool of ['mariadb-dump', 'mysqldump']) {
    if (!spawnSync(tool, ['--version'], { stdio: 'ignore' }).error) return tool;
  }
  return null;
}

export async function dumpMysql(database: MysqlConfig, target: string): Promise<'dumped' | 'no-client'> {
  const tool = findDumpTool();
  if (!tool) return 'no-client';
  const output = openSync(target, 'w');
  try {
    const code = await new Promise<number | null>((resolveCode, reject) => {
      const child = spawn(tool, dumpArguments(database), {
        env: { ...process.env, MYSQL_PWD: database.password },
        stdio: ['ignore', output, 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', resolveCode);
    });
    if (code !== 0) throw new Error(`${tool} exited with code ${code}`);
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  } finally {
    closeSync(output);
  }
  return 'dumped';
}

async function main(): Promise<void> {
  const database = databaseFromEnv(process.env);
  const dir = resolve(process.env.BACKUP_DIR || 'backups');
  mkdirSync(dir, { recursive: true });
  const now = new Date();
  if (database.type === 'sqlite') {
    if (database.path === ':memory:') throw new Error('DB_URL is sqlite::memory:, which has nothing to back up');
    const target = join(dir, backupFileName(now, 'sqlite'));
    await backupSqlite(database.path, target);
    console.log(target);
    return;
  }
  const target = join(dir, backupFileName(now, 'sql'));
  if ((await dumpMysql(database, target)) === 'dumped') {
    console.log(target);
    return;
  }
  const password = database.password ? 'MYSQL_PWD=<password> ' : '';
  console.error('mariadb-dump (or mysqldump) is not installed here. Run, where it is:');
  console.error(`  ${password}mariadb-dump ${dumpArguments(database).join(' ')} > ${target}`);
  process.exit(2);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
