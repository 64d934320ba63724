// Running the built server as separate processes on one MariaDB database, for
// the concurrency suites: start/stop, build when stale, batched requests.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { ApiResponse, TestDatabase } from '../api/harness';

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

/** `env` adds to (or overrides) the variables every test process gets. */
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
