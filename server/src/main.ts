// The process: config -> database -> migrations -> seeds -> listen.
import 'reflect-metadata';
import { resolve } from 'node:path';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { inStartupTurn, openDatabase } from './db/data-source';
import { Transactions } from './core/transaction';
import { importSeedPlans, seedDemoAccounts, seedDemoActivities } from './demo/seed';
import { memoryRateLimiter, redisRateLimiter, type RateLimiter } from './http/rate-limit';
import { httpWechatClient } from './wechat/code2session';
import { startNotificationWorker } from './modules/notifications/notifications.worker';

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

/** How long a stopping process waits for requests in flight before cutting them. */
const SHUTDOWN_GRACE_MS = 25_000;

async function main() {
  const args = process.argv.slice(2);
  const config = loadConfig(process.env, args);
  const repoRoot = resolve(__dirname, '../..');
  config.staticDir ??= resolve(repoRoot, 'miniapp/dist/h5');
  const clock = () => new Date();
  const dataSource = await openDatabase(config.database);
  const tx = new Transactions(dataSource);

  // Replicas starting together seed one at a time, so none trips over another's rows.
  await inStartupTurn(dataSource, 'seed', () => seedAtStart(config, tx, resolve(repoRoot, 'seeds'), clock));

  const rateLimiter = await createRateLimiter(config.redisUrl, clock);
  const app = createApp({ config, dataSource, tx, clock, rateLimiter, wechat: httpWechatClient(config.wechat) });
  const server = app.listen(config.port, config.host, () => {
    const where =
      config.database.type === 'sqlite'
        ? `SQLite ${config.database.path}`
        : `MySQL ${config.database.host}:${config.database.port}/${config.database.database}`;
    console.log(`[kepu] listening on http://127.0.0.1:${config.port} (${where}, auth ${config.authMode})`);
  });
  const notificationWorker = startNotificationWorker({ config, dataSource, tx, clock });

  // Stop taking connections, let requests in flight finish (bounded), then close the database.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[kepu] ${signal}: finishing requests in flight`);
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

main().catch((error) => {
  console.error(error instanceof ConfigError ? `[kepu] configuration error: ${error.message}` : error);
  process.exit(1);
});
