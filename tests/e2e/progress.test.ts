/// <reference lib="dom" />
// 监测评估 in the H5 app, in normal and large-text mode: an admin opens a plan's
// progress from the plan page, sees the charts and the table with the numbers of the
// events behind them, opens a task's events, and downloads the year-end report.
import type { Page } from 'playwright-core';
import { axeProblems, pageSettled, smallTextProblems, tapTargetProblems } from './a11y';
import { cstTime } from './api';
import { button, settle, shown, signIn, switchTab, tapButton, type AppTab } from './browser';
import { canvasInk } from './charts';
import { useE2e } from './setup';

jest.setTimeout(240_000);

const e2e = useE2e();

type Mode = 'normal' | 'large';

async function problems(tab: AppTab, mode: Mode, screen: string): Promise<string[]> {
  await pageSettled(tab.page);
  await tab.shot(screen);
  return [
    ...(await axeProblems(tab.page)),
    ...(mode === 'large' ? await tapTargetProblems(tab.page, 60) : await tapTargetProblems(tab.page, 44)),
    ...(mode === 'large' ? await smallTextProblems(tab.page, 18) : []),
  ].map((p) => `${screen}: ${p}`);
}

const text = (page: Page, content: string | RegExp) => shown(page).getByText(content).first();

describe.each<Mode>(['normal', 'large'])('in %s mode, a plan’s progress', (mode) => {
  it('shows charts and a table, opens a task’s events and downloads the year-end report', async () => {
    // A plan of this year for a city of its own, and one activity of its organizer carrying out task 1, with a sign-up.
    const city = mode === 'normal' ? '保定市' : '邯郸市';
    const startsAt = cstTime(2, 9);
    const year = Number(startsAt.slice(0, 4));
    const admin = await e2e.api.as('demo-admin');
    const imported = await admin.post<{ plan: { id: string; tasks: { number: number; responsibleUnits: { name: string; organizationId: string }[] }[] } }>(
      '/plans/import',
      {
        text: `${year}年${city}全民科学素质行动工作要点\n\n一、提升重点人群科学素质\n\n1.开展青少年科普活动。面向青少年开展科普讲座。（牵头单位：市科协；配合单位：市教育局）\n\n2.加强老年人健康科普。开展健康大讲堂。（市卫健委）\n\n二、做强群众性示范科普活动\n\n3.实施银龄科普行动。开展社区科普服务。（各成员单位）\n`,
      },
    );
    const planId = imported.plan.id;
    const association = imported.plan.tasks[0]!.responsibleUnits.find((u) => u.name === '市科协')!.organizationId;
    const organizerUser = await e2e.api.as(`progress-organizer-${mode}`);
    const me = await organizerUser.get<{ id: string }>('/me');
    await admin.post(`/organizations/${association}/members`, { userId: me.id });
    const draft = await organizerUser.post<{ id: string }>('/events', {
      title: `青少年科学实验课（${mode}）`,
      description: '端到端测试准备的活动',
      kind: 'activity',
      organizerId: association,
      city,
      district: '竞秀区',
      audiences: ['青少年'],
      themes: ['科技'],
      venue: { name: '市科技馆', address: '竞秀区' },
      startsAt,
      endsAt: cstTime(2, 11),
      capacity: 30,
      planTasks: [{ planId, number: 1 }],
    });
    const submitted = await organizerUser.post<{ status: string }>(`/events/${draft.id}/submit`);
    if (submitted.status !== 'published') await (await e2e.api.as('demo-reviewer')).post(`/events/${draft.id}/review`, { decision: 'approve' });
    await (await e2e.api.as(`progress-resident-${mode}`)).post(`/events/${draft.id}/signups`, { name: '张小明', phone: '13800138000' });

    const tab = await e2e.open(`progress-${mode}`);
    const { page } = tab;
    const found: string[] = [];
    if (mode === 'large') {
      await switchTab(page, '我的');
      await shown(page).locator('.me-setting taro-switch-core').click();
      await shown(page).locator('.page.page--large').waitFor();
    }
    await signIn(page, '管理员（demo-admin）');
    await switchTab(page, '计划');
    await shown(page)
      .locator('.card .title')
      .filter({ hasText: `${year}年${city}` })
      .first()
      .click();
    await text(page, `${year} 年已有活动的任务 1 / 3 项`).waitFor();
    // A task of the plan page opens its events too.
    await shown(page).locator('.task__head').filter({ hasText: '开展青少年科普活动' }).click();
    await shown(page).locator('.task__events').filter({ hasText: '查看 1 场活动 ›' }).waitFor();
    found.push(...(await problems(tab, mode, 'plan-detail')));
    await tapButton(page, '查看图表与年度报告');

    // The charts, with the numbers of the one activity.
    await text(page, '已有活动的任务 1 / 3 项').waitFor();
    for (const title of ['各部分完成情况', '每月活动场次', '服务人群', '责任单位活动排名']) await text(page, title).waitFor();
    // Drawn by the chart library on a canvas sized for the screen's pixel ratio, in the app's blue;
    // each chart's summary says the numbers in words for screen readers, and the canvas is hidden from them.
    const sectionChart = shown(page).locator('.chart').filter({ hasText: '各部分完成情况' });
    await expect(sectionChart.locator('.chart__summary').textContent()).resolves.toContain(
      '一、提升重点人群科学素质 1/2 项，二、做强群众性示范科普活动 0/1 项',
    );
    const audienceChart = shown(page).locator('.chart').filter({ hasText: '服务人群' });
    await expect(audienceChart.locator('.chart__summary').textContent()).resolves.toContain('青少年 1 场');
    const ranking = shown(page).locator('.chart').filter({ hasText: '责任单位活动排名' });
    await expect(ranking.locator('.chart__summary').textContent()).resolves.toMatch(/前 \d+ 个单位.*市科协 1 场/);
    for (const title of ['各部分完成情况', '每月活动场次', '服务人群', '责任单位活动排名']) {
      const chart = shown(page).locator('.chart').filter({ hasText: title });
      const ink = await settle(
        () => canvasInk(chart),
        (i) => i.ofColor > 0,
      );
      const cssWidth = await chart.locator('canvas').evaluate((el) => el.getBoundingClientRect().width);
      const ratio = await page.evaluate(() => window.devicePixelRatio);
      expect(ink.width).toBe(Math.round(cssWidth * ratio));
      expect(ink.inked).toBeGreaterThan(500);
      expect(ink.ofColor).toBeGreaterThan(100);
      expect(await chart.locator('[aria-hidden="true"]').count()).toBeGreaterThan(0);
    }
    // The same numbers as a table, announced as one.
    const audienceTable = shown(page).locator('[role="table"][aria-label="服务人群"]');
    expect(await audienceTable.locator('[role="columnheader"]').allTextContents()).toEqual(['人群', '活动', '报名', '签到', '到场率']);
    expect(await audienceTable.locator('[role="row"]').nth(1).locator('[role="rowheader"], [role="cell"]').allTextContents()).toEqual([
      '青少年',
      '1',
      '1',
      '0',
      '0%',
    ]);
    const month = `${startsAt.slice(0, 7)}`;
    const monthRow = shown(page).locator('[role="table"][aria-label="每月活动"] [role="row"]').filter({ hasText: month });
    expect(await monthRow.locator('[role="cell"]').first().textContent()).toBe('1');
    found.push(...(await problems(tab, mode, 'progress')));
    await sectionChart.scrollIntoViewIfNeeded();
    await tab.shot('charts');
    await audienceChart.scrollIntoViewIfNeeded();
    await tab.shot('charts-lower');
    await audienceTable.scrollIntoViewIfNeeded();
    await tab.shot('table');

    // The report: a real file with the plan's readable name.
    const [download] = await Promise.all([page.waitForEvent('download'), tapButton(page, '下载年度报告')]);
    expect(download.suggestedFilename()).toBe(`${city}${year}年执行情况报告.xlsx`);
    const bytes = await download.createReadStream().then(
      (stream) =>
        new Promise<Buffer>((resolve, reject) => {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => resolve(Buffer.concat(chunks)));
          stream.on('error', reject);
        }),
    );
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await button(page, '下载年度报告').waitFor();

    // Task 1 opens its events.
    await shown(page).locator('.progress-task').filter({ hasText: '1. 开展青少年科普活动' }).click();
    await text(page, '第 1 项：开展青少年科普活动').waitFor();
    await shown(page)
      .locator('.event-card')
      .filter({ hasText: `青少年科学实验课（${mode}）` })
      .waitFor();
    expect(await shown(page).locator('.event-card').count()).toBe(1);
    found.push(...(await problems(tab, mode, 'task-events')));

    expect(found).toEqual([]);
  });
});
