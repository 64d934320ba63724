// The operator names the first admin from the command line (the compiled CLI,
// as `npm run admin` runs it), on each engine; the person then signs in as admin.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DatabaseConfig } from '../../server/src/config';
import { AuditEntryEntity } from '../../server/src/db/entities/audit-entry.entity';
import { apiClient, createTestDatabase, engines, startTestServer } from './harness';

// Each case starts node processes: on a loaded machine that takes seconds.
jest.setTimeout(60_000);

const adminCli = join(__dirname, '../../server/dist/cli/admin.js');

function databaseUrl(config: DatabaseConfig): string {
  if (config.type === 'sqlite') return `sqlite:${config.path}`;
  const password = config.password ? `:${encodeURIComponent(config.password)}` : '';
  return `mysql://${encodeURIComponent(config.username)}${password}@${config.host}:${config.port}/${config.database}`;
}

async function runCli(db: DatabaseConfig, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)('node', [adminCli, ...args], { env: { ...process.env, DB_URL: databaseUrl(db), AUTH_MODE: 'dev' } });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code ?? 1, out: failed.stderr ?? '' };
  }
}

describe.each(engines)('admin CLI on %s', (engine) => {
  it('when the operator grants admin to an openid that never signed in, that person signs in as admin; revoking takes it back', async () => {
    const db = await createTestDatabase(engine);
    try {
      const granted = await runCli(db.config, 'grant-admin', 'first-operator');
      expect(granted).toMatchObject({ code: 0, out: expect.stringContaining('已授予管理员') });
      expect((await runCli(db.config, 'grant-admin', 'first-operator')).out).toContain('无需更改');

      const server = await startTestServer(db.config);
      try {
        expect((await apiClient(server.url).login('first-operator')).user.roles).toContain('admin');
        const audit = await server.dataSource.getRepository(AuditEntryEntity).findBy({ action: 'user.roles' });
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({ actorId: null });
      } finally {
        await server.close();
      }

      expect((await runCli(db.config, 'revoke-admin', 'first-operator')).code).toBe(0);
      const again = await startTestServer(db.config);
      try {
        expect((await apiClient(again.url).login('first-operator')).user.roles).not.toContain('admin');
      } finally {
        await again.close();
      }
    } finally {
      await db.drop();
    }
  });

  it('when the operator asks for a login code, the printed code signs that person in once (the first admin on H5)', async () => {
    const db = await createTestDatabase(engine);
    try {
      expect((await runCli(db.config, 'grant-admin', 'h5-operator')).code).toBe(0);
      const printed = await runCli(db.config, 'login-code', 'h5-operator');
      const code = /网页登录码：([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(printed.out)?.[1];
      expect(code).toBeDefined();
      const server = await startTestServer(db.config);
      try {
        const api = apiClient(server.url);
        const signedIn = await api.post('/api/v1/auth/code-login', { code });
        expect(signedIn.status).toBe(200);
        expect(signedIn.body.user.roles).toContain('admin');
        expect((await api.post('/api/v1/auth/code-login', { code })).status).toBe(400);
        const issued = await server.dataSource.getRepository(AuditEntryEntity).findBy({ action: 'user.login_code' });
        expect(issued).toHaveLength(1);
        expect(issued[0]).toMatchObject({ actorId: null, details: expect.objectContaining({ via: 'cli' }) });
      } finally {
        await server.close();
      }
    } finally {
      await db.drop();
    }
  });

  it('when the command or openid is missing or malformed, it exits non-zero with the usage', async () => {
    const db = await createTestDatabase(engine);
    try {
      for (const args of [[], ['grant-admin'], ['make-admin', 'x'], ['grant-admin', 'has space'], ['grant-admin', 'a', 'b']]) {
        const result = await runCli(db.config, ...args);
        expect(result.code).not.toBe(0);
        expect(result.out).toContain('usage: npm run admin');
      }
    } finally {
      await db.drop();
    }
  });
});
