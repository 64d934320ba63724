// Accessibility of the main pages in normal and in large-text mode: no
// serious or critical axe-core violations, tap targets of at least 44 px
// (60 px in 大字模式), and in 大字模式 no text under 18 px.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeProblems, pageSettled, smallTextProblems, tapTargetProblems } from './a11y';
import { cstTime, publishActivity } from './api';
import { type AppTab, backToTabs, button, cardAction, field, goBack, shown, signIn, signOut, switchTab, tapButton, tapText } from './browser';
import { useE2e } from './setup';

jest.setTimeout(240_000);

const e2e = useE2e();

type Mode = 'normal' | 'large';

/**
 * Seven days to a row cannot each be 60 px wide on a 390 px phone (the grid
 * has about 330 px): in 大字模式 the day cells are held to normal mode's 44 px.
 */
const largeModeAllowances = { '.month__cell': 44 };

/** Every check on the screen as it is now; the problems are keyed by screen and mode. */
async function checkScreen(tab: AppTab, mode: Mode, screen: string, found: Record<string, string[]>): Promise<void> {
  const { page } = tab;
  await pageSettled(page);
  await tab.shot(screen);
  const problems = [
    ...(await axeProblems(page)),
    ...(mode === 'large' ? await tapTargetProblems(page, 60, largeModeAllowances) : await tapTargetProblems(page, 44)),
    ...(mode === 'large' ? await smallTextProblems(page, 18) : []),
  ];
  if (problems.length) found[`${screen} (${mode})`] = problems;
}

async function waitForContent(page: Page, selector: string): Promise<void> {
  await shown(page).locator(selector).first().waitFor();
}

describe.each<Mode>(['normal', 'large'])('in %s mode, the main pages', (mode) => {
  it('pass axe-core without serious or critical violations and have large enough tap targets and text', async () => {
    // Something in 我的 to show: an upcoming sign-up with its check-in code.
    const resident = await e2e.api.as('demo-resident');
    const { items } = await resident.get<{ items: { id: string }[] }>(`/events?city=${encodeURIComponent('柳州市')}&q=${encodeURIComponent('科学家精神')}`);
    if (!items[0]) throw new Error('the demo data has no 科学家精神 event in 柳州市');
    await resident.post(`/events/${items[0].id}/signups`, { name: '张小明', phone: '13800138000' });

    const tab = await e2e.open(`a11y-${mode}`);
    const { page } = tab;
    const found: Record<string, string[]> = {};

    await switchTab(page, '我的');
    if (mode === 'large') {
      await shown(page).locator('.me-setting taro-switch-core').click();
      await shown(page).locator('.page.page--large').waitFor();
    }
    await tapButton(page, '登录');
    await waitForContent(page, '.login__account');
    await checkScreen(tab, mode, 'login', found);

    await shown(page).locator('taro-checkbox-core').click();
    await tapButton(page, '居民（demo-resident）');
    await button(page, '退出登录').waitFor();
    await waitForContent(page, '.me-actions taro-button-core');
    await checkScreen(tab, mode, 'me', found);
    await tapButton(page, '签到码');
    await page.locator('.sheet img').waitFor();
    await checkScreen(tab, mode, 'me-checkin-code', found);
    await tapButton(page, '关闭');

    await switchTab(page, '活动');
    await waitForContent(page, '.event-card');
    await checkScreen(tab, mode, 'events', found);

    await tapText(page, '家庭应急避险演练开放日');
    await tapButton(page, '我要报名');
    await waitForContent(page, '.signup__submit');
    await checkScreen(tab, mode, 'event-detail', found);

    await backToTabs(page);
    await switchTab(page, '日历');
    await waitForContent(page, '.month__cell');
    await checkScreen(tab, mode, 'calendar', found);

    await switchTab(page, '计划');
    await waitForContent(page, '.card .title');
    await checkScreen(tab, mode, 'plans', found);

    await shown(page).locator('.card .title').first().click();
    // A task opens from the keyboard too: its head is a focusable button.
    const task = shown(page).locator('.task__head').first();
    expect(await task.getAttribute('role')).toBe('button');
    await task.focus();
    await page.keyboard.press('Enter');
    await waitForContent(page, '.task__body');
    expect(await task.getAttribute('aria-expanded')).toBe('true');
    await checkScreen(tab, mode, 'plan-detail', found);

    expect(found).toEqual({});
  });
});

/** 大字模式 is a device setting: switched on from 我的 before anyone signs in. */
async function enterMode(tab: AppTab, mode: Mode): Promise<void> {
  if (mode !== 'large') return;
  await switchTab(tab.page, '我的');
  await shown(tab.page).locator('.me-setting taro-switch-core').click();
  await shown(tab.page).locator('.page.page--large').waitFor();
}

describe.each<Mode>(['normal', 'large'])('in %s mode, the volunteer, organizer, reviewer and admin pages', (mode) => {
  it('pass the same checks', async () => {
    // An event of demo-organizer's organization with a shift demo-volunteer applied for, and one event awaiting review.
    const event = await publishActivity(e2e.api, { title: `无障碍检查：志愿活动（${mode}）`, capacity: 20, days: 5 });
    const organizer = await e2e.api.as('demo-organizer');
    const shift = await organizer.post<{ id: string }>(`/events/${event.id}/shifts`, {
      role: '展厅引导',
      startsAt: cstTime(5, 9),
      endsAt: cstTime(5, 11),
      slots: 2,
      skills: ['秩序引导'],
    });
    await (await e2e.api.as('demo-volunteer')).post(`/shifts/${shift.id}/applications`, undefined);

    const tab = await e2e.open(`a11y-roles-${mode}`);
    const { page } = tab;
    const found: Record<string, string[]> = {};
    await enterMode(tab, mode);

    await signIn(page, '志愿者（demo-volunteer）');
    await tapText(page, '志愿服务');
    await waitForContent(page, '.chip');
    await checkScreen(tab, mode, 'volunteer-profile', found);
    await tapButton(page, '我的申请与证明');
    await waitForContent(page, '.card .title');
    await checkScreen(tab, mode, 'volunteer-applications', found);
    await backToTabs(page);
    await tapText(page, '志愿岗位');
    await waitForContent(page, '.shift-card');
    await checkScreen(tab, mode, 'volunteer-shifts', found);
    await signOut(page);

    // A change to the published event awaiting review: the organizer's and the reviewer's view of it.
    await organizer.patch(`/events/${event.id}`, { title: `无障碍检查：改过的名称（${mode}）`, capacity: 25 });

    await signIn(page, '主办单位（demo-organizer）');
    await tapText(page, '主办单位：活动管理');
    const card = shown(page).locator('.card').filter({ hasText: event.title });
    await card.waitFor();
    await card.getByText('修改待审核').waitFor();
    await checkScreen(tab, mode, 'organizer-events', found);
    await cardAction(page, card, '岗位与编辑');
    await waitForContent(page, '.org-revision');
    await checkScreen(tab, mode, 'organizer-edit-change', found);
    await goBack(page);
    await cardAction(page, card, '志愿者');
    await shown(page).getByText('展厅引导', { exact: false }).first().waitFor();
    await checkScreen(tab, mode, 'organizer-volunteers', found);
    await goBack(page);
    await tapButton(page, '发布新活动');
    await waitForContent(page, 'taro-input-core');
    await checkScreen(tab, mode, 'organizer-edit', found);
    await signOut(page);

    await publishActivity(e2e.api, { title: `无障碍检查：待审核（${mode}）`, capacity: 10, days: 7, approve: false });
    await signIn(page, '审核员（demo-reviewer）');
    await tapText(page, '活动审核');
    // Its card's title (the other pending event's venue-conflict note names it too).
    await shown(page).locator('.title').getByText(`无障碍检查：待审核（${mode}）`).waitFor();
    await checkScreen(tab, mode, 'review-queue', found);
    await tapText(page, '修改申请');
    await shown(page).getByText(`改为：无障碍检查：改过的名称（${mode}）`).waitFor();
    await checkScreen(tab, mode, 'review-revisions', found);
    await signOut(page);

    // The admin's pages: a plan previewed (warnings, outline, units with roles), and the campaign dates.
    await signIn(page, '管理员（demo-admin）');
    await tapText(page, '管理：导入工作要点');
    await waitForContent(page, 'taro-textarea-core');
    await checkScreen(tab, mode, 'admin-import', found);
    await field(page, '工作要点全文').fill(readFileSync(join(__dirname, '..', 'importer', 'fixtures', 'changxing-2023-circled.txt'), 'utf8'));
    await tapButton(page, '预览');
    await waitForContent(page, '.admin-task');
    await checkScreen(tab, mode, 'admin-import-preview', found);
    // Saved: the outline offers 拆分任务 and 与下一项合并 under each task; the split choices open.
    await tapButton(page, '确认导入');
    await waitForContent(page, '.admin-boundary');
    // The 已导入/已更新 toast passes over the outline for a moment: checked once it has gone.
    await page
      .locator('.taro__toast')
      .getByText(/^已(导入|更新)$/)
      .first()
      .waitFor({ state: 'hidden' });
    await tapButton(page, '拆分任务', shown(page).locator('.admin-task').first());
    await waitForContent(page, '.admin-boundary__point');
    await checkScreen(tab, mode, 'admin-import-boundary', found);
    await backToTabs(page);
    await tapText(page, '管理：主题活动日期');
    await waitForContent(page, '.card .title');
    await checkScreen(tab, mode, 'admin-campaigns', found);

    expect(found).toEqual({});
  });
});
