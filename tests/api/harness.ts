// Runs the real app on a real database for API tests: a fresh SQLite file or
// a fresh MariaDB database per suite, a controllable clock, and a small
// fetch-based client. Nothing here is mocked but WeChat's servers.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createApp } from '../../server/src/app';
import { loadConfig, parseDatabaseUrl, type Config, type DatabaseConfig } from '../../server/src/config';
import { openDatabase } from '../../server/src/db/data-source';
import { Transactions } from '../../server/src/core/transaction';
import type { RateLimiter } from '../../server/src/core/rate-limiter';
import { memoryRateLimiter } from '../../server/src/http/rate-limit';
import type { WechatClient } from '../../server/src/wechat/code2session';
import { httpWechatClient } from '../../server/src/wechat/code2session';

export type Engine = 'sqlite' | 'mysql';

/** MariaDB for tests: the machine's server unless KEPU_TEST_MYSQL_URL says otherwise. */
export const MYSQL_URL = process.env.KEPU_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** Engines every API suite runs on. Only an explicit opt-out drops MariaDB. */
export const engines: Engine[] = process.env.KEPU_SKIP_MYSQL === '1' ? ['sqlite'] : ['sqlite', 'mysql'];

export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

let counter = 0;

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kepu-test-'));
    return { config: { type: 'sqlite', path: join(dir, 'kepu.sqlite') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = parseDatabaseUrl(MYSQL_URL);
  if (base.type !== 'mysql') throw new Error('KEPU_TEST_MYSQL_URL must be a mysql:// URL');
  const name = `kepu_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = await createConnection({ host: base.host, port: base.port, user: base.username, password: base.password });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    config: { ...base, database: name },
    drop: async () => {
      const conn = await createConnection({ host: base.host, port: base.port, user: base.username, password: base.password });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

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
  options: { now?: string; env?: Record<string, string>; wechat?: WechatClient; rateLimiter?: RateLimiter } = {},
): Promise<TestServer> {
  const clock = {
    now: new Date(options.now ?? '2026-11-25T10:00:00+08:00'),
    set(iso: string) {
      this.now = new Date(iso);
    },
  };
  const config = loadConfig({ DB_URL: 'sqlite::memory:', RATE_LIMIT: 'off', ...options.env }, ['--no-demo']);
  config.database = database;
  const dataSource = await openDatabase(database);
  const tx = new Transactions(dataSource);
  const app = createApp({
    config,
    dataSource,
    tx,
    clock: () => clock.now,
    rateLimiter: options.rateLimiter ?? memoryRateLimiter(() => clock.now),
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
