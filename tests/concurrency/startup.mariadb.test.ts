// Three server processes starting at the same moment on a fresh MariaDB
// database (a deploy of several replicas): they take turns at the migrations,
// so all three come up and each migration ran exactly once.
import { createConnection } from 'mysql2/promise';
import { createTestDatabase, type TestDatabase } from '../api/harness';
import { describeMysql, ensureBuilt, mysqlUrl, startServerProcess, stopServerProcess, type ServerProcess } from './processes';
import { migrations } from '../../server/src/db/migrations';

jest.setTimeout(240_000);

describeMysql('three processes starting at once on a fresh database', () => {
  let database: TestDatabase | undefined;
  const servers: ServerProcess[] = [];

  beforeAll(() => ensureBuilt());
  afterAll(async () => {
    await Promise.all(servers.map((s) => stopServerProcess(s)));
    await database?.drop();
  });

  it('then all three become ready and every migration ran once', async () => {
    database = await createTestDatabase('mysql');
    const started = await Promise.allSettled([1, 2, 3].map(() => startServerProcess(mysqlUrl(database!.config))));
    for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
    const failures = started.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => String(r.reason).slice(0, 2000));
    expect(failures).toEqual([]);
    for (const server of servers) expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

    if (database.config.type !== 'mysql') throw new Error('needs MariaDB');
    const { host, port, username, password, database: name } = database.config;
    const conn = await createConnection({ host, port, user: username, password, database: name });
    try {
      const [rows] = await conn.query('SELECT name FROM migrations ORDER BY id');
      expect((rows as { name: string }[]).map((r) => r.name)).toEqual(migrations.map((m) => m.name));
    } finally {
      await conn.end();
    }
  });
});
