// Running the built server as separate processes on one MariaDB database, for
// the concurrency suites: start/stop, build when stale, batched requests.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { issueSessionToken } from '../../server/src/core/tokens';
import type { ApiClient, ApiResponse, TestDatabase } from '../api/harness';

const repoRoot = resolve(__dirname, '../..');
const mainJs = join(repoRoot, 'server/dist/main.js');
export const AUTH_SECRET = 'kepu-concurrency-test-secret';
export const describeMysql = process.env.KEPU_SKIP_MYSQL === '1' ? describe.skip : describe;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the built server on `dbUrl` and waits until it is ready; `env` adds to or overrides the test settings (e.g. WORKERS). */
export async function startServerProcess(dbUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const output: string[] = [];
    const child = spawn(process.execPath, [mainJs, '--no-demo'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        DB_URL: dbUrl,
        AUTH_MODE: 'dev',
        AUTH_SECRET,
        RATE_LIMIT: 'off',
        SEED_PLANS: 'on',
        REDIS_URL: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => output.push(String(chunk)));
    child.stderr!.on('data', (chunk) => output.push(String(chunk)));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    while (child.exitCode === null && Date.now() < deadline) {
      try {
        const res = await fetch(`${url}/readyz`);
        if (res.status === 200) return { url, child, output };
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    await stopServerProcess({ url, child, output });
    // The probed port may have been taken between probe and bind: try another one.
    if (attempt < 3 && output.join('').includes('EADDRINUSE')) continue;
    throw new Error(`server on ${url} did not become ready:\n${output.join('')}`);
  }
}

/** Waits until the server has printed `count` lines matching `pattern` (e.g. workers listening); returns those matches. */
export async function waitForOutput(server: ServerProcess, pattern: RegExp, count: number, timeoutMs = 60_000): Promise<RegExpMatchArray[]> {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const matches = [...server.output.join('').matchAll(global)];
    if (matches.length >= count) return matches;
    if (Date.now() > deadline || server.child.exitCode !== null) throw new Error(`expected ${count} × ${pattern} in the output:\n${server.output.join('')}`);
    await sleep(100);
  }
}

/** Whether a process with this id still runs. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function stopServerProcess(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise<void>((r) => server.child.once('exit', () => r()));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Newest modification time of the sources the server build compiles (tests excluded). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** The processes run the built server: build it when it is missing or older than its sources. */
export function ensureBuilt(): void {
  const builtAt = existsSync(mainJs) ? statSync(mainJs).mtimeMs : 0;
  const sourcesAt = Math.max(newestSource(join(repoRoot, 'server/src')), newestSource(join(repoRoot, 'shared/src')));
  if (builtAt < sourcesAt) execSync('npm run build', { cwd: repoRoot, stdio: 'inherit' });
}

export function mysqlUrl(config: TestDatabase['config']): string {
  if (config.type !== 'mysql') throw new Error('needs a MariaDB database');
  const auth = encodeURIComponent(config.username) + (config.password ? `:${encodeURIComponent(config.password)}` : '');
  return `mysql://${auth}@${config.host}:${config.port}/${config.database}`;
}

/** The DB_URL a server process takes for a test database. */
export function databaseUrl(database: TestDatabase): string {
  return database.config.type === 'sqlite' ? `sqlite:${database.config.path}` : mysqlUrl(database.config);
}

/** The residents as rows written straight into the database, each with a session token signed as dev login signs them. */
export async function createResidents(db: DataSource, count: number): Promise<{ id: string; token: string }[]> {
  const now = new Date();
  const createdAt = now.toISOString().replace('T', ' ').replace('Z', '');
  const residents = Array.from({ length: count }, () => ({ id: randomUUID(), token: '' }));
  for (let start = 0; start < count; start += 500) {
    const batch = residents.slice(start, start + 500);
    const values = batch.map(() => '(?, ?, ?, ?)').join(', ');
    await db.query(
      `INSERT INTO users (id, openid, nickname, createdAt) VALUES ${values}`,
      batch.flatMap((r, i) => [r.id, `resident-${start + i}`, `居民${start + i}`, createdAt]),
    );
  }
  for (const resident of residents) resident.token = issueSessionToken(resident.id, 'dev', AUTH_SECRET, now);
  return residents;
}

/** Runs at most `limit` of the jobs at a time, keeping their order in the result. */
export async function inBatches<T>(count: number, limit: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await job(i);
      }
    }),
  );
  return results;
}

/** How many responses had each status; an unexpected one keeps its body, so a failure shows why. */
export function statusCounts(responses: ApiResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of responses) {
    const key = r.status === 200 || r.status === 201 ? String(r.status) : `${r.status} ${r.text.slice(0, 200)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** demo-organizer's organization, with the tokens to publish its events (needs a server started with its seeds, dev login). */
export interface Publisher {
  organizer: { token: string; organizationId: string; city: string };
  reviewerToken: string;
}

export async function demoPublisher(api: ApiClient): Promise<Publisher> {
  const login = await api.login('demo-organizer');
  const me = await api.get('/api/v1/me', login.token);
  const organizationId: string | undefined = me.body.organizations?.[0]?.id;
  if (!organizationId) throw new Error(`demo-organizer has no organization: ${me.text}`);
  const organizations = await api.get('/api/v1/organizations');
  const city: string = organizations.body.items?.find((o: { id: string }) => o.id === organizationId)?.city ?? '柳州';
  return { organizer: { token: login.token, organizationId, city }, reviewerToken: (await api.login('demo-reviewer')).token };
}

/** The organizer creates the event on the first process, submits and (when review is needed) the reviewer approves on the last. */
export async function publishEvent(api: ApiClient[], { organizer, reviewerToken }: Publisher, title: string, capacity: number): Promise<string> {
  const first = api[0]!;
  const last = api[api.length - 1]!;
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const created = await first.post(
    '/api/v1/events',
    {
      title,
      description: '并发报名测试',
      kind: 'activity',
      organizerId: organizer.organizationId,
      city: organizer.city,
      audiences: ['青少年'],
      themes: ['航天'],
      district: '',
      venue: { name: '科技馆', address: '科技馆一楼报告厅', lat: 24.33, lng: 109.42 },
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      capacity,
      signupOpensAt: null,
      signupClosesAt: null,
    },
    organizer.token,
  );
  if (created.status !== 201) throw new Error(`creating the event: ${created.status} ${created.text}`);
  const id: string = created.body.id;
  const submitted = await last.post(`/api/v1/events/${id}/submit`, undefined, organizer.token);
  if (submitted.status !== 200) throw new Error(`submitting the event: ${submitted.status} ${submitted.text}`);
  if (submitted.body.status === 'pending') {
    const reviewed = await last.post(`/api/v1/events/${id}/review`, { decision: 'approve' }, reviewerToken);
    if (reviewed.status !== 200) throw new Error(`approving the event: ${reviewed.status} ${reviewed.text}`);
  }
  const published = await first.get(`/api/v1/events/${id}`);
  if (published.body.status !== 'published') throw new Error(`the event is ${published.body.status}, not published`);
  return id;
}
