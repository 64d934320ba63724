// What the API suites share on top of the harness: one app per suite (fresh
// database, optional seed plans and demo accounts), contract assertions for
// error bodies, and builders for the events the stories need.
import { join } from 'node:path';
import type { EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { importSeedPlans, seedDemoAccounts } from '../../server/src/demo/seed';
import { apiClient, createTestDatabase, startTestServer, type ApiClient, type ApiResponse, type Engine, type TestDatabase, type TestServer } from './harness';

export const SEEDS_DIR = join(__dirname, '../../seeds');
export const API = '/api/v1';

/** The clock every suite starts at: a Wednesday morning in Beijing. */
export const START = '2026-11-25T10:00:00+08:00';

export interface TestApp {
  readonly server: TestServer;
  readonly api: ApiClient;
  /** A session token for a dev-login openid (cached per suite). */
  token(openid: string): Promise<string>;
  /** The user view dev-login returned for an openid. */
  user(openid: string): Promise<{ id: string; roles: string[]; organizations: { id: string; name: string }[] }>;
  count<T extends ObjectLiteral>(entity: EntityTarget<T>, where?: FindOptionsWhere<T>): Promise<number>;
  rows<T extends ObjectLiteral>(entity: EntityTarget<T>, where?: FindOptionsWhere<T>): Promise<T[]>;
}

/**
 * Registers beforeAll/afterAll for a suite: a new database on `engine`, the
 * real app on it, and (with `seed`) the two seed plans and demo accounts.
 * The clock is reset to START around each test.
 */
export function useTestApp(engine: Engine, options: { seed?: boolean; env?: Record<string, string> } = {}): TestApp {
  let db: TestDatabase | undefined;
  let server: TestServer | undefined;
  let api: ApiClient | undefined;
  let sessions = new Map<string, { token: string; user: any }>();

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    server = await startTestServer(db.config, { now: START, env: options.env });
    api = apiClient(server.url);
    sessions = new Map();
    if (options.seed) {
      await importSeedPlans(server.tx, SEEDS_DIR, server.clock.now);
      await seedDemoAccounts(server.tx, server.clock.now);
    }
  });
  // Reset on both sides so a describe's beforeAll never inherits a clock a story moved.
  beforeEach(() => server?.clock.set(START));
  afterEach(() => server?.clock.set(START));
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  async function session(openid: string) {
    const cached = sessions.get(openid);
    if (cached) return cached;
    const fresh = await app.api.login(openid);
    sessions.set(openid, fresh);
    return fresh;
  }

  const app: TestApp = {
    get server() {
      if (!server) throw new Error('the test app is not started yet (use it inside a test)');
      return server;
    },
    get api() {
      if (!api) throw new Error('the test app is not started yet (use it inside a test)');
      return api;
    },
    token: async (openid) => (await session(openid)).token,
    user: async (openid) => (await session(openid)).user,
    count: (entity, where) => app.server.dataSource.getRepository(entity).countBy(where ?? {}),
    rows: (entity, where) => app.server.dataSource.getRepository(entity).findBy(where ?? {}),
  };
  return app;
}

/** Asserts the contract's error body: status, code and a Chinese message. */
export function expectError(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(res.headers.get('content-type')).toContain('application/json');
}

/** The field paths of a 400 VALIDATION_FAILED body. */
export function badFields(res: ApiResponse): string[] {
  expectError(res, 400, 'VALIDATION_FAILED');
  const fields = res.body.error.details?.fields as { path: string; message: string }[];
  expect(Array.isArray(fields)).toBe(true);
  for (const field of fields) expect(field.message).toMatch(/\S/);
  return fields.map((f) => f.path);
}

/** Fails with the response body when the status is not the expected one. */
export function expectStatus(res: ApiResponse, status: number): void {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text.slice(0, 500)}`);
}

/** A valid create-event body for an activity at 唐山科技馆 on 2026-12-05. */
export function activityInput(organizerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '青少年机器人编程体验营',
    description: '搭建并编程一台巡线小车，适合8-14岁。',
    kind: 'activity',
    organizerId,
    city: '唐山市',
    audiences: ['青少年'],
    themes: ['科技'],
    district: '路北区',
    venue: { name: '唐山科技馆', address: '路北区建设北路', lat: 39.6437, lng: 118.1836 },
    startsAt: '2026-12-05T09:00:00+08:00',
    endsAt: '2026-12-05T12:00:00+08:00',
    capacity: 30,
    ...overrides,
  };
}

/** The organization demo-organizer acts for (唐山市科协). */
export async function organizerOrgId(app: TestApp): Promise<string> {
  const user = await app.user('demo-organizer');
  return user.organizations[0]!.id;
}

/**
 * Creates an activity of demo-organizer's 唐山市科协 and returns the draft. An
 * organization posts only in its own city; stories that need events of other
 * cities (their own lists) have them created by demo-admin, whom the rule exempts.
 */
export async function createDraft(app: TestApp, overrides: Record<string, unknown> = {}): Promise<any> {
  const elsewhere = overrides.city !== undefined && overrides.city !== '唐山市';
  const token = await app.token(elsewhere ? 'demo-admin' : 'demo-organizer');
  const res = await app.api.post(`${API}/events`, activityInput(await organizerOrgId(app), overrides), token);
  expectStatus(res, 201);
  return res.body;
}

/** Creates, submits and approves an activity: the published event. */
export async function publishActivity(app: TestApp, overrides: Record<string, unknown> = {}): Promise<any> {
  const draft = await createDraft(app, overrides);
  expectStatus(await app.api.post(`${API}/events/${draft.id}/submit`, undefined, await app.token('demo-organizer')), 200);
  const approved = await app.api.post(`${API}/events/${draft.id}/review`, { decision: 'approve' }, await app.token('demo-reviewer'));
  expectStatus(approved, 200);
  return approved.body;
}

/** Signs a dev-login user up for an event with a valid name and phone. */
export async function signUp(app: TestApp, eventId: string, openid: string, body: Record<string, unknown> = {}): Promise<ApiResponse> {
  return app.api.post(`${API}/events/${eventId}/signups`, { name: '张三', phone: '13812345678', ...body }, await app.token(openid));
}
