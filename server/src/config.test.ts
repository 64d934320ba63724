import { ConfigError, loadConfig, parseDatabaseUrl } from './config';

const strongSecret = 'k'.repeat(40);

describe('configuration from the environment', () => {
  it('defaults to the embedded SQLite demo with dev login and half-hour rounding down', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ type: 'sqlite', path: 'data/kepu.sqlite' });
    expect(config.authMode).toBe('dev');
    expect(config.hoursRounding).toEqual({ mode: 'down', stepMinutes: 30 });
    expect(config.certificateFont).toBeNull();
  });

  it('reads MySQL URLs and insists on a secret for WeChat login', () => {
    expect(parseDatabaseUrl('mysql://kepu:p%40ss@db:3307/kepu')).toEqual({
      type: 'mysql',
      host: 'db',
      port: 3307,
      username: 'kepu',
      password: 'p@ss',
      database: 'kepu',
    });
    expect(() => loadConfig({ DB_URL: 'mysql://root@127.0.0.1/test' })).toThrow(ConfigError);
    expect(loadConfig({ DB_URL: 'mysql://root@127.0.0.1/test', AUTH_SECRET: strongSecret }).authMode).toBe('wechat');
  });

  it('refuses a guessable secret for WeChat login', () => {
    expect(() => loadConfig({ AUTH_MODE: 'wechat', AUTH_SECRET: 'a' })).toThrow(/at least 32/);
    expect(() => loadConfig({ AUTH_MODE: 'wechat', AUTH_SECRET: 'x'.repeat(31) })).toThrow(/at least 32/);
    expect(loadConfig({ AUTH_MODE: 'wechat', AUTH_SECRET: 'x'.repeat(32) }).authSecret).toHaveLength(32);
  });

  it('in production, refuses dev login and a short secret, and accepts WeChat login with a strong one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_MODE=dev/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_MODE: 'dev', AUTH_SECRET: strongSecret })).toThrow(/AUTH_MODE=dev/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_MODE: 'wechat', AUTH_SECRET: 'short' })).toThrow(/at least 32/);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_MODE: 'wechat', AUTH_SECRET: strongSecret }).authMode).toBe('wechat');
  });

  it('with dev login, listens on this machine only unless HOST says otherwise; with WeChat login, on every interface', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ AUTH_MODE: 'wechat', AUTH_SECRET: strongSecret }).host).toBe('0.0.0.0');
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY names the proxies in front', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'on' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it('runs one process unless WORKERS asks for more, and refuses several on a throwaway in-memory database', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ WORKERS: '2' }).workers).toBe(2);
    expect(loadConfig({ WORKERS: 'auto' }).workers).toBeGreaterThanOrEqual(1);
    expect(() => loadConfig({ WORKERS: '0' })).toThrow(/WORKERS/);
    expect(() => loadConfig({ WORKERS: 'two' })).toThrow(/WORKERS/);
    expect(() => loadConfig({ WORKERS: '2', DB_URL: 'sqlite::memory:' })).toThrow(/WORKERS/);
    expect(loadConfig({ WORKERS: '1', DB_URL: 'sqlite::memory:' }).workers).toBe(1);
  });

  it('takes HOURS_ROUNDING and CERT_FONT, and refuses a rounding rule it cannot read', () => {
    expect(loadConfig({ HOURS_ROUNDING: 'nearest:15', CERT_FONT: '/fonts/a.ttc#Face' })).toMatchObject({
      hoursRounding: { mode: 'nearest', stepMinutes: 15 },
      certificateFont: '/fonts/a.ttc#Face',
    });
    expect(() => loadConfig({ HOURS_ROUNDING: 'half-hour' })).toThrow(/HOURS_ROUNDING/);
  });

  it('takes PUBLIC_BASE_URL without its trailing slash, and refuses one that is not an http(s) address', () => {
    expect(loadConfig({}).publicBaseUrl).toBeNull();
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://kepu.example.cn/' }).publicBaseUrl).toBe('https://kepu.example.cn');
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'kepu.example.cn' })).toThrow(/PUBLIC_BASE_URL/);
  });

  it('logs at info, at warn under tests, or at LOG_LEVEL, and refuses a level pino does not have', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('warn');
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });

  it('takes a METRICS_TOKEN only when it is long enough to be no guess', () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: 'm'.repeat(16) }).metricsToken).toBe('m'.repeat(16));
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(ConfigError);
  });

  it('reads the notification settings: worker interval, reminder lead, NOTIFY=off and a template per kind', () => {
    expect(loadConfig({}).notifications).toEqual({ deliver: true, workerIntervalMs: 5000, reminderLeadHours: 24, templates: {} });
    const config = loadConfig({
      NOTIFY: 'off',
      WORKER_INTERVAL_MS: '250',
      REMINDER_LEAD_H: '2.5',
      WX_TEMPLATE_SIGNUP_CONFIRMED: 'abc-123',
      WX_TEMPLATE_EVENT_CANCELLED: 'def_456|title=thing2,time=date3,status=phrase5',
    }).notifications;
    expect(config).toEqual({
      deliver: false,
      workerIntervalMs: 250,
      reminderLeadHours: 2.5,
      templates: {
        'signup.confirmed': { id: 'abc-123', fields: { title: 'thing1', time: 'time2', place: 'thing3', note: 'thing4' } },
        'event.cancelled': { id: 'def_456', fields: { title: 'thing2', time: 'date3', status: 'phrase5' } },
      },
    });
    expect(() => loadConfig({ NOTIFY: 'maybe' })).toThrow(/NOTIFY/);
    expect(() => loadConfig({ WORKER_INTERVAL_MS: 'soon' })).toThrow(/WORKER_INTERVAL_MS/);
    expect(() => loadConfig({ REMINDER_LEAD_H: '0' })).toThrow(/REMINDER_LEAD_H/);
    expect(() => loadConfig({ WX_TEMPLATE_EVENT_REMINDER: 'abc|title=nothing1' })).toThrow(/WX_TEMPLATE_EVENT_REMINDER/);
  });
});
