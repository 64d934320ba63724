// Owns: the benchmark's data (seed plans, demo accounts, N extra published events,
// bench users) and an in-process server on 127.0.0.1 for one database.
// Does not own: measuring; it writes rows straight through TypeORM to set up quickly.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createApp } from '../src/app';
import { loadConfig, type DatabaseConfig } from '../src/config';
import { openDatabase } from '../src/db/data-source';
import { Transactions } from '../src/core/transaction';
import { demoActivityTemplates, demoCityGeography } from '../src/demo/demo-data';
import { importSeedPlans, seedDemoAccounts } from '../src/demo/seed';
import { issueSessionToken } from '../src/core/tokens';
import { memoryRateLimiter } from '../src/http/rate-limit';
import { EventEntity, EventPlanTaskEntity } from '../src/db/entities/event.entity';
import { newEventRow } from '../src/modules/events/event.row';
import { OrganizationEntity } from '../src/db/entities/organization.entity';
import { PlanEntity, PlanTaskEntity } from '../src/db/entities/plan.entity';
import { UserEntity } from '../src/db/entities/user.entity';
import { ShiftEntity } from '../src/db/entities/volunteer.entities';
import { httpWechatClient } from '../src/wechat/code2session';

const BENCH_SECRET = 'kepu-bench-secret';
const CHUNK = 200;

export interface BenchServer {
  port: number;
  dataSource: DataSource;
  close(): Promise<void>;
}

export async function startBenchServer(database: DatabaseConfig): Promise<BenchServer> {
  const config = loadConfig({ DB_URL: 'sqlite::memory:', AUTH_MODE: 'dev', AUTH_SECRET: BENCH_SECRET, RATE_LIMIT: 'off' }, ['--no-demo']);
  config.database = database;
  config.staticDir = null;
  const dataSource = await openDatabase(database);
  const tx = new Transactions(dataSource);
  const clock = () => new Date();
  const app = createApp({ config, dataSource, tx, clock, rateLimiter: memoryRateLimiter(clock), wechat: httpWechatClient(config.wechat) });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    port: (server.address() as AddressInfo).port,
    dataSource,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await dataSource.destroy();
    },
  };
}

export interface BenchData {
  city: string;
  /** A venue of that city, the centre for near= queries. */
  centre: { lat: number; lng: number };
  eventIds: string[];
  /** Published, open for sign-up, with `capacity` seats. */
  signupEventId: string;
  signupCapacity: number;
  userTokens: string[];
  extraEvents: number;
}

/** Plans and demo accounts as `npm start` makes them, then `extraEvents` published activities spread over 90 days. */
export async function seedBenchData(
  dataSource: DataSource,
  seedsDir: string,
  options: { extraEvents: number; users: number; signupCapacity: number },
  now: Date,
): Promise<BenchData> {
  const tx = new Transactions(dataSource);
  await importSeedPlans(tx, seedsDir, now);
  await seedDemoAccounts(tx, now);

  const plans = await dataSource.getRepository(PlanEntity).find({ order: { city: 'ASC' } });
  const cities = await Promise.all(
    plans.map(async (plan) => ({
      plan,
      tasks: await dataSource.getRepository(PlanTaskEntity).find({ where: { planId: plan.id }, select: { planId: true, number: true } }),
      organizers: (await dataSource.getRepository(OrganizationEntity).findBy({ city: plan.city })).filter((o) => o.kind !== 'collective'),
      places: demoCityGeography(plan.city).places,
    })),
  );
  const usable = cities.filter((c) => c.organizers.length > 0);
  if (usable.length === 0) throw new Error('the seed plans created no organizations');

  const events: EventEntity[] = [];
  const links: { eventId: string; planId: string; taskNumber: number }[] = [];
  for (let i = 0; i < options.extraEvents; i++) {
    const city = usable[i % usable.length]!;
    const template = demoActivityTemplates[i % demoActivityTemplates.length]!;
    const place = city.places[i % city.places.length]!;
    const startsAt = new Date(now.getTime() + (1 + (i % 90)) * 86_400_000 + (i % 10) * 3600_000);
    // A few hundred metres of jitter so distance sorting has real work to do.
    const jitter = ((i * 7919) % 1000) / 1000 - 0.5;
    const event = newEventRow(
      {
        title: `${template.title}（第${i + 1}场）`,
        description: template.description,
        kind: 'activity',
        organizerId: city.organizers[i % city.organizers.length]!.id,
        city: city.plan.city,
        district: place.district,
        audiences: template.audiences,
        themes: template.themes,
        venueName: place.venue,
        venueAddress: place.address,
        venueLat: place.lat === null ? null : place.lat + jitter * 0.05,
        venueLng: place.lng === null ? null : place.lng + jitter * 0.05,
        startsAt,
        endsAt: new Date(startsAt.getTime() + template.hours * 3600_000),
        capacity: template.capacity,
        status: 'published',
        source: 'organizer',
      },
      now,
    );
    events.push(event);
    // Half the events cite a plan task, so list views do their plan-task lookups.
    const task = city.tasks[i % Math.max(city.tasks.length, 1)];
    if (task && i % 2 === 0) links.push({ eventId: event.id, planId: task.planId, taskNumber: task.number });
  }
  for (let i = 0; i < events.length; i += CHUNK) await dataSource.getRepository(EventEntity).insert(events.slice(i, i + CHUNK));
  // Every third event recruits volunteers (both cities alike): one shift, so /shifts lists have real rows to page through.
  const shifts = events
    .filter((_, i) => i % 3 === 0)
    .map((event, i) =>
      dataSource.getRepository(ShiftEntity).create({
        id: randomUUID(),
        eventId: event.id,
        role: '现场引导',
        description: '',
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        slots: 3,
        approvedCount: 0,
        skills: [i % 2 === 0 ? '应急救护' : '科普讲解'],
        createdAt: now,
      }),
    );
  for (let i = 0; i < shifts.length; i += CHUNK) await dataSource.getRepository(ShiftEntity).insert(shifts.slice(i, i + CHUNK));
  for (let i = 0; i < links.length; i += CHUNK) await dataSource.getRepository(EventPlanTaskEntity).insert(links.slice(i, i + CHUNK));

  const home = usable[0]!;
  const signupEvent = newEventRow(
    {
      ...events[0]!,
      title: '报名压测活动',
      capacity: options.signupCapacity,
      startsAt: new Date(now.getTime() + 10 * 86_400_000),
      endsAt: new Date(now.getTime() + 10 * 86_400_000 + 7_200_000),
    },
    now,
  );
  await dataSource.getRepository(EventEntity).insert(signupEvent);

  const users = Array.from({ length: options.users }, (_, i) =>
    dataSource.getRepository(UserEntity).create({
      id: randomUUID(),
      openid: `bench-${i}`,
      nickname: `压测${i}`,
      phone: null,
      largeText: false,
      isReviewer: false,
      isAdmin: false,
      erasedAt: null,
      createdAt: now,
    }),
  );
  for (let i = 0; i < users.length; i += CHUNK) await dataSource.getRepository(UserEntity).insert(users.slice(i, i + CHUNK));

  const centre = home.places.find((p) => p.lat !== null && p.lng !== null);
  return {
    city: home.plan.city,
    centre: { lat: centre?.lat ?? 0, lng: centre?.lng ?? 0 },
    eventIds: events.map((e) => e.id),
    signupEventId: signupEvent.id,
    signupCapacity: options.signupCapacity,
    userTokens: users.map((u) => issueSessionToken(u.id, 'dev', BENCH_SECRET, now)),
    extraEvents: options.extraEvents,
  };
}
