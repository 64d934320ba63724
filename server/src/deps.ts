// What the app needs from the outside world, built once in main.ts (or a test)
// and passed down. Nothing below reads process.env or calls new Date() itself.
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Transactions } from './core/transaction';
import type { RateLimiter } from './core/rate-limiter';
import type { WechatClient } from './wechat/code2session';

export interface AppDeps {
  config: Config;
  dataSource: DataSource;
  tx: Transactions;
  clock: () => Date;
  wechat: WechatClient;
  rateLimiter: RateLimiter;
  /** Check every answer against its route's declared response (tests); a mismatch is a 500. */
  validateResponses?: boolean;
}
