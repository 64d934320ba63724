// Reads the environment once into a typed config. Knows nothing about Koa
// or the database beyond the URL; main.ts hands the result to everything else.
import { logLevels, type LogLevel } from './observability/logger';
import { availableParallelism } from 'node:os';
import { notificationKinds, type NotificationKind } from '@kepu/shared';

/** How recorded volunteer hours are rounded (HOURS_ROUNDING); modules/volunteers/hours.ts applies it. */
export type RoundingMode = 'down' | 'nearest' | 'up';

export interface HoursRounding {
  mode: RoundingMode;
  /** The smallest unit recorded, in minutes (30 = half-hour steps). */
  stepMinutes: number;
}

/** Half-hour steps, rounding down: a volunteer is credited only for time served. */
export const defaultHoursRounding: HoursRounding = { mode: 'down', stepMinutes: 30 };

/** Reads a rule such as `down:30`, `nearest:15` or `up:60`; null when it is not one. */
export function parseHoursRounding(text: string): HoursRounding | null {
  const match = /^(down|nearest|up):(\d{1,3})$/.exec(text.trim());
  if (!match) return null;
  const stepMinutes = Number(match[2]);
  // Hours are stored to two decimals: a step must be exact in them (6, 15, 30, 45 min …), or sums
  // drift (a 20-minute step is 0.33 h, and three of them make 0.99 h). Multiples of 3 minutes are.
  if (stepMinutes < 1 || stepMinutes > 240 || stepMinutes % 3 !== 0) return null;
  return { mode: match[1] as RoundingMode, stepMinutes };
}

/** What a subscribe message fills in: the event (or shift) title, its time and place, a note, a short status. */
export const templateSlots = ['title', 'time', 'place', 'note', 'status'] as const;
export type TemplateSlot = (typeof templateSlots)[number];

/** A WeChat subscribe-message template: its id and which of its keywords (thing1, time2 …) carries each slot. */
export interface WechatTemplate {
  id: string;
  fields: Partial<Record<TemplateSlot, string>>;
}

/** The keywords most 活动报名/活动提醒 templates of WeChat's public library start with. */
export const defaultTemplateFields: WechatTemplate['fields'] = { title: 'thing1', time: 'time2', place: 'thing3', note: 'thing4' };

/** A keyword's type is its prefix; WeChat limits each type's value (see notifications.rules.ts). */
const KEYWORD = /^(thing|time|date|phrase|character_string|name|number|letter|symbol)\d+$/;

/**
 * WX_TEMPLATE_<KIND>: `templateId`, or `templateId|title=thing1,time=date3,status=phrase5` when the
 * chosen template numbers its keywords differently (slots left out are not sent).
 */
export function parseWechatTemplate(value: string): WechatTemplate | null {
  const [id, mapping] = value.trim().split('|', 2);
  if (!id || !/^[\w-]{1,128}$/.test(id)) return null;
  if (mapping === undefined) return { id, fields: { ...defaultTemplateFields } };
  const fields: WechatTemplate['fields'] = {};
  for (const pair of mapping.split(',')) {
    const [slot, keyword] = pair.split('=').map((part) => part.trim());
    if (!slot || !keyword || !(templateSlots as readonly string[]).includes(slot) || !KEYWORD.test(keyword)) return null;
    fields[slot as TemplateSlot] = keyword;
  }
  return { id, fields };
}

/** signup.confirmed -> WX_TEMPLATE_SIGNUP_CONFIRMED. */
export function templateVariable(kind: NotificationKind): string {
  return `WX_TEMPLATE_${kind.replace('.', '_').toUpperCase()}`;
}

export interface NotificationConfig {
  /** NOTIFY=off: notifications are queued (and shown in the inbox) but the worker does not run. */
  deliver: boolean;
  /** WORKER_INTERVAL_MS: how often each process's worker looks for due notifications. */
  workerIntervalMs: number;
  /** REMINDER_LEAD_H: how long before an event (or shift) its reminder is due, in hours. */
  reminderLeadHours: number;
  /** WX_TEMPLATE_<KIND>; kinds without a template reach the inbox only. */
  templates: Partial<Record<NotificationKind, WechatTemplate>>;
}

export type DatabaseConfig =
  | { type: 'sqlite'; path: string } // path ':memory:' for throwaway databases
  | { type: 'mysql'; host: string; port: number; username: string; password: string; database: string };

export interface Config {
  port: number;
  /** Interface to listen on: 127.0.0.1 with dev login (HOST=0.0.0.0 to try the H5 app on a phone), else 0.0.0.0. */
  host: string;
  database: DatabaseConfig;
  authMode: 'dev' | 'wechat';
  authSecret: string;
  wechat: { appId: string; secret: string; apiBase: string };
  redisUrl: string | null;
  rateLimit: boolean;
  /** Whether the process may seed demo activities (npm start without --no-demo). */
  demo: boolean;
  /** UPLOAD_DIR: where the local-disk storage keeps uploaded pictures (default data/uploads). */
  uploadDir: string;
  /** Where the H5 build lives, served at `/` when present. */
  staticDir: string | null;
  /** How recorded service hours are rounded (HOURS_ROUNDING, e.g. down:30). */
  hoursRounding: HoursRounding;
  /** A font with Chinese glyphs for PDF certificates (CERT_FONT); null: look in the usual system places. */
  certificateFont: string | null;
  /**
   * PUBLIC_BASE_URL: where people open the H5 app (https://kepu.example.cn); the certificate's QR code
   * points to its verification page there. Unset: the address the PDF was requested at.
   */
  publicBaseUrl: string | null;
  /**
   * How many reverse proxies in front of the server append to X-Forwarded-For (TRUST_PROXY).
   * 0: the header is ignored, so a client cannot pick its own address to dodge rate limits.
   */
  trustProxy: number;
  /** NODE_ENV=production: stricter defaults (no dev login, /metrics only with METRICS_TOKEN). */
  production: boolean;
  /** LOG_LEVEL: info by default, warn under NODE_ENV=test (requests are logged at info). */
  logLevel: LogLevel;
  /**
   * METRICS_TOKEN: when set, GET /metrics needs `Authorization: Bearer <token>`. Unset, /metrics answers
   * only on this machine (loopback, no proxy in front, not production); elsewhere it is not there (404).
   */
  metricsToken: string | null;
  /** How many server processes share the port (WORKERS, node:cluster); 1 runs in this process alone. */
  workers: number;
  notifications: NotificationConfig;
}

export class ConfigError extends Error {}

function parsePublicBaseUrl(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^https?:\/\/[^\s/]+(\/[^\s?#]*)?$/.test(value))
    throw new ConfigError(`PUBLIC_BASE_URL must be an http(s) address such as https://kepu.example.cn (got ${value})`);
  return value.replace(/\/+$/, '');
}

export function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (!path) throw new ConfigError('DB_URL sqlite: needs a path or :memory:');
    return { type: 'sqlite', path };
  }
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) {
    const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!database) throw new ConfigError('DB_URL mysql:// needs a database name');
    return {
      type: 'mysql',
      host: parsed.hostname || '127.0.0.1',
      port: parsed.port ? Number(parsed.port) : 3306,
      username: decodeURIComponent(parsed.username || 'root'),
      password: decodeURIComponent(parsed.password),
      database,
    };
  }
  throw new ConfigError(`DB_URL must start with sqlite: or mysql:// (got ${url})`);
}

const DEV_SECRET = 'kepu-dev-secret-not-for-production';
/** Session tokens and check-in codes are HMACs: a short secret can be guessed offline from one token. */
export const MIN_SECRET_LENGTH = 32;

/** TRUST_PROXY: unset/off/false/0 -> 0; on/true -> 1 hop; a whole number -> that many hops. */
function parseTrustProxy(value: string | undefined): number {
  if (value === undefined || value === '' || value === 'off' || value === 'false') return 0;
  if (value === 'on' || value === 'true') return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new ConfigError(`TRUST_PROXY must be off, on or a hop count from 0 to 10 (got ${value})`);
  return hops;
}

/** WORKERS: unset -> 1; auto -> one per core; else a whole number from 1 to 64. */
function parseWorkers(value: string | undefined, cores: number): number {
  if (value === undefined || value === '') return 1;
  if (value === 'auto') return Math.max(1, cores);
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new ConfigError(`WORKERS must be auto or a whole number from 1 to 64 (got ${value})`);
  return workers;
}

/** DB_URL, with the embedded demo database when unset. */
export function databaseFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return parseDatabaseUrl(env.DB_URL ?? 'sqlite:data/kepu.sqlite');
}

function parseNotifications(env: NodeJS.ProcessEnv): NotificationConfig {
  const workerIntervalMs = Number(env.WORKER_INTERVAL_MS ?? 5000);
  if (!Number.isInteger(workerIntervalMs) || workerIntervalMs < 50 || workerIntervalMs > 3_600_000) {
    throw new ConfigError(`WORKER_INTERVAL_MS must be a whole number of milliseconds from 50 to 3600000 (got ${env.WORKER_INTERVAL_MS})`);
  }
  const reminderLeadHours = Number(env.REMINDER_LEAD_H ?? 24);
  if (!Number.isFinite(reminderLeadHours) || reminderLeadHours <= 0 || reminderLeadHours > 24 * 14) {
    throw new ConfigError(`REMINDER_LEAD_H must be a number of hours above 0 and at most 336 (got ${env.REMINDER_LEAD_H})`);
  }
  const notify = env.NOTIFY ?? 'on';
  if (notify !== 'on' && notify !== 'off') throw new ConfigError(`NOTIFY must be on or off (got ${notify})`);
  const templates: NotificationConfig['templates'] = {};
  for (const kind of notificationKinds) {
    const variable = templateVariable(kind);
    const value = env[variable];
    if (!value) continue;
    const template = parseWechatTemplate(value);
    if (!template) throw new ConfigError(`${variable} must be a template id, optionally followed by |title=thing1,time=time2,… (got ${value})`);
    templates[kind] = template;
  }
  return { deliver: notify === 'on', workerIntervalMs, reminderLeadHours, templates };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, args: string[] = []): Config {
  const database = databaseFromEnv(env);
  // dev login is the default only for the embedded demo database.
  const authMode = (env.AUTH_MODE ?? (database.type === 'sqlite' ? 'dev' : 'wechat')) as Config['authMode'];
  if (authMode !== 'dev' && authMode !== 'wechat') throw new ConfigError(`AUTH_MODE must be dev or wechat (got ${authMode})`);
  const production = env.NODE_ENV === 'production';
  // Dev login lets anyone who reaches the port sign in as demo-admin.
  if (production && authMode === 'dev') throw new ConfigError('NODE_ENV=production refuses AUTH_MODE=dev: set AUTH_MODE=wechat (see README: production start)');
  const authSecret = env.AUTH_SECRET ?? (authMode === 'dev' ? DEV_SECRET : '');
  if (!authSecret) throw new ConfigError('AUTH_SECRET is required when AUTH_MODE=wechat');
  if ((authMode === 'wechat' || production) && authSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters (e.g. openssl rand -hex 32)`);
  }
  const hoursRounding = env.HOURS_ROUNDING ? parseHoursRounding(env.HOURS_ROUNDING) : defaultHoursRounding;
  if (!hoursRounding) throw new ConfigError(`HOURS_ROUNDING must look like down:30, nearest:15 or up:60 (got ${env.HOURS_ROUNDING})`);
  const logLevel = (env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info')) as LogLevel;
  if (!logLevels.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${logLevels.join(', ')} (got ${env.LOG_LEVEL})`);
  // Sent on every scrape and compared whole: long enough that guessing it is not a way in.
  if (env.METRICS_TOKEN && env.METRICS_TOKEN.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters (e.g. openssl rand -hex 16)');
  const workers = parseWorkers(env.WORKERS, availableParallelism());
  // Each process would open its own empty in-memory database.
  if (workers > 1 && database.type === 'sqlite' && database.path === ':memory:')
    throw new ConfigError('WORKERS above 1 needs a database file, not sqlite::memory:');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number (got ${env.PORT})`);
  return {
    port,
    // Dev login lets anyone who reaches the port be demo-admin: keep it on this machine unless asked.
    host: env.HOST ?? (authMode === 'dev' ? '127.0.0.1' : '0.0.0.0'),
    database,
    authMode,
    authSecret,
    wechat: {
      appId: env.WX_APPID ?? '',
      secret: env.WX_SECRET ?? '',
      apiBase: env.WX_API_BASE ?? 'https://api.weixin.qq.com',
    },
    redisUrl: env.REDIS_URL || null,
    rateLimit: env.RATE_LIMIT !== 'off',
    demo: !args.includes('--no-demo'),
    staticDir: env.STATIC_DIR ?? null,
    uploadDir: env.UPLOAD_DIR || 'data/uploads',
    hoursRounding,
    certificateFont: env.CERT_FONT || null,
    publicBaseUrl: parsePublicBaseUrl(env.PUBLIC_BASE_URL),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    production,
    logLevel,
    metricsToken: env.METRICS_TOKEN || null,
    workers,
    notifications: parseNotifications(env),
  };
}
