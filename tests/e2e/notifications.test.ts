/// <reference lib="dom" />
// 消息 in the H5 app: a resident whose sign-up was confirmed and whose other
// event was cancelled sees the unread count on 我的 and on the tab bar, reads
// the messages, and a tap opens the event and marks it read. In normal and in
// 大字模式, with the same accessibility checks as the main pages. An admin
// finds the WeChat messages that failed (a fake WeChat refuses them), reads
// why in plain Chinese and sends one again with 重试.
import { axeProblems, pageSettled, smallTextProblems, tapTargetProblems } from './a11y';
import { publishActivity } from './api';
import type { Page } from 'playwright-core';
import { fakeWechatEnv, startFakeWechatMessages, type FakeWechatMessages } from '../api/fake-wechat-messages';
import { backToTabs, expectToast, goBack, settle, shown, signIn, switchTab, tapButton, tapText } from './browser';
import { useE2e } from './setup';

jest.setTimeout(180_000);

// WeChat is the one thing faked; users who accepted no subscription (everyone in the inbox stories) get the inbox alone.
let wechat: FakeWechatMessages;
beforeAll(async () => {
  wechat = await startFakeWechatMessages();
});
afterAll(() => wechat?.close());
const e2e = useE2e({ env: () => ({ ...fakeWechatEnv(wechat.url), WORKER_INTERVAL_MS: '300' }) });

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

describe('消息投递失败 (admins)', () => {
  it('lists the WeChat messages that failed with who, which event and why in Chinese, and 重试 sends one again, in normal and large text', async () => {
    const event = await publishActivity(e2e.api, { title: '投递失败测试：家庭天文夜', capacity: 10 });
    const residents = ['delivery-resident-a', 'delivery-resident-b'];
    // WeChat refuses the template's fields (47003): no retry helps, the worker gives up at once.
    wechat.failNext(residents.length, 47003);
    for (const openid of residents) {
      const resident = await e2e.api.as(openid);
      await resident.post('/me/subscriptions', { kinds: ['signup.confirmed'] });
      await resident.post(`/events/${event.id}/signups`, { name: '张小明', phone: '13800138000' });
    }
    const admin = await e2e.api.as('demo-admin');
    const failedHere = async () =>
      (await admin.get<{ items: { id: string; event: { id: string } | null }[] }>('/admin/notifications?status=failed&limit=100')).items.filter(
        (n) => n.event?.id === event.id,
      );
    await settle(failedHere, (items) => items.length === residents.length, 30_000);

    const tab = await e2e.open('admin-delivery-failures');
    const { page } = tab;
    await signIn(page, '管理员（demo-admin）');
    await tapText(page, '管理：消息投递失败');
    const cards = shown(page).locator('.admin-delivery').filter({ hasText: event.title });
    await settle(
      () => cards.count(),
      (n) => n === residents.length,
    );
    const first = cards.first();
    await first.getByText('模板字段不符合微信要求（字段名或长度），请检查 WX_TEMPLATE_… 的字段配置').waitFor();
    await first.getByText('报名成功', { exact: true }).waitFor();
    expect(await first.innerText()).toMatch(/收件人\s*科\*+\d/);
    const problems: Record<string, string[]> = {};
    await pageSettled(page);
    await tab.shot('failures');
    problems.normal = [...(await axeProblems(page)), ...(await tapTargetProblems(page, 44))];

    const sentBefore = wechat.sent.length;
    await tapButton(page, '重试', first);
    await expectToast(page, '已安排重试，稍后送达');
    await settle(
      () => cards.count(),
      (n) => n === residents.length - 1,
    );
    // The next worker run sends it, once.
    await settle(
      async () => wechat.sent.length,
      (n) => n > sentBefore,
      30_000,
    );
    expect(wechat.sent.slice(sentBefore).map((m) => m.template_id)).toEqual(['tmpl-signup-confirmed']);
    expect(await settle(failedHere, (items) => items.length === residents.length - 1)).toHaveLength(residents.length - 1);
    const audit = await admin.get<{ items: { action: string }[] }>('/audit?action=notification.retry');
    expect(audit.items).toHaveLength(1);

    await backToTabs(page);
    await switchTab(page, '我的');
    await shown(page).locator('.me-setting taro-switch-core').click();
    await shown(page).locator('.page.page--large').waitFor();
    await tapText(page, '管理：消息投递失败');
    await cards.first().waitFor();
    await pageSettled(page);
    await tab.shot('failures-large-text');
    problems.large = [...(await axeProblems(page)), ...(await tapTargetProblems(page, 60)), ...(await smallTextProblems(page, 18))];
    expect(problems).toEqual({ normal: [], large: [] });
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
