// WORKERS=N: the primary process forks N workers that share the port
// (node:cluster hands each new connection to one of them) and keeps N
// running. It serves nothing itself; main.ts has it migrate and seed first.
import cluster, { type Worker } from 'node:cluster';

/** A worker that lived this long was healthy: its death starts the backoff afresh. */
const STABLE_AFTER_MS = 30_000;
const FIRST_DELAY_MS = 1_000;
const LONGEST_DELAY_MS = 60_000;

/**
 * How long to wait before replacing a worker, given how many died in a row soon
 * after starting: at once after one that ran a while, else 1 s, 2 s, 4 s … up to a
 * minute, so a worker that cannot start (database away, bad deploy) does not spin a core.
 */
export function respawnDelayMs(quickDeathsInARow: number): number {
  if (quickDeathsInARow <= 0) return 0;
  return Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** (quickDeathsInARow - 1));
}

export interface SupervisorOptions {
  workers: number;
  /** How long a stopping worker may take to finish its requests before the primary kills it. */
  graceMs: number;
  log: (line: string) => void;
}

export function superviseWorkers({ workers, graceMs, log }: SupervisorOptions): void {
  const alive = new Map<number, { worker: Worker; startedAt: number }>();
  const pendingForks = new Set<NodeJS.Timeout>();
  let quickDeaths = 0;
  let stopping = false;
  let failedExit = false;

  const fork = () => {
    const worker = cluster.fork();
    alive.set(worker.id, { worker, startedAt: Date.now() });
  };

  cluster.on('listening', (worker) => log(`worker ${worker.id} (pid ${worker.process.pid}) listening`));
  cluster.on('exit', (worker, code, signal) => {
    const entry = alive.get(worker.id);
    alive.delete(worker.id);
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (stopping) {
      if (code !== 0) failedExit = true;
      log(`worker ${worker.id} (pid ${worker.process.pid}) stopped (${how})`);
      if (alive.size === 0) process.exit(failedExit ? 1 : 0);
      return;
    }
    const lived = entry ? Date.now() - entry.startedAt : 0;
    quickDeaths = lived < STABLE_AFTER_MS ? quickDeaths + 1 : 0;
    const delay = respawnDelayMs(quickDeaths);
    log(`worker ${worker.id} (pid ${worker.process.pid}) died (${how}); a new one starts in ${delay} ms`);
    const timer = setTimeout(() => {
      pendingForks.delete(timer);
      if (!stopping) fork();
    }, delay);
    pendingForks.add(timer);
  });

  for (let i = 0; i < workers; i++) fork();

  // Each worker stops accepting, finishes its requests and closes the database; the primary exits after the last.
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const timer of pendingForks) clearTimeout(timer);
    pendingForks.clear();
    log(`${signal}: stopping ${alive.size} workers`);
    if (alive.size === 0) process.exit(0);
    for (const { worker } of alive.values()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const { worker } of alive.values()) worker.process.kill('SIGKILL');
    }, graceMs + 5_000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
