// An admin in the H5 app's console (issue 15), in normal and in large-text mode: finds an
// organization by name, adds a member found by nickname, and reads the audit log, where the
// action has its Chinese name and the target and member their names (no ids); filtered by
// action group and by the person who acted. Every screen is axe-clean with large enough taps.
import type { Page } from 'playwright-core';
import { axeProblems, pageSettled, smallTextProblems, tapTargetProblems } from './a11y';
import { backToTabs, button, expectToast, field, shown, signIn, switchTab, tapButton, tapText, type AppTab } from './browser';
import { useE2e } from './setup';

jest.setTimeout(240_000);

const e2e = useE2e();

type Mode = 'normal' | 'large';

async function checkScreen(tab: AppTab, mode: Mode, screen: string, found: Record<string, string[]>): Promise<void> {
  await pageSettled(tab.page);
  await tab.shot(screen);
  const problems = [
    ...(await axeProblems(tab.page)),
    ...(mode === 'large' ? await tapTargetProblems(tab.page, 60) : await tapTargetProblems(tab.page, 44)),
    ...(mode === 'large' ? await smallTextProblems(tab.page, 18) : []),
  ];
  if (problems.length) found[`${screen} (${mode})`] = problems;
}

const text = (page: Page, content: string | RegExp) => shown(page).getByText(content).first();

describe.each<Mode>(['normal', 'large'])('in %s mode, an admin', (mode) => {
  it('adds a member to an organization and reads that in the audit log, in words', async () => {
    // The new organizer opened the app once (that makes the account the admin finds).
    const nickname = mode === 'normal' ? '周老师' : '吴老师';
    await fetch(`${e2e.url}/api/v1/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: `e2e-console-${mode}`, nickname }),
    });
    const adminNickname = (await (await e2e.api.as('demo-admin')).get<{ nickname: string }>('/me')).nickname;

    const tab = await e2e.open(`admin-console-${mode}`);
    const { page } = tab;
    const found: Record<string, string[]> = {};
    if (mode === 'large') {
      await switchTab(page, '我的');
      await shown(page).locator('.me-setting taro-switch-core').click();
      await shown(page).locator('.page.page--large').waitFor();
    }
    await signIn(page, '管理员（demo-admin）');

    await tapText(page, '管理：单位与成员');
    await field(page, '搜索单位名称').fill('科协');
    await tapButton(page, '搜索');
    await text(page, '唐山市科协').waitFor();
    // Every city's: 柳州's plan names its own as 市科协.
    await text(page, '市科协').waitFor();
    expect(await shown(page).locator('.admin-list-row').count()).toBeGreaterThan(1);
    await checkScreen(tab, mode, 'organizations', found);
    await tapButton(page, '添加主办单位');
    await field(page, '单位名称').waitFor();
    await checkScreen(tab, mode, 'organizations-create', found);
    await tapButton(page, '收起添加表单');

    await tapText(page, '唐山市科协');
    await text(page, /^组织者成员（\d+）$/).waitFor();
    await field(page, '查找用户').fill(nickname);
    await tapButton(page, '查找');
    await button(page, `添加${nickname}`).waitFor();
    await checkScreen(tab, mode, 'organization-search', found);
    await tapButton(page, `添加${nickname}`);
    await expectToast(page, `已添加${nickname}`);
    await button(page, `移除${nickname}`).waitFor();
    await button(page, '已是成员').waitFor();
    // The toast lies over the list while it shows: check the screen once it is gone.
    await page.locator('.taro__toast').getByText(`已添加${nickname}`).first().waitFor({ state: 'hidden' });
    await checkScreen(tab, mode, 'organization-members', found);

    await backToTabs(page);
    await switchTab(page, '我的');
    await tapText(page, '管理：审计日志');
    await tapText(page, '单位成员');
    const newest = shown(page).locator('.admin-audit__entry').first();
    await newest.getByText('添加单位成员').waitFor();
    await newest.getByText('单位：唐山市科协').waitFor();
    await newest.getByText(`涉及：${nickname}`).waitFor();
    // Read as a person would: no ids, no action codes, no ISO times.
    const entryText = await newest.innerText();
    expect(entryText).not.toMatch(/organization:|membership\.add|[0-9a-f]{8}-[0-9a-f]{4}|T\d\d:\d\d/);
    await checkScreen(tab, mode, 'audit', found);

    // Only what this admin did: every entry shown names them.
    await tapButton(page, `操作人：${adminNickname}`, newest);
    await text(page, `只看 ${adminNickname} 的操作`).waitFor();
    // The filtered page loads after its label shows: read the rows once they are there.
    await shown(page).locator('.admin-audit__actor').first().waitFor();
    const actors = await shown(page).locator('.admin-audit__actor').allTextContents();
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors.map((a) => a.trim()))).toEqual(new Set([`操作人：${adminNickname}`]));
    await checkScreen(tab, mode, 'audit-by-actor', found);

    expect(found).toEqual({});
  });
});
