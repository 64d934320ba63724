// Owns: a bounded closed-loop load generator over loopback HTTP and its latency statistics.
// Does not own: what is requested (run.ts) or any server; it never decides pass or fail.
import { Agent, request } from 'node:http';

export interface HttpReply {
  status: number;
  text: string;
}

/** A keep-alive client for one loopback server, capped at `sockets` connections. */
export function loopbackClient(port: number, sockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  function send(method: string, path: string, options: { body?: unknown; token?: string } = {}): Promise<HttpReply> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }
  return { send, close: () => agent.destroy() };
}
export type LoopbackClient = ReturnType<typeof loopbackClient>;

export interface LoadOptions {
  concurrency: number;
  /** Upper bound on requests. */
  requests: number;
  /** Upper bound on wall time; whichever bound comes first ends the run. */
  maxMs: number;
}

/** One closed-loop run: raw latencies, so runs of the same scenario can be merged. */
export interface LoadRun {
  latencies: number[];
  /** Responses whose status was not the expected one, and transport errors. */
  failures: number;
  statuses: Record<string, number>;
  elapsedMs: number;
  /** True when the time bound, not the request count, ended the run. */
  timeBound: boolean;
}

export interface LoadResult {
  requests: number;
  failures: number;
  statuses: Record<string, number>;
  elapsedMs: number;
  reqPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  timeBound: boolean;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/**
 * Closed loop: `concurrency` workers each send the next request as soon as
 * their previous one is answered, until either bound is reached.
 */
export async function runLoad(options: LoadOptions, send: (i: number) => Promise<HttpReply>, expected: (status: number) => boolean): Promise<LoadRun> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + options.maxMs;
  const worker = async () => {
    while (next < options.requests && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      let key: string;
      try {
        const reply = await send(i);
        key = String(reply.status);
        if (!expected(reply.status)) failures++;
      } catch (error) {
        key = (error as { code?: string }).code ?? 'error';
        failures++;
      }
      latencies.push(performance.now() - t0);
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { latencies, failures, statuses, elapsedMs: performance.now() - started, timeBound: latencies.length < options.requests };
}

/** Merges runs of one scenario (e.g. interleaved rounds) into one set of statistics. */
export function summarise(runs: LoadRun[]): LoadResult {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const elapsedMs = runs.reduce((n, r) => n + r.elapsedMs, 0);
  const statuses: Record<string, number> = {};
  for (const run of runs) for (const [key, n] of Object.entries(run.statuses)) statuses[key] = (statuses[key] ?? 0) + n;
  return {
    requests: latencies.length,
    failures: runs.reduce((n, r) => n + r.failures, 0),
    statuses,
    elapsedMs,
    reqPerSec: latencies.length / (elapsedMs / 1000),
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? Number.NaN,
    timeBound: runs.some((r) => r.timeBound),
  };
}
