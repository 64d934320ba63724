// Redis going away under a server that shares its rate limits through it:
// writes keep working (each process counts alone meanwhile, in rate-limiter-flexible's
// insurance limiter), /readyz says where
// the counters are, nothing is left unhandled, and sharing resumes when Redis
// is back. The outage is a cut TCP relay, so the shared Redis is untouched.
import { Redis } from 'ioredis';
import { redisRateLimiter } from '../../server/src/http/rate-limit';
import { apiClient, createTestDatabase, startTestServer, type TestDatabase, type TestServer } from './harness';
import { API } from './fixtures';
import { TcpRelay } from './relay';

jest.setTimeout(60_000);

const REDIS = { host: '127.0.0.1', port: 6379 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (last !== expected && Date.now() < deadline) {
    await sleep(200);
    last = await read();
  }
  return last;
}

describe('when Redis goes away under the shared rate limiter', () => {
  let db: TestDatabase;
  let relay: TcpRelay;
  let redis: Redis;
  let server: TestServer;
  const logged: string[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    db = await createTestDatabase('sqlite');
    relay = new TcpRelay(REDIS);
    await relay.start();
    redis = new Redis({ host: '127.0.0.1', port: relay.port, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => 200 });
    await new Promise((resolve) => redis.once('ready', resolve));
    const rateLimiter = redisRateLimiter(redis, (message) => logged.push(message));
    server = await startTestServer(db.config, { env: { RATE_LIMIT: 'on' }, rateLimiter });
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    redis?.disconnect();
    await server?.close();
    await relay?.cut();
    await db?.drop();
  });

  it('then writes still succeed, /readyz reports the fallback, and sharing resumes once it is back', async () => {
    const api = apiClient(server.url);
    const store = async () => (await api.get('/readyz')).body.rateLimits as string;
    expect(await store()).toBe('shared');
    expect((await api.post(`${API}/auth/dev-login`, { openid: 'redis-outage-1' })).status).toBe(200);

    await relay.cut();
    expect(await eventually(store, 'fallback')).toBe('fallback');
    const during = await Promise.all([2, 3, 4].map((i) => api.post(`${API}/auth/dev-login`, { openid: `redis-outage-${i}` })));
    expect(during.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await api.get('/readyz')).status).toBe(200);
    expect(logged.filter((m) => m.includes('Redis unreachable'))).toHaveLength(1);
    // The fallback still limits: the login allowance (30 a minute) is counted afresh in memory.
    const statuses: number[] = [];
    for (let i = 0; i < 28; i++) statuses.push((await api.post(`${API}/auth/dev-login`, { openid: `redis-outage-more-${i}` })).status);
    expect(statuses.slice(0, 27).every((status) => status === 200)).toBe(true);
    expect(statuses[27]).toBe(429);

    await relay.start();
    expect(await eventually(store, 'shared')).toBe('shared');
    expect((await api.post(`${API}/auth/dev-login`, { openid: 'redis-outage-5' })).status).toBe(200);
    expect(logged.some((m) => m.includes('Redis is back'))).toBe(true);
    expect(unhandled).toEqual([]);
  });
});
