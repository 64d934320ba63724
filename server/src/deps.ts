// What the app needs from the outside world, built once in main.ts (or a test)
// and passed down. Nothing below reads process.env or calls new Date() itself.
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Transactions } from './core/transaction';
import type { RateLimiter } from './core/rate-limiter';
import type { BlobStorage } from './core/blob-storage';
import type { WechatClient } from './wechat/code2session';
import type { Logger } from './observability/logger';
import type { AppMetrics } from './observability/metrics';

export interface AppDeps {
  config: Config;
  dataSource: DataSource;
  tx: Transactions;
  clock: () => Date;
  wechat: WechatClient;
  rateLimiter: RateLimiter;
  /** Where uploaded pictures are kept; without one, files under config.uploadDir. */
  blobStorage?: BlobStorage;
  /** Check every answer against its route's declared response (tests); a mismatch is a 500. */
  validateResponses?: boolean;
  /** The process's log (main.ts makes it from LOG_LEVEL); without one, createApp logs nothing. */
  logger?: Logger;
  /** Counters served at /metrics; createApp makes its own when none is given. */
  metrics?: AppMetrics;
}
