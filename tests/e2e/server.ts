// Runs the real server as its own process, the way `npm start` does, on a
// fresh SQLite file in a temp dir, serving the H5 build. Demo accounts and
// demo activities are seeded by the server itself at start.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { h5Dir, repoRoot, serverMain } from './build';

export interface KepuServer {
  url: string;
  /** The server's database, for the operator's CLI (`npm run admin`). */
  dbUrl: string;
  /** Everything the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  // Seeding both plans and the demo data takes a few seconds on a slow machine.
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${output()}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server never answered /readyz with 200:\n${output()}`);
}

/** `env` overrides the defaults below (e.g. AUTH_MODE=wechat for production's sign-in paths). */
export async function startServer(env: Record<string, string> = {}): Promise<KepuServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kepu-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dbUrl = `sqlite:${join(dir, 'kepu.sqlite')}`;
  const child = spawn(process.execPath, [serverMain], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DB_URL: dbUrl,
      AUTH_MODE: 'dev',
      RATE_LIMIT: 'off',
      STATIC_DIR: h5Dir,
      UPLOAD_DIR: join(dir, 'uploads'),
      REDIS_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const output = () => log;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(url, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dbUrl, output, stop };
}
