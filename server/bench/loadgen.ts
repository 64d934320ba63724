// The load generator: a child process of the bench (forked with an IPC channel), so
// generating load never shares an event loop or a core's time slice accounting with
// the servers under test. Read scenarios go through autocannon (the tool the issue
// measured with); the sign-up burst through a small closed loop that sends exactly one
// request per user. It keeps every latency per scenario so interleaved rounds merge
// into exact percentiles. Owns no decision about what is requested (run.ts does).
import autocannon from 'autocannon';
import { loopbackClient, runLoad, summarise, type LoadResult } from './load';

export interface ReadJob {
  type: 'read';
  id: number;
  /** Scenario key: runs with the same key are merged. */
  key: string;
  url: string;
  /** Cycled through when given (e.g. event detail over many ids); else the url's path. */
  paths?: string[];
  headers: Record<string, string>;
  connections: number;
  durationS?: number;
  amount?: number;
  timeoutS: number;
}

export interface BurstJob {
  type: 'burst';
  id: number;
  /** Base URLs of the server processes; request i goes to targets[i % targets.length]. */
  targets: string[];
  path: string;
  tokens: string[];
  connections: number;
  maxMs: number;
}

export type LoadJob = ReadJob | BurstJob | { type: 'summary'; id: number; keys: string[] };

export interface ReadSummary {
  key: string;
  runs: number;
  requests: number;
  elapsedMs: number;
  reqPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Responses with a status other than 200 (e.g. 304 would count here: nothing sends If-None-Match). */
  non200: number;
  /** Connection errors and timeouts. */
  errors: number;
  statuses: Record<string, number>;
  bytesPerResponse: number;
}

export interface BurstSummary extends LoadResult {
  perTarget: number[];
}

interface Acc {
  latencies: number[];
  elapsedMs: number;
  runs: number;
  errors: number;
  statuses: Record<string, number>;
  bytes: number;
}
const accs = new Map<string, Acc>();

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

async function runRead(job: ReadJob): Promise<{ requests: number; elapsedMs: number }> {
  const acc = accs.get(job.key) ?? { latencies: [], elapsedMs: 0, runs: 0, errors: 0, statuses: {}, bytes: 0 };
  accs.set(job.key, acc);
  const paths = job.paths;
  let next = 0;
  const started = performance.now();
  let requests = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        ...(job.amount ? { amount: job.amount } : { duration: job.durationS ?? 5 }),
        timeout: job.timeoutS,
        headers: job.headers,
        ...(paths?.length ? { requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }] } : {}),
      },
      (error) => (error ? reject(error) : resolve()),
    );
    instance.on('response', (_client: unknown, statusCode: number, resBytes: number, responseTime: number) => {
      requests++;
      acc.latencies.push(responseTime);
      acc.statuses[statusCode] = (acc.statuses[statusCode] ?? 0) + 1;
      acc.bytes += resBytes;
    });
    instance.on('reqError', () => {
      acc.errors++;
    });
  });
  const elapsedMs = performance.now() - started;
  acc.elapsedMs += elapsedMs;
  acc.runs++;
  return { requests, elapsedMs };
}

function summary(key: string): ReadSummary | null {
  const acc = accs.get(key);
  if (!acc) return null;
  const sorted = Float64Array.from(acc.latencies).sort();
  const list = Array.from(sorted);
  const requests = list.length;
  return {
    key,
    runs: acc.runs,
    requests,
    elapsedMs: acc.elapsedMs,
    reqPerSec: requests / (acc.elapsedMs / 1000),
    p50Ms: percentile(list, 50),
    p90Ms: percentile(list, 90),
    p99Ms: percentile(list, 99),
    maxMs: list[list.length - 1] ?? Number.NaN,
    non200: Object.entries(acc.statuses).reduce((n, [status, count]) => (status === '200' ? n : n + count), 0),
    errors: acc.errors,
    statuses: acc.statuses,
    bytesPerResponse: requests ? acc.bytes / requests : 0,
  };
}

async function runBurst(job: BurstJob): Promise<BurstSummary> {
  const clients = job.targets.map((target) => loopbackClient(Number(new URL(target).port), Math.ceil(job.connections / job.targets.length)));
  const perTarget = job.targets.map(() => 0);
  try {
    const run = await runLoad(
      { concurrency: job.connections, requests: job.tokens.length, maxMs: job.maxMs },
      (i) => {
        const t = i % clients.length;
        perTarget[t]!++;
        return clients[t]!.send('POST', job.path, { token: job.tokens[i]!, body: { name: `压测${i}`, phone: `139${String(i).padStart(8, '0')}` } });
      },
      (status) => status === 201,
    );
    return { ...summarise([run]), perTarget };
  } finally {
    for (const client of clients) client.close();
  }
}

process.on('message', (job: LoadJob) => {
  const reply = (body: object) => process.send!({ id: job.id, ...body });
  const work =
    job.type === 'read'
      ? runRead(job)
      : job.type === 'burst'
        ? runBurst(job)
        : Promise.resolve(job.keys.map(summary).filter((s): s is ReadSummary => s !== null));
  work.then(
    (result) => reply({ result }),
    (error: Error) => reply({ error: error.stack ?? String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
