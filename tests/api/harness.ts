// Runs the real app on a real database for API tests: a fresh SQLite file or
// a fresh MariaDB database per suite, a controllable clock, and a small
// fetch-based client. Nothing here is mocked but WeChat's servers.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { DataSource } from 'typeorm';
import { createApp } from '../../server/src/app';
import { loadConfig, type Config, type DatabaseConfig } from '../../server/src/config';
import { openDatabase } from '../../server/src/db/data-source';
import { Transactions } from '../../server/src/core/transaction';
import type { RateLimiter } from '../../server/src/core/rate-limiter';
import { memoryRateLimiter } from '../../server/src/http/rate-limit';
import type { WechatClient } from '../../server/src/wechat/code2session';
import type { Logger } from '../../server/src/observability/logger';
import { httpWechatClient } from '../../server/src/wechat/code2session';

export { MYSQL_URL, createTestDatabase, engines, type Engine, type TestDatabase } from '../databases';

export interface TestServer {
  url: string;
  dataSource: DataSource;
  tx: Transactions;
  config: Config;
  clock: { now: Date; set(iso: string): void };
  close(): Promise<void>;
}

export async function startTestServer(
  database: DatabaseConfig,
  options: { now?: string; env?: Record<string, string>; wechat?: WechatClient; rateLimiter?: RateLimiter; logger?: Logger } = {},
): Promise<TestServer> {
  const clock = {
    now: new Date(options.now ?? '2026-11-25T10:00:00+08:00'),
    set(iso: string) {
      this.now = new Date(iso);
    },
  };
  // Pictures go to a scratch folder, never the repository's data/uploads.
  const uploadDir = join(tmpdir(), 'kepu-test-uploads');
  const config = loadConfig({ DB_URL: 'sqlite::memory:', RATE_LIMIT: 'off', UPLOAD_DIR: uploadDir, ...options.env }, ['--no-demo']);
  config.database = database;
  const dataSource = await openDatabase(database);
  const tx = new Transactions(dataSource);
  const app = createApp({
    config,
    dataSource,
    tx,
    clock: () => clock.now,
    // Rate-limit windows run on the wall clock, not this test clock.
    rateLimiter: options.rateLimiter ?? memoryRateLimiter(),
    logger: options.logger,
    wechat: options.wechat ?? httpWechatClient(config.wechat),
    // Every answer of every API test is checked against its route's declared view.
    validateResponses: true,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataSource,
    tx,
    config,
    clock,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await dataSource.destroy();
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export function apiClient(baseUrl: string) {
  async function call<T = any>(method: string, path: string, options: { token?: string; body?: unknown; raw?: string } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(baseUrl + path, {
      method,
      headers,
      body: options.raw ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
    });
    const text = await response.text();
    let body: any = text;
    if ((response.headers.get('content-type') ?? '').includes('application/json')) body = text ? JSON.parse(text) : null;
    return { status: response.status, body, headers: response.headers, text };
  }
  return {
    call,
    get: <T = any>(path: string, token?: string) => call<T>('GET', path, { token }),
    post: <T = any>(path: string, body?: unknown, token?: string) => call<T>('POST', path, { body, token }),
    patch: <T = any>(path: string, body?: unknown, token?: string) => call<T>('PATCH', path, { body, token }),
    put: <T = any>(path: string, body?: unknown, token?: string) => call<T>('PUT', path, { body, token }),
    del: <T = any>(path: string, token?: string) => call<T>('DELETE', path, { token }),
    async login(openid: string, nickname?: string): Promise<{ token: string; user: any }> {
      const res = await call('POST', '/api/v1/auth/dev-login', { body: { openid, ...(nickname ? { nickname } : {}) } });
      if (res.status !== 200) throw new Error(`dev-login ${openid} failed: ${res.status} ${res.text}`);
      return res.body;
    },
  };
}
export type ApiClient = ReturnType<typeof apiClient>;
