/// <reference lib="dom" />
// Finding one's way in the H5 app: the top bar (返回, title, 首页) on pages
// that are not tabs, a shared link opened on its own, a page that cannot load,
// the server gone, and 设置 › 账号与安全 with its red 删除我的数据. In normal
// and large text: the bar, the error page and the dialogs grow with 大字模式.
import type { Page } from 'playwright-core';
import { publishActivity } from './api';
import { button, shown, signIn, switchTab, tapButton, type AppTab } from './browser';
import { useE2e } from './setup';

jest.setTimeout(180_000);

const e2e = useE2e();

type Mode = 'normal' | 'large';

async function enterMode(page: Page, mode: Mode): Promise<void> {
  if (mode !== 'large') return;
  await switchTab(page, '我的');
  await shown(page).locator('.me-setting taro-switch-core').click();
  await shown(page).locator('.page.page--large').waitFor();
}

/** Opens a page of the app by its address, as a link shared in a chat would. */
async function openLink(tab: AppTab, baseUrl: string, path: string): Promise<void> {
  await tab.page.goto(`${baseUrl}/#${path}`);
  await shown(tab.page).waitFor();
}

const fontPx = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

describe.each<Mode>(['normal', 'large'])('in %s mode', (mode) => {
  it('a shared link opened on its own has a top bar with the title, 返回 and 首页, and 首页 leads to the events', async () => {
    const event = await publishActivity(e2e.api, { title: `分享链接里的活动（${mode}）`, capacity: 10 });
    const tab = await e2e.open(`navigation-shared-link-${mode}`);
    const { page } = tab;
    await enterMode(page, mode);
    await openLink(tab, e2e.url, `/pages/event-detail/index?id=${event.id}`);
    await shown(page).locator('.h1').filter({ hasText: event.title }).waitFor();
    const bar = shown(page).locator('.navbar');
    await bar.getByText('活动详情').waitFor();
    await bar.getByText('返回').waitFor();
    if (mode === 'large') expect(await fontPx(page, '.taro_page_stationed:not(.taro_page_shade) .navbar__title')).toBeGreaterThanOrEqual(20);
    await tab.shot('event-detail-with-top-bar');
    // Nothing to go back to (the link was the first page): 返回 goes home too, as 首页 does.
    await bar.getByRole('button', { name: '返回首页' }).click();
    await page.locator('.weui-tabbar__item.weui-bar__item_on').filter({ hasText: '活动' }).waitFor();
    await shown(page).locator('.event-card').first().waitFor();
    expect(await shown(page).locator('.navbar').count()).toBe(0);
    await tab.shot('home-from-shared-link');
  });

  it('opened from a card, 返回 goes back to the list', async () => {
    const tab = await e2e.open(`navigation-back-${mode}`);
    const { page } = tab;
    await enterMode(page, mode);
    await switchTab(page, '活动');
    const card = shown(page).locator('.event-card').first();
    const title = (await card.locator('.title').textContent())!.trim();
    await card.click();
    await shown(page).locator('.h1').filter({ hasText: title }).waitFor();
    await shown(page).locator('.navbar').getByRole('button', { name: '返回上一页' }).click();
    await page.locator('.weui-tabbar').waitFor();
    await shown(page).locator('.event-card').first().waitFor();
  });

  it('a link to an event that is gone says so and offers 返回首页 instead of only 重试', async () => {
    const tab = await e2e.open(`navigation-missing-${mode}`);
    const { page } = tab;
    await enterMode(page, mode);
    await openLink(tab, e2e.url, '/pages/event-detail/index?id=no-such-event');
    await shown(page).getByText('没有找到').waitFor();
    await shown(page).getByText('内容不存在或已删除').waitFor();
    expect(await button(page, '重试').count()).toBe(0);
    await tab.shot('missing-event');
    await tapButton(page, '返回首页');
    await page.locator('.weui-tabbar__item.weui-bar__item_on').filter({ hasText: '活动' }).waitFor();
  });

  it('with the server gone, a tapped card or tab says the page could not open instead of doing nothing', async () => {
    const tab = await e2e.open(`navigation-offline-${mode}`);
    const { page } = tab;
    await enterMode(page, mode);
    await switchTab(page, '活动');
    await shown(page).locator('.event-card').first().waitFor();
    // The server is gone: every request fails as a dead connection does.
    await page.context().route('**/*', (route) => route.abort('connectionrefused'));
    // This fresh profile has not opened a detail page yet: its code has to come from the server, which is gone.
    await shown(page).locator('.event-card').first().click();
    const toast = page.locator('.taro__toast').getByText('网络连接失败，页面没能打开');
    await toast.waitFor();
    if (mode === 'large') expect(await fontPx(page, '.taro__toast p')).toBeGreaterThanOrEqual(20);
    await tab.shot('card-with-server-gone');
    // The list stays, with its tab bar, under its own address: the next tap works once the server is back.
    await page.locator('.weui-tabbar__item.weui-bar__item_on').filter({ hasText: '活动' }).waitFor();
    expect(page.url()).toContain('/pages/events/index');
    await toast.waitFor({ state: 'hidden' });
    // 计划 has not been opened either.
    await page.locator('.weui-tabbar__item').filter({ hasText: '计划' }).click();
    await toast.waitFor();
    await page.locator('.weui-tabbar__item.weui-bar__item_on').filter({ hasText: '活动' }).waitFor();
    await tab.shot('tab-with-server-gone');
    await page.context().unroute('**/*');
    await shown(page).locator('.event-card').first().click();
    await shown(page).locator('.navbar').getByText('活动详情').waitFor();
  });

  it('删除我的数据 lives in 设置 › 账号与安全, in red, and asks first with a red answer', async () => {
    const tab = await e2e.open(`navigation-settings-${mode}`);
    const { page } = tab;
    await enterMode(page, mode);
    await signIn(page, '居民（demo-resident）');
    expect(await button(page, '删除我的数据').count()).toBe(0);
    await tab.shot('me');
    await shown(page).getByText('设置', { exact: true }).click();
    await shown(page).getByText('账号与安全').waitFor();
    await shown(page).locator('.navbar').getByText('设置').waitFor();
    const erase = button(page, '删除我的数据');
    expect(await erase.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(179, 38, 30)');
    await tab.shot('settings');
    await erase.click();
    const confirm = page.locator('.taro__modal .taro-model__confirm').filter({ visible: true });
    await confirm.waitFor();
    expect(await confirm.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(179, 38, 30)');
    if (mode === 'large') expect(await fontPx(page, '.taro__modal .taro-modal__text')).toBeGreaterThanOrEqual(20);
    await tab.shot('erase-confirm');
    // Not today: the account stays.
    await page.locator('.taro__modal .taro-model__cancel').filter({ visible: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    await shown(page).getByText('当前账号').waitFor();
  });
});
