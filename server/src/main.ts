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
import { createLogger, safeError, type Logger } from './observability/logger';
import { httpWechatClient } from './wechat/code2session';
import { startNotificationWorker } from './modules/notifications/notifications.worker';

async function createRateLimiter(redisUrl: string | null, logger: Logger): Promise<RateLimiter> {
  if (!redisUrl) return memoryRateLimiter();
  const { Redis } = await import('ioredis');
  // Fail a command at once while Redis is away (no offline queue), so a request falls back instead of waiting.
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
  return redisRateLimiter(redis, (message) => logger.warn(message));
}

/** The seed plans (unless SEED_PLANS=off) and, in dev mode, the demo accounts and activities. */
async function seedAtStart(config: Config, tx: Transactions, defaultSeedsDir: string, clock: () => Date, logger: Logger): Promise<void> {
  if (process.env.SEED_PLANS !== 'off') {
    const seedsDir = process.env.SEEDS_DIR ?? defaultSeedsDir;
    for (const result of await importSeedPlans(tx, seedsDir, clock())) {
      logger.info({ file: result.file, city: result.city, year: result.year, created: result.created }, `plan ${result.created ? 'imported' : 'unchanged'}`);
    }
  }
  if (config.authMode === 'dev') {
    await seedDemoAccounts(tx, clock());
    if (config.demo) {
      const touched = await seedDemoActivities(tx, clock());
      logger.info({ events: touched }, 'demo data added or refreshed (flagged isDemo; --no-demo to skip)');
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
async function serve(config: Config, dataSource: DataSource, clock: () => Date, logger: Logger): Promise<void> {
  const tx = new Transactions(dataSource);
  const rateLimiter = await createRateLimiter(config.redisUrl, logger);
  const app = createApp({ config, dataSource, tx, clock, rateLimiter, logger, wechat: httpWechatClient(config.wechat) });
  const server = app.listen(config.port, config.host, () => {
    // The primary reports its workers.
    if (!cluster.isWorker) logger.info({ port: config.port, host: config.host, setup: describeSetup(config) }, `listening on http://127.0.0.1:${config.port}`);
  });
  const notificationWorker = startNotificationWorker({ config, dataSource, tx, clock });

  // Stop taking connections, let requests in flight finish (bounded), then close the database.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, worker: cluster.isWorker ? cluster.worker?.id : undefined }, 'finishing requests in flight');
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    await drained;
    clearTimeout(deadline);
    await rateLimiter.close().catch(() => undefined);
    await notificationWorker.stop();
    await dataSource.destroy().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

async function main() {
  const args = process.argv.slice(2);
  const config = loadConfig(process.env, args);
  const logger = createLogger(config.logLevel);
  const repoRoot = resolve(__dirname, '../..');
  config.staticDir ??= resolve(repoRoot, 'miniapp/dist/h5');
  const clock = () => new Date();

  // A cluster worker finds the schema and seeds ready: its primary saw to them before forking.
  if (cluster.isWorker) return serve(config, await openDatabase(config.database, { migrate: false }), clock, logger);

  const dataSource = await openDatabase(config.database);
  // Replicas starting together seed one at a time, so none trips over another's rows.
  await inStartupTurn(dataSource, 'seed', () => seedAtStart(config, new Transactions(dataSource), resolve(repoRoot, 'seeds'), clock, logger));
  if (config.workers === 1) return serve(config, dataSource, clock, logger);

  await dataSource.destroy();
  if (!config.redisUrl) logger.warn('WORKERS above 1 without REDIS_URL: each worker keeps its own rate-limit counts');
  logger.info(
    { workers: config.workers, port: config.port, setup: describeSetup(config) },
    `starting ${config.workers} workers on http://127.0.0.1:${config.port}`,
  );
  superviseWorkers({ workers: config.workers, graceMs: SHUTDOWN_GRACE_MS, log: (line) => logger.info(line) });
}

main().catch((error) => {
  // The configuration may be what failed, so this line does not depend on LOG_LEVEL.
  const logger = createLogger('fatal');
  if (error instanceof ConfigError) logger.fatal(`configuration error: ${error.message}`);
  else logger.fatal({ err: safeError(error) }, 'failed to start');
  process.exit(1);
});
