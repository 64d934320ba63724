// An admin in the H5 app, as a new user would: pastes a plan whose place the importer cannot
// read, previews it (warnings, outline), is asked for the city, saves, corrects the place, a
// task's units and a task boundary (splits a task in two), re-imports an edited text and sees
// what changes before confirming (the corrections survive), then sets the dates of a campaign
// for a year the catalogue does not know.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { backToTabs, expectToast, field, shown, signIn, switchTab, tapButton, tapText } from './browser';
import { useE2e } from './setup';

jest.setTimeout(180_000);

const e2e = useE2e();

/** A county-style plan with no title and no place: the importer asks for the city. */
const planText = readFileSync(join(__dirname, '..', 'importer', 'fixtures', 'untitled-2024.txt'), 'utf8');

const text = (page: Page, content: string | RegExp) => shown(page).getByText(content).first();

describe('an admin', () => {
  it('imports a plan, corrects it and re-imports an edited text, all in the app', async () => {
    const { page, shot } = await e2e.open('admin-import');
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
    await shot('preview');

    // No place in the text: saving asks for the city, beside the fields.
    await tapButton(page, '确认导入');
    await text(page, '请填写城市').waitFor();
    await text(page, '没有读出计划所属地区或年份，请指定城市和年份后再保存').waitFor();
    await shot('city-needed');
    await field(page, '城市').fill('安吉县');
    await tapButton(page, '确认导入');
    await text(page, /^已导入：/).waitFor();
    await shot('saved');

    // 更正: the full place, and task 1's units (教育局 leads; 科协 written as the county's).
    await field(page, '地区全称').fill('浙江省湖州市安吉县');
    await tapText(page, '第1项');
    const firstUnit = shown(page).locator('.admin-unit-edit').first();
    await firstUnit.locator('.chip').filter({ hasText: '牵头' }).click();
    await field(page, '第 2 个单位').fill('安吉县科协');
    await shot('correcting');
    await tapButton(page, '保存更正');
    await text(page, '更正已保存，以后重新导入同一文本时仍会保留').waitFor();
    const firstTask = shown(page).locator('.admin-task').first();
    await firstTask.getByText('安吉县科协').waitFor();
    expect(await firstTask.locator('.admin-unit').first().textContent()).toBe('教育局牵头');
    await text(page, '浙江省湖州市安吉县').waitFor();
    await shot('corrected');

    // A task boundary: task 4 holds two tasks. Split it before its second sentence, as task 7.
    const fourth = shown(page).locator('.admin-task').filter({ hasText: '4. 用好基层科普阵地' });
    await tapButton(page, '拆分任务', fourth);
    await fourth.getByText(/^从“推动村级科普宣传栏/).click();
    await field(page, '新任务的编号').fill('7');
    await shot('splitting');
    await tapButton(page, '确认拆分', fourth);
    await text(page, '已拆分，以后重新导入同一文本时仍会保留').waitFor();
    await text(page, '7. 推动村级科普宣传栏定期更新内容').waitFor();
    await shot('split');

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
    await shot('reimport-diff');
    await tapButton(page, '确认导入');
    await text(page, /^已更新：/).waitFor();
    await text(page, '这次导入的改动').waitFor();
    await shot('reimported');

    // The correction survived the re-import.
    const admin = await e2e.api.as('demo-admin');
    const { items } = await admin.get<{ items: { id: string; year: number }[] }>(`/plans?city=${encodeURIComponent('安吉县')}`);
    const plan = await admin.get<{ place: string; tasks: { number: number; text: string; responsibleUnits: { name: string; role: string | null }[] }[] }>(
      `/plans/${items.find((p) => p.year === 2024)!.id}`,
    );
    expect(plan.place).toBe('浙江省湖州市安吉县');
    expect(plan.tasks.map((t) => t.number)).toEqual([1, 2, 3, 4, 7, 5, 6]);
    expect(plan.tasks[3]!.text).toBe('用好基层科普阵地。');
    expect(plan.tasks[4]!.text.startsWith('推动村级科普宣传栏定期更新内容')).toBe(true);
    expect(plan.tasks[0]!.responsibleUnits.map(({ name, role }) => ({ name, role }))).toEqual([
      { name: '教育局', role: 'lead' },
      { name: '安吉县科协', role: null },
    ]);
  });

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
