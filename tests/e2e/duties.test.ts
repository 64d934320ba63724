// 我的任务 in the H5 app, in normal and large-text mode: demo-organizer (唐山市科协) opens its
// duties in this year's plan, sees a task still empty (待落实), taps 发布活动, submits the form
// the shortcut filled in (the task and the city), and once the reviewer approves the event the
// task is no longer empty. Every screen passes axe, tap-target and (large) text-size checks.
import type { Page } from 'playwright-core';
import { screenProblems } from './a11y';
import { expectToast, field, goBack, shown, signIn, switchTab, tapButton, tapText, turnOnLargeText } from './browser';
import { useE2e } from './setup';

jest.setTimeout(240_000);

const e2e = useE2e();

type Mode = 'normal' | 'large';

/** The year in China, now and `days` from now (the event form starts a new event a week ahead). */
const cstYear = (days = 0) => Number(new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 4));

/**
 * This year's plan for 唐山市, written for the test: 唐山市科协 leads task 1 and supports task 2
 * (each mode posts against its own one), and task 3 is for every member unit.
 */
const planText = (year: number) => `${year}年唐山市全民科学素质行动工作要点

为深入实施《全民科学素质行动规划纲要（2021—2035年）》，做好${year}年全市全民科学素质工作，制定本工作要点。

一、提升重点人群科学素质
（一）实施青少年科学素质提升行动
1.开展青少年科技创新活动。组织青少年科技创新大赛、科学调查体验活动和校园科技节。（牵头单位：唐山市科协；配合单位：唐山市教育局）
2.加强老年人健康科普。开展老年人慢病防治、合理用药和防范电信诈骗科普讲座。（唐山市卫生健康委员会牵头，唐山市科协配合）
二、强化组织实施
3.加强科技志愿服务队伍建设。组织科技志愿者深入社区开展科普服务。（各成员单位按职责分工负责）
`;

const taskOf: Record<Mode, { number: number; title: string; event: string }> = {
  normal: { number: 1, title: '开展青少年科技创新活动', event: '端到端任务：青少年机器人创新工作坊' },
  large: { number: 2, title: '加强老年人健康科普', event: '端到端任务：老年人合理用药讲座' },
};

/** The card of one task on 我的任务. */
const taskCard = (page: Page, number: number, title: string) =>
  shown(page)
    .locator('.duty')
    .filter({ hasText: `第${number}项 ${title}` });

/** From 我的 to 我的任务, once the plan's first task has shown. */
async function openDuties(page: Page): Promise<void> {
  await switchTab(page, '我的');
  await tapText(page, '主办单位：我的任务');
  await shown(page).locator('.duty').first().waitFor();
}

beforeAll(async () => {
  // Imported once for both modes; a repeat import of the same text changes nothing.
  await (await e2e.api.as('demo-admin')).post('/plans/import', { text: planText(cstYear()) });
});

describe.each<Mode>(['normal', 'large'])('in %s mode, an organizer', (mode) => {
  it('opens 我的任务, posts an event against an idle task from there, and the task stops being idle once it is published', async () => {
    const { number, title, event } = taskOf[mode];
    const tab = await e2e.open(`duties-${mode}`);
    const { page } = tab;
    const problems: string[] = [];
    if (mode === 'large') await turnOnLargeText(page);
    await signIn(page, '主办单位（demo-organizer）');
    await openDuties(page);

    const card = taskCard(page, number, title);
    await card.getByText('待落实').waitFor();
    await card.getByText(`本单位${cstYear()}年还没有对应的活动`).waitFor();
    // The shared task is shown apart, and not as the organization's own duty.
    await shown(page).getByText('全体成员单位的任务（1项）').waitFor();
    expect(await taskCard(page, 3, '加强科技志愿服务队伍建设').getByText('待落实').count()).toBe(0);
    problems.push(...(await screenProblems(tab, mode, 'duties')));
    await card.scrollIntoViewIfNeeded();
    await tab.shot('duties-idle-task');

    await tapButton(page, '发布活动', card);
    // The shortcut filled in the task and the organization's city, and says so at the top.
    await shown(page).getByText(`从“我的任务”发布：依据任务已选第${number}项，见下方“依据任务”。`).waitFor();
    expect(await field(page, '城市').inputValue()).toBe('唐山市');
    problems.push(...(await screenProblems(tab, mode, 'edit-prefilled')));
    const chosen = shown(page).getByText(`已选：第${number}项 ${title}`);
    await chosen.scrollIntoViewIfNeeded();
    await tab.shot('edit-task-chosen');
    await field(page, '活动名称').fill(event);
    await shown(page).locator('taro-textarea-core textarea').first().fill('端到端测试：从“我的任务”发布的活动。');
    await field(page, '区县').fill('路北区');
    await field(page, '场馆名称').fill('唐山市科技馆');
    await field(page, '详细地址').fill('路北区建设北路');
    await shown(page)
      .locator('.chip')
      .filter({ hasText: mode === 'normal' ? /^青少年$/ : /^老年人$/ })
      .click();
    await tapButton(page, '保存并提交审核');
    await expectToast(page, '已提交审核');

    // Back on 我的任务: the event is there, in review, and the task still waits for a published one.
    await card.getByText(event).waitFor();
    await card.getByText('审核中').waitFor();
    await card.getByText('待落实').waitFor();
    await card.scrollIntoViewIfNeeded();
    await tab.shot('duties-event-in-review');

    // demo-organizer's organization is not trusted: a reviewer approves the event.
    const organizer = await e2e.api.as('demo-organizer');
    const orgId = (await organizer.get<{ organizations: { id: string }[] }>('/me')).organizations[0]!.id;
    const eventYear = cstYear(7);
    const duties = await organizer.get<{ plans: { tasks: { number: number; events: { id: string; title: string }[] }[] }[] }>(
      `/organizations/${orgId}/duties?year=${eventYear}`,
    );
    const posted = duties.plans[0]!.tasks.find((t) => t.number === number)!.events.find((e) => e.title === event);
    if (!posted) throw new Error(`the event "${event}" is not among task ${number}'s events`);
    await (await e2e.api.as('demo-reviewer')).post(`/events/${posted.id}/review`, { decision: 'approve' });

    await goBack(page);
    await openDuties(page);
    // In the last week of a year the form's default date (a week ahead) falls in the next year.
    if (eventYear !== cstYear()) await tapButton(page, `${eventYear}年 ›`);
    await card.getByText('已发布').waitFor();
    expect(await card.getByText('待落实').count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    problems.push(...(await screenProblems(tab, mode, 'duties-task-done')));
    expect(problems).toEqual([]);
  });
});
