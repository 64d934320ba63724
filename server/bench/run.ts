// `npm run bench`: importer throughput, event-list/detail latency and sign-up
// throughput on SQLite and (when reachable) MariaDB, memory after the runs;
// writes BENCHMARKS.md. Reports numbers and same-run ratios, never a verdict.
import 'reflect-metadata';
import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl, type DatabaseConfig } from '../src/config';
import { EventEntity } from '../src/db/entities/event.entity';
import { deriveCampaignEvents, parsePlan } from '../src/importer';
import { seedBenchData, startBenchServer, type BenchData } from './fixtures';
import { loopbackClient, runLoad, summarise, type LoadResult, type LoadRun } from './load';

const repoRoot = resolve(__dirname, '../../..');
const seedsDir = process.env.SEEDS_DIR ?? join(repoRoot, 'seeds');
const outFile = process.env.BENCH_OUT ?? join(repoRoot, 'BENCHMARKS.md');

const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const settings = {
  extraEvents: envInt('BENCH_EVENTS', 2000),
  concurrency: envInt('BENCH_CONCURRENCY', 16),
  requests: envInt('BENCH_REQUESTS', 2000),
  scenarioMs: envInt('BENCH_SCENARIO_MS', 6000),
  rounds: envInt('BENCH_ROUNDS', 4),
  signups: envInt('BENCH_SIGNUPS', 1000),
  importerMs: envInt('BENCH_IMPORTER_MS', 1500),
  /** Scenarios not started by then are skipped, so the whole run stays near three minutes. */
  budgetMs: envInt('BENCH_BUDGET_MS', 140_000),
};
const WARMUP = 50;
const started = performance.now();
const loadAtStart = loadavg();
const notes: string[] = [];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

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

// ---------- HTTP ----------

interface Scenario {
  key: string;
  label: string;
  path: (i: number) => string;
}

interface HttpRow {
  engine: string;
  key: string;
  label: string;
  itemsOnPage: number | null;
  result: LoadResult | null;
}

function listScenarios(data: BenchData): Scenario[] {
  const city = encodeURIComponent(data.city);
  const theme = encodeURIComponent('健康');
  const q = encodeURIComponent('急救');
  const near = `${data.centre.lat},${data.centre.lng}`;
  return [
    { key: 'list', label: 'GET /events (default: not ended, soonest first)', path: () => '/api/v1/events' },
    {
      key: 'list-filters',
      label: `GET /events?city=${data.city}&theme=健康&kind=activity`,
      path: () => `/api/v1/events?city=${city}&theme=${theme}&kind=activity`,
    },
    { key: 'list-q', label: 'GET /events?q=急救', path: () => `/api/v1/events?q=${q}` },
    { key: 'list-near', label: `GET /events?near=${near}`, path: () => `/api/v1/events?near=${near}` },
    { key: 'detail', label: 'GET /events/:id (cycling over all extra events)', path: (i) => `/api/v1/events/${data.eventIds[(i * 7) % data.eventIds.length]}` },
    { key: 'shifts', label: 'GET /shifts (open volunteer shifts, soonest first)', path: () => '/api/v1/shifts' },
    {
      key: 'shifts-skill',
      label: `GET /shifts?skill=应急救护&city=${data.city}`,
      path: () => `/api/v1/shifts?skill=${encodeURIComponent('应急救护')}&city=${city}`,
    },
  ];
}

const overBudget = () => performance.now() - started > settings.budgetMs;

async function benchEngine(
  engine: string,
  database: DatabaseConfig,
): Promise<{ rows: HttpRow[]; signups: HttpRow & { confirmed?: number; waitlisted?: number } }> {
  const server = await startBenchServer(database);
  const client = loopbackClient(server.port, settings.concurrency);
  const rows: HttpRow[] = [];
  try {
    const t0 = performance.now();
    const data = await seedBenchData(
      server.dataSource,
      seedsDir,
      { extraEvents: settings.extraEvents, users: settings.signups, signupCapacity: Math.floor(settings.signups / 2) },
      new Date(),
    );
    console.log(`[bench] ${engine}: seeded plans + ${data.extraEvents} events + ${data.userTokens.length} users in ${Math.round(performance.now() - t0)} ms`);

    // Interleaved rounds: every scenario runs a slice in each round, so a change in
    // background load on a shared machine hits all scenarios alike and ratios stay fair.
    const scenarios = listScenarios(data);
    const runs = new Map<string, LoadRun[]>(scenarios.map((sc) => [sc.key, []]));
    const itemsOnPage = new Map<string, number | null>();
    for (const scenario of scenarios) {
      const first = await client.send('GET', scenario.path(0));
      if (first.status !== 200) throw new Error(`${engine} ${scenario.key}: ${first.status} ${first.text.slice(0, 300)}`);
      const body = JSON.parse(first.text) as { items?: unknown[] };
      itemsOnPage.set(scenario.key, Array.isArray(body.items) ? body.items.length : null);
      await runLoad(
        { concurrency: 4, requests: WARMUP, maxMs: 5000 },
        (i) => client.send('GET', scenario.path(i)),
        (st) => st === 200,
      );
    }
    const perRound = Math.ceil(settings.requests / settings.rounds);
    let rounds = 0;
    for (; rounds < settings.rounds && !overBudget(); rounds++) {
      for (const scenario of scenarios) {
        const offset = WARMUP + rounds * perRound;
        runs.get(scenario.key)!.push(
          await runLoad(
            { concurrency: settings.concurrency, requests: perRound, maxMs: settings.scenarioMs / settings.rounds },
            (i) => client.send('GET', scenario.path(offset + i)),
            (st) => st === 200,
          ),
        );
      }
    }
    if (rounds < settings.rounds) notes.push(`${engine}: ${rounds} of ${settings.rounds} rounds ran before the time budget ran out.`);
    for (const scenario of scenarios) {
      const result = rounds ? summarise(runs.get(scenario.key)!) : null;
      rows.push({ engine, key: scenario.key, label: scenario.label, itemsOnPage: itemsOnPage.get(scenario.key) ?? null, result });
      if (result)
        console.log(
          `[bench] ${engine} ${scenario.key}: ${result.requests} req, ${result.reqPerSec.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms`,
        );
    }

    const signupLabel = `POST /events/:id/signups (distinct users, one event, ${data.signupCapacity} seats)`;
    if (overBudget()) {
      notes.push(`${engine} signups: skipped, the run was over its time budget.`);
      return { rows, signups: { engine, key: 'signups', label: signupLabel, itemsOnPage: null, result: null } };
    }
    const result = summarise([
      await runLoad(
        { concurrency: settings.concurrency, requests: data.userTokens.length, maxMs: settings.scenarioMs * 2 },
        (i) =>
          client.send('POST', `/api/v1/events/${data.signupEventId}/signups`, {
            token: data.userTokens[i]!,
            body: { name: `压测${i}`, phone: `139${String(i).padStart(8, '0')}` },
          }),
        (st) => st === 201,
      ),
    ]);
    const event = await server.dataSource.getRepository(EventEntity).findOneByOrFail({ id: data.signupEventId });
    console.log(
      `[bench] ${engine} signups: ${result.requests} req, ${result.reqPerSec.toFixed(0)} req/s, confirmed ${event.confirmedCount}, waitlisted ${event.waitlistCount}`,
    );
    return {
      rows,
      signups: { engine, key: 'signups', label: signupLabel, itemsOnPage: null, result, confirmed: event.confirmedCount, waitlisted: event.waitlistCount },
    };
  } finally {
    client.close();
    await server.close();
  }
}

async function benchSqlite() {
  const dir = mkdtempSync(join(tmpdir(), 'kepu-bench-'));
  try {
    return await benchEngine('SQLite', { type: 'sqlite', path: join(dir, 'kepu.sqlite') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchMariadb() {
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
    return { version: version.v, ...(await benchEngine('MariaDB', { ...base, database: name })) };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}

// ---------- report ----------

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const fixed = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !b ? '—' : `${(a / b).toFixed(2)}×`);

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

function httpTable(rows: HttpRow[]): string[] {
  const lines = [
    '| scenario | engine | items on page | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | failures |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const r = row.result;
    lines.push(
      r
        ? `| ${row.label} | ${row.engine} | ${row.itemsOnPage ?? '—'} | ${r.requests}${r.timeBound ? ' (time-bound)' : ''} | ${r.reqPerSec.toFixed(0)} | ${fixed(r.p50Ms)} | ${fixed(r.p95Ms)} | ${fixed(r.p99Ms)} | ${fixed(r.maxMs)} | ${r.failures} |`
        : `| ${row.label} | ${row.engine} | — | skipped | — | — | — | — | — | — |`,
    );
  }
  return lines;
}

async function main() {
  const command =
    process.env.npm_lifecycle_event === 'bench'
      ? 'npm run bench'
      : `node ${process.argv
          .slice(1)
          .map((a) => a.replace(repoRoot + '/', ''))
          .join(' ')}`;
  console.log(`[bench] importer (${settings.importerMs} ms per measurement)`);
  const importer = benchImporter();
  for (const row of importer) console.log(`[bench] importer ${row.file}: ${row.opsPerSec.toFixed(1)} ops/s, ${row.msPerKb.toFixed(3)} ms/KB`);

  const memoryBefore = process.memoryUsage();
  const sqlite = await benchSqlite();
  const mariadb = await benchMariadb();
  if ('skipped' in mariadb) {
    notes.push(`MariaDB: skipped — ${mariadb.skipped}.`);
    console.log(`[bench] MariaDB skipped: ${mariadb.skipped}`);
  }
  const memoryAfter = process.memoryUsage();
  const maxRssKb = process.resourceUsage().maxRSS;
  const totalSeconds = (performance.now() - started) / 1000;
  const loadAtEnd = loadavg();
  const busy = Math.max(loadAtStart[0]!, loadAtEnd[0]!) > cpus().length * 0.75;

  const httpRows: HttpRow[] = [...sqlite.rows, sqlite.signups];
  if (!('skipped' in mariadb)) httpRows.push(...mariadb.rows, mariadb.signups);

  const find = (engine: string, key: string) => httpRows.find((r) => r.engine === engine && r.key === key)?.result ?? undefined;
  const ratioLines = ['| ratio (same run) | p50 latency | p95 latency | req/s |', '|---|---:|---:|---:|'];
  const engines = 'skipped' in mariadb ? ['SQLite'] : ['SQLite', 'MariaDB'];
  for (const engine of engines) {
    const base = find(engine, 'list');
    for (const [key, label] of [
      ['list-filters', 'list with filters'],
      ['list-q', 'list with q keyword'],
      ['list-near', 'list with near='],
      ['detail', 'event detail'],
    ] as const) {
      const r = find(engine, key);
      ratioLines.push(
        `| ${engine}: ${label} / plain list | ${ratio(r?.p50Ms, base?.p50Ms)} | ${ratio(r?.p95Ms, base?.p95Ms)} | ${ratio(r?.reqPerSec, base?.reqPerSec)} |`,
      );
    }
  }
  if (!('skipped' in mariadb)) {
    for (const key of ['list', 'list-filters', 'list-q', 'list-near', 'detail', 'signups']) {
      const m = find('MariaDB', key);
      const s = find('SQLite', key);
      ratioLines.push(`| MariaDB / SQLite: ${key} | ${ratio(m?.p50Ms, s?.p50Ms)} | ${ratio(m?.p95Ms, s?.p95Ms)} | ${ratio(m?.reqPerSec, s?.reqPerSec)} |`);
    }
  }
  const both = importer[importer.length - 1]!;
  const perPlan = importer.slice(0, -1);
  if (perPlan.length === 2) {
    ratioLines.push(`| importer: ${perPlan[0]!.file} / ${perPlan[1]!.file}, ms per KB | ${ratio(perPlan[0]!.msPerKb, perPlan[1]!.msPerKb)} | | |`);
  }

  const cpuList = cpus();
  const signupRows = [sqlite.signups, ...('skipped' in mariadb ? [] : [mariadb.signups])];
  const report = [
    '# Benchmarks',
    '',
    `Produced by \`${command}\` on ${new Date().toISOString()} (commit ${gitDescription()}); the whole run took ${totalSeconds.toFixed(0)} s.`,
    'Numbers are from one machine and one run: compare the ratios inside this file, not absolute values across machines.',
    '',
    '## Machine',
    '',
    `- CPU: ${cpuList.length} × ${cpuList[0]?.model ?? 'unknown'}${cpuList[0]?.speed ? ` @ ${cpuList[0].speed} MHz` : ''}`,
    `- Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- OS: ${platform()} ${release()} ${arch()}; Node ${process.version}`,
    `- Load average (1/5/15 min) at start: ${loadAtStart.map((n) => n.toFixed(2)).join(' / ')}; at end: ${loadAtEnd.map((n) => n.toFixed(2)).join(' / ')}` +
      (busy ? ' — other work was running on this machine, so absolute numbers are depressed; the interleaved ratios are the usable part.' : ''),
    `- MariaDB: ${'skipped' in mariadb ? 'not measured' : mariadb.version}; SQLite via better-sqlite3 (WAL, file in the OS temp dir)`,
    '',
    '## How it was measured',
    '',
    `- Importer: \`parsePlan\` + \`deriveCampaignEvents\` on each seed plan in a loop (warm-up for a quarter of the budget, then at least 20 runs and about ${settings.importerMs} ms); parse and derive are also timed alone.`,
    `- HTTP: one in-process server (\`createApp\`, the same middleware as production, rate limits off) on 127.0.0.1, database seeded with both seed plans,`,
    `  the demo accounts and ${settings.extraEvents} extra published activities over the next 90 days (half citing a plan task).`,
    `  A closed loop of ${settings.concurrency} concurrent keep-alive connections sends requests until ${settings.requests} requests or ${settings.scenarioMs / 1000} s`,
    `  per scenario, whichever comes first, after ${WARMUP} warm-up requests; the scenarios are interleaved in ${settings.rounds} rounds`,
    `  (each round runs a slice of every scenario), so background load drifts across all of them alike. The load generator shares the server's process and event loop,`,
    '  so absolute req/s are a lower bound; ratios between scenarios are measured under the same handicap.',
    '  The two engines run one after the other (SQLite first), so MariaDB / SQLite ratios are exposed to drifting background load; scenario ratios within an engine are not.',
    `- Sign-ups: ${settings.signups} distinct users (tokens issued directly) each POST one sign-up to the same event with ${Math.floor(settings.signups / 2)} seats`,
    `  (half confirmed, half waitlisted), ${settings.concurrency} at a time; every sign-up takes the event's row lock.`,
    '- Memory: `process.memoryUsage()` after all runs (no forced GC) and the peak RSS of the process.',
    '- Loopback only: the server listens on 127.0.0.1 and MariaDB is used only at a loopback address.',
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
    `Both plans together: ${both.opsPerSec.toFixed(1)} imports/s of the pair (${(((both.kb / both.msPerOp) * 1000) / 1024).toFixed(2)} MB/s of plan text).`,
    '',
    '## HTTP',
    '',
    ...httpTable(httpRows),
    '',
    ...signupRows
      .filter((r) => r.result)
      .map((r) => {
        const seats = Math.floor(settings.signups / 2);
        const verdict = (r.confirmed ?? 0) <= seats ? `within the ${seats} seats` : `MORE than the ${seats} seats`;
        return `- ${r.engine} sign-up event afterwards: ${r.confirmed} confirmed, ${r.waitlisted} waitlisted (${verdict}).`;
      }),
    '',
    '## Ratios',
    '',
    ...ratioLines,
    '',
    '## Memory (after the runs)',
    '',
    '| measure | MB |',
    '|---|---:|',
    `| RSS | ${mb(memoryAfter.rss)} |`,
    `| heap used | ${mb(memoryAfter.heapUsed)} |`,
    `| heap total | ${mb(memoryAfter.heapTotal)} |`,
    `| external + array buffers | ${mb(memoryAfter.external + memoryAfter.arrayBuffers)} |`,
    `| peak RSS (whole run) | ${(maxRssKb / 1024).toFixed(1)} |`,
    `| RSS before the HTTP runs (after the importer) | ${mb(memoryBefore.rss)} |`,
    '',
    ...(notes.length ? ['## Notes', '', ...notes.map((n) => `- ${n}`), ''] : []),
    'Settings can be changed with `BENCH_EVENTS`, `BENCH_CONCURRENCY`, `BENCH_REQUESTS`, `BENCH_SCENARIO_MS`, `BENCH_ROUNDS`, `BENCH_SIGNUPS`,',
    '`BENCH_IMPORTER_MS`, `BENCH_BUDGET_MS`, `KEPU_BENCH_MYSQL_URL` (default: `KEPU_TEST_MYSQL_URL`, else mysql://root@127.0.0.1:3306).',
    '',
  ].join('\n');
  writeFileSync(outFile, report);
  console.log(`[bench] wrote ${outFile} in ${totalSeconds.toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error('[bench] failed:', error);
    process.exit(1);
  },
);
