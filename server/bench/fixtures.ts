// Owns: the benchmark's database — the seed plans, a history of N events (90% ended,
// 10% upcoming) with sign-ups, volunteer hours and plan-task links, the burst event
// and its users — written with multi-row INSERTs in transactions so 100,000 events
// take seconds. Does not own: measuring, or any server (the servers under test are
// separate processes started by server-process.ts).
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { cstDateOf } from '@kepu/shared';
import { Transactions } from '../src/core/transaction';
import { EventEntity, EventPlanTaskEntity } from '../src/db/entities/event.entity';
import { rebuildSearchIndex } from '../src/db/event-search/search-index';
import { OrganizationEntity } from '../src/db/entities/organization.entity';
import { PlanEntity, PlanTaskEntity } from '../src/db/entities/plan.entity';
import { SignupEntity } from '../src/db/entities/signup.entity';
import { UserEntity } from '../src/db/entities/user.entity';
import { ShiftApplicationEntity, ShiftEntity } from '../src/db/entities/volunteer.entities';
import { demoActivityTemplates, demoCityGeography } from '../src/demo/demo-data';
import { importSeedPlans } from '../src/demo/seed';
import { newEventRow } from '../src/modules/events/event.row';
import { importProgressPlan, progressPlanYear } from './progress-plan';

const DAY = 86_400_000;
/** Bound parameters per statement: under SQLite's 32,766 with room to spare. */
const MAX_PARAMS = 30_000;
const MAX_ROWS = 1000;

/**
 * Inserts entity objects with multi-row INSERTs in one transaction. Values go through
 * the driver's own conversion (dates, simple-json, booleans), so the rows read back
 * exactly as the app's own writes would.
 */
export async function bulkInsert<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  if (rows.length === 0) return;
  const metadata = dataSource.getMetadata(entity);
  const driver = dataSource.driver;
  const columns = metadata.columns.filter((c) => c.getEntityValue(rows[0]!) !== undefined);
  const perChunk = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  const head = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    for (let i = 0; i < rows.length; i += perChunk) {
      const chunk = rows.slice(i, i + perChunk);
      const params: unknown[] = [];
      for (const row of chunk) for (const column of columns) params.push(driver.preparePersistentValue(column.getEntityValue(row), column));
      await runner.query(head + chunk.map(() => tuple).join(', '), params);
    }
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

export interface BenchDataOptions {
  /** Events in the history; a tenth upcoming, the rest ended. */
  events: number;
  /** Distinct users of the sign-up burst (they also hold the history's sign-ups). */
  burstUsers: number;
  burstSeats: number;
}

export interface BenchData {
  /** The 100-task plan three in ten ended events cite a task of (progress-plan.ts). */
  progressPlanId: string;
  progressLinks: number;
  /** Events citing it, and those of them in its year (what its progress counts). */
  progressEvents: number;
  progressEventsInYear: number;
  /** The city of a third of the events, for the per-city list. */
  city: string;
  /** A venue of the other city, the centre for near= queries. */
  centre: { lat: number; lng: number };
  /** Published events (upcoming and ended) the detail scenario cycles over. */
  detailIds: string[];
  burstEventId: string;
  burstUserIds: string[];
  counts: { events: number; upcoming: number; ended: number; signups: number; links: number; applications: number };
}

/**
 * The seed plans as `npm start` imports them, then `events` published activities over
 * the last three years and the next 90 days (one in ten upcoming), two thirds in
 * 柳州市 and one third in 唐山市. Three in ten events (ended ones) cite a task of the
 * bench's 100-task progress plan (every second of them two tasks): at 100,000 events its
 * 30,000 events over three years, about 10,000 of them in its year (issue 16's shape);
 * events carry 0-4 sign-ups (checked in when ended) and every tenth a volunteer
 * shift with certified hours. Then one upcoming event with `burstSeats` seats and
 * `burstUsers` users for the burst.
 */
export async function seedBenchData(dataSource: DataSource, seedsDir: string, options: BenchDataOptions, now: Date): Promise<BenchData> {
  await importSeedPlans(new Transactions(dataSource), seedsDir, now);
  const plans = await dataSource.getRepository(PlanEntity).find();
  const seedPlan = plans.find((p) => p.city === '柳州市') ?? plans[0];
  if (!seedPlan) throw new Error(`no seed plan was imported from ${seedsDir}`);
  // Progress reads a 100-task plan of the year before the bench's, in the same city (progress-plan.ts).
  const progressPlan = { id: await importProgressPlan(dataSource, seedPlan.city, now), city: seedPlan.city };
  const progressTasks = (await dataSource.getRepository(PlanTaskEntity).findBy({ planId: progressPlan.id })).sort((a, b) => a.ordinal - b.ordinal);
  const cityNames = [progressPlan.city, ...plans.map((p) => p.city).filter((c) => c !== progressPlan.city)];
  const cities = await Promise.all(
    cityNames.map(async (city) => ({
      city,
      organizers: (await dataSource.getRepository(OrganizationEntity).findBy({ city })).filter((o) => o.kind !== 'collective'),
      places: demoCityGeography(city).places,
    })),
  );
  const usable = cities.filter((c) => c.organizers.length > 0);
  if (usable.length === 0) throw new Error('the seed plans created no organizations');
  const cityOf = (i: number) => usable[i % 3 === 2 && usable.length > 1 ? 1 : 0]!;

  const users = Array.from({ length: options.burstUsers }, (_, i) =>
    Object.assign(new UserEntity(), {
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
  await bulkInsert(dataSource, UserEntity, users);

  const events: EventEntity[] = [];
  const links: EventPlanTaskEntity[] = [];
  const signups: SignupEntity[] = [];
  const shifts: ShiftEntity[] = [];
  const applications: ShiftApplicationEntity[] = [];
  let upcoming = 0;
  let progressLinked = 0;
  let progressInYear = 0;
  for (let i = 0; i < options.events; i++) {
    const { city, organizers, places } = cityOf(i);
    const template = demoActivityTemplates[i % demoActivityTemplates.length]!;
    const place = places[i % places.length]!;
    const isUpcoming = i % 10 === 0;
    if (isUpcoming) upcoming++;
    // Ended events spread over three years back; upcoming over the next 90 days.
    const dayOffset = isUpcoming ? 1 + (i % 90) : -(1 + ((i * 7919) % 1095));
    const startsAt = new Date(now.getTime() + dayOffset * DAY + (i % 10) * 3_600_000);
    const endsAt = new Date(startsAt.getTime() + template.hours * 3_600_000);
    // A few hundred metres of jitter so distance sorting has real work to do.
    const jitter = ((i * 7919) % 1000) / 1000 - 0.5;
    const signupCount = i % 5;
    const event = newEventRow(
      {
        title: `${template.title}（第${i + 1}场）`,
        description: template.description,
        kind: 'activity',
        organizerId: organizers[i % organizers.length]!.id,
        city,
        district: place.district,
        audiences: template.audiences,
        themes: template.themes,
        venueName: place.venue,
        venueAddress: place.address,
        venueLat: place.lat === null ? null : place.lat + jitter * 0.05,
        venueLng: place.lng === null ? null : place.lng + jitter * 0.05,
        startsAt,
        endsAt,
        capacity: template.capacity,
        status: 'published',
        source: 'organizer',
        publishedAt: new Date(startsAt.getTime() - 14 * DAY),
      },
      now,
    );
    event.confirmedCount = signupCount;
    event.signupSeq = signupCount;
    events.push(event);

    // Three in ten events (all ended) carry out the progress plan, every second of them two tasks.
    if (i % 10 >= 1 && i % 10 <= 3) {
      const k = progressLinked++;
      const link = (n: number) => {
        const task = progressTasks[n % progressTasks.length]!;
        return Object.assign(new EventPlanTaskEntity(), { eventId: event.id, planId: progressPlan.id, taskOrdinal: task.ordinal, taskNumber: task.number });
      };
      links.push(link(k));
      if (k % 2 === 0 && progressTasks.length > 1) links.push(link(k + 37));
      if (cstDateOf(startsAt).startsWith(`${progressPlanYear(now)}-`)) progressInYear++;
    }
    for (let k = 0; k < signupCount && users.length >= 5; k++) {
      signups.push(
        Object.assign(new SignupEntity(), {
          id: randomUUID(),
          eventId: event.id,
          userId: users[(i * 13 + k) % users.length]!.id,
          name: `参与者${k}`,
          phone: `139${String(i % 100_000_000).padStart(8, '0')}`,
          partySize: 1,
          status: 'confirmed',
          seq: k + 1,
          checkedInAt: !isUpcoming && k < 3 ? startsAt : null,
          cancelledAt: null,
          createdAt: event.createdAt,
          updatedAt: event.createdAt,
        }),
      );
    }
    if (i % 10 === 5) {
      const shift = Object.assign(new ShiftEntity(), {
        id: randomUUID(),
        eventId: event.id,
        role: '现场引导',
        description: '',
        startsAt,
        endsAt,
        slots: 3,
        approvedCount: 1,
        skills: [i % 20 === 5 ? '应急救护' : '科普讲解'],
        createdAt: now,
      });
      shifts.push(shift);
      applications.push(
        Object.assign(new ShiftApplicationEntity(), {
          id: randomUUID(),
          shiftId: shift.id,
          eventId: event.id,
          userId: users[i % users.length]!.id,
          status: isUpcoming ? 'approved' : 'completed',
          hours: isUpcoming ? null : template.hours,
          decisionReason: null,
          appliedAt: now,
          decidedAt: now,
          decidedBy: null,
          checkedInAt: null,
          checkedOutAt: null,
          completedAt: isUpcoming ? null : endsAt,
          completedBy: null,
        }),
      );
    }
  }
  const home = usable[0]!;
  const burstStart = new Date(now.getTime() + 10 * DAY);
  const burstEvent = newEventRow(
    {
      title: '报名压测活动',
      description: '五千人抢两百个名额。',
      kind: 'activity',
      organizerId: home.organizers[0]!.id,
      city: home.city,
      venueName: home.places[0]!.venue,
      startsAt: burstStart,
      endsAt: new Date(burstStart.getTime() + 2 * 3_600_000),
      capacity: options.burstSeats,
      status: 'published',
      source: 'organizer',
    },
    now,
  );
  events.push(burstEvent);

  await bulkInsert(dataSource, EventEntity, events);
  // Raw inserts bypass the ORM subscriber that indexes an event's text for search.
  await dataSource.transaction((manager) => rebuildSearchIndex(manager));
  await bulkInsert(dataSource, EventPlanTaskEntity, links);
  await bulkInsert(dataSource, SignupEntity, signups);
  await bulkInsert(dataSource, ShiftEntity, shifts);
  await bulkInsert(dataSource, ShiftApplicationEntity, applications);

  const other = usable[usable.length - 1]!;
  const centre = other.places.find((p) => p.lat !== null && p.lng !== null);
  const published = events.slice(0, -1);
  const step = Math.max(1, Math.floor(published.length / 1000));
  return {
    progressPlanId: progressPlan.id,
    progressLinks: links.length,
    progressEvents: progressLinked,
    progressEventsInYear: progressInYear,
    city: other.city,
    centre: { lat: centre?.lat ?? 0, lng: centre?.lng ?? 0 },
    detailIds: published.filter((_, i) => i % step === 0).map((e) => e.id),
    burstEventId: burstEvent.id,
    burstUserIds: users.map((u) => u.id),
    counts: {
      events: options.events,
      upcoming,
      ended: options.events - upcoming,
      signups: signups.length,
      links: links.length,
      applications: applications.length,
    },
  };
}

/**
 * Search words for `?q=` as residents might type them: every two-character run of Han
 * characters in the activities' titles, descriptions and the venues' names (a few hundred;
 * some match thousands of events, some a handful, a few none among the upcoming ones).
 */
export function benchSearchTerms(cities: string[]): string[] {
  const terms = new Set<string>();
  const han = /\p{Script=Han}/u;
  const add = (text: string) => {
    const chars = [...text];
    for (let i = 0; i + 1 < chars.length; i++) if (han.test(chars[i]!) && han.test(chars[i + 1]!)) terms.add(chars[i]! + chars[i + 1]!);
  };
  for (const template of demoActivityTemplates) {
    add(template.title);
    add(template.description);
  }
  for (const city of cities) for (const place of demoCityGeography(city).places) add(place.venue);
  return [...terms];
}
