// The fuzz: thousands of generated requests over every route the server mounts
// (read from the route declarations, so a new route is fuzzed without touching
// this file), as every kind of caller, with bodies and queries built from the
// routes' own schemas, valid at the boundaries or broken on purpose. No answer
// may be a 5xx; every refusal is the contract's error body with a Chinese
// message; afterwards the books still balance (seats, waitlists, shift slots).
//
// FUZZ_SEED=<n> replays a run (the seed is printed); FUZZ_REQUESTS=<n> sets the
// number of requests per engine (default 10,000).
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { errorMessages } from '@kepu/shared';
import { API_PREFIX, apiRoutes } from '../../server/src/app';
import type { AppDeps } from '../../server/src/deps';
import type { RouteDef } from '../../server/src/core/route';
import { AppError } from '../../server/src/core/errors';
import { healthRoutes } from '../../server/src/modules/health/health.routes';
import { importSeedPlans, seedDemoAccounts, seedDemoActivities } from '../../server/src/demo/seed';
import { EventEntity } from '../../server/src/db/entities/event.entity';
import { SignupEntity } from '../../server/src/db/entities/signup.entity';
import { MembershipEntity } from '../../server/src/db/entities/organization.entity';
import { ERASED_NAME, UserEntity } from '../../server/src/db/entities/user.entity';
import { ShiftApplicationEntity, ShiftEntity, VolunteerProfileEntity } from '../../server/src/db/entities/volunteer.entities';
import { In } from 'typeorm';
import type { WechatClient } from '../../server/src/wechat/code2session';
import { apiClient, createTestDatabase, engines, startTestServer, type ApiClient, type TestDatabase, type TestServer } from '../api/harness';
import { jsonSchemaOf, junk, mutate, pooled, text, valid, type Generator, type Json, type JsonSchema, type Pool } from './generate';
import { Random } from './random';

// Setting up (migrations, seed plans, a small world) takes a while on MariaDB; the run itself has its own timeout.
jest.setTimeout(120_000);

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261125;
const REQUESTS = process.env.FUZZ_REQUESTS ? Number(process.env.FUZZ_REQUESTS) : 10_000;
const START = '2026-11-25T10:00:00+08:00';
const SEEDS_DIR = join(__dirname, '../../seeds');
const CJK = /[\u4e00-\u9fff]/;

/** WeChat's servers are the one thing faked: any code names a user, "bad…" is refused as WeChat would. */
const fakeWechat: WechatClient = {
  async code2Session(code) {
    if (code.startsWith('bad')) throw new AppError('WECHAT_LOGIN_FAILED', 401, { errcode: 40029 });
    return { openid: `fuzz-${Buffer.from(code).toString('hex').slice(0, 40)}` };
  },
};

type ActorName = 'anonymous' | 'resident' | 'volunteer' | 'outsider' | 'owner' | 'reviewer' | 'admin';
interface ActorSpec {
  openid: string;
  reviewer?: boolean;
  admin?: boolean;
  volunteer?: boolean;
  /** 'own': demo-organizer's organization; 'other': another organization of the same city. */
  organization?: 'own' | 'other';
}
const actorSpecs: Record<Exclude<ActorName, 'anonymous'>, ActorSpec> = {
  resident: { openid: 'fuzz-resident' },
  volunteer: { openid: 'fuzz-volunteer', volunteer: true },
  outsider: { openid: 'fuzz-outsider', organization: 'other' },
  owner: { openid: 'demo-organizer', organization: 'own' },
  reviewer: { openid: 'demo-reviewer', reviewer: true },
  admin: { openid: 'demo-admin', admin: true, reviewer: true },
};
const actorNames = ['anonymous', ...Object.keys(actorSpecs)] as ActorName[];
const volunteerProfile = { realName: '赵志愿', phone: '13700001111', skills: ['科普讲解'] };

interface Target {
  name: string;
  method: string;
  path: string;
  /** The callers the route's access rule lets in. */
  admitted: ActorName[];
  body?: JsonSchema;
  query?: JsonSchema;
}

/** Who gets past a route's access rule (not whether the thing is theirs). */
function admittedBy(access: RouteDef['access']): ActorName[] {
  if (access === 'public') return actorNames;
  const holds: Record<Exclude<ActorName, 'anonymous'>, string[]> = {
    resident: ['resident'],
    volunteer: ['resident', 'volunteer'],
    outsider: ['resident', 'organizer'],
    owner: ['resident', 'organizer'],
    reviewer: ['resident', 'reviewer'],
    admin: ['resident', 'reviewer', 'admin'],
  };
  const signedIn = actorNames.filter((name): name is Exclude<ActorName, 'anonymous'> => name !== 'anonymous');
  return access === 'user' ? signedIn : signedIn.filter((name) => access.some((role) => holds[name].includes(role)));
}

/** Every declared route, as mounted: the API under its prefix, health checks at the root. */
function targets(deps: AppDeps): Target[] {
  const of = (prefix: string, defs: RouteDef[]) =>
    defs.map((def) => ({
      name: `${def.method.toUpperCase()} ${prefix}${def.path}`,
      method: def.method.toUpperCase(),
      path: prefix + def.path,
      admitted: admittedBy(def.access),
      ...(def.body ? { body: jsonSchemaOf(def.body) } : {}),
      ...(def.query ? { query: jsonSchemaOf(def.query) } : {}),
    }));
  return [...of('', healthRoutes(deps)), ...of(API_PREFIX, apiRoutes(deps))];
}

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}
interface Answer {
  status: number;
  type: string;
  text: string;
}
interface Failure {
  n: number;
  route: string;
  actor: string;
  request: string;
  status: number;
  answer: string;
}

const JUNK_IDS = [
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%E0%A4%A',
  '%',
  'x'.repeat(5000),
  encodeURIComponent('😀'),
  encodeURIComponent("1' OR '1'='1"),
  '-1',
  '0',
  '1e999',
  'null',
  'undefined',
  encodeURIComponent('科普'),
  '00000000-0000-0000-0000-000000000000',
  '%20',
  '.',
];

function queryString(g: Generator, schema: JsonSchema | undefined): string {
  const { random } = g;
  const params: [string, string][] = [];
  const add = (key: string, value: Json) => {
    if (Array.isArray(value)) for (const item of value) params.push([key, typeof item === 'string' ? item : JSON.stringify(item)]);
    else params.push([key, value === null ? '' : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)]);
  };
  if (schema && random.chance(0.85)) {
    let value = valid(g, schema);
    if (random.chance(0.4)) value = mutate(g, value, schema);
    if (value && typeof value === 'object' && !Array.isArray(value)) for (const [key, item] of Object.entries(value)) add(key, item);
  }
  if (random.chance(0.2)) add(random.pick(['limit', 'cursor', 'from', 'to', 'q', 'format', 'unmask', 'x', '__proto__', 'limit[]', 'a[b]']), junk(g));
  if (random.chance(0.05) && params.length) params.push(params[0]!);
  let query = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  if (random.chance(0.05)) query += random.pick(['&%%%', '&cursor=%E0%A4%A', '&=', '&&&', '&limit', `&q=${'%FF'.repeat(20)}`, `&${'a='.repeat(2000)}`]);
  return query ? `?${query}` : '';
}

function pathOf(g: Generator, path: string): string {
  const { random } = g;
  return path.replace(/([^/]*)\/:(\w+)/g, (_, before: string, name: string) => {
    const value = (() => {
      if (random.chance(0.12)) return random.pick(JUNK_IDS);
      if (name === 'year') return String(random.pick([2026, 2027, 1990, 2100, 1989, 2101, 0, -1, 99999, 2.5]));
      // A plan's task number (/plans/:id/tasks/:number/events): real ones, absent ones, not numbers.
      if (name === 'number') return String(random.pick([1, 2, 16, 33, 45, 0, -1, 99999, 2.5, 1e21]));
      // /events/:id takes an event's id most of the time, any id sometimes.
      const known = (name === 'id' && random.chance(0.85) ? pooled(g, before) : undefined) ?? pooled(g, name) ?? pooled(g, 'id');
      return encodeURIComponent(known && random.chance(0.95) ? known : text(random, random.int(1, 40), 'ascii'));
    })();
    return `${before}/${value}`;
  });
}
/** The body a request carries: mostly from the schema, sometimes broken JSON, the wrong type, or over the 1 MB limit. */
function bodyOf(g: Generator, target: Target): { body?: string; type?: string } {
  const { random } = g;
  const roll = random.next();
  if (roll < 0.03) return { body: 'x'.repeat(1024 * 1024 + random.int(1, 5000)), type: 'application/json' };
  if (roll < 0.08) {
    const raw = random.pick([
      '{',
      '{"a":',
      "{'a':1}",
      '[1,2',
      'undefined',
      '\u0000',
      '\ufeff{}',
      '"\\ud800"',
      '1e999999',
      '{"a":1}{"a":2}',
      '['.repeat(20_000),
      'a=1&b=2',
    ]);
    return { body: raw, type: random.pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded']) };
  }
  if (!target.body && random.chance(0.8)) return {};
  let value: Json = target.body ? valid(g, target.body) : junk(g);
  if (roll > 0.55) value = target.body && random.chance(0.8) ? mutate(g, value, target.body) : junk(g);
  const type = random.chance(0.93)
    ? 'application/json'
    : random.pick(['text/plain', 'multipart/form-data; boundary=x', '', 'application/json; charset=latin1']);
  return { body: JSON.stringify(value), type };
}

async function send(baseUrl: string, sent: Sent): Promise<Answer> {
  const response = await fetch(baseUrl + sent.url, {
    method: sent.method,
    headers: sent.headers,
    redirect: 'manual',
    ...(sent.body !== undefined && sent.method !== 'GET' && sent.method !== 'HEAD' ? { body: sent.body } : {}),
  });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

/**
 * Ids, codes and series the answers name, kept by kind so later requests go past "not found": an `id` at the
 * top of an answer or of its items is of the route's resource (the path's last word: events, signups, shifts …),
 * an `eventId` is of "events", and every id is also in the general "id" list.
 */
function harvest(pool: Pool, value: unknown, resource: string, depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 30)) harvest(pool, item, resource, depth);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' && item.length <= 600 && (key === 'id' || key === 'code' || key.endsWith('Id'))) {
      const kinds = key === 'code' ? ['code'] : key === 'id' ? (depth <= 1 ? [resource, 'id'] : ['id']) : [key, kindOfKey(key), 'id'];
      for (const name of kinds) remember(pool, name, item);
    } else harvest(pool, item, resource, key === 'items' ? depth : depth + 1);
  }
}

/** eventId -> events, organizerId -> organizations, seriesId -> series. */
function kindOfKey(key: string): string {
  const noun = key.slice(0, -2);
  if (noun === 'organizer' || noun === 'organization') return 'organizations';
  if (noun === 'user' || noun === 'actor') return 'users';
  return noun.endsWith('s') ? noun : `${noun}s`;
}

function remember(pool: Pool, name: string, value: string): void {
  const list = pool.get(name) ?? [];
  if (list.includes(value)) return;
  list.push(value);
  if (list.length > 300) list.shift();
  pool.set(name, list);
}

/** The resource a route answers with: its path's last word that is not a parameter. */
function resourceOf(path: string): string {
  return (
    path
      .split('/')
      .filter((part) => part && !part.startsWith(':'))
      .at(-1) ?? 'id'
  );
}

/** What the contract asks of every answer below 500: a JSON error body with a known code and a Chinese message. */
function contractProblem(sent: Sent, answer: Answer): string | null {
  if (answer.status >= 500) return 'a 5xx';
  if (answer.status < 400 || sent.method === 'HEAD') return null;
  // Node's HTTP parser refuses a request line or headers over 16 KB itself, before the app runs (no body to shape).
  if (answer.status === 431 && answer.text === '') return null;
  if (!answer.type.includes('application/json')) return `a ${answer.status} of type ${answer.type}`;
  let body: { error?: { code?: unknown; message?: unknown } };
  try {
    body = JSON.parse(answer.text);
  } catch {
    return 'an error body that is not JSON';
  }
  const code = body.error?.code;
  if (typeof code !== 'string' || !(code in errorMessages)) return `an unknown error code ${String(code)}`;
  if (typeof body.error?.message !== 'string' || !CJK.test(body.error.message)) return 'an error message without Chinese';
  return null;
}

describe.each(engines)('fuzz on %s', (engine) => {
  let db: TestDatabase | undefined;
  let server: TestServer;
  let api: ApiClient;
  const tokens = new Map<ActorName, string>();
  const pool: Pool = new Map();
  let ownOrgId = '';
  let otherOrgId = '';

  async function login(openid: string): Promise<{ token: string; user: { id: string } }> {
    return api.login(openid);
  }

  const userIds = new Map<ActorName, string>();

  /** A fresh session for a caller (a new account when the run erased the old one). */
  async function signIn(name: Exclude<ActorName, 'anonymous'>): Promise<void> {
    const session = await login(actorSpecs[name].openid);
    tokens.set(name, session.token);
    userIds.set(name, session.user.id);
  }

  /**
   * Puts every caller back as it should be: the run erases accounts, grants and takes roles, ends memberships.
   * Two queries when nothing changed; sign-ins, role flags and memberships only where something did.
   */
  async function ensureActors(): Promise<void> {
    const users = server.dataSource.getRepository(UserEntity);
    const memberships = server.dataSource.getRepository(MembershipEntity);
    const names = Object.keys(actorSpecs) as Exclude<ActorName, 'anonymous'>[];
    for (const name of names) if (!userIds.has(name)) await signIn(name);
    let rows = await users.findBy({ id: In(names.map((name) => userIds.get(name)!)) });
    const erased = names.filter((name) => !rows.some((u) => u.id === userIds.get(name) && !u.erasedAt));
    for (const name of erased) await signIn(name);
    if (erased.length) rows = await users.findBy({ id: In(names.map((name) => userIds.get(name)!)) });
    const held = await memberships.findBy({ userId: In(names.map((name) => userIds.get(name)!)) });
    for (const name of names) {
      const spec = actorSpecs[name];
      const userId = userIds.get(name)!;
      const user = rows.find((u) => u.id === userId)!;
      if (user.isAdmin !== (spec.admin ?? false) || user.isReviewer !== (spec.reviewer ?? false)) {
        await users.update({ id: userId }, { isAdmin: spec.admin ?? false, isReviewer: spec.reviewer ?? false });
      }
      const wanted = spec.organization === 'own' ? ownOrgId : spec.organization === 'other' ? otherOrgId : null;
      const mine = held.filter((m) => m.userId === userId);
      for (const m of mine) if (m.organizationId !== wanted) await memberships.delete({ id: m.id });
      if (wanted && !mine.some((m) => m.organizationId === wanted)) {
        await memberships.insert({ id: randomUUID(), organizationId: wanted, userId, role: 'organizer', createdAt: server.clock.now });
      }
      if (spec.volunteer && !(await server.dataSource.getRepository(VolunteerProfileEntity).existsBy({ userId }))) {
        await api.put(`${API_PREFIX}/me/volunteer`, volunteerProfile, tokens.get(name));
      }
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    server = await startTestServer(db.config, { now: START, wechat: fakeWechat });
    api = apiClient(server.url);
    await importSeedPlans(server.tx, SEEDS_DIR, server.clock.now);
    await seedDemoAccounts(server.tx, server.clock.now);
    await seedDemoActivities(server.tx, server.clock.now);
    const owner = await login('demo-organizer');
    const ownerView = (await api.get(`${API_PREFIX}/me`, owner.token)).body;
    ownOrgId = ownerView.organizations[0].id;
    const city = (await api.get(`${API_PREFIX}/organizations`)).body.items.find((o: { id: string }) => o.id === ownOrgId).city;
    const orgs = (await api.get(`${API_PREFIX}/organizations?city=${encodeURIComponent(city)}`)).body.items;
    otherOrgId = orgs.find((o: { id: string; kind: string }) => o.id !== ownOrgId && o.kind !== 'collective').id;
    await ensureActors();
    // A small world to start from: a published event with a shift, sign-ups and an application; the run builds the rest.
    const ownerToken = tokens.get('owner')!;
    const event = await api.post(
      `${API_PREFIX}/events`,
      {
        title: '模糊测试活动',
        organizerId: ownOrgId,
        city,
        venue: { name: '科技馆' },
        startsAt: '2026-12-05T09:00:00+08:00',
        endsAt: '2026-12-05T12:00:00+08:00',
        capacity: 2,
      },
      ownerToken,
    );
    await api.post(`${API_PREFIX}/events/${event.body.id}/submit`, undefined, ownerToken);
    await api.post(`${API_PREFIX}/events/${event.body.id}/review`, { decision: 'approve' }, tokens.get('reviewer'));
    await api.post(
      `${API_PREFIX}/events/${event.body.id}/shifts`,
      { role: '签到引导', startsAt: '2026-12-05T08:30:00+08:00', endsAt: '2026-12-05T12:00:00+08:00', slots: 1 },
      ownerToken,
    );
    for (const who of ['resident', 'volunteer', 'outsider'] as const) {
      await api.post(`${API_PREFIX}/events/${event.body.id}/signups`, { name: '张三', phone: '13812345678', partySize: 1 }, tokens.get(who));
    }
    for (const path of ['/events?limit=100', '/plans', '/organizations', '/campaigns', '/shifts', '/me/signups', '/users']) {
      harvest(pool, (await api.get(API_PREFIX + path, tokens.get('admin'))).body, resourceOf(path.split('?')[0]!));
    }
    for (const who of ['resident', 'volunteer', 'outsider'] as const) {
      const mine = (await api.get(`${API_PREFIX}/me/signups`, tokens.get(who))).body;
      harvest(pool, mine, 'signups');
      for (const signup of mine.items ?? [])
        harvest(pool, (await api.get(`${API_PREFIX}/me/signups/${signup.id}/checkin-code`, tokens.get(who))).body, 'checkin-code');
    }
    const shifts = (await api.get(`${API_PREFIX}/events/${event.body.id}/shifts`)).body;
    harvest(pool, shifts, 'shifts');
    for (const shift of shifts.items ?? shifts ?? [])
      harvest(pool, (await api.post(`${API_PREFIX}/shifts/${shift.id}/applications`, undefined, tokens.get('volunteer'))).body, 'applications');
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const failures: Failure[] = [];
  const perRoute = new Map<string, Record<string, number>>();
  /** Milliseconds per route, to see where a slow run goes (printed, never asserted). */
  const spent = new Map<string, number>();

  it(
    `sends ${REQUESTS} generated requests over every route; none answers 5xx, every refusal is the error body with a Chinese message`,
    async () => {
      const random = new Random(SEED);
      console.log(`[fuzz] ${engine}: seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${REQUESTS} requests`);
      const g: Generator = { random, pool, now: () => server.clock.now };
      const deps = { config: server.config, dataSource: server.dataSource, tx: server.tx, clock: () => server.clock.now } as AppDeps;
      const all = targets(deps);
      const names = all.map((t) => t.name);
      for (const name of names) perRoute.set(name, {});
      for (let n = 0; n < REQUESTS; n += 1) {
        // Every few hundred requests: callers restored, and time moves (sign-up windows open and close, shifts start).
        if (n % 250 === 0) {
          if (n > 0) {
            server.clock.set(new Date(Date.parse(START) + random.int(-10 * 24, 45 * 24) * 3_600_000).toISOString());
            // Sessions issued at another time may have expired at this one.
            userIds.clear();
          }
          await ensureActors();
        }
        // Round-robin over the routes with a random start, so each gets its share.
        const target = n % 2 === 0 ? all[Math.floor(n / 2) % all.length]! : random.pick(all);
        // Half the calls come from someone the route admits, so they reach the handler; the rest from anyone.
        const actor = random.chance(0.5) && target.admitted.length ? random.pick(target.admitted) : random.pick(actorNames);
        const headers: Record<string, string> = {};
        const token = tokens.get(actor);
        if (token) headers.authorization = `Bearer ${token}`;
        if (random.chance(0.03)) {
          headers.authorization = random.pick([
            'Bearer',
            'Bearer ',
            'Basic YWRtaW46YWRtaW4=',
            `Bearer ${'a'.repeat(5000)}`,
            'Bearer a.b.c',
            `Bearer ${token ?? 'x'}x`,
          ]);
        }
        const method = random.chance(0.03) ? random.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND']) : target.method;
        const { body, type } = bodyOf(g, target);
        if (type) headers['content-type'] = type;
        const sent: Sent = { method, url: pathOf(g, target.path) + queryString(g, target.query), headers, ...(body !== undefined ? { body } : {}) };
        const started = performance.now();
        const answer = await send(server.url, sent);
        spent.set(target.name, (spent.get(target.name) ?? 0) + performance.now() - started);
        const counts = perRoute.get(target.name)!;
        const bucket = String(answer.status);
        counts[bucket] = (counts[bucket] ?? 0) + 1;
        const problem = contractProblem(sent, answer);
        if (problem) {
          failures.push({
            n,
            route: target.name,
            actor,
            request: `${method} ${sent.url.slice(0, 200)} ${sent.body?.slice(0, 300) ?? ''}`,
            status: answer.status,
            answer: `${problem}: ${answer.text.slice(0, 300)}`,
          });
        }
        if (answer.status < 300 && answer.text && answer.type.includes('application/json')) harvest(pool, JSON.parse(answer.text), resourceOf(target.path));
        // An erased account, a role taken away or a membership ended: put the callers back at once.
        if (answer.status < 300 && method !== 'GET' && /\/(me|roles|members(\/.*)?)$/.test(target.path)) await ensureActors();
      }
      const summary = [...perRoute].map(([name, counts]) => `${name} ${JSON.stringify(counts)} ${Math.round(spent.get(name) ?? 0)} ms`).join('\n');
      console.log(`[fuzz] ${engine}: answers per route (status: count)\n${summary}`);
      const kinds = new Map<string, Failure>();
      for (const f of failures) kinds.set(`${f.route} ${f.answer.slice(0, 60)}`, kinds.get(`${f.route} ${f.answer.slice(0, 60)}`) ?? f);
      expect({ failures: failures.length, distinct: [...kinds.values()].slice(0, 30) }).toEqual({ failures: 0, distinct: [] });
      // Every declared route was called, many times.
      for (const name of names)
        expect({ name, calls: Object.values(perRoute.get(name)!).reduce((a, b) => a + b, 0) >= Math.floor(REQUESTS / all.length / 2) }).toEqual({
          name,
          calls: true,
        });
    },
    30 * 60_000,
  );

  it('after the run, the books balance: seats, waitlists and shift slots match their rows, erased accounts keep nothing', async () => {
    const events = await server.dataSource.getRepository(EventEntity).find();
    const signups = await server.dataSource.getRepository(SignupEntity).find();
    const kindOf = new Map(events.map((e) => [e.id, e.kind]));
    for (const event of events) {
      const mine = signups.filter((s) => s.eventId === event.id);
      const seats = mine.filter((s) => s.status === 'confirmed').reduce((sum, s) => sum + s.partySize, 0);
      const waiting = mine.filter((s) => s.status === 'waitlisted').length;
      expect({
        id: event.id,
        confirmedCount: event.confirmedCount,
        waitlistCount: event.waitlistCount,
        within: event.confirmedCount <= event.capacity,
      }).toEqual({
        id: event.id,
        confirmedCount: seats,
        waitlistCount: waiting,
        within: true,
      });
      expect({
        id: event.id,
        ordered: event.endsAt.getTime() > event.startsAt.getTime(),
        year: event.startsAt.getUTCFullYear() >= 1969 && event.endsAt.getUTCFullYear() <= 2101,
      }).toEqual({
        id: event.id,
        ordered: true,
        year: true,
      });
    }
    const booked = signups.filter((s) => s.status !== 'cancelled' && kindOf.get(s.eventId) === 'campaign');
    expect(booked).toEqual([]);
    const shifts = await server.dataSource.getRepository(ShiftEntity).find();
    const applications = await server.dataSource.getRepository(ShiftApplicationEntity).find();
    for (const shift of shifts) {
      const approved = applications.filter((a) => a.shiftId === shift.id && (a.status === 'approved' || a.status === 'completed')).length;
      expect({ id: shift.id, approvedCount: shift.approvedCount, within: shift.approvedCount <= shift.slots }).toEqual({
        id: shift.id,
        approvedCount: approved,
        within: true,
      });
    }
    const erased = (await server.dataSource.getRepository(UserEntity).find()).filter((u) => u.erasedAt);
    for (const user of erased) {
      expect({ id: user.id, openid: user.openid, phone: user.phone }).toEqual({ id: user.id, openid: null, phone: null });
      for (const s of signups.filter((s) => s.userId === user.id)) expect({ name: s.name, phone: s.phone }).toEqual({ name: ERASED_NAME, phone: '' });
    }
  });
});
