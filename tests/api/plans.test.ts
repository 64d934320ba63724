// Work plans: the seeded list and details, how far each task has got, the
// admin import (dry run, idempotent re-import, in-place update, refusals),
// and the campaign catalogue the plans refer to.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { EventEntity, EventPlanTaskEntity } from '../../server/src/db/entities/event.entity';
import { OrganizationEntity } from '../../server/src/db/entities/organization.entity';
import { PlanEntity, PlanTaskEntity } from '../../server/src/db/entities/plan.entity';
import { SignupEntity } from '../../server/src/db/entities/signup.entity';
import { ShiftApplicationEntity } from '../../server/src/db/entities/volunteer.entities';
import { newEventRow } from '../../server/src/modules/events/event.row';
import { engines } from './harness';
import { API, SEEDS_DIR, activityInput, badFields, expectError, expectStatus, publishActivity, signUp, useTestApp, type TestApp } from './fixtures';

const tangshanText = readFileSync(join(SEEDS_DIR, 'tangshan-2023.txt'), 'utf8');
/** The Tangshan plan as another city's: a plan the database does not hold yet. */
const qinhuangdaoText = tangshanText.replaceAll('唐山', '秦皇岛');

async function planIdOf(app: TestApp, city: string): Promise<string> {
  const plans = (await app.api.get(`${API}/plans`)).body.items as { id: string; city: string }[];
  return plans.find((p) => p.city === city)!.id;
}

async function tableCounts(app: TestApp) {
  return {
    plans: await app.count(PlanEntity),
    tasks: await app.count(PlanTaskEntity),
    events: await app.count(EventEntity),
    links: await app.count(EventPlanTaskEntity),
    organizations: await app.count(OrganizationEntity),
  };
}

interface SectionNode {
  ordinal: string;
  title: string;
  sections: SectionNode[];
}
function walkSections(nodes: SectionNode[], depth = 1): number {
  let deepest = depth - 1;
  for (const node of nodes) {
    expect(node).toEqual(expect.objectContaining({ ordinal: expect.any(String), title: expect.any(String), sections: expect.any(Array) }));
    expect(node.title.length).toBeGreaterThan(0);
    deepest = Math.max(deepest, depth, walkSections(node.sections, depth + 1));
  }
  return deepest;
}

describe.each(engines)('plans on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });

  describe('reading plans', () => {
    it('when a resident opens the plan list, both seeded plans are there, newest year first, with task counts', async () => {
      const res = await app.api.get(`${API}/plans`);
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items.map((p: any) => [p.city, p.year, p.taskCount])).toEqual([
        ['唐山市', 2023, 22],
        ['柳州市', 2022, 45],
      ]);
      expect(res.body.items[0]).toEqual({
        id: expect.any(String),
        city: '唐山市',
        year: 2023,
        title: '2023年唐山市全民科学素质行动工作要点',
        issuer: '唐山市全民科学素质工作领导小组',
        issuedOn: '2023-03-30',
        taskCount: 22,
      });
    });

    it("when the list is filtered by city, only that city's plan is listed", async () => {
      const res = await app.api.get(`${API}/plans?city=${encodeURIComponent('柳州市')}`);
      expect(res.body.items.map((p: any) => p.city)).toEqual(['柳州市']);
    });

    it('when a resident opens a plan, sections are nested and each task has its number, place and tags', async () => {
      const res = await app.api.get(`${API}/plans/${await planIdOf(app, '唐山市')}`);
      expect(res.status).toBe(200);
      const plan = res.body;
      expect(plan).toMatchObject({ city: '唐山市', year: 2023, documentNumber: '唐全科字〔2023〕1号', issuedOn: '2023-03-30', taskCount: 22 });
      expect(walkSections(plan.sections)).toBe(2);
      const second = plan.sections.find((s: SectionNode) => s.ordinal === '二');
      expect(second.sections.map((s: SectionNode) => s.ordinal)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）']);

      expect(plan.tasks.map((t: any) => t.number)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
      for (const [index, task] of plan.tasks.entries()) {
        expect(Number.isInteger(task.number)).toBe(true);
        expect(task).toEqual({
          number: expect.any(Number),
          // Its position in the plan: what names it when numbers repeat.
          ordinal: index + 1,
          title: expect.any(String),
          text: expect.any(String),
          sectionPath: expect.any(Array),
          responsibleUnits: expect.any(Array),
          audiences: expect.any(Array),
          themes: expect.any(Array),
          campaigns: expect.any(Array),
          volunteerNeed: expect.any(Boolean),
        });
        expect(task.sectionPath.length).toBeGreaterThanOrEqual(1);
      }
      const task4 = plan.tasks.find((t: any) => t.number === 4);
      expect(task4.title).toBe('利用科普资源助推“双减”工作');
      expect(task4.sectionPath).toEqual(['二、提升重点人群科学素质，夯实科技创新根基', '（一）实施青少年科学素质提升行动']);
      const task3 = plan.tasks.find((t: any) => t.number === 3);
      expect(task3.campaigns).toEqual([{ code: 'science-tech-workers-day', name: '全国科技工作者日' }]);
      expect(task3.audiences).toEqual(expect.arrayContaining(['青少年']));
    });

    it("when a task names responsible units, each points at the city's organization of that name", async () => {
      const plan = (await app.api.get(`${API}/plans/${await planIdOf(app, '柳州市')}`)).body;
      expect(plan.tasks).toHaveLength(45);
      const task4 = plan.tasks.find((t: any) => t.number === 4);
      expect(task4.responsibleUnits.map((u: any) => u.name)).toEqual(['市委宣传部', '市科技局', '市文化广电旅游局', '市科协']);
      const organizations = (await app.api.get(`${API}/organizations?city=${encodeURIComponent('柳州市')}`)).body.items as { id: string; name: string }[];
      for (const unit of task4.responsibleUnits) {
        expect(organizations.find((o) => o.id === unit.organizationId)?.name).toBe(unit.name);
      }
    });

    it('when the plan id is unknown, detail and progress answer 404', async () => {
      expectError(await app.api.get(`${API}/plans/no-such-plan`), 404, 'NOT_FOUND');
      expectError(await app.api.get(`${API}/plans/no-such-plan/progress`), 404, 'NOT_FOUND');
    });

    it('when a resident asks for cities, the cities with plans are listed', async () => {
      const res = await app.api.get(`${API}/cities`);
      expect(res.status).toBe(200);
      const cities = res.body.items.map((c: any) => c.city);
      expect(cities).toEqual(expect.arrayContaining(['唐山市', '柳州市']));
      expect(res.body.items.find((c: any) => c.city === '柳州市')).toMatchObject({ plans: 1 });
    });

    it('when a city has only a published event and no plan, it is listed among the cities; a draft elsewhere is not', async () => {
      await publishActivity(app, { city: '保定市', title: '保定科普活动' });
      const draft = await app.api.post(
        `${API}/events`,
        activityInput((await app.user('demo-organizer')).organizations[0]!.id, { city: '沧州市' }),
        // Only an admin posts for an organization outside its city.
        await app.token('demo-admin'),
      );
      expectStatus(draft, 201);
      const cities = (await app.api.get(`${API}/cities`)).body.items;
      expect(cities.find((c: any) => c.city === '保定市')).toMatchObject({ plans: 0, events: 1 });
      expect(cities.map((c: any) => c.city)).not.toContain('沧州市');
    });
  });

  describe('progress', () => {
    it('when an activity linked to a task is drafted, published, booked and attended, the task and its units move', async () => {
      const planId = await planIdOf(app, '柳州市');
      const organizations = (await app.api.get(`${API}/organizations?city=${encodeURIComponent('柳州市')}`)).body.items as { id: string; name: string }[];
      const association = organizations.find((o) => o.name === '市科协')!;
      const organizer = await app.api.login('liuzhou-organizer');
      const added = await app.api.post(
        `${API}/organizations/${association.id}/members`,
        { userId: organizer.user.id, role: 'organizer' },
        await app.token('demo-admin'),
      );
      expect(added.status).toBe(201);

      // The plan is 2022's; the activity is in December 2026.
      const progress = async () => (await app.api.get(`${API}/plans/${planId}/progress?year=2026`)).body;
      const before = await progress();
      expect(Object.keys(before).sort()).toEqual(
        ['audiences', 'campaigns', 'districts', 'idleTasks', 'months', 'sections', 'tasks', 'totals', 'units', 'window', 'year'].sort(),
      );
      expect(before.tasks).toHaveLength(45);
      const task33 = (p: any) => p.tasks.find((t: any) => t.number === 33);
      const unit = (p: any) => p.units.find((u: any) => u.name === '市科协');
      expect(task33(before)).toEqual({
        number: 33,
        ordinal: 33,
        title: expect.any(String),
        section: expect.any(String),
        events: 0,
        published: 0,
        seats: 0,
        signups: 0,
        checkins: 0,
        attendanceRate: null,
        volunteerHours: 0,
        idle: true,
      });
      expect(before.idleTasks).toContain(33);
      expect(unit(before)).toMatchObject({ organizationId: association.id });
      expect(unit(before).tasks).toContain(33);

      const created = await app.api.post(
        `${API}/events`,
        activityInput(association.id, {
          city: '柳州市',
          title: '柳州科协科普讲座',
          planTasks: [{ planId, number: 33 }],
          capacity: 10,
        }),
        organizer.token,
      );
      expectStatus(created, 201);
      expect(created.body.planTasks).toEqual([{ planId, number: 33, ordinal: 33, title: task33(before).title }]);
      const drafted = await progress();
      // A draft does not count yet.
      expect(task33(drafted)).toMatchObject({ events: 0, published: 0, idle: true });

      expectStatus(await app.api.post(`${API}/events/${created.body.id}/submit`, undefined, organizer.token), 200);
      expectStatus(await app.api.post(`${API}/events/${created.body.id}/review`, { decision: 'approve' }, await app.token('demo-reviewer')), 200);
      const signup = await signUp(app, created.body.id, 'liuzhou-resident');
      expectStatus(signup, 201);
      const code = (await app.api.get(`${API}/me/signups/${signup.body.id}/checkin-code`, await app.token('liuzhou-resident'))).body.code;
      expectStatus(await app.api.post(`${API}/events/${created.body.id}/checkins`, { code }, organizer.token), 200);

      const after = await progress();
      expect(task33(after)).toMatchObject({ events: 1, published: 1, seats: 10, signups: 1, checkins: 1, attendanceRate: 1, idle: false });
      expect(after.idleTasks).not.toContain(33);
      expect(unit(after)).toMatchObject({
        events: unit(before).events + 1,
        published: unit(before).published + 1,
        signups: unit(before).signups + 1,
        checkins: unit(before).checkins + 1,
      });
      expect(unit(after).idleTasks).not.toContain(33);
      // A unit that is not responsible for task 33 does not move.
      const other = (p: any) => p.units.find((u: any) => u.name === '市总工会');
      expect(other(after)).toEqual(other(before));
    });
  });

  describe('progress at scale', () => {
    // More linked events than SQLite takes variables in one statement (32,766): a progress
    // that listed the event ids in an IN (...) answered 500 here.
    const LINKED = 33_000;

    it(`when ${LINKED.toLocaleString('en')} events carry out a plan, progress adds up every task and unit, each event once per unit`, async () => {
      const planId = await planIdOf(app, '柳州市');
      const plan = (await app.api.get(`${API}/plans/${planId}`)).body as {
        tasks: { number: number; ordinal: number; responsibleUnits: { name: string; organizationId: string | null }[] }[];
      };
      const numbers = plan.tasks.map((t) => t.number);
      const ordinalOf = new Map(plan.tasks.map((t) => [t.number, t.ordinal]));
      // Two tasks one unit is responsible for: events carrying out both must count once for that unit.
      const unitTasks = new Map<string, number[]>();
      const unitOrg = new Map<string, string | null>();
      for (const task of plan.tasks) {
        for (const unit of task.responsibleUnits) {
          unitTasks.set(unit.name, [...(unitTasks.get(unit.name) ?? []), task.number]);
          unitOrg.set(unit.name, unit.organizationId);
        }
      }
      const [sharingUnit, [pairA, pairB]] = [...unitTasks].find(([name, tasks]) => tasks.length >= 2 && !name.startsWith('各') && unitOrg.get(name))! as [
        string,
        number[],
      ];
      const before = (await app.api.get(`${API}/plans/${planId}/progress?year=2026`)).body;
      // Every event is posted by the sharing unit's organization (it is credited with its own events).
      const organizerId = unitOrg.get(sharingUnit)!;
      const now = app.server.clock.now;

      // What each generated event adds, to sum the expected tallies from.
      interface Made {
        tasks: number[];
        status: string;
        /** The year it starts in, China time. */
        year: number;
        signups: number;
        checkins: number;
        hours: number;
      }
      const made: Made[] = [];
      const events: EventEntity[] = [];
      const links: EventPlanTaskEntity[] = [];
      const signups: SignupEntity[] = [];
      const applications: ShiftApplicationEntity[] = [];
      for (let i = 0; i < LINKED; i++) {
        const status = i % 20 === 0 ? 'cancelled' : i % 7 === 0 ? 'draft' : 'published';
        const startsAt = new Date(now.getTime() + (i % 60) * 86_400_000);
        const event = newEventRow(
          {
            title: `规模进度${i}`,
            description: '',
            kind: 'activity',
            organizerId,
            city: '柳州市',
            audiences: [],
            themes: [],
            venueName: '科技馆',
            startsAt,
            endsAt: new Date(startsAt.getTime() + 3_600_000),
            capacity: 50,
            status,
            source: 'organizer',
          },
          now,
        );
        events.push(event);
        // Every 50th event carries out two tasks of one unit.
        const tasks = i % 50 === 0 ? [pairA!, pairB!] : [numbers[i % numbers.length]!];
        for (const taskNumber of tasks)
          links.push(Object.assign(new EventPlanTaskEntity(), { eventId: event.id, planId, taskNumber, taskOrdinal: ordinalOf.get(taskNumber)! }));
        const entry: Made = { tasks, status, year: new Date(startsAt.getTime() + 8 * 3_600_000).getUTCFullYear(), signups: 0, checkins: 0, hours: 0 };
        if (i % 10 === 3) {
          // Two confirmed (one checked in) and one waitlisted: 2 sign-ups, 1 check-in.
          for (const [k, signupStatus, checkedInAt] of [
            [0, 'confirmed', now],
            [1, 'confirmed', null],
            [2, 'waitlisted', null],
          ] as const) {
            signups.push(
              Object.assign(new SignupEntity(), {
                id: randomUUID(),
                eventId: event.id,
                userId: randomUUID(),
                name: `参与者${k}`,
                phone: '13900000000',
                partySize: 1,
                status: signupStatus,
                seq: k + 1,
                checkedInAt,
                cancelledAt: null,
                createdAt: now,
                updatedAt: now,
              }),
            );
          }
          entry.signups = 2;
          entry.checkins = 1;
        }
        if (i % 25 === 4) {
          // A completed service of 1.25 hours counts; an approved one without hours yet does not.
          for (const [applicationStatus, hours] of [
            ['completed', 1.25],
            ['approved', null],
          ] as const) {
            applications.push(
              Object.assign(new ShiftApplicationEntity(), {
                id: randomUUID(),
                shiftId: randomUUID(),
                eventId: event.id,
                userId: randomUUID(),
                status: applicationStatus,
                hours,
                decisionReason: null,
                appliedAt: now,
                decidedAt: null,
                decidedBy: null,
                checkedInAt: null,
                checkedOutAt: null,
                completedAt: null,
                completedBy: null,
              }),
            );
          }
          entry.hours = 1.25;
        }
        made.push(entry);
      }
      await app.server.dataSource.transaction(async (manager) => {
        const insert = async <T extends ObjectLiteral>(entity: EntityTarget<T>, rows: T[]) => {
          for (let i = 0; i < rows.length; i += 500) {
            await manager
              .createQueryBuilder()
              .insert()
              .into(entity)
              .values(rows.slice(i, i + 500))
              .updateEntity(false)
              .execute();
            // better-sqlite3 blocks: let timers run, so no keep-alive socket expires unseen while this goes on.
            await new Promise((resolve) => setImmediate(resolve));
          }
        };
        await insert(EventEntity, events);
        await insert(EventPlanTaskEntity, links);
        await insert(SignupEntity, signups);
        await insert(ShiftApplicationEntity, applications);
      });

      const res = await app.api.get(`${API}/plans/${planId}/progress?year=2026`);
      expectStatus(res, 200);
      const after = res.body;

      // Only published events of 2026 (China time) count; drafts, cancelled ones and January 2027's do not.
      const tally = (entries: Made[]) => {
        const counted = entries.filter((e) => e.status === 'published' && e.year === 2026);
        return {
          events: counted.length,
          published: counted.length,
          signups: counted.reduce((n, e) => n + e.signups, 0),
          checkins: counted.reduce((n, e) => n + e.checkins, 0),
          volunteerHours: counted.reduce((n, e) => n + e.hours, 0),
        };
      };
      const plus = (base: any, added: ReturnType<typeof tally>) => ({
        events: base.events + added.events,
        published: base.published + added.published,
        signups: base.signups + added.signups,
        checkins: base.checkins + added.checkins,
        volunteerHours: expect.closeTo(base.volunteerHours + added.volunteerHours, 2),
      });
      expect(made.some((e) => e.year === 2027)).toBe(true);
      expect(after.tasks.map((t: any) => t.number)).toEqual(before.tasks.map((t: any) => t.number));
      for (const [k, task] of after.tasks.entries()) {
        const expected = plus(before.tasks[k], tally(made.filter((e) => e.tasks.includes(task.number))));
        expect(task).toMatchObject({ number: task.number, title: before.tasks[k].title, ...expected, idle: expected.events === 0 });
      }
      expect(after.idleTasks).toEqual(after.tasks.filter((t: any) => t.events === 0).map((t: any) => t.number));
      expect(after.totals.events).toBe(before.totals.events + tally(made).events);
      expect(after.units.map((u: any) => u.name)).toEqual(before.units.map((u: any) => u.name));
      for (const [k, unit] of after.units.entries()) {
        // Every event is the sharing unit's organization's: it alone moves, by each event once.
        if (unit.organizationId === organizerId) expect(unit).toMatchObject(plus(before.units[k], tally(made)));
        // A collective unit is idle where nobody has published.
        else if (unit.collective) expect(unit).toEqual({ ...before.units[k], idleTasks: unit.tasks.filter((n: number) => after.idleTasks.includes(n)) });
        else expect(unit).toEqual(before.units[k]);
      }
      // Each doubly linked event counts in both of its tasks but once for the unit.
      const doubly = tally(made.filter((e) => e.tasks.length === 2)).events;
      const unitOf = (p: any) => p.units.find((u: any) => u.name === sharingUnit);
      const taskSum = (p: any) => p.tasks.reduce((n: number, t: any) => n + t.events, 0);
      expect(doubly).toBeGreaterThan(0);
      expect(taskSum(after) - taskSum(before) - (unitOf(after).events - unitOf(before).events)).toBe(doubly);
    }, 120_000);
  });

  describe('importing a plan', () => {
    const importPath = `${API}/plans/import`;

    it('when nobody is signed in, the import answers 401', async () => {
      expectError(await app.api.post(importPath, { text: qinhuangdaoText }), 401, 'UNAUTHENTICATED');
    });

    it.each(['demo-resident', 'demo-organizer', 'demo-reviewer'])('when %s tries to import, it answers 403', async (openid) => {
      expectError(await app.api.post(importPath, { text: qinhuangdaoText }, await app.token(openid)), 403, 'FORBIDDEN');
    });

    it('when an admin dry-runs a new plan, the parse comes back and nothing is saved', async () => {
      const before = await tableCounts(app);
      const res = await app.api.post(`${importPath}?dryRun=1`, { text: qinhuangdaoText }, await app.token('demo-admin'));
      expect(res.status).toBe(200);
      expect(res.body.created).toBe(false);
      expect(res.body.plan).toMatchObject({ city: '秦皇岛市', year: 2023, taskCount: 22 });
      expect(res.body.plan.tasks).toHaveLength(22);
      expect(res.body.derivedEvents.length).toBeGreaterThan(0);
      for (const derived of res.body.derivedEvents) expect(derived.eventId).toBeNull();
      expect(await tableCounts(app)).toEqual(before);
      expect((await app.api.get(`${API}/plans`)).body.items.map((p: any) => p.city)).not.toContain('秦皇岛市');
    });

    it('when an admin imports a new plan, then the same text again, then an edited text, the plan is created once and updated in place', async () => {
      const admin = await app.token('demo-admin');
      const first = await app.api.post(importPath, { text: qinhuangdaoText }, admin);
      expect(first.status).toBe(201);
      expect(first.body.created).toBe(true);
      expect(first.body.plan).toMatchObject({ id: expect.any(String), city: '秦皇岛市', year: 2023, taskCount: 22 });
      const planId = first.body.plan.id;
      const eventIds = first.body.derivedEvents
        .map((d: any) => d.eventId)
        .filter(Boolean)
        .sort();
      expect(eventIds.length).toBeGreaterThan(0);
      const afterFirst = await tableCounts(app);

      const again = await app.api.post(importPath, { text: qinhuangdaoText }, admin);
      expect(again.status).toBe(200);
      expect(again.body.created).toBe(false);
      expect(again.body.plan.id).toBe(planId);
      expect(
        again.body.derivedEvents
          .map((d: any) => d.eventId)
          .filter(Boolean)
          .sort(),
      ).toEqual(eventIds);
      expect(await tableCounts(app)).toEqual(afterFirst);

      const edited = qinhuangdaoText.replace('4.利用科普资源助推“双减”工作。', '4.利用科普资源全面助推“双减”工作。');
      expect(edited).not.toBe(qinhuangdaoText);
      const update = await app.api.post(importPath, { text: edited }, admin);
      expect(update.status).toBe(200);
      expect(update.body.created).toBe(false);
      expect(update.body.plan.id).toBe(planId);
      expect(
        update.body.derivedEvents
          .map((d: any) => d.eventId)
          .filter(Boolean)
          .sort(),
      ).toEqual(eventIds);
      expect(await tableCounts(app)).toEqual(afterFirst);
      const detail = (await app.api.get(`${API}/plans/${planId}`)).body;
      expect(detail.tasks.find((t: any) => t.number === 4).title).toBe('利用科普资源全面助推“双减”工作');
      expect(detail.tasks).toHaveLength(22);
    });

    it('when the seeded text is imported again through the API, nothing changes', async () => {
      const before = await tableCounts(app);
      const planId = await planIdOf(app, '唐山市');
      const res = await app.api.post(importPath, { text: tangshanText }, await app.token('demo-admin'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ created: false, plan: { id: planId } });
      expect(await tableCounts(app)).toEqual(before);
    });

    it('when the text is not a work plan, the import answers 422 NOT_A_PLAN with the reason', async () => {
      const res = await app.api.post(importPath, { text: '今天天气很好，我们去公园散步。\n明天继续。' }, await app.token('demo-admin'));
      expectError(res, 422, 'NOT_A_PLAN');
      expect(res.body.error.details.reason).toEqual(expect.any(String));
    });

    it('when the body is over 1 MB, the import answers 413 and nothing is parsed', async () => {
      const raw = JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 10) });
      const res = await app.api.call('POST', importPath, { raw, token: await app.token('demo-admin') });
      expectError(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('when the text is under 1 MB but over the text limit, the import answers 400 on text', async () => {
      const res = await app.api.post(importPath, { text: '科'.repeat(100_000) + 'a'.repeat(300_001) }, await app.token('demo-admin'));
      expect(badFields(res)).toContain('text');
    });

    it('when the body is not valid JSON, the import answers 400', async () => {
      const res = await app.api.call('POST', importPath, { raw: '{"text": "2023年', token: await app.token('demo-admin') });
      expectError(res, 400, 'VALIDATION_FAILED');
    });

    it.each([
      ['no text', {}, 'text'],
      ['text as a number', { text: 2023 }, 'text'],
      ['a year out of range', { text: qinhuangdaoText, year: 3000 }, 'year'],
      ['a one-letter city', { text: qinhuangdaoText, city: '市' }, 'city'],
    ])('when the body has %s, the import answers 400 naming the field', async (_, body, field) => {
      expect(badFields(await app.api.post(importPath, body, await app.token('demo-admin')))).toContain(field);
    });
  });
});

describe.each(engines)('campaigns on %s', (engine) => {
  const app = useTestApp(engine);
  const scienceDay = async (query: string) => {
    const res = await app.api.get(`${API}/campaigns${query}`);
    expect(res.status).toBe(200);
    return res.body.items.find((c: any) => c.code === 'national-science-day');
  };

  it('when 2023 is asked for, 全国科普日 runs 2023-09-17 to 09-23', async () => {
    expect(await scienceDay('?year=2023')).toMatchObject({ name: '全国科普日', startsOn: '2023-09-17', endsOn: '2023-09-23' });
  });

  it('when 2026 is asked for, the campaign is named 全国科普月 and runs the whole of September', async () => {
    const campaign = await scienceDay('?year=2026');
    expect(campaign).toEqual({
      code: 'national-science-day',
      name: '全国科普月',
      aliases: expect.arrayContaining(['全国科普日']),
      themes: expect.any(Array),
      year: 2026,
      startsOn: '2026-09-01',
      endsOn: '2026-09-30',
      schedule: '每年9月（整月）（2025年起）',
      note: expect.stringContaining('全国科普月'),
    });
  });

  it("when the year's dates were never announced, the campaign is listed with null dates", async () => {
    expect(await scienceDay('?year=2020')).toMatchObject({ name: '全国科普日', startsOn: null, endsOn: null });
  });

  it('when no year is given, the year comes from the server clock', async () => {
    app.server.clock.set('2023-06-01T10:00:00+08:00');
    expect(await scienceDay('')).toMatchObject({ startsOn: '2023-09-17' });
  });

  it.each(['abc', '1989', '2101', '2023.5'])('when the year is %s, the list answers 400', async (year) => {
    expect(badFields(await app.api.get(`${API}/campaigns?year=${year}`))).toContain('year');
  });
});
