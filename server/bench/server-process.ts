// Owns: the processes under test — a server started as production starts it
// (`node server/dist/main.js` with environment variables), the bare-Koa baseline,
// the load generator — and reading a process tree's memory from /proc while it
// works. Does not own: what is measured or reported (run.ts).
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Every process the bench started and has not stopped yet, so an interrupted run leaves none behind. */
const live = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Kills whatever the bench started that is still running (on SIGINT/SIGTERM of the bench). */
export function killStarted(): void {
  for (const child of live) child.kill('SIGKILL');
}

async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(timer);
}

export interface ServerProcess {
  pid: number;
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

/** The last lines a process wrote, for an error message. */
export function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Starts `node <mainJs>` with `env` (PORT and HOST included) and waits until GET /readyz answers 200. */
export async function startServer(mainJs: string, env: NodeJS.ProcessEnv, logFile: string, timeoutMs = 120_000): Promise<ServerProcess> {
  const log = openSync(logFile, 'a');
  const child = track(spawn(process.execPath, [mainJs], { env, stdio: ['ignore', log, log] }));
  closeSync(log);
  const url = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${tail(logFile)}`);
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`the server was not ready within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
    }
    await sleep(200);
  }
  return { pid: child.pid!, url, logFile, stop: () => stopChild(child, 30_000) };
}

/** Forks a compiled bench script with an IPC channel and waits for its first message when `waitForMessage`. */
export async function forkScript(script: string, env: NodeJS.ProcessEnv, waitForMessage: boolean): Promise<ChildProcess> {
  const child = track(fork(script, [], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  if (waitForMessage) {
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    });
  }
  return child;
}
export { stopChild };

// ---------- memory from /proc ----------

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The process and its descendants (a WORKERS=N server forks its workers). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [root];
  }
  for (const name of entries) {
    try {
      const stat = readFileSync(join('/proc', name, 'stat'), 'utf8');
      // Fields after the command name (which may hold spaces) start at the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export interface MemorySample {
  /** Highest sum of VmRSS over the process tree seen while sampling. */
  peakRss: number;
  /** Highest VmRSS of one process of the tree. */
  peakRssOneProcess: number;
  processes: number;
}

/** Samples a process tree's resident memory every `everyMs` until stopped. */
export function sampleMemory(roots: number[], everyMs = 200) {
  const sample: MemorySample = { peakRss: 0, peakRssOneProcess: 0, processes: 0 };
  let pids = roots.flatMap(processTree);
  let ticks = 0;
  const take = () => {
    // Re-read the tree now and then: cluster workers may come and go.
    if (++ticks % 5 === 0) pids = roots.flatMap(processTree);
    const values = pids.map((pid) => statusField(pid, 'VmRSS'));
    sample.peakRss = Math.max(
      sample.peakRss,
      values.reduce((n, v) => n + v, 0),
    );
    sample.peakRssOneProcess = Math.max(sample.peakRssOneProcess, ...values);
    sample.processes = Math.max(sample.processes, pids.length);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop(): MemorySample {
      clearInterval(timer);
      take();
      return { ...sample };
    },
  };
}

/** VmHWM (the kernel's peak resident set) of each process of a tree, summed. */
export function peakResident(root: number): { sum: number; max: number } {
  const values = processTree(root).map((pid) => statusField(pid, 'VmHWM'));
  return { sum: values.reduce((n, v) => n + v, 0), max: Math.max(0, ...values) };
}
