/// <reference lib="dom" />
// A resident discovering events in the H5 app, in normal and large text: the
// first-run question (which city?) answered from the device position, 附近
// with the browser's position converted to the venues' GCJ-02, and the filter
// sheet whose 查看 N 场 shows exactly N events. Every screen is axe-clean.
import type { Page, Request } from 'playwright-core';
import { axeProblems, pageSettled, smallTextProblems, tapTargetProblems } from './a11y';
import { chooseFirstCity, settle, shown, signIn, switchCity, switchTab, tapButton, type AppTab } from './browser';
import { useE2e } from './setup';

jest.setTimeout(240_000);

const e2e = useE2e();

type Mode = 'normal' | 'large';

/** WGS-84 (what a browser reports) of 唐山科技馆 and 柳州科技馆, whose stored GCJ-02 is 39.6437,118.1836 and 24.3106,109.4297. */
const TANGSHAN_MUSEUM_WGS84 = { latitude: 39.64238, longitude: 118.17731 };
const LIUZHOU_MUSEUM_WGS84 = { latitude: 24.31329, longitude: 109.4251 };

async function useLargeText(page: Page): Promise<void> {
  await switchTab(page, '我的');
  await shown(page).locator('.me-setting taro-switch-core').click();
  await shown(page).locator('.page.page--large').waitFor();
  await switchTab(page, '活动');
}

/** axe, tap targets and (large) text size on the screen as it is, with a screenshot. */
async function checkScreen(tab: AppTab, mode: Mode, screen: string): Promise<void> {
  await pageSettled(tab.page);
  await tab.shot(`${screen}-${mode}`);
  const problems = [
    ...(await axeProblems(tab.page)),
    ...(await tapTargetProblems(tab.page, mode === 'large' ? 60 : 44)),
    ...(mode === 'large' ? await smallTextProblems(tab.page, 18) : []),
  ];
  expect({ screen, problems }).toEqual({ screen, problems: [] });
}

/** The requests to an API path made from now on. */
function watchRequests(page: Page, path: string): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === `/api/v1${path}`) seen.push(request);
  });
  return seen;
}

const distancesShown = async (page: Page) =>
  (await shown(page).locator('.event-card').allTextContents()).map((text) => {
    const match = /（(\d+\.\d) 公里）/.exec(text);
    return match ? Number(match[1]) : null;
  });

describe.each<Mode>(['normal', 'large'])('in %s text, a resident', (mode) => {
  it('is asked for the city on first open, takes the nearest one the position suggests, and finds it remembered on every tab', async () => {
    const tab = await e2e.open(`discovery-first-run-${mode}`, {
      city: null,
      context: { permissions: ['geolocation'], geolocation: TANGSHAN_MUSEUM_WGS84 },
    });
    const { page } = tab;
    if (mode === 'large') await useLargeText(page);
    // No list, no silent default: the question.
    await shown(page).locator('.first-run').getByText('欢迎使用科普汇').waitFor();
    expect(await shown(page).locator('.event-card').count()).toBe(0);
    await shown(page).locator('.first-run .city-row').first().waitFor();
    await checkScreen(tab, mode, 'first-run');

    const cityRequests = watchRequests(page, '/cities');
    await tapButton(page, '用我的位置找最近的城市');
    await tapButton(page, '就选唐山市').catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await shown(page).locator('.first-run').innerText()}`);
    });
    expect(cityRequests.some((request) => new URL(request.url()).searchParams.has('near'))).toBe(true);
    await shown(page).locator('.events-head .city-chip').filter({ hasText: '唐山市' }).waitFor();
    await shown(page).locator('.event-card').first().waitFor();
    await tab.shot(`city-chosen-${mode}`);

    // Remembered: a reload opens on 唐山市; 日历 has the same city and its own switch.
    await page.reload();
    await shown(page).locator('.events-head .city-chip').filter({ hasText: '唐山市' }).waitFor();
    await switchTab(page, '日历');
    await shown(page).locator('.city-chip').filter({ hasText: '唐山市' }).waitFor();
    await switchCity(page, '柳州市');
    await switchTab(page, '活动');
    await shown(page).locator('.events-head .city-chip').filter({ hasText: '柳州市' }).waitFor();
    // The city sheet itself, readable in large text.
    await shown(page).locator('.city-chip').filter({ visible: true }).click();
    await page.locator('.bsheet .city-row').filter({ visible: true }).first().waitFor();
    await checkScreen(tab, mode, 'city-sheet');
  });

  it('turns on 附近: the browser position, converted to GCJ-02, goes out as near= and the nearest venue comes first with its distance', async () => {
    const tab = await e2e.open(`discovery-near-${mode}`, { context: { permissions: ['geolocation'], geolocation: LIUZHOU_MUSEUM_WGS84 } });
    const { page } = tab;
    if (mode === 'large') await useLargeText(page);
    await shown(page).locator('.event-card').first().waitFor();
    const listRequests = watchRequests(page, '/events');
    await shown(page)
      .locator('.chip')
      .filter({ hasText: /^\s*附近\s*$/ })
      .click();
    await shown(page).locator('.chip').filter({ hasText: '✓ 附近优先' }).waitFor();
    const near = listRequests.map((request) => new URL(request.url()).searchParams.get('near')).find(Boolean);
    expect(near).toBeTruthy();
    const [lat, lng] = near!.split(',').map(Number) as [number, number];
    // GCJ-02 of the museum, not the WGS-84 the browser gave (about 500 m apart).
    expect(Math.abs(lat - 24.3106)).toBeLessThan(0.0005);
    expect(Math.abs(lng - 109.4297)).toBeLessThan(0.0005);

    const distances = await (async () => {
      const deadline = Date.now() + 20_000;
      let read = await distancesShown(page);
      while ((read.length === 0 || read.includes(null)) && Date.now() < deadline) {
        await page.waitForTimeout(200);
        read = await distancesShown(page);
      }
      return read as number[];
    })();
    expect(distances.length).toBeGreaterThan(1);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // Converted, the museum is where the phone is; unconverted it would be half a kilometre off.
    expect(distances[0]).toBeLessThanOrEqual(0.1);
    await checkScreen(tab, mode, 'near-list');
  });

  it('filters in the sheet: every option in sight, the count follows the choices, and 查看 N 场 shows N events', async () => {
    const tab = await e2e.open(`discovery-filters-${mode}`);
    const { page } = tab;
    if (mode === 'large') await useLargeText(page);
    await shown(page).locator('.event-card').first().waitFor();
    const countRequests = watchRequests(page, '/events/count');

    await shown(page)
      .locator('.chip')
      .filter({ hasText: /^\s*筛选/ })
      .click();
    const sheet = shown(page).locator('.filter-sheet');
    const apply = sheet.locator('.filter-sheet__apply');
    const group = (label: string) => sheet.locator('.filter-group').filter({ has: page.locator('.sheet-group__label', { hasText: label }) });
    const readCount = async () => {
      const text = await apply.textContent();
      const match = /查看 (\d+) 场/.exec(text ?? '');
      return match ? Number(match[1]) : null;
    };
    await apply.filter({ hasText: /查看 \d+ 场/ }).waitFor();
    const all = await readCount();
    // Every theme is in sight, none behind a sideways scroll.
    const themeChips = group('主题').locator('.chip');
    expect(await themeChips.count()).toBe(10);
    for (const chip of await themeChips.all()) {
      const box = await chip.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    }
    // The districts are the city's, not the page's.
    for (const district of ['城中区', '鱼峰区', '柳北区', '柳南区']) await group('区县').locator('.chip').filter({ hasText: district }).waitFor();
    await checkScreen(tab, mode, 'filter-sheet');

    await group('主题')
      .locator('.chip')
      .filter({ hasText: /^\s*健康\s*$/ })
      .click();
    const health = await (async () => {
      await apply.filter({ hasText: /查看 \d+ 场|没有符合条件的活动/ }).waitFor();
      for (let i = 0; i < 50 && (await readCount()) === all; i++) await page.waitForTimeout(200);
      return readCount();
    })();
    expect(health).not.toBeNull();
    expect(health!).toBeLessThan(all!);
    expect(countRequests.some((request) => new URL(request.url()).searchParams.get('theme') === '健康')).toBe(true);
    // The district options do not shrink as choices narrow the list.
    expect(await group('区县').locator('.chip').count()).toBeGreaterThanOrEqual(4);
    await tab.shot(`filter-sheet-health-${mode}`);

    await apply.click();
    await sheet.waitFor({ state: 'detached' });
    await shown(page).locator('.chip').filter({ hasText: '筛选（1）' }).waitFor();
    const cards = shown(page).locator('.event-card');
    await cards.first().waitFor();
    // The whole list: scroll until every page is loaded.
    for (let i = 0; i < 20 && (await cards.count()) < health!; i++) {
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(300);
    }
    expect(await cards.count()).toBe(health);
    // The server agrees on what 健康 in 柳州市 holds.
    const list = await (await fetch(`${e2e.url}/api/v1/events?${new URLSearchParams({ city: '柳州市', theme: '健康', limit: '100' })}`)).json();
    expect(list.items).toHaveLength(health!);
  });

  it('searches with a clear button and finds the recent searches again, clearable', async () => {
    const tab = await e2e.open(`discovery-search-${mode}`);
    const { page } = tab;
    if (mode === 'large') await useLargeText(page);
    await shown(page).locator('.event-card').first().waitFor();
    const input = shown(page).locator('input[placeholder="搜索活动或场馆"]');
    // The placeholder fits in its box, in large text too.
    const fits = await input.evaluate((el) => {
      const style = getComputedStyle(el);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: context.measureText((el as HTMLInputElement).placeholder).width, room };
    });
    expect(fits.text).toBeLessThanOrEqual(fits.room);

    await input.fill('机器人');
    await tapButton(page, '搜索');
    await shown(page).locator('.event-card').filter({ hasText: '机器人' }).first().waitFor();
    await shown(page).locator('.search__clear').click();
    expect(await input.inputValue()).toBe('');
    await shown(page).locator('.event-card').nth(1).waitFor();

    await input.focus();
    const recent = shown(page).locator('.recent');
    await recent
      .locator('.chip')
      .filter({ hasText: /^\s*机器人\s*$/ })
      .waitFor();
    await checkScreen(tab, mode, 'recent-searches');
    await recent
      .locator('.chip')
      .filter({ hasText: /^\s*机器人\s*$/ })
      .click();
    expect(await input.inputValue()).toBe('机器人');
    await input.focus();
    await recent.locator('.chip').filter({ hasText: '清除记录' }).click();
    await recent.waitFor({ state: 'detached' });
    await page.reload();
    await shown(page).locator('input[placeholder="搜索活动或场馆"]').focus();
    await page.waitForTimeout(300);
    expect(await shown(page).locator('.recent').count()).toBe(0);
  });

  it('says who is looking on first open: home puts events for older people first, saying why; signed in, the account keeps it and 我的下一场 shows', async () => {
    const resident = await e2e.api.as('demo-resident');
    // An upcoming sign-up for 我的下一场: the first activity that takes one.
    const { items } = await resident.get<{ items: { id: string }[] }>(`/events?${new URLSearchParams({ city: '柳州市', kind: 'activity', limit: '100' })}`);
    let booked = (await resident.get<{ items: unknown[] }>('/me/signups?when=upcoming&limit=1')).items.length > 0;
    for (const event of items) {
      if (booked) break;
      booked = await resident.post(`/events/${event.id}/signups`, { name: '张小明', phone: '13800138000' }).then(
        () => true,
        () => false,
      );
    }
    expect(booked).toBe(true);

    const tab = await e2e.open(`discovery-viewer-${mode}`, { city: null });
    const { page } = tab;
    if (mode === 'large') await useLargeText(page);
    const firstRun = shown(page).locator('.first-run');
    await firstRun
      .locator('.viewer-choice .chip')
      .filter({ hasText: /^\s*老年人\s*$/ })
      .click();
    await firstRun.locator('.viewer-choice .chip').filter({ hasText: '✓ 老年人' }).waitFor();
    await chooseFirstCity(page, '柳州市');
    const picks = shown(page).locator('.recommended');
    await picks.getByText('为老年人推荐').waitFor();
    const titles = (await picks.locator('.event-card .title').allTextContents()).map((t) => t.trim());
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThanOrEqual(3);
    // Each one is for older people or on health or digital skills.
    const suited = await (await fetch(`${e2e.url}/api/v1/events?${new URLSearchParams({ city: '柳州市', limit: '100' })}`)).json();
    for (const title of titles) {
      const event = (suited.items as { title: string; audiences: string[]; themes: string[] }[]).find((item) => item.title === title)!;
      expect([...event.audiences, ...event.themes].some((tag) => ['老年人', '健康', '数字素养'].includes(tag))).toBe(true);
    }
    await checkScreen(tab, mode, 'recommended');

    await signIn(page, '居民（demo-resident）');
    await shown(page).locator('.viewer-choice .chip').filter({ hasText: '✓ 老年人' }).waitFor();
    const me = await settle(
      () => resident.get<{ audience: string | null }>('/me'),
      (user) => user.audience === '老年人',
    );
    expect(me.audience).toBe('老年人');
    await switchTab(page, '活动');
    await shown(page).locator('.next-signup').getByText('我的下一场').waitFor();
    await shown(page).locator('.recommended').getByText('为老年人推荐').waitFor();
    await checkScreen(tab, mode, 'next-signup');
  });
});
