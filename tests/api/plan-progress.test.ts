// 监测评估: a plan's progress in its year, per task, unit, audience, district, campaign
// and month, a task's events, and the year-end report, checked against a small plan
// whose every event is built here by hand (so every number below is counted by hand).
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { EventEntity, EventPlanTaskEntity } from '../../server/src/db/entities/event.entity';
import { SignupEntity } from '../../server/src/db/entities/signup.entity';
import { ShiftApplicationEntity } from '../../server/src/db/entities/volunteer.entities';
import { PlanEntity } from '../../server/src/db/entities/plan.entity';
import { newEventRow } from '../../server/src/modules/events/event.row';
import { progressQueriesForExplain, progressWindow, reportEventsQuery } from '../../server/src/modules/plans/progress.service';
import { engines } from './harness';
import { API, badFields, expectError, expectStatus, useTestApp, type TestApp } from './fixtures';

const planText = `2025年保定市全民科学素质行动工作要点

一、提升重点人群科学素质

1.开展青少年科普活动。面向青少年开展科普讲座和科学实验课。（牵头单位：市科协；配合单位：市教育局）

2.加强老年人健康科普。开展健康大讲堂等活动。（牵头单位：市卫健委；配合单位：市科协）

二、做强群众性示范科普活动

3.组织全国科普日活动。围绕卫生健康开展主题科普宣传。（市卫生健康委、各成员单位）

4.实施银龄科普行动。充分利用社区科普大学开展科普服务。（各成员单位）
`;

interface Built {
  planId: string;
  orgs: Record<'kx' | 'jy' | 'wj' | 'gc', string>;
  events: Record<string, string>;
}

interface Spec {
  key: string;
  org: 'kx' | 'jy' | 'wj';
  tasks: number[];
  startsAt: string;
  status?: 'published' | 'cancelled' | 'draft';
  district?: string;
  audiences?: string[];
  campaign?: string;
  capacity: number;
  /** confirmed sign-ups, how many of them checked in, waitlisted ones */
  signups?: [number, number, number];
  /** completed volunteer hours (an approved application without hours is added beside it) */
  hours?: number;
}

// The events of the story (China time). Counted in 2025: e1, e2, e3, e7.
const specs: Spec[] = [
  // Serves two tasks; three confirmed (two checked in), one waiting; 2.5 volunteer hours.
  {
    key: 'e1',
    org: 'kx',
    tasks: [1, 2],
    startsAt: '2025-03-15T10:00:00+08:00',
    district: '竞秀区',
    audiences: ['青少年'],
    capacity: 30,
    signups: [3, 2, 1],
    hours: 2.5,
  },
  {
    key: 'e2',
    org: 'wj',
    tasks: [3],
    startsAt: '2025-09-20T09:00:00+08:00',
    district: '莲池区',
    audiences: ['老年人', '青少年'],
    campaign: 'national-science-day',
    capacity: 50,
    signups: [1, 1, 0],
  },
  // The last half hour of the year, China time (2025-12-31 15:30 UTC).
  { key: 'e3', org: 'jy', tasks: [1], startsAt: '2025-12-31T23:30:00+08:00', district: '竞秀区', audiences: ['青少年'], capacity: 20, hours: 1.25 },
  {
    key: 'e4',
    org: 'kx',
    tasks: [3],
    startsAt: '2025-05-01T09:00:00+08:00',
    status: 'cancelled',
    district: '莲池区',
    audiences: ['青少年'],
    capacity: 100,
    signups: [2, 0, 0],
  },
  { key: 'e5', org: 'kx', tasks: [1], startsAt: '2026-02-01T09:00:00+08:00', district: '竞秀区', audiences: ['青少年'], capacity: 10, signups: [1, 0, 0] },
  { key: 'e6', org: 'kx', tasks: [2], startsAt: '2025-06-01T09:00:00+08:00', status: 'draft', district: '竞秀区', audiences: ['老年人'], capacity: 10 },
  // The first half hour of 2025 in China (still 2024 in UTC); posted by 市科协 against a task 市卫健委 leads.
  { key: 'e7', org: 'kx', tasks: [2], startsAt: '2025-01-01T00:30:00+08:00', district: '莲池区', audiences: ['老年人'], capacity: 40, signups: [2, 0, 0] },
  // The last hour of 2024 in China (2024-12-31 15:00 UTC): outside 2025.
  { key: 'e8', org: 'kx', tasks: [1], startsAt: '2024-12-31T23:00:00+08:00', district: '竞秀区', audiences: ['青少年'], capacity: 15 },
];

async function build(app: TestApp): Promise<Built> {
  const admin = await app.token('demo-admin');
  const imported = await app.api.post(`${API}/plans/import`, { text: planText }, admin);
  expectStatus(imported, 201);
  const planId = imported.body.plan.id as string;
  const units = Object.fromEntries(imported.body.plan.tasks.flatMap((t: any) => t.responsibleUnits.map((u: any) => [u.name, u.organizationId]))) as Record<
    string,
    string
  >;
  const orgs = { kx: units['市科协']!, jy: units['市教育局']!, wj: units['市卫健委']!, gc: units['各成员单位']! };
  // Written two ways, one organization.
  expect(units['市卫生健康委']).toBe(orgs.wj);

  const manager = app.server.dataSource.manager;
  // This plan's numbers are unique: each names one task, at one position.
  const ordinalOf = new Map<number, number>(imported.body.plan.tasks.map((t: { number: number; ordinal: number }) => [t.number, t.ordinal]));
  // The import derived a 全国科普日 event for task 3; cancelled here, so it counts nowhere below.
  for (const derived of imported.body.derivedEvents) if (derived.eventId) await manager.update(EventEntity, { id: derived.eventId }, { status: 'cancelled' });

  const now = app.server.clock.now;
  const events: Record<string, string> = {};
  for (const spec of specs) {
    const startsAt = new Date(spec.startsAt);
    const event = newEventRow(
      {
        title: `进度活动${spec.key}`,
        description: '',
        kind: 'activity',
        organizerId: orgs[spec.org],
        city: '保定市',
        district: spec.district ?? '',
        audiences: spec.audiences ?? [],
        themes: [],
        campaignCode: spec.campaign ?? null,
        venueName: '保定科技馆',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 7_200_000),
        capacity: spec.capacity,
        status: spec.status ?? 'published',
        source: 'organizer',
      },
      now,
    );
    await manager.insert(EventEntity, event);
    for (const taskNumber of spec.tasks)
      await manager.insert(EventPlanTaskEntity, { eventId: event.id, planId, taskNumber, taskOrdinal: ordinalOf.get(taskNumber)! });
    const [confirmed, checkedIn, waiting] = spec.signups ?? [0, 0, 0];
    for (let k = 0; k < confirmed + waiting; k++) {
      await manager.insert(SignupEntity, {
        id: randomUUID(),
        eventId: event.id,
        userId: randomUUID(),
        name: `参与者${k}`,
        phone: '13900000000',
        partySize: 1,
        status: k < confirmed ? 'confirmed' : 'waitlisted',
        seq: k + 1,
        checkedInAt: k < checkedIn ? now : null,
        cancelledAt: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    if (spec.hours !== undefined) {
      for (const [status, hours] of [
        ['completed', spec.hours],
        ['approved', null],
      ] as const) {
        await manager.insert(ShiftApplicationEntity, {
          id: randomUUID(),
          shiftId: randomUUID(),
          eventId: event.id,
          userId: randomUUID(),
          status,
          hours,
          decisionReason: null,
          appliedAt: now,
          decidedAt: null,
          decidedBy: null,
          checkedInAt: null,
          checkedOutAt: null,
          completedAt: null,
          completedBy: null,
        });
      }
    }
    events[spec.key] = event.id;
  }
  return { planId, orgs, events };
}

const row = (events: number, seats: number, signups: number, checkins: number, attendanceRate: number | null, volunteerHours: number) => ({
  events,
  seats,
  signups,
  checkins,
  attendanceRate,
  volunteerHours,
});
const taskRow = (r: ReturnType<typeof row>) => ({ ...r, published: r.events });
const emptyMonth = (month: string) => ({ month, ...row(0, 0, 0, 0, null, 0) });

describe.each(engines)('plan progress (监测评估) on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  let built: Built;
  beforeAll(async () => {
    built = await build(app);
  });
  const progress = async (query = '') => {
    const res = await app.api.get(`${API}/plans/${built.planId}/progress${query}`);
    expectStatus(res, 200);
    return res.body;
  };

  it('counts only the published, not-cancelled events of the plan year, per task (two tasks of one event each count it)', async () => {
    const p = await progress();
    expect(p.year).toBe(2025);
    expect(p.window).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(p.totals).toEqual({ ...row(4, 140, 6, 3, 0.5, 3.75), tasks: 4, activeTasks: 3 });
    expect(p.tasks).toEqual([
      { number: 1, ordinal: 1, title: '开展青少年科普活动', section: '一、提升重点人群科学素质', ...taskRow(row(2, 50, 3, 2, 0.667, 3.75)), idle: false },
      { number: 2, ordinal: 2, title: '加强老年人健康科普', section: '一、提升重点人群科学素质', ...taskRow(row(2, 70, 5, 2, 0.4, 2.5)), idle: false },
      { number: 3, ordinal: 3, title: '组织全国科普日活动', section: '二、做强群众性示范科普活动', ...taskRow(row(1, 50, 1, 1, 1, 0)), idle: false },
      { number: 4, ordinal: 4, title: '实施银龄科普行动', section: '二、做强群众性示范科普活动', ...taskRow(row(0, 0, 0, 0, null, 0)), idle: true },
    ]);
    expect(p.idleTasks).toEqual([4]);
    expect(p.sections).toEqual([
      { section: '一、提升重点人群科学素质', tasks: 2, activeTasks: 2, taskEvents: 4 },
      { section: '二、做强群众性示范科普活动', tasks: 2, activeTasks: 1, taskEvents: 1 },
    ]);
  });

  it('gives one row per organization however it is written, lead and support apart, and credits each only with its own events', async () => {
    const p = await progress();
    const { orgs } = built;
    expect(p.units).toEqual([
      // Leads task 1, supports task 2; e1 (both tasks) counts once, plus e7.
      {
        name: '市科协',
        organizationId: orgs.kx,
        writtenAs: ['市科协'],
        role: 'mixed',
        collective: false,
        tasks: [1, 2],
        ...taskRow(row(2, 70, 5, 2, 0.4, 2.5)),
        idleTasks: [],
      },
      {
        name: '市教育局',
        organizationId: orgs.jy,
        writtenAs: ['市教育局'],
        role: 'support',
        collective: false,
        tasks: [1],
        ...taskRow(row(1, 20, 0, 0, null, 1.25)),
        idleTasks: [],
      },
      // 市卫健委 / 市卫生健康委: one row; task 2's only event is 市科协's, so task 2 is idle for it.
      {
        name: '市卫健委',
        organizationId: orgs.wj,
        writtenAs: ['市卫健委', '市卫生健康委'],
        role: 'lead',
        collective: false,
        tasks: [2, 3],
        ...taskRow(row(1, 50, 1, 1, 1, 0)),
        idleTasks: [2],
      },
      // The collective phrase: not credited with 市卫健委's e2; idle where nobody has published.
      {
        name: '各成员单位',
        organizationId: orgs.gc,
        writtenAs: ['各成员单位'],
        role: 'lead',
        collective: true,
        tasks: [3, 4],
        ...taskRow(row(0, 0, 0, 0, null, 0)),
        idleTasks: [4],
      },
    ]);
  });

  it('breaks the year down by audience, district, campaign and month (China time)', async () => {
    const p = await progress();
    expect(p.audiences).toEqual([
      { audience: '青少年', ...row(3, 100, 4, 3, 0.75, 3.75) },
      { audience: '老年人', ...row(2, 90, 3, 1, 0.333, 0) },
    ]);
    expect(p.districts).toEqual([
      { district: '竞秀区', ...row(2, 50, 3, 2, 0.667, 3.75) },
      { district: '莲池区', ...row(2, 90, 3, 1, 0.333, 0) },
    ]);
    expect(p.campaigns).toEqual([{ code: 'national-science-day', name: '全国科普月', ...row(1, 50, 1, 1, 1, 0) }]);
    const expected = Array.from({ length: 12 }, (_, i) => emptyMonth(`2025-${String(i + 1).padStart(2, '0')}`));
    expected[0] = { month: '2025-01', ...row(1, 40, 2, 0, 0, 0) };
    expected[2] = { month: '2025-03', ...row(1, 30, 3, 2, 0.667, 2.5) };
    expected[8] = { month: '2025-09', ...row(1, 50, 1, 1, 1, 0) };
    expected[11] = { month: '2025-12', ...row(1, 20, 0, 0, null, 1.25) };
    expect(p.months).toEqual(expected);
  });

  it('with ?year= counts another year; a year that is not one answers 400', async () => {
    const p2026 = await progress('?year=2026');
    expect(p2026.year).toBe(2026);
    expect(p2026.totals).toEqual({ ...row(1, 10, 1, 0, 0, 0), tasks: 4, activeTasks: 1 });
    expect(p2026.idleTasks).toEqual([2, 3, 4]);
    expect(p2026.units.find((u: any) => u.name === '市科协')).toMatchObject({ events: 1, idleTasks: [2] });
    expect(p2026.months.find((m: any) => m.month === '2026-02')).toMatchObject({ events: 1 });
    const p2024 = await progress('?year=2024');
    expect(p2024.totals.events).toBe(1);
    expect(p2024.months.find((m: any) => m.month === '2024-12')).toMatchObject({ events: 1, seats: 15 });
    for (const bad of ['abc', '1800', '20250', '2025.5', '']) {
      expect(badFields(await app.api.get(`${API}/plans/${built.planId}/progress?year=${bad}`))).toEqual(['year']);
    }
  });

  it("opens a task's events: the counted ones, soonest first, a page at a time", async () => {
    const { planId, events } = built;
    const res = await app.api.get(`${API}/plans/${planId}/tasks/1/events`);
    expectStatus(res, 200);
    expect(res.body.items.map((e: any) => e.id)).toEqual([events.e1, events.e3]);
    expect(res.body.items[0]).toMatchObject({ title: '进度活动e1', organizer: { name: '市科协' }, planTasks: [{ number: 1 }, { number: 2 }] });
    const first = await app.api.get(`${API}/plans/${planId}/tasks/2/events?limit=1`);
    expect(first.body.items.map((e: any) => e.id)).toEqual([events.e7]);
    const second = await app.api.get(`${API}/plans/${planId}/tasks/2/events?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((e: any) => e.id)).toEqual([events.e1]);
    expect(second.body.nextCursor).toBeNull();
    expect((await app.api.get(`${API}/plans/${planId}/tasks/1/events?year=2026`)).body.items.map((e: any) => e.id)).toEqual([events.e5]);
    expect((await app.api.get(`${API}/plans/${planId}/tasks/4/events`)).body.items).toEqual([]);
    expectError(await app.api.get(`${API}/plans/${planId}/tasks/99/events`), 404, 'NOT_FOUND');
    expectError(await app.api.get(`${API}/plans/no-such-plan/tasks/1/events`), 404, 'NOT_FOUND');
    expect(badFields(await app.api.get(`${API}/plans/${planId}/tasks/x/events`))).toEqual(['number']);
  });

  const download = async (token?: string, query = '') =>
    fetch(`${app.server.url}${API}/plans/${built.planId}/report.xlsx${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('writes the year-end report: six sheets with a Chinese title, numbers as numbers, times as dates', async () => {
    const res = await download(await app.token('demo-admin'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toContain('filename="plan-report-2025.xlsx"');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('保定市2025年工作要点执行情况报告.xlsx')}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['总览', '任务', '单位', '人群', '区县', '活动明细']);
    for (const sheet of workbook.worksheets) expect(String(sheet.getCell('A1').value)).toMatch(/2025年.*[\u4e00-\u9fff]/);

    const tasks = workbook.getWorksheet('任务')!;
    expect((tasks.getRow(2).values as unknown[]).slice(1, 7)).toEqual(['序号', '任务', '所属部分', '责任单位', '活动场次', '提供名额']);
    expect(tasks.getRow(3).getCell(1).value).toBe(1);
    expect(tasks.getRow(3).getCell(5).value).toBe(2);
    expect(tasks.getRow(3).getCell(9).value).toBeCloseTo(0.667, 3);
    expect(tasks.getRow(3).getCell(9).numFmt).toBe('0.0%');

    const units = workbook.getWorksheet('单位')!;
    const health = units.getRow(5);
    expect(health.getCell(1).value).toBe('市卫健委');
    expect(health.getCell(4).value).toBe(1);

    const detail = workbook.getWorksheet('活动明细')!;
    expect((detail.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['活动', '主办单位', '开始时间']);
    expect(detail.rowCount).toBe(2 + 4);
    // Soonest first: e7 at 00:30 on New Year's Day, China time, written as that wall-clock time.
    expect(detail.getRow(3).getCell(1).value).toBe('进度活动e7');
    const starts = detail.getRow(3).getCell(3).value;
    expect(starts).toBeInstanceOf(Date);
    expect((starts as Date).toISOString()).toBe('2025-01-01T00:30:00.000Z');
    expect(detail.getRow(3).getCell(10).value).toBe(2);
  });

  it('gives the report to admins and members of the plan’s responsible units only', async () => {
    const admin = await app.token('demo-admin');
    const member = await app.api.login('baoding-education');
    expectStatus(await app.api.post(`${API}/organizations/${built.orgs.jy}/members`, { userId: member.user.id }, admin), 201);
    expect((await download(member.token)).status).toBe(200);
    expectError(await app.api.get(`${API}/plans/${built.planId}/report.xlsx`, await app.token('baoding-resident')), 403, 'FORBIDDEN');
    // 唐山市科协's organizer: an organizer, but of no unit of this plan.
    expectError(await app.api.get(`${API}/plans/${built.planId}/report.xlsx`, await app.token('demo-organizer')), 403, 'FORBIDDEN');
    expectError(await app.api.get(`${API}/plans/${built.planId}/report.xlsx`), 401, 'UNAUTHENTICATED');
    expectError(await app.api.get(`${API}/plans/no-such-plan/report.xlsx`, admin), 404, 'NOT_FOUND');
    expect(badFields(await app.api.get(`${API}/plans/${built.planId}/report.xlsx?year=x`, admin))).toEqual(['year']);
    expect((await download(admin, '?year=2026')).headers.get('content-disposition')).toContain('plan-report-2026.xlsx');
  });

  it('reads the plan’s published links dated in the window as one index range, and only the window’s events (EXPLAIN)', async () => {
    const manager = app.server.dataSource.manager;
    const plan = (await manager.findOneBy(PlanEntity, { id: built.planId }))!;
    const queries = progressQueriesForExplain(manager, plan.id, progressWindow(plan, undefined));
    expect(queries).toHaveLength(3);
    // Tasks and groups read the links' index alone; audiences then look the window's events up by key.
    for (const [i, { text, params }] of queries.entries()) {
      if (engine === 'sqlite') {
        const steps = ((await manager.query(`EXPLAIN QUERY PLAN ${text}`, params)) as { detail: string }[]).map((r) => r.detail);
        const links = steps.filter((d) => /^(SCAN|SEARCH) l /.test(d));
        expect(links).toEqual([
          expect.stringMatching(/^SEARCH l USING COVERING INDEX ix_event_plan_tasks_window \(planId=\? AND eventStatus=\? AND startsAt>\? AND startsAt<\?\)/),
        ]);
        const events = steps.findIndex((d) => / e /.test(d));
        if (i < 2) expect(events).toBe(-1);
        else {
          expect(steps[events]).toMatch(/SEARCH e USING (COVERING )?INDEX \w+ \(id=\?\)/);
          expect(events).toBeGreaterThan(steps.indexOf(links[0]!));
        }
      } else {
        const rows = (await manager.query(`EXPLAIN ${text}`, params)) as { table: string; type: string; key: string | null; Extra: string | null }[];
        const links = rows.filter((r) => r.table === 'l');
        expect(links).toHaveLength(1);
        expect(links[0]).toMatchObject({ key: 'ix_event_plan_tasks_window', type: 'range', Extra: expect.stringMatching(/Using index/) });
        const events = rows.find((r) => r.table === 'e');
        if (i < 2) expect(events).toBeUndefined();
        else {
          expect(events!.type).toBe('eq_ref');
          expect(rows.indexOf(events!)).toBeGreaterThan(0);
        }
      }
    }
  });

  it('lists the report’s events from the same index range, then each event by key (EXPLAIN)', async () => {
    const manager = app.server.dataSource.manager;
    const plan = (await manager.findOneBy(PlanEntity, { id: built.planId }))!;
    const { text, params } = reportEventsQuery(manager, plan.id, progressWindow(plan, undefined));
    if (engine === 'sqlite') {
      const steps = ((await manager.query(`EXPLAIN QUERY PLAN ${text}`, params)) as { detail: string }[]).map((r) => r.detail);
      expect(steps.filter((d) => /^(SCAN|SEARCH) l /.test(d))).toEqual([
        expect.stringMatching(/^SEARCH l USING COVERING INDEX ix_event_plan_tasks_window \(planId=\? AND eventStatus=\? AND startsAt>\? AND startsAt<\?\)/),
      ]);
      expect(steps.find((d) => / e /.test(d))).toMatch(/SEARCH e USING (COVERING )?INDEX \w+ \(id=\?\)/);
    } else {
      const rows = (await manager.query(`EXPLAIN ${text}`, params)) as { table: string; type: string; key: string | null; Extra: string | null }[];
      expect(rows.filter((r) => r.table === 'l')).toEqual([
        expect.objectContaining({ key: 'ix_event_plan_tasks_window', type: 'range', Extra: expect.stringMatching(/Using index/) }),
      ]);
      expect(rows.find((r) => r.table === 'e')).toMatchObject({ type: 'eq_ref' });
    }
  });
});
