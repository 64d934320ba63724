// 我的任务 (duties per unit): the tasks an organization leads, supports or shares through
// 各成员单位 in the plans in force for a year, what it has posted against each, what is still
// empty, and who may read it. The plans are written here, with roles, a unit written two ways
// and collective phrases, so every expected task was read off the text, not off the code.
import { engines } from './harness';
import { API, activityInput, expectError, expectStatus, useTestApp, type TestApp } from './fixtures';

/** 秦皇岛 2026: roles written, 市卫健委 = 市卫生健康委员会, 各成员单位 and 各县区科协. */
const cityPlan = `2026年秦皇岛市全民科学素质行动工作要点

为深入实施《全民科学素质行动规划纲要（2021—2035年）》，做好2026年全市全民科学素质工作，制定本工作要点。

一、提升重点人群科学素质
（一）实施青少年科学素质提升行动
1.开展青少年科技创新活动。组织青少年科技创新大赛、科学调查体验活动和校园科技节。（牵头单位：市科协；配合单位：市教育局、市卫健委）
2.加强学生健康科普。开展近视防控、传染病防治和心理健康科普进校园活动。（市卫生健康委员会牵头，市教育局、市科协配合）
（二）实施老年人科学素质提升行动
3.实施智慧助老行动。开展老年人智能手机使用培训和防范电信诈骗科普讲座。（市民政局、市教育局）
二、强化组织实施
4.加强科技志愿服务队伍建设。组织科技志愿者深入社区开展科普服务。（各成员单位按职责分工负责）
5.推动基层科普阵地建设。建设一批社区科普大学和乡村科普e站。（各县区科协）
`;

/** 河北省 2026: a provincial plan that writes the city out (秦皇岛市科协), roles unwritten. */
const provincePlan = `河北省2026年全民科学素质行动工作要点

为深入实施《全民科学素质行动规划纲要（2021—2035年）》，推动全省全民科学素质工作高质量发展，制定本工作要点。

一、提升重点人群科学素质

（一）实施青少年科学素质提升行动。推进中小学科学教育改革，组织开展青少年科技创新大赛和科学调查体验活动。（省教育厅、省科协）

（二）建设滨海科普示范带。依托沿海科普场馆开展海洋科普季活动。（秦皇岛市科协、唐山市科协）

（三）实施农民科学素质提升行动。开展农业实用技术培训，组织文化科技卫生“三下乡”活动。（省农业农村厅、省科协）
`;

const CITY = '秦皇岛市';

interface Setup {
  cityPlanId: string;
  provincePlanId: string;
  orgIds: Record<'kx' | 'wj' | 'edu', string>;
}

/** An activity of a 秦皇岛 organization linked to tasks of the city plan. */
function qinhuangdaoActivity(organizerId: string, planId: string, tasks: number[], overrides: Record<string, unknown> = {}) {
  return activityInput(organizerId, {
    city: CITY,
    district: '海港区',
    venue: { name: '秦皇岛市科技馆', address: '海港区河北大街', lat: 39.94, lng: 119.6 },
    planTasks: tasks.map((number) => ({ planId, number })),
    ...overrides,
  });
}

async function setUp(app: TestApp): Promise<Setup> {
  const admin = await app.token('demo-admin');
  const imported = await app.api.post(`${API}/plans/import`, { text: cityPlan }, admin);
  expectStatus(imported, 201);
  const province = await app.api.post(`${API}/plans/import`, { text: provincePlan }, admin);
  expectStatus(province, 201);
  const orgs = (await app.api.get(`${API}/organizations?city=${encodeURIComponent(CITY)}`)).body.items as { id: string; name: string }[];
  const idOf = (pattern: RegExp) => {
    const found = orgs.filter((o) => pattern.test(o.name));
    if (found.length !== 1) throw new Error(`expected one organization matching ${pattern}, found ${found.map((o) => o.name).join('、')}`);
    return found[0]!.id;
  };
  const orgIds = { kx: idOf(/^市科协$/), wj: idOf(/卫/), edu: idOf(/^市教育局$/) };
  for (const [openid, orgId] of [
    ['duty-kx', orgIds.kx],
    ['duty-wj', orgIds.wj],
    ['duty-edu', orgIds.edu],
  ] as const) {
    expectStatus(await app.api.post(`${API}/organizations/${orgId}/members`, { userId: (await app.user(openid)).id }, admin), 201);
  }
  return { cityPlanId: imported.body.plan.id, provincePlanId: province.body.plan.id, orgIds };
}

/** Posts an event as `openid`, submits it and has demo-reviewer approve it: the published event. */
async function publish(app: TestApp, openid: string, body: Record<string, unknown>): Promise<string> {
  const token = await app.token(openid);
  const draft = await app.api.post(`${API}/events`, body, token);
  expectStatus(draft, 201);
  const submitted = await app.api.post(`${API}/events/${draft.body.id}/submit`, undefined, token);
  expectStatus(submitted, 200);
  expect(submitted.body.status).toBe('pending');
  expectStatus(await app.api.post(`${API}/events/${draft.body.id}/review`, { decision: 'approve' }, await app.token('demo-reviewer')), 200);
  return draft.body.id;
}

const brief = (task: any) => ({ number: task.number, role: task.role, unitName: task.unitName, collective: task.collective, idle: task.idle });

describe.each(engines)('duties per unit on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  let ids: Setup;
  beforeAll(async () => {
    ids = await setUp(app);
  });

  const dutiesOf = async (orgId: string, openid: string, query = '') => {
    const res = await app.api.get(`${API}/organizations/${orgId}/duties${query}`, await app.token(openid));
    expectStatus(res, 200);
    return res.body;
  };

  it("when the 市科协 organizer opens 我的任务, it sees the task it leads, the one it supports, the 各成员单位 one apart, and the provincial plan's task naming it", async () => {
    const duties = await dutiesOf(ids.orgIds.kx, 'duty-kx');
    expect(duties.organization).toEqual({ id: ids.orgIds.kx, name: '市科协', city: CITY });
    expect(duties.year).toBe(2026);
    expect(duties.plans.map((p: any) => [p.id, p.city, p.year, p.carriedOver])).toEqual([
      [ids.cityPlanId, CITY, 2026, false],
      [ids.provincePlanId, '河北省', 2026, false],
    ]);
    const [city, province] = duties.plans;
    // Task 3 (市民政局、市教育局) does not name it; 各县区科协 (task 5) is addressed to the counties' bodies.
    expect(city.tasks).toEqual([
      {
        number: 1,
        ordinal: 1,
        title: '开展青少年科技创新活动',
        section: '（一）实施青少年科学素质提升行动',
        role: 'lead',
        roleWritten: true,
        unitName: '市科协',
        collective: false,
        events: [],
        idle: true,
      },
      expect.objectContaining({ number: 2, role: 'support', roleWritten: true, unitName: '市科协', collective: false, idle: true }),
      expect.objectContaining({ number: 4, section: '二、强化组织实施', role: null, unitName: '各成员单位', collective: true, idle: true }),
    ]);
    // The provincial plan writes the city out and marks no roles: the first unit named leads.
    expect(province.tasks.map(brief)).toEqual([{ number: 2, role: 'lead', unitName: '秦皇岛市科协', collective: false, idle: true }]);
    expect(province.tasks[0].roleWritten).toBe(false);
  });

  it('when a unit is written two ways (市卫健委, 市卫生健康委员会), one organization carries both tasks, in the role each writes', async () => {
    const orgs = (await app.api.get(`${API}/organizations?city=${encodeURIComponent(CITY)}`)).body.items as { name: string }[];
    expect(orgs.filter((o) => /卫/.test(o.name))).toHaveLength(1);
    const duties = await dutiesOf(ids.orgIds.wj, 'duty-wj');
    expect(duties.plans.map((p: any) => p.id)).toEqual([ids.cityPlanId]);
    expect(duties.plans[0].tasks.map(brief)).toEqual([
      { number: 1, role: 'support', unitName: '市卫健委', collective: false, idle: true },
      { number: 2, role: 'lead', unitName: '市卫生健康委员会', collective: false, idle: true },
      { number: 4, role: null, unitName: '各成员单位', collective: true, idle: true },
    ]);
  });

  it('when the seed plan of 柳州 writes 市卫生健康委 in one task and 市卫健委 in another, that organization sees both, the 2022 plan carried over into 2026', async () => {
    const admin = await app.token('demo-admin');
    const orgs = (await app.api.get(`${API}/organizations?city=${encodeURIComponent('柳州市')}`)).body.items as { id: string; name: string }[];
    const health = orgs.filter((o) => /卫/.test(o.name));
    expect(health).toHaveLength(1);
    expectStatus(await app.api.post(`${API}/organizations/${health[0]!.id}/members`, { userId: (await app.user('duty-lz-wj')).id }, admin), 201);
    const duties = await dutiesOf(health[0]!.id, 'duty-lz-wj');
    expect(duties.plans.map((p: any) => [p.city, p.year, p.carriedOver])).toEqual([['柳州市', 2022, true]]);
    const tasks = duties.plans[0].tasks;
    // Read off seeds/liuzhou-2022.txt: task 10 writes 市卫生健康委, task 11 市卫健委 (neither first, roles unwritten).
    expect(tasks.find((t: any) => t.number === 10)).toMatchObject({ unitName: '市卫生健康委', role: 'support', roleWritten: false });
    expect(tasks.find((t: any) => t.number === 11)).toMatchObject({ unitName: '市卫健委', role: 'support', roleWritten: false });
    // 各成员单位 tasks (1, 2, 3, 5, 43, 44, 45) come as shared ones.
    expect(tasks.filter((t: any) => t.collective).map((t: any) => t.number)).toEqual([1, 2, 3, 5, 43, 44, 45]);
  });

  it('when the organizer posts against an idle task, it is listed with its status and the task stays idle until the event is published', async () => {
    const token = await app.token('duty-kx');
    const title = '青少年无人机编程挑战赛';
    const draft = await app.api.post(`${API}/events`, qinhuangdaoActivity(ids.orgIds.kx, ids.cityPlanId, [1], { title }), token);
    expectStatus(draft, 201);
    const task1 = async () => (await dutiesOf(ids.orgIds.kx, 'duty-kx')).plans[0].tasks.find((t: any) => t.number === 1);

    expect(await task1()).toMatchObject({ idle: true, events: [{ id: draft.body.id, title, startsAt: '2026-12-05T09:00:00+08:00', status: 'draft' }] });
    expectStatus(await app.api.post(`${API}/events/${draft.body.id}/submit`, undefined, token), 200);
    expect(await task1()).toMatchObject({ idle: true, events: [{ id: draft.body.id, status: 'pending' }] });
    expectStatus(await app.api.post(`${API}/events/${draft.body.id}/review`, { decision: 'approve' }, await app.token('demo-reviewer')), 200);
    expect(await task1()).toMatchObject({ idle: false, events: [{ id: draft.body.id, status: 'published' }] });

    // What another organization posts against the same task is its own, not 市科协's.
    await publish(app, 'duty-edu', qinhuangdaoActivity(ids.orgIds.edu, ids.cityPlanId, [1], { title: '教育局的科技节' }));
    expect((await task1()).events.map((e: any) => e.title)).toEqual([title]);
    const edu = await dutiesOf(ids.orgIds.edu, 'duty-edu');
    expect(edu.plans[0].tasks.map(brief)).toEqual([
      { number: 1, role: 'support', unitName: '市教育局', collective: false, idle: false },
      { number: 2, role: 'support', unitName: '市教育局', collective: false, idle: true },
      { number: 3, role: 'support', unitName: '市教育局', collective: false, idle: true },
      { number: 4, role: null, unitName: '各成员单位', collective: true, idle: true },
    ]);
  });

  it('when an event carrying out a task is cancelled, it stays listed as cancelled and the task is idle again', async () => {
    const id = await publish(app, 'duty-wj', qinhuangdaoActivity(ids.orgIds.wj, ids.cityPlanId, [2, 4], { title: '近视防控进校园' }));
    let tasks = (await dutiesOf(ids.orgIds.wj, 'duty-wj')).plans[0].tasks;
    expect(tasks.map((t: any) => [t.number, t.idle])).toEqual([
      [1, true],
      [2, false],
      [4, false],
    ]);
    expectStatus(await app.api.post(`${API}/events/${id}/cancel`, { reason: '场地检修' }, await app.token('duty-wj')), 200);
    tasks = (await dutiesOf(ids.orgIds.wj, 'duty-wj')).plans[0].tasks;
    expect(tasks.find((t: any) => t.number === 2)).toMatchObject({ idle: true, events: [{ id, status: 'cancelled' }] });
  });

  it("when an event starts in another year, it counts in that year's duties, where the 2026 plan is carried over", async () => {
    const next = await publish(
      app,
      'duty-kx',
      qinhuangdaoActivity(ids.orgIds.kx, ids.cityPlanId, [2], {
        // Half past midnight on New Year's Day in China is still 2026 in UTC: the year is China's.
        title: '新年夜学生健康科普课',
        startsAt: '2027-01-01T00:30:00+08:00',
        endsAt: '2027-01-01T02:00:00+08:00',
      }),
    );
    const thisYear = (await dutiesOf(ids.orgIds.kx, 'duty-kx')).plans[0].tasks.find((t: any) => t.number === 2);
    expect(thisYear).toMatchObject({ idle: true, events: [] });

    const nextYear = await dutiesOf(ids.orgIds.kx, 'duty-kx', '?year=2027');
    expect(nextYear.year).toBe(2027);
    expect(nextYear.plans.map((p: any) => [p.id, p.carriedOver])).toEqual([
      [ids.cityPlanId, true],
      [ids.provincePlanId, true],
    ]);
    expect(nextYear.plans[0].tasks.map((t: any) => [t.number, t.idle, t.events.map((e: any) => e.id)])).toEqual([
      [1, true, []],
      [2, false, [next]],
      [4, true, []],
    ]);
    // Before its first plan, a city has no duties.
    expect((await dutiesOf(ids.orgIds.kx, 'duty-kx', '?year=2025')).plans).toEqual([]);
  });

  it("when the provincial plan names 唐山市科协, demo-organizer's 唐山 organization sees it as supporting, beside its own city's plan", async () => {
    const orgId = (await app.user('demo-organizer')).organizations[0]!.id;
    const duties = await dutiesOf(orgId, 'demo-organizer');
    expect(duties.plans.map((p: any) => [p.city, p.year, p.carriedOver, p.tasks.length])).toEqual([
      ['唐山市', 2023, true, 0],
      ['河北省', 2026, false, 1],
    ]);
    expect(duties.plans[1].tasks.map(brief)).toEqual([{ number: 2, role: 'support', unitName: '唐山市科协', collective: false, idle: true }]);
  });

  it('when someone other than its members or an admin asks, the answer is 401 or 403; an admin may read any organization', async () => {
    const path = `${API}/organizations/${ids.orgIds.kx}/duties`;
    expectError(await app.api.get(path), 401, 'UNAUTHENTICATED');
    expectError(await app.api.get(path, await app.token('duty-resident')), 403, 'FORBIDDEN');
    expectError(await app.api.get(path, await app.token('duty-edu')), 403, 'FORBIDDEN');
    expectError(await app.api.get(path, await app.token('demo-reviewer')), 403, 'FORBIDDEN');
    expect((await app.api.get(path, await app.token('demo-admin'))).body.organization.id).toBe(ids.orgIds.kx);
    expectError(await app.api.get(`${API}/organizations/no-such-organization/duties`, await app.token('demo-admin')), 404, 'NOT_FOUND');
    expectError(await app.api.get(`${path}?year=abc`, await app.token('duty-kx')), 400, 'VALIDATION_FAILED');
  });
});
