/// <reference lib="dom" />
// A resident in the H5 app: finding an event, signing up, the check-in QR
// code, cancelling, the waitlist of a full event, and 大字模式.
import type { Page } from 'playwright-core';
import { publishActivity } from './api';
import { answerModal, backToTabs, button, eventTitles, expectToast, field, settle, shown, signIn, switchCity, switchTab, tapButton, tapText } from './browser';
import { useE2e } from './setup';

jest.setTimeout(180_000);

const e2e = useE2e();

async function search(page: Page, keyword: string): Promise<void> {
  await field(page, '搜索活动或场馆').fill(keyword);
  await tapButton(page, '搜索');
}

async function fillSignupForm(page: Page, name: string, phone: string): Promise<void> {
  await field(page, '请输入姓名').fill(name);
  await field(page, '11位手机号').fill(phone);
}

const fontSize = (page: Page, selector: string) =>
  shown(page)
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

describe('a resident', () => {
  it('finds an event by filter chip and by keyword, signs up, sees the check-in QR code in 我的, and cancels', async () => {
    const { page, shot } = await e2e.open('resident-signup');
    await shot('home');
    await signIn(page, '居民（demo-resident）');
    await shot('signed-in');

    await switchTab(page, '活动');
    await shown(page).locator('.chip').filter({ hasText: '筛选' }).click();
    await shown(page)
      .locator('.filter-group')
      .filter({ hasText: '主题' })
      .locator('.chip')
      .filter({ hasText: /^航天$/ })
      .click();
    await button(page, '查看 1 场').click();
    expect(await eventTitles(page, ['星空观测夜：认识冬季星座'])).toEqual(['星空观测夜：认识冬季星座']);
    await shot('filtered-by-theme');

    await shown(page).locator('.chip').filter({ hasText: '筛选' }).click();
    await tapButton(page, '清除');
    await shown(page)
      .locator('.filter-sheet__apply')
      .filter({ hasText: /^\s*查看 \d+ 场\s*$/ })
      .click();
    await search(page, '机器人');
    expect(await eventTitles(page, ['青少年机器人编程体验营'])).toEqual(['青少年机器人编程体验营']);
    await shot('searched-by-keyword');

    await tapText(page, '青少年机器人编程体验营');
    await shown(page).locator('.h1').filter({ hasText: '青少年机器人编程体验营' }).waitFor();
    await shot('event-detail');

    await tapButton(page, '我要报名');
    await fillSignupForm(page, '张小明', '13800138000');
    // Consent was given at sign-in; taking it back must block the sign-up.
    const consent = shown(page).locator('.check taro-checkbox-core');
    await consent.click();
    await tapButton(page, '提交报名');
    await shown(page).getByText('请先阅读并同意隐私说明').waitFor();
    await shot('consent-required');
    await consent.click();
    await tapButton(page, '提交报名');
    await expectToast(page, '报名成功');
    await shown(page).getByText('你已报名成功').waitFor();
    await shot('signed-up');

    await tapButton(page, '查看签到码');
    const mine = shown(page).locator('.card').filter({ hasText: '青少年机器人编程体验营' });
    await mine.getByText('已报名').waitFor();
    await tapButton(page, '签到码', mine);
    const qr = shown(page).locator('.sheet img');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await shown(page)
      .locator('.sheet')
      .getByText(/有效期至/)
      .waitFor();
    await shot('checkin-qr');

    await tapButton(page, '关闭');
    await tapButton(page, '取消报名', mine);
    await answerModal(page, '取消报名');
    await expectToast(page, '已取消报名');
    await shown(page).getByText('还没有即将参加的活动，去“活动”页看看吧').waitFor();
    await shot('cancelled');

    // The server agrees: the seat is free again.
    const resident = await e2e.api.as('demo-resident');
    const { items } = await resident.get<{ items: { event: { title: string }; status: string }[] }>('/me/signups');
    const robot = items.filter((item) => item.event.title === '青少年机器人编程体验营');
    expect(robot.every((item) => item.status === 'cancelled')).toBe(true);
  });

  it('is waitlisted when signing up for a full event', async () => {
    const event = await publishActivity(e2e.api, { title: '端到端候补测试：只有一个名额的讲座', capacity: 1 });
    const neighbour = await e2e.api.as('e2e-neighbour');
    const seat = await neighbour.post<{ status: string }>(`/events/${event.id}/signups`, { name: '李邻居', phone: '13900139000' });
    expect(seat.status).toBe('confirmed');

    const { page, shot } = await e2e.open('resident-waitlist');
    await signIn(page, '居民（demo-resident）');
    await switchTab(page, '活动');
    // demo-organizer's organization is in 唐山市; the app opened on 柳州市.
    await switchCity(page, '唐山市');
    await search(page, '只有一个名额');
    expect(await eventTitles(page, [event.title])).toEqual([event.title]);
    await shown(page).locator('.event-card').getByText('已满，可候补').waitFor();
    await shot('full-event-in-list');

    await tapText(page, event.title);
    await tapButton(page, '名额已满，候补报名');
    await shown(page).getByText('名额已满，报名后进入候补，有人取消时按顺序递补。').waitFor();
    await fillSignupForm(page, '张小明', '13800138000');
    await tapButton(page, '提交候补报名');
    await expectToast(page, '已进入候补第 1 位');
    await shown(page).getByText('你在候补第 1 位').waitFor();
    await shot('waitlisted');

    await backToTabs(page);
    await switchTab(page, '我的');
    await shown(page).locator('.card').filter({ hasText: event.title }).getByText('候补第 1 位').waitFor();
    await shot('waitlisted-in-mine');

    const after = await neighbour.get<{ confirmedCount: number; waitlistCount: number }>(`/events/${event.id}`);
    expect(after).toMatchObject({ confirmedCount: 1, waitlistCount: 1 });
  });

  it('turns on 大字模式 in 我的 and every page renders larger text, also after a reload', async () => {
    const { page, shot } = await e2e.open('large-text');
    await signIn(page, '居民（demo-resident）');
    await switchTab(page, '活动');
    await shown(page).locator('.event-card').first().waitFor();
    const cardTitleBefore = await fontSize(page, '.event-card .title');

    await switchTab(page, '我的');
    const setting = shown(page).locator('.me-setting');
    const bodyBefore = await fontSize(page, '.page');
    const titleBefore = await fontSize(page, '.me-setting .title');
    await shot('normal-text');

    // The whole row is the switch's label: a tap on its title turns it on.
    await setting.getByText('大字模式').click();
    await shown(page).locator('.page.page--large').waitFor();
    const bodyAfter = await fontSize(page, '.page');
    const titleAfter = await fontSize(page, '.me-setting .title');
    expect(bodyAfter).toBeGreaterThan(bodyBefore);
    expect(titleAfter).toBeGreaterThan(titleBefore);
    expect(bodyAfter).toBeGreaterThanOrEqual(18);
    await shot('large-text');

    await switchTab(page, '活动');
    expect(await fontSize(page, '.event-card .title')).toBeGreaterThan(cardTitleBefore);
    await shot('large-text-events');

    // Remembered on the device and on the account.
    await page.reload();
    await shown(page).locator('.page.page--large').waitFor();
    expect(await fontSize(page, '.page')).toBe(bodyAfter);
    const resident = await e2e.api.as('demo-resident');
    const me = await settle(
      () => resident.get<{ largeText: boolean }>('/me'),
      (user) => user.largeText === true,
    );
    expect(me.largeText).toBe(true);
    await shot('large-text-after-reload');
  });
});
