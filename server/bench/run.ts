// `npm run bench`: what issue 13 asks to be measured, written to BENCHMARKS.md.
// - Importer throughput (in this process).
// - Per engine (SQLite, then MariaDB when reachable on loopback): a database of
//   BENCH_EVENTS events (90% ended), the server started as production starts it
//   (`node server/dist/main.js`, its own process), a bare Koa app serving the very
//   bytes GET /api/v1/events returned (its own process), and the load generator
//   (its own process, autocannon). Scenarios run interleaved in rounds, each printed
//   with its ratio to the bare-Koa req/s of the same rounds; server memory is read
//   from /proc while it is under load; then a sign-up burst across two server
//   processes on the same database.
// It measures and compares with the issue's targets; it never fails on a miss.
// BENCH_ONLY=list (bare Koa and GET /events only), BENCH_ONLY=reads (every read
// scenario) or scenario keys (BENCH_ONLY=q,q-miss, with bare Koa and the list) runs just those, without the importer and the burst, and prints the
// tables to stdout instead of writing BENCHMARKS.md: for iterating, never the record.
import 'reflect-metadata';
import { execSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { arch, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { parseDatabaseUrl, type DatabaseConfig } from '../src/config';
import { issueSessionToken } from '../src/core/tokens';
import { openDatabase } from '../src/db/data-source';
import { EventEntity } from '../src/db/entities/event.entity';
import { SignupEntity } from '../src/db/entities/signup.entity';
import { deriveCampaignEvents, parsePlan } from '../src/importer';
import { benchSearchTerms, seedBenchData, type BenchData } from './fixtures';
import type { BurstSummary, LoadJob, ReadJob, ReadSummary } from './loadgen';
import {
  forkScript,
  freePort,
  killStarted,
  peakResident,
  sampleMemory,
  startServer,
  stopChild,
  tail,
  type MemorySample,
  type ServerProcess,
} from './server-process';

const repoRoot = resolve(__dirname, '../../..');
const seedsDir = process.env.SEEDS_DIR ?? join(repoRoot, 'seeds');
const outFile = process.env.BENCH_OUT ?? join(repoRoot, 'BENCHMARKS.md');
const mainJs = join(repoRoot, 'server/dist/main.js');

const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const settings = {
  events: envInt('BENCH_EVENTS', 100_000),
  connections: envInt('BENCH_CONNECTIONS', 50),
  progressConnections: envInt('BENCH_PROGRESS_CONNECTIONS', 1),
  rounds: envInt('BENCH_ROUNDS', 3),
  scenarioS: envInt('BENCH_SCENARIO_S', 4),
  warmupS: envInt('BENCH_WARMUP_S', 1),
  burstUsers: envInt('BENCH_BURST_USERS', 5000),
  burstSeats: envInt('BENCH_BURST_SEATS', 200),
  importerMs: envInt('BENCH_IMPORTER_MS', 1500),
  /**
   * Per engine: rounds after the first start only while the engine's read rounds have taken less
   * than this (a slow server leaves seconds of queued requests after every run), and say so.
   */
  roundsBudgetS: envInt('BENCH_ROUNDS_BUDGET_S', 150),
  engines: (process.env.BENCH_ENGINES ?? 'sqlite,mariadb').split(',').map((e) => e.trim().toLowerCase()),
  only: parseOnly(process.env.BENCH_ONLY),
};

/** BENCH_ONLY: a partial run (see the header), or null for the whole bench. */
function parseOnly(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^[a-z-]+(,[a-z-]+)*$/.test(value)) throw new Error(`BENCH_ONLY=${value}: expected list, reads or scenario keys such as q,q-miss`);
  return value;
}

/** Bare Koa and the list always run in a partial run: every other row is printed as a ratio to them. */
function scenarioWanted(key: string): boolean {
  if (!settings.only || settings.only === 'reads') return true;
  return key === 'bare' || key === 'list' || settings.only.split(',').includes(key);
}
/** The fewest progress answers a run measures, so its p99 is a percentile and not the single slowest answer. */
const PROGRESS_SAMPLES = 300;
/** What a browser or the mini-program sends: if the server compresses, both it and bare Koa serve the compressed bytes. */
const REQUEST_HEADERS = { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br' };
/** The issue's targets. */
const TARGETS = { listRatio: 0.5, listP99: 100, nearP99: 200, progressP99: 200, rssMb: 250 };
/** Production-like settings; a secret long enough for NODE_ENV=production. */
const AUTH_SECRET = 'kepu-bench-secret-0123456789abcdef0123456789abcdef0123456789abcdef';

const started = performance.now();
const loadAtStart = loadavg();
const loadSamples: number[] = [];
const notes: string[] = [];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[bench] ${line}`);

// ---------- importer ----------

interface ImporterRow {
  file: string;
  kb: number;
  tasks: number;
  derived: number;
  iterations: number;
  msPerOp: number;
  opsPerSec: number;
  msPerKb: number;
  parseMs: number;
  deriveMs: number;
}

function timeLoop(budgetMs: number, maxIterations: number, work: () => void): { iterations: number; msPerOp: number } {
  // Warm up for a quarter of the budget (at least 5 runs) so the JIT has settled before timing.
  const warmUntil = performance.now() + budgetMs / 4;
  for (let i = 0; i < 5 || performance.now() < warmUntil; i++) work();
  let iterations = 0;
  const t0 = performance.now();
  while (iterations < maxIterations && (iterations < 20 || performance.now() - t0 < budgetMs)) {
    work();
    iterations++;
  }
  return { iterations, msPerOp: (performance.now() - t0) / iterations };
}

function benchImporter(): ImporterRow[] {
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const texts = files.map((file) => ({ file, text: readFileSync(join(seedsDir, file), 'utf8') }));
  const rows = texts.map(({ file, text }) => {
    const kb = Buffer.byteLength(text, 'utf8') / 1024;
    const plan = parsePlan(text);
    const derived = deriveCampaignEvents(plan);
    const both = timeLoop(settings.importerMs, 100_000, () => deriveCampaignEvents(parsePlan(text)));
    const parse = timeLoop(settings.importerMs / 2, 100_000, () => parsePlan(text));
    const derive = timeLoop(settings.importerMs / 2, 100_000, () => deriveCampaignEvents(plan));
    return {
      file,
      kb,
      tasks: plan.tasks.length,
      derived: derived.length,
      iterations: both.iterations,
      msPerOp: both.msPerOp,
      opsPerSec: 1000 / both.msPerOp,
      msPerKb: both.msPerOp / kb,
      parseMs: parse.msPerOp,
      deriveMs: derive.msPerOp,
    };
  });
  const all = timeLoop(settings.importerMs, 100_000, () => {
    for (const { text } of texts) deriveCampaignEvents(parsePlan(text));
  });
  const parsedAll = texts.map(({ text }) => parsePlan(text));
  const parseAll = timeLoop(settings.importerMs / 2, 100_000, () => {
    for (const { text } of texts) parsePlan(text);
  });
  const deriveAll = timeLoop(settings.importerMs / 2, 100_000, () => {
    for (const plan of parsedAll) deriveCampaignEvents(plan);
  });
  const kb = rows.reduce((n, r) => n + r.kb, 0);
  rows.push({
    file: 'both plans',
    kb,
    tasks: rows.reduce((n, r) => n + r.tasks, 0),
    derived: rows.reduce((n, r) => n + r.derived, 0),
    iterations: all.iterations,
    msPerOp: all.msPerOp,
    opsPerSec: 1000 / all.msPerOp,
    msPerKb: all.msPerOp / kb,
    parseMs: parseAll.msPerOp,
    deriveMs: deriveAll.msPerOp,
  });
  return rows;
}

// ---------- processes ----------

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The load generator child: one job at a time, answered over IPC. */
class LoadGenerator {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  constructor(private readonly child: ChildProcess) {
    child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error !== undefined) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.result);
    });
    child.on('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`the load generator exited (${code})`));
      this.pending.clear();
    });
  }

  static async start(): Promise<LoadGenerator> {
    return new LoadGenerator(await forkScript(join(__dirname, 'loadgen.js'), process.env, false));
  }

  call<T>(job: WithoutId<LoadJob>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ ...job, id });
    });
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  ms: number;
}

/** One GET with the bench's headers, body left as sent (compressed if the server compressed it). */
function rawGet(url: string): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(url, { headers: REQUEST_HEADERS, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - t0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(reply: RawReply): string {
  const encoding = String(reply.headers['content-encoding'] ?? '');
  const body =
    encoding === 'gzip'
      ? gunzipSync(reply.body)
      : encoding === 'br'
        ? brotliDecompressSync(reply.body)
        : encoding === 'deflate'
          ? inflateSync(reply.body)
          : reply.body;
  return body.toString('utf8');
}

/**
 * Waits until the server answers /readyz (a query through its database pool) quickly again:
 * requests still running when a load run ended (a slow list at 50 connections) would
 * otherwise eat into the next scenario, in the server's event loop or in its pool.
 */
async function settle(url: string, maxMs = 90_000): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < maxMs) {
    const s0 = performance.now();
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (performance.now() - s0 < 50) break;
    } catch {
      // busy; try again
    }
    await sleep(100);
  }
  return performance.now() - t0;
}

// ---------- one engine ----------

interface Scenario {
  key: string;
  label: string;
  target: 'bare' | 'server';
  path: string;
  paths?: string[];
  connections: number;
}

interface ScenarioCheck {
  status: number;
  bytes: number;
  contentEncoding: string;
  items: number | null;
  firstMs: number;
  error?: string;
}

interface BurstResult {
  summary: BurstSummary;
  seats: number;
  confirmed: number;
  waitlisted: number;
  rows: number;
  eventConfirmedCount: number;
  eventWaitlistCount: number;
  rss: MemorySample;
}

interface EngineResult {
  engine: string;
  version: string;
  seedMs: number;
  data: BenchData;
  scenarios: Scenario[];
  checks: Map<string, ScenarioCheck>;
  reads: Map<string, ReadSummary>;
  roundsRun: number;
  progressPerRound: number;
  rssUnderLoad: MemorySample;
  hwm: { sum: number; max: number };
  burst: BurstResult | null;
  burstError?: string;
}

function scenariosFor(data: BenchData): Scenario[] {
  const c = settings.connections;
  const near = `${data.centre.lat.toFixed(4)},${data.centre.lng.toFixed(4)}`;
  // Each word at two page sizes: more distinct queries than the server caches (400), cycled in
  // order, so none is answered from the cache and each costs its query, its page and its gzip.
  const searchPaths = benchSearchTerms(['柳州市', '唐山市']).flatMap((term) =>
    [10, 20].map((limit) => `/api/v1/events?q=${encodeURIComponent(term)}&limit=${limit}`),
  );
  return [
    { key: 'bare', label: 'bare Koa: the same bytes as GET /events', target: 'bare', path: '/api/v1/events', connections: c },
    { key: 'list', label: 'GET /events (public list, default: not ended, soonest first)', target: 'server', path: '/api/v1/events', connections: c },
    {
      key: 'list-city',
      label: `GET /events?city=${data.city}`,
      target: 'server',
      path: `/api/v1/events?city=${encodeURIComponent(data.city)}`,
      connections: c,
    },
    { key: 'near', label: `GET /events?near=${near}`, target: 'server', path: `/api/v1/events?near=${near}`, connections: c },
    {
      key: 'q',
      label: 'GET /events?q=急救 (one search, asked again and again)',
      target: 'server',
      path: `/api/v1/events?q=${encodeURIComponent('急救')}`,
      connections: c,
    },
    {
      key: 'q-miss',
      label: `GET /events?q=… (${searchPaths.length} different searches in turn, more than the cache keeps: every one walks the gram index)`,
      target: 'server',
      path: searchPaths[0]!,
      paths: searchPaths,
      connections: c,
    },
    {
      key: 'detail',
      label: `GET /events/:id (cycling over ${data.detailIds.length} events, ended and upcoming)`,
      target: 'server',
      path: `/api/v1/events/${data.detailIds[0]}`,
      paths: data.detailIds.map((id) => `/api/v1/events/${id}`),
      connections: c,
    },
    {
      key: 'progress',
      label: `GET /plans/:id/progress (100-task plan: ${data.progressEventsInYear.toLocaleString('en')} of its ${data.progressEvents.toLocaleString('en')} events in its year)`,
      target: 'server',
      path: `/api/v1/plans/${data.progressPlanId}/progress`,
      connections: settings.progressConnections,
    },
  ];
}

function serverEnv(dbUrl: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    // As the Dockerfile and npm start run the server (an operator's own value passes through).
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    AUTH_MODE: 'wechat',
    AUTH_SECRET,
    DB_URL: dbUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    RATE_LIMIT: 'off',
    // The bench imported the seed plans itself.
    SEED_PLANS: 'off',
  };
}

async function benchEngine(engine: string, version: string, database: DatabaseConfig, dbUrl: string, loadgen: LoadGenerator): Promise<EngineResult> {
  const work = mkdtempSync(join(tmpdir(), 'kepu-bench-run-'));
  let dataSource: DataSource | undefined;
  let serverA: ServerProcess | undefined;
  let serverB: ServerProcess | undefined;
  let bare: ChildProcess | undefined;
  try {
    const now = new Date();
    const t0 = performance.now();
    dataSource = await openDatabase(database);
    const data = await seedBenchData(dataSource, seedsDir, { events: settings.events, burstUsers: settings.burstUsers, burstSeats: settings.burstSeats }, now);
    const seedMs = performance.now() - t0;
    log(
      `${engine}: seeded ${data.counts.events} events (${data.counts.ended} ended), ${data.counts.signups} sign-ups, ${data.counts.links} plan-task links, ${data.burstUserIds.length} users in ${(seedMs / 1000).toFixed(1)} s`,
    );

    serverA = await startServer(mainJs, serverEnv(dbUrl, await freePort()), join(work, 'server-a.log'));
    log(`${engine}: server A pid ${serverA.pid} at ${serverA.url}`);

    // The baseline serves exactly what the real list answered, headers that shape the bytes included.
    const listReply = await rawGet(`${serverA.url}/api/v1/events`);
    if (listReply.status !== 200) throw new Error(`${engine}: GET /api/v1/events answered ${listReply.status}: ${decoded(listReply).slice(0, 300)}`);
    const bodyFile = join(work, 'list-body.bin');
    writeFileSync(bodyFile, listReply.body);
    const barePort = await freePort();
    bare = await forkScript(
      join(__dirname, 'bare-koa.js'),
      {
        ...process.env,
        PORT: String(barePort),
        BARE_BODY_FILE: bodyFile,
        BARE_CONTENT_TYPE: String(listReply.headers['content-type'] ?? ''),
        BARE_CONTENT_ENCODING: String(listReply.headers['content-encoding'] ?? ''),
      },
      true,
    );
    const bareUrl = `http://127.0.0.1:${barePort}`;
    const urlOf = (scenario: Scenario) => (scenario.target === 'bare' ? bareUrl : serverA!.url) + scenario.path;

    const scenarios = scenariosFor(data).filter((s) => scenarioWanted(s.key));
    const checks = new Map<string, ScenarioCheck>();
    for (const scenario of scenarios) {
      const reply = await rawGet(urlOf(scenario));
      const text = decoded(reply);
      let items: number | null = null;
      try {
        const parsed = JSON.parse(text) as { items?: unknown[] };
        items = Array.isArray(parsed.items) ? parsed.items.length : null;
      } catch {
        items = null;
      }
      checks.set(scenario.key, {
        status: reply.status,
        bytes: reply.body.length,
        contentEncoding: String(reply.headers['content-encoding'] ?? 'identity'),
        items,
        firstMs: reply.ms,
        ...(reply.status === 200 ? {} : { error: `${reply.status} ${text.slice(0, 200)}` }),
      });
      if (scenario.target === 'server') await settle(serverA.url);
    }
    const bareBytes = checks.get('bare')!.bytes;
    if (bareBytes !== checks.get('list')!.bytes) notes.push(`${engine}: bare Koa served ${bareBytes} bytes, the list ${checks.get('list')!.bytes}.`);
    const runnable = scenarios.filter((s) => checks.get(s.key)!.status === 200);
    for (const s of scenarios.filter((x) => !runnable.includes(x)))
      notes.push(`${engine} ${s.key}: not measured, the first request answered ${checks.get(s.key)!.error}.`);

    // Progress can take seconds per request: a fixed number per round, sized from a warm request, instead of a time window.
    const readJob = (scenario: Scenario, key: string, durationS: number, progressAmount: number): Omit<ReadJob, 'id'> => ({
      type: 'read',
      key,
      url: urlOf(scenario),
      paths: scenario.paths,
      headers: REQUEST_HEADERS,
      connections: scenario.connections,
      timeoutS: 60,
      ...(scenario.key === 'progress' ? { amount: progressAmount } : { durationS }),
    });
    for (const scenario of runnable) {
      // A few connections are enough to warm the JIT and caches, and leave a slow server little queued work.
      const warmup = { ...scenario, connections: Math.min(4, scenario.connections) };
      await loadgen.call(readJob(warmup, `warmup:${scenario.key}`, settings.warmupS, settings.progressConnections));
      if (scenario.target === 'server') await settle(serverA.url);
    }
    const progressWarm = runnable.some((s) => s.key === 'progress') ? await rawGet(`${serverA.url}/api/v1/plans/${data.progressPlanId}/progress`) : { ms: 1 };
    // At least PROGRESS_SAMPLES answers over all rounds: with fewer than 100, "p99" is only the slowest one.
    const timeSized = Math.min(100, Math.max(2, Math.round((settings.scenarioS * 1000) / Math.max(progressWarm.ms, 1))));
    const progressPerRound = Math.max(timeSized, Math.ceil(PROGRESS_SAMPLES / settings.rounds)) * settings.progressConnections;

    // Interleaved rounds: each round runs every scenario (bare Koa included) once, so drifting
    // background load on a shared machine hits them alike and the ratios stay comparable.
    const rss: MemorySample = { peakRss: 0, peakRssOneProcess: 0, processes: 0 };
    let roundsRun = 0;
    const roundsStarted = performance.now();
    for (; roundsRun < settings.rounds; roundsRun++) {
      if (roundsRun > 0 && (performance.now() - roundsStarted) / 1000 > settings.roundsBudgetS) {
        notes.push(
          `${engine}: ${roundsRun} of ${settings.rounds} rounds ran within the rounds' time budget (BENCH_ROUNDS_BUDGET_S=${settings.roundsBudgetS}).`,
        );
        break;
      }
      for (const scenario of runnable) {
        const sampler = scenario.target === 'server' ? sampleMemory([serverA.pid]) : null;
        const run = await loadgen.call<{ requests: number; elapsedMs: number }>(
          readJob(scenario, `${engine}:${scenario.key}`, settings.scenarioS, progressPerRound),
        );
        const memory = sampler?.stop();
        if (memory) {
          rss.peakRss = Math.max(rss.peakRss, memory.peakRss);
          rss.peakRssOneProcess = Math.max(rss.peakRssOneProcess, memory.peakRssOneProcess);
          rss.processes = Math.max(rss.processes, memory.processes);
        }
        const settledMs = scenario.target === 'server' ? await settle(serverA.url) : 0;
        loadSamples.push(loadavg()[0]!);
        log(
          `${engine} round ${roundsRun + 1} ${scenario.key}: ${run.requests} responses in ${(run.elapsedMs / 1000).toFixed(1)} s` +
            (settledMs > 1000 ? ` (server busy ${(settledMs / 1000).toFixed(1)} s after)` : ''),
        );
      }
    }
    const summaries = await loadgen.call<ReadSummary[]>({ type: 'summary', keys: runnable.map((s) => `${engine}:${s.key}`) });
    const reads = new Map(summaries.map((s) => [s.key.slice(engine.length + 1), s]));
    const hwm = peakResident(serverA.pid);

    // Sign-up burst: distinct users, one small event, two server processes on the same database.
    let burst: BurstResult | null = null;
    let burstError: string | undefined;
    if (settings.only) {
      burstError = `skipped (BENCH_ONLY=${settings.only})`;
    } else {
      try {
        serverB = await startServer(mainJs, serverEnv(dbUrl, await freePort()), join(work, 'server-b.log'));
        const tokens = data.burstUserIds.map((id) => issueSessionToken(id, 'wechat', AUTH_SECRET, now));
        const sampler = sampleMemory([serverA.pid, serverB.pid]);
        const summary = await loadgen.call<BurstSummary>({
          type: 'burst',
          targets: [serverA.url, serverB.url],
          path: `/api/v1/events/${data.burstEventId}/signups`,
          tokens,
          connections: settings.connections,
          maxMs: 240_000,
        });
        const burstRss = sampler.stop();
        const event = await dataSource.getRepository(EventEntity).findOneByOrFail({ id: data.burstEventId });
        const byStatus: { status: string; n: string | number }[] = await dataSource
          .getRepository(SignupEntity)
          .createQueryBuilder('s')
          .select('s.status', 'status')
          .addSelect('COUNT(*)', 'n')
          .where('s.eventId = :id', { id: data.burstEventId })
          .groupBy('s.status')
          .getRawMany();
        const count = (status: string) => Number(byStatus.find((r) => r.status === status)?.n ?? 0);
        burst = {
          summary,
          seats: settings.burstSeats,
          confirmed: count('confirmed'),
          waitlisted: count('waitlisted'),
          rows: byStatus.reduce((n, r) => n + Number(r.n), 0),
          eventConfirmedCount: event.confirmedCount,
          eventWaitlistCount: event.waitlistCount,
          rss: burstRss,
        };
        log(
          `${engine} burst: ${summary.requests} sign-ups in ${(summary.elapsedMs / 1000).toFixed(1)} s, ${burst.confirmed} confirmed, ${burst.waitlisted} waitlisted, ${summary.failures} errors ${JSON.stringify(summary.statuses)}`,
        );
      } catch (error) {
        burstError = (error as Error).message;
        notes.push(`${engine} burst: not measured — ${burstError}`);
      }
    }
    return {
      engine,
      version,
      seedMs,
      data,
      scenarios,
      checks,
      reads,
      roundsRun,
      progressPerRound,
      rssUnderLoad: rss,
      hwm,
      burst,
      ...(burstError ? { burstError } : {}),
    };
  } catch (error) {
    for (const server of [serverA, serverB]) if (server) console.error(`[bench] ${server.logFile}:\n${tail(server.logFile)}`);
    throw error;
  } finally {
    await serverB?.stop();
    await serverA?.stop();
    if (bare) await stopChild(bare);
    await dataSource?.destroy();
    rmSync(work, { recursive: true, force: true });
  }
}

async function benchSqlite(loadgen: LoadGenerator): Promise<EngineResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kepu-bench-'));
  try {
    const path = join(dir, 'kepu.sqlite');
    const version = execSync(`"${process.execPath}" -e "console.log(require('better-sqlite3')(':memory:').prepare('select sqlite_version() v').get().v)"`, {
      cwd: join(repoRoot, 'server'),
    })
      .toString()
      .trim();
    return await benchEngine('SQLite', `SQLite ${version} (better-sqlite3, WAL, file in the OS temp dir)`, { type: 'sqlite', path }, `sqlite:${path}`, loadgen);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchMariadb(loadgen: LoadGenerator): Promise<EngineResult | { skipped: string }> {
  const url = process.env.KEPU_BENCH_MYSQL_URL ?? process.env.KEPU_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
  const base = parseDatabaseUrl(url);
  if (base.type !== 'mysql') return { skipped: `${url} is not a mysql:// URL` };
  if (!LOOPBACK_HOSTS.has(base.host)) return { skipped: `${base.host} is not a loopback address` };
  let admin;
  try {
    admin = await createConnection({ host: base.host, port: base.port, user: base.username, password: base.password, connectTimeout: 3000 });
  } catch (error) {
    return { skipped: `MariaDB at ${base.host}:${base.port} not reachable (${(error as Error).message})` };
  }
  const [[version]] = (await admin.query('SELECT VERSION() AS v')) as unknown as [[{ v: string }]];
  const name = `kepu_bench_${process.pid}_${Date.now().toString(36)}`;
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    const dbUrl = new URL(url.replace(/^mariadb:/, 'mysql:'));
    dbUrl.pathname = `/${name}`;
    return await benchEngine('MariaDB', `MariaDB ${version.v} at ${base.host}:${base.port}`, { ...base, database: name }, dbUrl.toString(), loadgen);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}

// ---------- report ----------

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
// Percentiles of a run with no response come back over IPC as null (JSON has no NaN).
const ms = (n: number | null | undefined) => (n === undefined || n === null || Number.isNaN(n) ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(0));
const verdict = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? '**PASS**' : '**FAIL**');

function gitDescription(): string {
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const dirty = execSync('git status --porcelain', { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim()
      ? ' (with uncommitted changes)'
      : '';
    return `${head}${dirty}`;
  } catch {
    return 'unknown';
  }
}

function ratioToBare(result: EngineResult, key: string): number | undefined {
  const bare = result.reads.get('bare');
  const read = result.reads.get(key);
  return bare && read && bare.reqPerSec ? read.reqPerSec / bare.reqPerSec : undefined;
}

/** A scenario that got no answer at all within its runs: slower than the window allows, or failing. */
const silent = (read: ReadSummary) =>
  `no response in ${(read.elapsedMs / 1000).toFixed(0)} s of load${read.errors ? ` (${read.errors} timed out or failed)` : ''}`;

interface TargetRow {
  target: string;
  measure: (r: EngineResult) => { text: string; ok: boolean | null };
}

const targetRows: TargetRow[] = [
  {
    target: `public list ≥ ${TARGETS.listRatio}× bare Koa req/s, p99 < ${TARGETS.listP99} ms at ${settings.connections} connections`,
    measure: (r) => {
      const read = r.reads.get('list');
      const ratio = ratioToBare(r, 'list');
      if (!read || ratio === undefined) return { text: 'not measured', ok: null };
      if (read.requests === 0) return { text: silent(read), ok: false };
      const clean = read.non200 === 0 && read.errors === 0;
      return {
        text: `${ratio.toFixed(2)}×, p99 ${ms(read.p99Ms)} ms${clean ? '' : `, ${read.non200 + read.errors} failed`}`,
        ok: ratio >= TARGETS.listRatio && read.p99Ms < TARGETS.listP99 && clean,
      };
    },
  },
  {
    target: `near= p99 < ${TARGETS.nearP99} ms (${settings.connections} connections)`,
    measure: (r) => {
      const read = r.reads.get('near');
      if (!read) return { text: 'not measured', ok: null };
      if (read.requests === 0) return { text: silent(read), ok: false };
      return { text: `p99 ${ms(read.p99Ms)} ms`, ok: read.p99Ms < TARGETS.nearP99 && read.non200 === 0 && read.errors === 0 };
    },
  },
  {
    target: `progress p99 < ${TARGETS.progressP99} ms, 100-task plan with a third of its events in its year, ${settings.events.toLocaleString('en')} events in all (${settings.progressConnections} connection${settings.progressConnections > 1 ? 's' : ''})`,
    measure: (r) => {
      const read = r.reads.get('progress');
      if (!read) return { text: 'not measured', ok: null };
      if (read.requests === 0) return { text: silent(read), ok: false };
      return {
        text: `p99 ${ms(read.p99Ms)} ms over ${read.requests} requests (${r.data.progressEventsInYear.toLocaleString('en')} events in the year, ${r.data.progressLinks.toLocaleString('en')} links)`,
        ok: read.p99Ms < TARGETS.progressP99 && read.non200 === 0 && read.errors === 0,
      };
    },
  },
  {
    target: `sign-up burst: ${settings.burstUsers.toLocaleString('en')} distinct users, ${settings.burstSeats} seats, 2 server processes: exactly ${settings.burstSeats} confirmed, 0 errors`,
    measure: (r) => {
      const b = r.burst;
      if (!b) return { text: `not measured${r.burstError ? ` (${r.burstError.split('\n')[0]})` : ''}`, ok: null };
      return {
        text: `${b.confirmed} confirmed, ${b.summary.failures} errors of ${b.summary.requests}`,
        ok: b.confirmed === b.seats && b.summary.failures === 0 && b.summary.requests === settings.burstUsers,
      };
    },
  },
  {
    target: `server RSS under load < ${TARGETS.rssMb} MB`,
    measure: (r) => {
      const peak = Math.max(r.rssUnderLoad.peakRss, r.hwm.sum);
      if (!peak) return { text: 'not measured', ok: null };
      return { text: `${mb(peak)} MB`, ok: peak < TARGETS.rssMb * 1024 * 1024 };
    },
  },
];

function readTable(result: EngineResult): string[] {
  const lines = [
    '| scenario | connections | responses | req/s | × bare Koa | p50 ms | p90 ms | p99 ms | max ms | non-200 | errors | bytes/response | items |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const scenario of result.scenarios) {
    const read = result.reads.get(scenario.key);
    const check = result.checks.get(scenario.key);
    if (!read) {
      lines.push(`| ${scenario.label} | ${scenario.connections} | not measured: ${check?.error ?? 'skipped'} | | | | | | | | | | |`);
      continue;
    }
    const ratio = ratioToBare(result, scenario.key);
    lines.push(
      `| ${scenario.label} | ${scenario.connections} | ${read.requests} | ${read.reqPerSec.toFixed(read.reqPerSec < 10 ? 2 : 0)} | ${ratio === undefined ? '—' : `${ratio.toFixed(scenario.key === 'bare' ? 2 : 3)}×`} | ${ms(read.p50Ms)} | ${ms(read.p90Ms)} | ${ms(read.p99Ms)} | ${ms(read.maxMs)} | ${read.non200} | ${read.errors} | ${read.bytesPerResponse.toFixed(0)} | ${check?.items ?? '—'} |`,
    );
  }
  return lines;
}

function burstLines(result: EngineResult): string[] {
  const b = result.burst;
  if (!b) return [`- ${result.engine}: not measured${result.burstError ? ` — ${result.burstError.split('\n')[0]}` : ''}.`];
  const s = b.summary;
  return [
    `- ${result.engine}: ${s.requests} POST /events/:id/signups by distinct users (${s.perTarget.join(' + ')} to the two processes) in ${(s.elapsedMs / 1000).toFixed(1)} s ` +
      `(${s.reqPerSec.toFixed(0)} req/s, p50 ${ms(s.p50Ms)} ms, p99 ${ms(s.p99Ms)} ms): statuses ${Object.entries(s.statuses)
        .map(([k, v]) => `${k} × ${v}`)
        .join(', ')}; ` +
      `**${b.confirmed} confirmed**, ${b.waitlisted} waitlisted, ${b.rows} sign-up rows (event counters ${b.eventConfirmedCount} / ${b.eventWaitlistCount}); **${s.failures} errors**; ` +
      `peak RSS of both processes ${mb(b.rss.peakRss)} MB.`,
  ];
}

function writeReport(command: string, importer: ImporterRow[], results: EngineResult[], skipped: string[]): void {
  const totalSeconds = (performance.now() - started) / 1000;
  const loadAtEnd = loadavg();
  const cpuList = cpus();
  const busy = Math.max(loadAtStart[0]!, loadAtEnd[0]!, ...loadSamples) > cpuList.length * 0.75;
  const both = importer[importer.length - 1]!;
  const head = (r: EngineResult) => r.engine;
  const lines = [
    '# Benchmarks',
    '',
    `Produced by \`${command}\` on ${new Date().toISOString()} (commit ${gitDescription()}); the whole run took ${totalSeconds.toFixed(0)} s.`,
    'Absolute numbers belong to one machine and one moment; the ratios to bare Koa are measured in the same rounds and are the comparable part.',
    '',
    '## Machine',
    '',
    `- CPU: ${cpuList.length} × ${cpuList[0]?.model ?? 'unknown'}${cpuList[0]?.speed ? ` @ ${cpuList[0].speed} MHz` : ''}; memory ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- OS: ${platform()} ${release()} ${arch()}; Node ${process.version}`,
    `- Load average (1/5/15 min) at start: ${loadAtStart.map((n) => n.toFixed(2)).join(' / ')}; at end: ${loadAtEnd.map((n) => n.toFixed(2)).join(' / ')}` +
      (loadSamples.length ? `; 1-min load during the runs ${Math.min(...loadSamples).toFixed(1)}–${Math.max(...loadSamples).toFixed(1)}` : '') +
      (busy ? ' — **other work was running on this machine**: absolute numbers are depressed and noisy; rerun on a quiet machine for the record.' : ''),
    ...results.map((r) => `- ${r.version}`),
    ...skipped.map((s) => `- ${s}`),
    '',
    '## Targets (issue 13)',
    '',
    `| target | ${results.map(head).join(' | ')} |`,
    `|---|${results.map(() => '---|').join('')}`,
    ...targetRows.map((row) => `| ${row.target} | ${results.map((r) => ((m) => `${m.text} — ${verdict(m.ok)}`)(row.measure(r))).join(' | ')} |`),
    '',
    '## How it was measured',
    '',
    `- Data, per engine: the two seed plans, then ${settings.events.toLocaleString('en')} published activities written with multi-row INSERTs: ${results[0] ? `${results[0].data.counts.ended.toLocaleString('en')} ended (spread over three years back) and ${results[0].data.counts.upcoming.toLocaleString('en')} upcoming (next 90 days)` : '90% ended, 10% upcoming'},`,
    `  two thirds in 柳州市 and one third in 唐山市; 0–4 sign-ups each (${results[0]?.data.counts.signups.toLocaleString('en') ?? '—'} in all, checked in when ended); every tenth a volunteer shift with certified hours;`,
    `  three in ten (ended) cite a task of a 100-task plan of last year (every second of them two tasks): ${results[0]?.data.progressEvents.toLocaleString('en') ?? '—'} events, ${results[0]?.data.progressLinks.toLocaleString('en') ?? '—'} links, ${results[0]?.data.progressEventsInYear.toLocaleString('en') ?? '—'} in the plan's year, which its progress counts.`,
    `- Server: \`node server/dist/main.js\` in its own process, as production starts it: NODE_ENV=production, MALLOC_ARENA_MAX=2 (as the Dockerfile and npm start set it), AUTH_MODE=wechat, RATE_LIMIT=off, SEED_PLANS=off, HOST=127.0.0.1, DB_URL of the engine;`,
    "  any other variable of the bench's environment (e.g. WORKERS) passes through. Memory is the sum of VmRSS over the server's process tree (workers included), sampled every 200 ms while it is",
    '  under load, and the VmHWM (kernel peak) of its processes at the end of the read scenarios; the larger is compared with the target.',
    `- Baseline: a bare Koa app (no router, no database) in its own process answering every request with the bytes, Content-Type and Content-Encoding that GET /api/v1/events`,
    `  returned from the real server just before. Every request sends \`Accept-Encoding: ${REQUEST_HEADERS['accept-encoding']}\`, so if the server compresses, both serve the same compressed bytes.`,
    `- Load: autocannon in a separate process (the load generator), ${settings.connections} keep-alive connections, ${settings.scenarioS} s per scenario per round after ${settings.warmupS} s of warm-up;`,
    `  ${settings.rounds} interleaved round${settings.rounds === 1 ? '' : 's'}, each running every scenario once (bare Koa included), so background load drifts across all alike; after each run against the server the bench waits`,
    '  until /readyz (a query through its database pool) answers within 50 ms (90 s at most), so requests still running from one scenario do not eat into the next. Latency percentiles are over every response of every round.',
    `- Progress runs with ${settings.progressConnections} connection${settings.progressConnections > 1 ? 's' : ''} (a report page opened by one person, not 50 at once) and a fixed number of requests per round (at least ${PROGRESS_SAMPLES} in all)`,
    `  sized from a warm request (${results.map((r) => `${r.engine} ${r.progressPerRound}`).join(', ')}), so a slow answer is measured rather than cut off by the time window.`,
    `- Sign-up burst: ${settings.burstUsers.toLocaleString('en')} distinct users (session tokens signed with the servers' secret) each POST one sign-up to one event with ${settings.burstSeats} seats,`,
    `  ${settings.connections} at a time, alternately to two server processes on the same database (for SQLite: two processes on one file). Errors are any answer but 201 and transport errors;`,
    '  confirmed and waitlisted are counted from the sign-up rows afterwards.',
    '- Loopback only: the servers listen on 127.0.0.1 and MariaDB is used only at a loopback address.',
    '',
    ...results.flatMap((r) => [
      `## ${r.engine}: reads (${r.roundsRun} round${r.roundsRun === 1 ? '' : 's'}; seeding took ${(r.seedMs / 1000).toFixed(1)} s)`,
      '',
      ...readTable(r),
      '',
      `Server under load: peak RSS ${mb(r.rssUnderLoad.peakRss)} MB over ${r.rssUnderLoad.processes} process${r.rssUnderLoad.processes > 1 ? 'es' : ''} (largest single process ${mb(r.rssUnderLoad.peakRssOneProcess)} MB); VmHWM ${mb(r.hwm.sum)} MB.`,
      `Response encoding of the list: ${r.checks.get('list')?.contentEncoding ?? '—'}.`,
      '',
    ]),
    '## Sign-up burst',
    '',
    ...results.flatMap(burstLines),
    '',
    '## Importer',
    '',
    '| plan | KB | tasks | derived events | parse+derive ms/op | ops/s | ms per KB | parse ms/op | derive ms/op | runs |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...importer.map(
      (r) =>
        `| ${r.file} | ${r.kb.toFixed(1)} | ${r.tasks} | ${r.derived} | ${r.msPerOp.toFixed(3)} | ${r.opsPerSec.toFixed(1)} | ${r.msPerKb.toFixed(4)} | ${r.parseMs.toFixed(3)} | ${r.deriveMs.toFixed(4)} | ${r.iterations} |`,
    ),
    '',
    `Both plans together: ${both.opsPerSec.toFixed(1)} imports/s of the pair (${(((both.kb / both.msPerOp) * 1000) / 1024).toFixed(2)} MB/s of plan text). Parse and derive run in the bench process, in a loop after a warm-up.`,
    '',
    ...(notes.length ? ['## Notes', '', ...notes.map((n) => `- ${n}`), ''] : []),
    'Knobs (environment): `BENCH_EVENTS` (100000), `BENCH_CONNECTIONS` (50), `BENCH_PROGRESS_CONNECTIONS` (1), `BENCH_ROUNDS` (3), `BENCH_SCENARIO_S` (4), `BENCH_WARMUP_S` (1),',
    '`BENCH_BURST_USERS` (5000), `BENCH_BURST_SEATS` (200), `BENCH_IMPORTER_MS` (1500), `BENCH_ROUNDS_BUDGET_S` (150), `BENCH_ENGINES` (sqlite,mariadb), `BENCH_OUT`,',
    '`KEPU_BENCH_MYSQL_URL` (default: `KEPU_TEST_MYSQL_URL`, else mysql://root@127.0.0.1:3306). A quick run: `BENCH_EVENTS=20000 BENCH_ROUNDS=1 npm run bench`. `BENCH_ONLY=list`, `reads` or scenario keys (`q,q-miss`) runs only those scenarios and prints them, writing nothing.',
    '',
  ];
  writeFileSync(outFile, lines.join('\n'));
  log(`wrote ${outFile} in ${totalSeconds.toFixed(0)} s`);
}

async function main() {
  const command =
    process.env.npm_lifecycle_event === 'bench'
      ? `${Object.entries(process.env)
          .filter(([k]) => k.startsWith('BENCH_') || k === 'WORKERS' || k === 'KEPU_BENCH_MYSQL_URL')
          .map(([k, v]) => `${k}=${v} `)
          .join('')}npm run bench`
      : `node ${process.argv
          .slice(1)
          .map((a) => a.replace(repoRoot + '/', ''))
          .join(' ')}`;
  if (!settings.only) log(`importer (${settings.importerMs} ms per measurement)`);
  const importer = settings.only ? [] : benchImporter();
  for (const row of importer) log(`importer ${row.file}: ${row.opsPerSec.toFixed(1)} ops/s, ${row.msPerKb.toFixed(3)} ms/KB`);

  const loadgen = await LoadGenerator.start();
  const results: EngineResult[] = [];
  const skipped: string[] = [];
  try {
    // An engine that fails (a server that does not start, say) is reported, and the other one still runs.
    const attempt = async (engine: string, run: () => Promise<EngineResult | { skipped: string }>) => {
      try {
        const result = await run();
        if ('skipped' in result) {
          skipped.push(`${engine}: skipped — ${result.skipped}`);
          log(`${engine} skipped: ${result.skipped}`);
        } else results.push(result);
      } catch (error) {
        const message = (error as Error).message;
        skipped.push(`${engine}: the run failed — ${message.split('\n')[0]}`);
        console.error(`[bench] ${engine} failed:`, error);
      }
    };
    if (settings.engines.includes('sqlite')) await attempt('SQLite', () => benchSqlite(loadgen));
    if (settings.engines.includes('mariadb') || settings.engines.includes('mysql')) await attempt('MariaDB', () => benchMariadb(loadgen));
  } finally {
    await loadgen.stop();
  }
  if (settings.only) printPartial(results, skipped);
  else writeReport(command, importer, results, skipped);
}

/** A partial run (BENCH_ONLY): its tables on stdout; BENCHMARKS.md is left as the last full run wrote it. */
function printPartial(results: EngineResult[], skipped: string[]): void {
  for (const r of results) {
    const list = targetRows[0]!.measure(r);
    const rss = targetRows[targetRows.length - 1]!.measure(r);
    console.log(
      [
        '',
        `## ${r.engine} (BENCH_ONLY=${settings.only}, ${r.roundsRun} round${r.roundsRun === 1 ? '' : 's'}, ${r.data.counts.events} events)`,
        ...readTable(r),
        `list: ${list.text}; RSS under load: ${rss.text} (peak VmRSS ${mb(r.rssUnderLoad.peakRss)} MB, VmHWM ${mb(r.hwm.sum)} MB)`,
      ].join('\n'),
    );
  }
  for (const s of [...skipped, ...notes]) console.log(`- ${s}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killStarted();
    process.exit(130);
  });
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error('[bench] failed:', error);
    process.exit(1);
  },
);
