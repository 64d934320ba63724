// An admin in the H5 app, as a new user would, in normal and large-text mode: pastes a plan whose
// place the importer cannot read, previews it (warnings, outline), is asked for the city, saves,
// corrects the place, a task's units and a task boundary (splits a task in two), corrects the
// units of the split's second part, re-imports the same text (nothing changes) and an edited
// text, seeing what changes before confirming (the corrections survive), each screen axe-clean;
// then sets the dates of a campaign for a year the catalogue does not know.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeProblems, pageSettled, smallTextProblems } from './a11y';
import { backToTabs, expectToast, field, shown, signIn, switchTab, tapButton, tapText, type AppTab } from './browser';
import { useE2e } from './setup';

jest.setTimeout(240_000);

const e2e = useE2e();

/** A county-style plan with no title and no place: the importer asks for the city. */
const planText = readFileSync(join(__dirname, '..', 'importer', 'fixtures', 'untitled-2024.txt'), 'utf8');

const text = (page: Page, content: string | RegExp) => shown(page).getByText(content).first();

type Mode = 'normal' | 'large';

/** Each mode files the plan under its own county, so the two runs share a server without meeting. */
const county: Record<Mode, string> = { normal: '安吉县', large: '德清县' };

/** 大字模式 is a device setting: switched on from 我的 before anyone signs in. */
async function enterMode(tab: AppTab, mode: Mode): Promise<void> {
  if (mode !== 'large') return;
  await switchTab(tab.page, '我的');
  await shown(tab.page).locator('.me-setting taro-switch-core').click();
  await shown(tab.page).locator('.page.page--large').waitFor();
}

/** The screen as it is now: a screenshot, and axe-core (and, in 大字模式, the smallest text) finding nothing. */
async function checked(tab: AppTab, mode: Mode, step: string): Promise<void> {
  await pageSettled(tab.page);
  await tab.shot(step);
  const problems = [...(await axeProblems(tab.page)), ...(mode === 'large' ? await smallTextProblems(tab.page, 18) : [])];
  expect({ step, problems }).toEqual({ step, problems: [] });
}

/** The 已导入/已更新 toast passes over the page for a moment: checks wait until it has gone. */
async function toastGone(page: Page): Promise<void> {
  await page
    .locator('.taro__toast')
    .getByText(/^已(导入|更新)$/)
    .first()
    .waitFor({ state: 'hidden' });
}

const unitTexts = (task: ReturnType<typeof shown>) => task.locator('.admin-unit').allTextContents();

describe.each<Mode>(['normal', 'large'])('an admin in %s mode', (mode) => {
  const city = county[mode];

  it('imports a plan, corrects it (the second part of a split task too) and re-imports the same and an edited text, all in the app', async () => {
    const tab = await e2e.open(`admin-import-${mode}`);
    const { page, shot } = tab;
    await enterMode(tab, mode);
    await signIn(page, '管理员（demo-admin）');
    await tapText(page, '管理：导入工作要点');
    await field(page, '工作要点全文').fill(planText);
    await shot('pasted');

    await tapButton(page, '预览');
    await text(page, '需要核对').waitFor();
    // Every warning in Chinese at the top, then the outline with the tasks and their units.
    const warnings = await shown(page).locator('.admin-warnings .admin-warning').allTextContents();
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.join('\n')).toMatch(/[\u4e00-\u9fa5]/);
    await text(page, '一、提升重点人群科学素质').waitFor();
    await text(page, '1. 推进青少年科学教育').waitFor();
    await text(page, '全国科普日').waitFor();
    await checked(tab, mode, 'preview');

    // No place in the text: saving asks for the city, beside the fields.
    await tapButton(page, '确认导入');
    await text(page, '请填写城市').waitFor();
    await text(page, '没有读出计划所属地区或年份，请指定城市和年份后再保存').waitFor();
    await shot('city-needed');
    await field(page, '城市').fill(city);
    await tapButton(page, '确认导入');
    await text(page, /^已导入：/).waitFor();
    await shot('saved');

    // 更正: the full place, and task 1's units (教育局 leads; 科协 written as the county's).
    await field(page, '地区全称').fill(`浙江省湖州市${city}`);
    await tapText(page, '任务1');
    const firstUnit = shown(page).locator('.admin-unit-edit').first();
    await firstUnit.locator('.chip').filter({ hasText: '牵头' }).click();
    await field(page, '第 2 个单位').fill(`${city}科协`);
    await shot('correcting');
    await tapButton(page, '保存更正');
    await text(page, '更正已保存，以后重新导入同一文本时仍会保留').waitFor();
    const firstTask = shown(page).locator('.admin-task').first();
    await firstTask.getByText(`${city}科协`).waitFor();
    expect(await firstTask.locator('.admin-unit').first().textContent()).toBe('教育局牵头');
    await text(page, `浙江省湖州市${city}`).waitFor();
    await shot('corrected');

    // A task boundary: task 4 holds two tasks. Split it before its second sentence, as task 7.
    const fourth = shown(page).locator('.admin-task').filter({ hasText: '4. 用好基层科普阵地' });
    await tapButton(page, '拆分任务', fourth);
    await fourth.getByText(/^从“推动村级科普宣传栏/).click();
    await field(page, '新任务的编号').fill('7');
    await shot('splitting');
    await tapButton(page, '确认拆分', fourth);
    await text(page, '已拆分，以后重新导入同一文本时仍会保留').waitFor();
    const seventh = shown(page).locator('.admin-task').filter({ hasText: '7. 推动村级科普宣传栏定期更新内容' });
    await seventh.waitFor();
    // The bracket closed the whole task: its unit stays with the second part.
    expect(await unitTexts(seventh)).toEqual(['科协']);
    await shot('split');

    // The units of the second part (5th in the outline now, written number 7), from the same form.
    await tapText(page, '任务7');
    await text(page, '7. 推动村级科普宣传栏定期更新内容').waitFor();
    await field(page, '第 1 个单位').fill('文明办');
    await shown(page).locator('.admin-unit-edit').first().locator('.chip').filter({ hasText: '牵头' }).click();
    await tapButton(page, '添加单位');
    await field(page, '第 2 个单位').fill(`${city}科协`);
    await tapButton(page, '保存更正');
    await seventh.getByText('文明办').waitFor();
    expect(await unitTexts(seventh)).toEqual(['文明办牵头', `${city}科协`]);
    // Task 5, now after it, and task 4 (the first part) are as they were.
    expect(await unitTexts(shown(page).locator('.admin-task').filter({ hasText: '5. 壮大科普志愿者队伍' }))).toEqual(['科协', '团委']);
    expect(await unitTexts(fourth)).toEqual([]);
    await toastGone(page);
    await seventh.scrollIntoViewIfNeeded();
    await checked(tab, mode, 'split-corrected');

    // The same text again: the preview lays the corrections over it, nothing would change, and nothing does.
    await tapButton(page, '预览');
    await text(page, '与已保存的计划相比').waitFor();
    await text(page, '任务没有变化').waitFor();
    await text(page, '确认后没有活动受影响').waitFor();
    await text(page, '7. 推动村级科普宣传栏定期更新内容').waitFor();
    await checked(tab, mode, 'reimport-same');
    await tapButton(page, '确认导入');
    await text(page, /^已更新：/).waitFor();
    await text(page, '这次导入的改动').waitFor();
    await text(page, '任务没有变化').waitFor();
    await text(page, '没有活动受影响').waitFor();
    expect(await unitTexts(seventh)).toEqual(['文明办牵头', `${city}科协`]);
    await toastGone(page);
    await checked(tab, mode, 'reimported-same');

    // Re-import an edited text: one task reworded, one added. The diff shows before confirming.
    const edited = planText
      .replace('全年培训农民500人次以上', '全年培训农民800人次以上')
      .concat('\n6.办好科技活动周。组织科研院所向公众开放实验室。（科技局）\n');
    await field(page, '工作要点全文').fill(edited);
    await tapButton(page, '预览');
    await text(page, '与已保存的计划相比').waitFor();
    await text(page, '新增任务：6').waitFor();
    await text(page, '内容有改动的任务：2').waitFor();
    await text(page, '删除任务：无').waitFor();
    await text(page, '确认后没有活动受影响').waitFor();
    // The preview already carries the corrections: the split stays, task 7 is not new.
    await text(page, '7. 推动村级科普宣传栏定期更新内容').waitFor();
    await checked(tab, mode, 'reimport-diff');
    await tapButton(page, '确认导入');
    await text(page, /^已更新：/).waitFor();
    await text(page, '这次导入的改动').waitFor();
    await toastGone(page);
    await checked(tab, mode, 'reimported');

    // The corrections survived both re-imports.
    const admin = await e2e.api.as('demo-admin');
    const { items } = await admin.get<{ items: { id: string; year: number }[] }>(`/plans?city=${encodeURIComponent(city)}`);
    const plan = await admin.get<{ place: string; tasks: { number: number; text: string; responsibleUnits: { name: string; role: string | null }[] }[] }>(
      `/plans/${items.find((p) => p.year === 2024)!.id}`,
    );
    const units = (index: number) => plan.tasks[index]!.responsibleUnits.map(({ name, role }) => ({ name, role }));
    expect(plan.place).toBe(`浙江省湖州市${city}`);
    expect(plan.tasks.map((t) => t.number)).toEqual([1, 2, 3, 4, 7, 5, 6]);
    expect(plan.tasks[3]!.text).toBe('用好基层科普阵地。');
    expect(plan.tasks[4]!.text.startsWith('推动村级科普宣传栏定期更新内容')).toBe(true);
    expect(units(0)).toEqual([
      { name: '教育局', role: 'lead' },
      { name: `${city}科协`, role: null },
    ]);
    expect(units(4)).toEqual([
      { name: '文明办', role: 'lead' },
      { name: `${city}科协`, role: null },
    ]);
  });
});

describe('an admin', () => {
  it('sets the dates of a campaign for a year the catalogue does not know', async () => {
    const admin = await e2e.api.as('demo-admin');
    const before = await admin.get<{ items: { code: string; startsOn: string | null }[] }>('/campaigns?year=2027');
    expect(before.items.find((c) => c.code === 'science-tech-week')?.startsOn).toBeNull();

    const { page, shot } = await e2e.open('admin-campaign-dates');
    await signIn(page, '管理员（demo-admin）');
    await backToTabs(page);
    await switchTab(page, '我的');
    await tapText(page, '管理：主题活动日期');
    await tapText(page, '2027年');
    const card = shown(page).locator('.card').filter({ hasText: '全国科技活动周' });
    await card.getByText('日期待定').waitFor();
    await shot('pending');
    await field(page, '全国科技活动周开始日期').fill('5月16日');
    await field(page, '全国科技活动周结束日期').fill('5月22日');
    await tapButton(page, '保存全国科技活动周日期');
    await expectToast(page, '日期已保存');
    await card.getByText('5月16日–22日').waitFor();
    expect(await card.getByText('日期待定').count()).toBe(0);
    await shot('saved');

    const after = await admin.get<{ items: { code: string; startsOn: string | null; endsOn: string | null }[] }>('/campaigns?year=2027');
    expect(after.items.find((c) => c.code === 'science-tech-week')).toMatchObject({ startsOn: '2027-05-16', endsOn: '2027-05-22' });
  });
});
