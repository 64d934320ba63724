// Backup and restore as an operator does them: `npm run backup` (the compiled
// CLI) while the server runs and residents keep signing up, then a fresh
// server on the restored copy. The copy holds every sign-up answered before
// the backup began, and it is one consistent moment: the event's counters
// agree with its sign-up rows.
import { execFile, spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../server/src/db/data-source';
import { apiClient, createTestDatabase, engines, type ApiClient, type Engine, type TestDatabase } from '../api/harness';
import {
  createResidents,
  databaseUrl,
  demoPublisher,
  ensureBuilt,
  inBatches,
  publishEvent,
  startServerProcess,
  statusCounts,
  stopServerProcess,
  type Publisher,
  type ServerProcess,
} from './processes';

jest.setTimeout(300_000);

const backupCli = join(__dirname, '../../server/dist/cli/backup.js');
const BEFORE = 60;
const DURING = 240;
const CAPACITY = 100;

/** Loads a dump into a database with the MariaDB client, as README's restore says. */
async function restoreDump(database: TestDatabase, file: string): Promise<void> {
  if (database.config.type !== 'mysql') throw new Error('needs MariaDB');
  const { host, port, username, password, database: name } = database.config;
  const child = spawn('mariadb', [`--host=${host}`, `--port=${port}`, `--user=${username}`, name], {
    env: { ...process.env, MYSQL_PWD: password },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const errors: string[] = [];
  child.stderr.on('data', (chunk) => errors.push(String(chunk)));
  createReadStream(file).pipe(child.stdin);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`mariadb < ${file} exited with ${code}: ${errors.join('')}`);
}

describe.each(engines)('backup and restore on %s', (engine: Engine) => {
  const databases: TestDatabase[] = [];
  const servers: ServerProcess[] = [];
  let db: DataSource | undefined;
  let backupDir: string;

  beforeAll(() => {
    ensureBuilt();
    backupDir = mkdtempSync(join(tmpdir(), 'kepu-backup-'));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => stopServerProcess(s)));
    await db?.destroy();
    for (const database of databases) await database.drop();
    rmSync(backupDir, { recursive: true, force: true });
  });

  async function signUp(api: ApiClient, eventId: string, resident: { token: string }, i: number) {
    return api.post(`/api/v1/events/${eventId}/signups`, { name: `居民${i}`, phone: `139${String(i).padStart(8, '0')}` }, resident.token);
  }

  it('when `npm run backup` runs during sign-ups, a server on the restored copy has every earlier sign-up and consistent counts', async () => {
    const original = await createTestDatabase(engine);
    databases.push(original);
    const server = await startServerProcess(databaseUrl(original));
    servers.push(server);
    const api = apiClient(server.url);
    const publisher: Publisher = await demoPublisher(api);
    const eventId = await publishEvent([api], publisher, '备份测试活动', CAPACITY);
    db = createDataSource(original.config);
    await db.initialize();
    const residents = await createResidents(db, BEFORE + DURING);

    const before = await inBatches(BEFORE, 8, (i) => signUp(api, eventId, residents[i]!, i));
    expect(statusCounts(before)).toEqual({ 201: BEFORE });

    // The backup runs while more residents sign up.
    const during = inBatches(DURING, 8, (i) => signUp(api, eventId, residents[BEFORE + i]!, BEFORE + i));
    const backup = await promisify(execFile)('node', [backupCli], { env: { ...process.env, DB_URL: databaseUrl(original), BACKUP_DIR: backupDir } });
    expect(statusCounts(await during)).toEqual({ 201: DURING });

    const file = backup.stdout.trim();
    expect(readdirSync(backupDir).map((name) => join(backupDir, name))).toEqual([file]);
    expect(file).toMatch(engine === 'sqlite' ? /kepu-\d{4}-\d\d-\d\dT[\d-]+Z\.sqlite$/ : /kepu-\d{4}-\d\d-\d\dT[\d-]+Z\.sql$/);

    let restoredUrl: string;
    if (engine === 'sqlite') {
      restoredUrl = `sqlite:${file}`;
    } else {
      const restored = await createTestDatabase('mysql');
      databases.push(restored);
      await restoreDump(restored, file);
      restoredUrl = databaseUrl(restored);
    }
    const fresh = await startServerProcess(restoredUrl);
    servers.push(fresh);
    const restoredApi = apiClient(fresh.url);

    const event = await restoredApi.get(`/api/v1/events/${eventId}`);
    expect(event.status).toBe(200);
    expect(event.body.title).toBe('备份测试活动');
    const kept = event.body.confirmedCount + event.body.waitlistCount;
    expect(kept).toBeGreaterThanOrEqual(BEFORE);
    expect(kept).toBeLessThanOrEqual(BEFORE + DURING);

    // Every sign-up answered before the backup began is there, as its resident was told.
    for (let i = 0; i < BEFORE; i++) {
      const mine = await restoredApi.get('/api/v1/me/signups', residents[i]!.token);
      expect(mine.body.items.find((s: { eventId: string }) => s.eventId === eventId)).toMatchObject({ id: before[i]!.body.id, status: before[i]!.body.status });
    }
    // One moment: the counters agree with the rows, and the queue has no gaps.
    const list = await restoredApi.get(`/api/v1/events/${eventId}/signups`, publisher.organizer.token);
    expect(list.status).toBe(200);
    const statuses = list.body.items.map((s: { status: string }) => s.status);
    expect(statuses).toHaveLength(kept);
    expect(statuses.filter((s: string) => s === 'confirmed')).toHaveLength(event.body.confirmedCount);
    expect(event.body.confirmedCount).toBe(Math.min(kept, CAPACITY));
  });
});
