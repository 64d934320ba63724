/// <reference lib="dom" />
// 消息 in the H5 app: a resident whose sign-up was confirmed and whose other
// event was cancelled sees the unread count on 我的 and on the tab bar, reads
// the messages, and a tap opens the event and marks it read. In normal and in
// 大字模式, with the same accessibility checks as the main pages.
import { axeProblems, pageSettled, smallTextProblems, tapTargetProblems } from './a11y';
import { publishActivity } from './api';
import type { Page } from 'playwright-core';
import { goBack, settle, shown, switchTab } from './browser';
import { useE2e } from './setup';

jest.setTimeout(180_000);

const e2e = useE2e();

describe.each(['normal', 'large'] as const)('in %s mode, 消息', (mode) => {
  it('shows the unread count on 我的 and the tab bar, lists the messages, and a tap opens the event and marks it read', async () => {
    const resident = await e2e.api.as(`inbox-resident-${mode}`);
    const kept = await publishActivity(e2e.api, { title: `消息测试：机器人工作坊（${mode === 'large' ? '大字' : '常规'}）`, capacity: 10 });
    const dropped = await publishActivity(e2e.api, { title: `消息测试：户外观鸟（${mode === 'large' ? '大字' : '常规'}）`, capacity: 10 });
    for (const event of [kept, dropped]) await resident.post(`/events/${event.id}/signups`, { name: '张小明', phone: '13800138000' });
    await (await e2e.api.as('demo-organizer')).post(`/events/${dropped.id}/cancel`, { reason: '场地维修，活动取消' });

    const tab = await e2e.open(`notifications-${mode}`);
    const { page } = tab;
    await signInAs(page, `inbox-resident-${mode}`);
    // After signing in: the account's own setting (off) applies at sign-in.
    if (mode === 'large') {
      await shown(page).locator('.me-setting taro-switch-core').click();
      await shown(page).locator('.page.page--large').waitFor();
    }
    await shown(page).locator('.me-badge').filter({ hasText: '3 条未读' }).waitFor();
    await pageSettled(page);
    await tab.shot('me-with-unread');
    const badge = page.locator('.weui-tabbar .weui-badge');
    expect((await badge.textContent())?.trim()).toBe('3');

    await shown(page).getByText('消息', { exact: true }).click();
    await shown(page).locator('.inbox-item').first().waitFor();
    await pageSettled(page);
    const titles = await shown(page).locator('.inbox-item .title').allTextContents();
    expect(titles.map((t) => t.trim()).sort()).toEqual(['报名成功', '报名成功', '活动已取消']);
    expect(await shown(page).locator('.inbox-item').first().locator('.title').textContent()).toBe('活动已取消');
    await tab.shot('inbox');
    const problems = [
      ...(await axeProblems(page)),
      ...(mode === 'large' ? await tapTargetProblems(page, 60) : await tapTargetProblems(page, 44)),
      ...(mode === 'large' ? await smallTextProblems(page, 18) : []),
    ];
    expect(problems).toEqual([]);

    await shown(page).locator('.inbox-item').filter({ hasText: '活动已取消' }).click();
    await shown(page).locator('.h1').filter({ hasText: dropped.title }).waitFor();
    await goBack(page);
    const unreadTags = await settle(
      () => shown(page).locator('.inbox-item .tag').count(),
      (count) => count === 2,
    );
    expect(unreadTags).toBe(2);
    expect((await resident.get<{ count: number }>('/me/notifications/unread-count')).count).toBe(2);
    await tab.shot('inbox-after-reading-one');
  });
});

/** Signs in as any dev-login openid (the login page lists demo accounts only): the session the app keeps, in its storage format. */
async function signInAs(page: Page, openid: string): Promise<void> {
  const response = await page.request.post(new URL('/api/v1/auth/dev-login', page.url()).toString(), { data: { openid } });
  const { token, user } = (await response.json()) as { token: string; user: unknown };
  await page.evaluate(
    ({ token, user }) => {
      // The app keeps the H5 session token in sessionStorage (utils/storage.ts).
      sessionStorage.setItem('kepu.token', token);
      localStorage.setItem('kepu.user', JSON.stringify({ data: user }));
    },
    { token, user },
  );
  await page.reload();
  await shown(page).waitFor();
  await switchTab(page, '我的');
}
