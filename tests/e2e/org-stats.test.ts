/// <reference lib="dom" />
// 数据统计 in the H5 app, in normal and large-text mode: an organizer opens its
// organization's statistics from 我的, sees the year's totals, the monthly charts drawn
// on canvases and the same numbers in a table, and switches to the year before.
import { axeProblems, pageSettled, smallTextProblems, tapTargetProblems } from './a11y';
import { cstTime, publishActivity } from './api';
import { settle, shown, signIn, tapButton, tapText, type AppTab, turnOnLargeText } from './browser';
import { canvasInk } from './charts';
import { useE2e } from './setup';

jest.setTimeout(240_000);

const e2e = useE2e();

type Mode = 'normal' | 'large';

interface Stats {
  year: number;
  totals: { events: number; signups: number; checkins: number; checkinRate: number | null; volunteerHours: number };
  months: { month: string; events: number; signups: number; checkins: number }[];
}

async function problems(tab: AppTab, mode: Mode, screen: string): Promise<string[]> {
  await pageSettled(tab.page);
  await tab.shot(screen);
  return [
    ...(await axeProblems(tab.page)),
    ...(mode === 'large' ? await tapTargetProblems(tab.page, 60) : await tapTargetProblems(tab.page, 44)),
    ...(mode === 'large' ? await smallTextProblems(tab.page, 18) : []),
  ].map((p) => `${screen}: ${p}`);
}

describe.each<Mode>(['normal', 'large'])('in %s mode, an organization’s statistics', (mode) => {
  it('shows the year’s totals, monthly charts and the table, and switches years', async () => {
    // One more published activity of demo-organizer's organization in two days, with a sign-up.
    const event = await publishActivity(e2e.api, { title: `统计测试活动（${mode}）`, capacity: 20, days: 2 });
    await (await e2e.api.as(`stats-resident-${mode}`)).post(`/events/${event.id}/signups`, { name: '王小红', phone: '13800138001' });
    const organizer = await e2e.api.as('demo-organizer');
    const me = await organizer.get<{ organizations: { id: string }[] }>('/me');
    const orgId = me.organizations[0]!.id;
    const year = Number(cstTime(2, 9).slice(0, 4));
    const stats = await organizer.get<Stats>(`/organizations/${orgId}/stats?year=${year}`);
    expect(stats.totals.events).toBeGreaterThan(0);
    expect(stats.totals.signups).toBeGreaterThan(0);

    const tab = await e2e.open(`org-stats-${mode}`, { city: '唐山市' });
    const { page } = tab;
    const found: string[] = [];
    if (mode === 'large') await turnOnLargeText(page);
    await signIn(page, '主办单位（demo-organizer）');
    await tapText(page, '主办单位：数据统计');
    await shown(page).getByText(`${year} 年合计`).waitFor();

    // The totals, as the API counts them.
    const totals = shown(page).locator('.stats-total');
    await expect(totals.filter({ hasText: '活动' }).first().locator('.stats-total__value').textContent()).resolves.toBe(`${stats.totals.events} 场`);
    await expect(totals.filter({ hasText: '报名' }).first().locator('.stats-total__value').textContent()).resolves.toBe(`${stats.totals.signups} 人次`);

    // Four charts, each drawn by the chart library, each with its numbers in words.
    for (const title of ['每月活动场次', '每月报名与签到', '每月签到率', '每月志愿服务时长']) await shown(page).getByText(title).first().waitFor();
    const eventsChart = shown(page).locator('.chart').filter({ hasText: '每月活动场次' });
    await expect(eventsChart.locator('.chart__summary').textContent()).resolves.toContain(`${year} 年共 ${stats.totals.events} 场`);
    const eventsInk = await settle(
      () => canvasInk(eventsChart),
      (i) => i.ofColor > 0,
    );
    expect(eventsInk.ofColor).toBeGreaterThan(50);
    // Sign-ups in blue beside check-ins in orange (when any checked in), with a legend.
    const signupChart = shown(page).locator('.chart').filter({ hasText: '每月报名与签到' });
    const signupInk = await settle(
      () => canvasInk(signupChart),
      (i) => i.ofColor > 0,
    );
    expect(signupInk.ofColor).toBeGreaterThan(50);
    if (stats.totals.checkins > 0) expect((await canvasInk(signupChart, '#b54708')).ofColor).toBeGreaterThan(0);
    found.push(...(await problems(tab, mode, 'stats')));
    await eventsChart.scrollIntoViewIfNeeded();
    await tab.shot('charts');
    await signupChart.scrollIntoViewIfNeeded();
    await tab.shot('charts-signups');
    // The check-in rate as a line over the months that had sign-ups.
    const rateChart = shown(page).locator('.chart').filter({ hasText: '每月签到率' });
    const rateInk = await settle(
      () => canvasInk(rateChart),
      (i) => i.inked > 0,
    );
    expect(rateInk.inked).toBeGreaterThan(500);
    await rateChart.scrollIntoViewIfNeeded();
    await tab.shot('charts-rate');

    // The table: one row per month and the year's total, announced as a table.
    const table = shown(page).locator(`[role="table"][aria-label="${year} 年每月数据"]`);
    expect(await table.locator('[role="columnheader"]').allTextContents()).toEqual(['月份', '活动', '报名', '签到', '签到率', '志愿时长']);
    const busiest = stats.months.reduce((a, b) => (b.events > a.events ? b : a));
    const row = table
      .locator('[role="row"]')
      .filter({ has: page.locator('[role="rowheader"]', { hasText: new RegExp(`^${Number(busiest.month.slice(5))}月$`) }) });
    expect(await row.locator('[role="cell"]').allTextContents()).toEqual(expect.arrayContaining([String(busiest.events)]));
    expect((await row.locator('[role="cell"]').allTextContents())[0]).toBe(String(busiest.events));
    const total = table.locator('[role="row"]').filter({ has: page.locator('[role="rowheader"]', { hasText: '合计' }) });
    expect((await total.locator('[role="cell"]').allTextContents()).slice(0, 3)).toEqual([
      String(stats.totals.events),
      String(stats.totals.signups),
      String(stats.totals.checkins),
    ]);
    await table.scrollIntoViewIfNeeded();
    await tab.shot('table');

    // The year before: its own numbers.
    const before = await organizer.get<Stats>(`/organizations/${orgId}/stats?year=${year - 1}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await tapButton(page, `‹ ${year - 1}年`);
    await shown(page)
      .getByText(`${year - 1} 年合计`)
      .waitFor();
    await expect(shown(page).locator('.stats-total').filter({ hasText: '活动' }).first().locator('.stats-total__value').textContent()).resolves.toBe(
      `${before.totals.events} 场`,
    );
    found.push(...(await problems(tab, mode, 'stats-year-before')));

    expect(found).toEqual([]);
  });
});
