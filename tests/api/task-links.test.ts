// Event-to-task links in a plan that numbers its tasks again in each section (the importer's
// deqing-2023 fixture: 一、 1.–2., 二、 1.–3., 三、 1.–2.). An event names a task by its position
// in the plan (`ordinal`), so the first section's 1. and the third's are two tasks: progress, a
// task's events, 我的任务 and the year-end report count them apart; a bare number three tasks
// share is refused with the candidates; re-importing the plan keeps the links on their tasks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { engines } from './harness';
import { API, activityInput, expectError, expectStatus, useTestApp, type TestApp } from './fixtures';

const FIXTURE = join(__dirname, '..', 'importer', 'fixtures', 'deqing-2023.txt');
const CITY = '德清县';
/** Positions of the three tasks written 1. (section 一, 二, 三). */
const FIRST_ONE = 1;
const SECOND_ONE = 3;
const THIRD_ONE = 6;

interface Setup {
  planId: string;
  kxId: string;
  text: string;
}

async function setUp(app: TestApp): Promise<Setup> {
  const admin = await app.token('demo-admin');
  const text = readFileSync(FIXTURE, 'utf8');
  const imported = await app.api.post(`${API}/plans/import`, { text }, admin);
  expectStatus(imported, 201);
  const tasks = imported.body.plan.tasks as { number: number; ordinal: number; sectionPath: string[] }[];
  expect(tasks.map((t) => [t.ordinal, t.number])).toEqual([
    [1, 1],
    [2, 2],
    [3, 1],
    [4, 2],
    [5, 3],
    [6, 1],
    [7, 2],
  ]);
  const orgs = (await app.api.get(`${API}/organizations?city=${encodeURIComponent(CITY)}`)).body.items as { id: string; name: string }[];
  const kxId = orgs.find((o) => o.name === '县科协')!.id;
  expectStatus(await app.api.post(`${API}/organizations/${kxId}/members`, { userId: (await app.user('deqing-kx')).id }, admin), 201);
  return { planId: imported.body.plan.id, kxId, text };
}

/** A 德清县科协 activity on 2026-12-05 carrying out the given tasks. */
const deqingActivity = (organizerId: string, title: string, planTasks: Record<string, unknown>[]) =>
  activityInput(organizerId, {
    title,
    city: CITY,
    district: '武康街道',
    venue: { name: '德清县科技馆', address: '武康街道永安街', lat: 30.54, lng: 119.96 },
    planTasks,
  });

async function publish(app: TestApp, body: Record<string, unknown>): Promise<any> {
  const token = await app.token('deqing-kx');
  const draft = await app.api.post(`${API}/events`, body, token);
  expectStatus(draft, 201);
  expectStatus(await app.api.post(`${API}/events/${draft.body.id}/submit`, undefined, token), 200);
  const approved = await app.api.post(`${API}/events/${draft.body.id}/review`, { decision: 'approve' }, await app.token('demo-reviewer'));
  expectStatus(approved, 200);
  return approved.body;
}

describe.each(engines)('event-to-task links in a plan numbered again per section, on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  let s: Setup;
  let first: any;
  let third: any;
  beforeAll(async () => {
    s = await setUp(app);
  });

  it('when an organizer links an event to a bare 1., it is refused with the three tasks written 1. to choose from', async () => {
    const token = await app.token('deqing-kx');
    const res = await app.api.post(`${API}/events`, deqingActivity(s.kxId, '青少年科技社团展示', [{ planId: s.planId, number: 1 }]), token);
    expectError(res, 400, 'TASK_AMBIGUOUS');
    expect(res.body.error.message).toMatch(/有3项任务的序号都是1.*请/);
    expect(res.body.error.details.candidates.map((c: any) => [c.ordinal, c.number, c.section])).toEqual([
      [FIRST_ONE, 1, '一、提升青少年科学素质'],
      [SECOND_ONE, 1, '二、提升农民科学素质'],
      [THIRD_ONE, 1, '三、加强科普阵地建设'],
    ]);
    // A position the plan lacks, or a number that is not the one at that position: 400 too.
    expectError(await app.api.post(`${API}/events`, deqingActivity(s.kxId, '越界', [{ planId: s.planId, ordinal: 99 }]), token), 400, 'VALIDATION_FAILED');
    expectError(
      await app.api.post(`${API}/events`, deqingActivity(s.kxId, '不符', [{ planId: s.planId, number: 2, ordinal: THIRD_ONE }]), token),
      400,
      'VALIDATION_FAILED',
    );
    // A number only one task has still names it alone (the contract as before).
    const unique = await app.api.post(`${API}/events`, deqingActivity(s.kxId, '唯一序号', [{ planId: s.planId, number: 3 }]), token);
    expectStatus(unique, 201);
    expect(unique.body.planTasks).toEqual([{ planId: s.planId, number: 3, ordinal: 5, title: expect.any(String) }]);
  });

  it('then events linked by position to the first and the third 1. each carry their own task', async () => {
    first = await publish(app, deqingActivity(s.kxId, '青少年科技社团展示', [{ planId: s.planId, ordinal: FIRST_ONE }]));
    third = await publish(app, deqingActivity(s.kxId, '科技馆开放日', [{ planId: s.planId, number: 1, ordinal: THIRD_ONE }]));
    expect(first.planTasks).toEqual([{ planId: s.planId, number: 1, ordinal: FIRST_ONE, title: '推进科学教育“双减”加法' }]);
    expect(third.planTasks).toEqual([{ planId: s.planId, number: 1, ordinal: THIRD_ONE, title: '推动县科技馆提质增效' }]);
  });

  const progressOf = async () => {
    const res = await app.api.get(`${API}/plans/${s.planId}/progress?year=2026`);
    expectStatus(res, 200);
    return res.body.tasks.map((t: any) => [t.ordinal, t.number, t.events]);
  };
  const expectedProgress = [
    [1, 1, 1],
    [2, 2, 0],
    [3, 1, 0],
    [4, 2, 0],
    [5, 3, 0],
    [6, 1, 1],
    [7, 2, 0],
  ];

  it('progress counts each 1. apart, and a task’s events are asked for by position', async () => {
    expect(await progressOf()).toEqual(expectedProgress);
    const eventsOf = (path: string) => app.api.get(`${API}/plans/${s.planId}/tasks/${path}&year=2026`);
    expectError(await app.api.get(`${API}/plans/${s.planId}/tasks/1/events?year=2026`), 400, 'TASK_AMBIGUOUS');
    const ofFirst = await eventsOf(`1/events?ordinal=${FIRST_ONE}`);
    expectStatus(ofFirst, 200);
    expect(ofFirst.body.items.map((e: any) => e.id)).toEqual([first.id]);
    expect((await eventsOf(`1/events?ordinal=${THIRD_ONE}`)).body.items.map((e: any) => e.id)).toEqual([third.id]);
    expect((await eventsOf(`1/events?ordinal=${SECOND_ONE}`)).body.items).toEqual([]);
    // The position must hold a task of that number.
    expectError(await eventsOf(`2/events?ordinal=${THIRD_ONE}`), 404, 'NOT_FOUND');
  });

  it('我的任务 lists each 1. with its own event', async () => {
    const res = await app.api.get(`${API}/organizations/${s.kxId}/duties?year=2026`, await app.token('deqing-kx'));
    expectStatus(res, 200);
    const plan = res.body.plans.find((p: any) => p.id === s.planId);
    const byOrdinal = new Map(plan.tasks.map((t: any) => [t.ordinal, t]));
    expect((byOrdinal.get(FIRST_ONE) as any).events.map((e: any) => e.id)).toEqual([first.id]);
    expect((byOrdinal.get(THIRD_ONE) as any).events.map((e: any) => e.id)).toEqual([third.id]);
    expect(plan.tasks.filter((t: any) => t.number === 1).map((t: any) => t.ordinal)).toEqual([FIRST_ONE, THIRD_ONE]);
  });

  it('the year-end report names each 1. by its section and counts it apart', async () => {
    const res = await fetch(`${app.server.url}${API}/plans/${s.planId}/report.xlsx?year=2026`, {
      headers: { authorization: `Bearer ${await app.token('demo-admin')}` },
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const tasks = workbook.getWorksheet('任务')!;
    const rows = [3, 4, 5, 6, 7, 8, 9].map((r) => [tasks.getRow(r).getCell(1).value, tasks.getRow(r).getCell(5).value]);
    expect(rows).toEqual([
      ['一、1', 1],
      ['一、2', 0],
      ['二、1', 0],
      ['二、2', 0],
      [3, 0],
      ['三、1', 1],
      ['三、2', 0],
    ]);
    const detail = workbook.getWorksheet('活动明细')!;
    const listed = new Map([3, 4].map((r) => [detail.getRow(r).getCell(1).value, detail.getRow(r).getCell(8).value]));
    expect(listed).toEqual(
      new Map([
        ['青少年科技社团展示', '一、1'],
        ['科技馆开放日', '三、1'],
      ]),
    );
  });

  it('re-importing the same text keeps the links; an edited text that adds a task before them moves them with their tasks', async () => {
    const admin = await app.token('demo-admin');
    expectStatus(await app.api.post(`${API}/plans/import`, { text: s.text }, admin), 200);
    expect(await progressOf()).toEqual(expectedProgress);

    const edited = s.text.replace(
      '二、提升农民科学素质',
      '三是开展青少年科学调查体验活动。组织中小学生围绕生态环境开展科学调查。（县科协）\n\n二、提升农民科学素质',
    );
    const reimported = await app.api.post(`${API}/plans/import`, { text: edited }, admin);
    expectStatus(reimported, 200);
    expect(reimported.body.changes.tasksAdded).toEqual([3]);
    expect(await progressOf()).toEqual([
      [1, 1, 1],
      [2, 2, 0],
      [3, 3, 0],
      [4, 1, 0],
      [5, 2, 0],
      [6, 3, 0],
      [7, 1, 1],
      [8, 2, 0],
    ]);
    const event = await app.api.get(`${API}/events/${third.id}`);
    expect(event.body.planTasks).toEqual([{ planId: s.planId, number: 1, ordinal: 7, title: '推动县科技馆提质增效' }]);
  });
});
