import { ConfigError, loadConfig, parseDatabaseUrl } from './config';

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
      type: 'mysql', host: 'db', port: 3307, username: 'kepu', password: 'p@ss', database: 'kepu',
    });
    expect(() => loadConfig({ DB_URL: 'mysql://root@127.0.0.1/test' })).toThrow(ConfigError);
    expect(loadConfig({ DB_URL: 'mysql://root@127.0.0.1/test', AUTH_SECRET: 's' }).authMode).toBe('wechat');
  });

  it('takes HOURS_ROUNDING and CERT_FONT, and refuses a rounding rule it cannot read', () => {
    expect(loadConfig({ HOURS_ROUNDING: 'nearest:15', CERT_FONT: '/fonts/a.ttc#Face' })).toMatchObject({
      hoursRounding: { mode: 'nearest', stepMinutes: 15 }, certificateFont: '/fonts/a.ttc#Face',
    });
    expect(() => loadConfig({ HOURS_ROUNDING: 'half-hour' })).toThrow(/HOURS_ROUNDING/);
  });
});
