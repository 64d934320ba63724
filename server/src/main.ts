// The process: config -> database -> migrations -> seeds -> listen; with
// WORKERS=N, the primary migrates and seeds, then forks N workers that listen.
import 'reflect-metadata';
import cluster from 'node:cluster';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { superviseWorkers } from './cluster';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { inStartupTurn, openDatabase } from './db/data-source';
import { Transactions } from './core/transaction';
import { importSeedPlans, seedDemoAccounts, seedDemoActivities } from './demo/seed';
import { memoryRateLimiter, redisRateLimiter, type RateLimiter } from './http/rate-limit';
import { httpWechatClient } from './wechat/code2session';

async function createRateLimiter(redisUrl: string | null, clock: () => Date): Promise<RateLimiter> {
  if (!redisUrl) return memoryRateLimiter(clock);
  const { Redis } = await import('ioredis');
  // Fail a command at once while Redis is away (no offline queue), so a request falls back instead of waiting.
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
  return redisRateLimiter(redis, memoryRateLimiter(clock));
}

/** The seed plans (unless SEED_PLANS=off) and, in dev mode, the demo accounts and activities. */
async function seedAtStart(config: Config, tx: Transactions, defaultSeedsDir: string, clock: () => Date): Promise<void> {
  if (process.env.SEED_PLANS !== 'off') {
    const seedsDir = process.env.SEEDS_DIR ?? defaultSeedsDir;
    for (const result of await importSeedPlans(tx, seedsDir, clock())) {
      console.log(`[kepu] plan ${result.file}: ${result.city} ${result.year} ${result.created ? 'imported' : 'unchanged'}`);
    }
  }
  if (config.authMode === 'dev') {
    await seedDemoAccounts(tx, clock());
    if (config.demo) {
      const touched = await seedDemoActivities(tx, clock());
      console.log(`[kepu] demo data: ${touched} events added or refreshed (flagged isDemo; --no-demo to skip)`);
    }
  }
}

function describeSetup(config: Config): string {
  const { database } = config;
  const where = database.type === 'sqlite' ? `SQLite ${database.path}` : `MySQL ${database.host}:${database.port}/${database.database}`;
  return `${where}, auth ${config.authMode}`;
}

/** How long a stopping process waits for requests in flight before cutting them. */
const SHUTDOWN_GRACE_MS = 25_000;

/** Serves HTTP on an open database until SIGTERM/SIGINT, then drains and closes. */
async function serve(config: Config, dataSource: DataSource, clock: () => Date): Promise<void> {
  const tx = new Transactions(dataSource);
  const rateLimiter = await createRateLimiter(config.redisUrl, clock);
  const app = createApp({ config, dataSource, tx, clock, rateLimiter, wechat: httpWechatClient(config.wechat) });
  const server = app.listen(config.port, config.host, () => {
    // The primary reports its workers.
    if (!cluster.isWorker) console.log(`[kepu] listening on http://127.0.0.1:${config.port} (${describeSetup(config)})`);
  });

  // Stop taking connections, let requests in flight finish (bounded), then close the database.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!cluster.isWorker) console.log(`[kepu] ${signal}: finishing requests in flight`);
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    await drained;
    clearTimeout(deadline);
    await rateLimiter.close().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

async function main() {
  const args = process.argv.slice(2);
  const config = loadConfig(process.env, args);
  const repoRoot = resolve(__dirname, '../..');
  config.staticDir ??= resolve(repoRoot, 'miniapp/dist/h5');
  const clock = () => new Date();

  // A cluster worker finds the schema and seeds ready: its primary saw to them before forking.
  if (cluster.isWorker) return serve(config, await openDatabase(config.database, { migrate: false }), clock);

  const dataSource = await openDatabase(config.database);
  // Replicas starting together seed one at a time, so none trips over another's rows.
  await inStartupTurn(dataSource, 'seed', () => seedAtStart(config, new Transactions(dataSource), resolve(repoRoot, 'seeds'), clock));
  if (config.workers === 1) return serve(config, dataSource, clock);

  await dataSource.destroy();
  if (!config.redisUrl) console.warn('[kepu] WORKERS above 1 without REDIS_URL: each worker keeps its own rate-limit counts');
  console.log(`[kepu] starting ${config.workers} workers on http://127.0.0.1:${config.port} (${describeSetup(config)})`);
  superviseWorkers({ workers: config.workers, graceMs: SHUTDOWN_GRACE_MS, log: (line) => console.log(`[kepu] ${line}`) });
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `[kepu] configuration error: ${error.message}` : error);
  process.exit(1);
});
