// 活动管理 as an organizer uses it, and a campaign's page as a resident finds
// it, in normal and large-text mode: the state tabs carry the server's counts
// and never cut a label; each card has one next step and the rest under 更多
// (an action sheet that keyboards, screen readers and 大字模式 can use); the
// home banner leads to the campaign's page with its dates and a real activity.
import type { Page } from 'playwright-core';
import { axeProblems, pageSettled, smallTextProblems, screenProblems } from './a11y';
import { cstTime, publishActivity } from './api';
import { button, cardAction, expectToast, goBack, shown, signIn, switchTab, tapButton, tapStatusTab, tapText, turnOnLargeText } from './browser';
import { useE2e } from './setup';

jest.setTimeout(240_000);

const e2e = useE2e();
type Mode = 'normal' | 'large';

/** Labels whose text is wider than their box, or that reach past the screen's edge. */
async function cutLabels(page: Page, selector: string): Promise<string[]> {
  return shown(page)
    .locator(selector)
    .evaluateAll((elements) =>
      elements
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return el.scrollWidth > el.clientWidth + 1 || box.right > window.innerWidth || box.left < 0;
        })
        .map((el) => el.textContent ?? ''),
    );
}

/** An ISO time with +08:00 `hours` from now. */
const hoursFromNow = (hours: number) => `${new Date(Date.now() + 8 * 3600_000 + hours * 3600_000).toISOString().slice(0, 19)}+08:00`;

describe.each<Mode>(['normal', 'large'])('in %s mode, 活动管理', (mode) => {
  it('shows the counts on tabs that are never cut, submits a draft with its one button, and opens 志愿者 from 更多', async () => {
    const suffix = mode === 'large' ? '大字' : '标准';
    const published = await publishActivity(e2e.api, { title: `管理台：已发布（${suffix}）`, capacity: 20, days: 9 });
    const organizer = await e2e.api.as('demo-organizer');
    const me = await organizer.get<{ organizations: { id: string }[] }>('/me');
    const orgId = me.organizations[0]!.id;
    const draftTitle = `管理台：草稿（${suffix}）`;
    await organizer.post('/events', {
      title: draftTitle,
      description: '端到端测试准备的活动',
      kind: 'activity',
      organizerId: orgId,
      city: '唐山市',
      district: '路北区',
      audiences: ['社区居民'],
      themes: ['科技'],
      venue: { name: '唐山市科技馆', address: '路北区建设北路' },
      startsAt: cstTime(12, 9),
      endsAt: cstTime(12, 11),
      capacity: 30,
    });
    const counts = await organizer.get<Record<string, number>>(`/organizations/${orgId}/events/counts`);

    const tab = await e2e.open(`event-console-${mode}`);
    const { page } = tab;
    const found: string[] = [];
    if (mode === 'large') await turnOnLargeText(page);
    await signIn(page, '主办单位（demo-organizer）');
    await tapText(page, '主办单位：活动管理');
    await shown(page)
      .locator('.org-tab')
      .filter({ hasText: `已发布 ${counts.published}` })
      .waitFor();
    await shown(page).getByText(`未结束的活动共 ${counts.all} 场`, { exact: false }).waitFor();
    expect(await cutLabels(page, '.org-tab')).toEqual([]);
    expect(await cutLabels(page, '.org-card__actions taro-button-core')).toEqual([]);
    const card = shown(page).locator('.card').filter({ hasText: published.title });
    await card.waitFor();
    // One next step and 更多: nine days away, that is the sign-up sheet.
    expect((await card.locator('taro-button-core').allTextContents()).map((t) => t.trim())).toEqual(['报名名单', '更多']);
    found.push(...(await screenProblems(tab, mode, 'organizer-events')));

    // 更多 opens an action sheet; 取消活动 is in it, red, and asks again on the card.
    await tapButton(page, '更多', card);
    const sheet = page.locator('.taro__actionSheet [role="dialog"]').filter({ visible: true });
    await sheet.waitFor();
    const cancelItem = sheet.locator('.taro-actionsheet__cell').filter({ hasText: '取消活动' });
    expect(await cancelItem.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(179, 38, 30)');
    // The first item has the focus, and the keyboard moves through the items.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('签到');
    if (mode === 'large') expect(await cancelItem.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(20);
    // With the sheet open the page's own buttons lie under its mask: axe, the text size and the sheet's own targets are what count.
    await pageSettled(page);
    // The sheet slides up: axe reads colours only once it has stopped moving.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
    await tab.shot('organizer-more-menu');
    found.push(...(await axeProblems(page)).map((problem) => `organizer-more-menu (${mode}): ${problem}`));
    if (mode === 'large') found.push(...(await smallTextProblems(page, 18)).map((problem) => `organizer-more-menu (${mode}): ${problem}`));
    const itemHeights = await sheet.locator('[role="button"]').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().height));
    expect(Math.min(...itemHeights)).toBeGreaterThanOrEqual(mode === 'large' ? 60 : 44);
    await cancelItem.click();
    await sheet.waitFor({ state: 'hidden' });
    await button(page, '确认取消活动', card).waitFor();
    await tab.shot('organizer-cancel-asks');
    await tapButton(page, '不取消', card);

    await cardAction(page, card, '志愿者');
    await shown(page).getByText(published.title, { exact: false }).first().waitFor();
    await goBack(page);

    // A draft's one button submits it; it leaves the tab and the counts follow.
    await tapStatusTab(page, '草稿');
    const draft = shown(page).locator('.card').filter({ hasText: draftTitle });
    await draft.waitFor();
    await tapButton(page, '提交审核', draft);
    await expectToast(page, '已提交审核');
    await draft.waitFor({ state: 'detached' });
    await shown(page)
      .locator('.org-tab')
      .filter({ hasText: `审核中 ${counts.pending! + 1}` })
      .waitFor();
    await tab.shot('organizer-draft-submitted');

    expect(found).toEqual([]);
  });
});

describe.each<Mode>(['normal', 'large'])('in %s mode, a resident', (mode) => {
  it('taps the campaign banner and sees what the campaign is, its dates this year and a real activity under it', async () => {
    const admin = await e2e.api.as('demo-admin');
    const today = cstTime(0, 12).slice(0, 10);
    const year = Number(today.slice(0, 4));
    type Campaign = { code: string; name: string; startsOn: string | null; endsOn: string | null };
    const within30 = cstTime(30, 12).slice(0, 10);
    const listed = async () => (await admin.get<{ items: Campaign[] }>(`/campaigns?year=${year}`)).items;
    // The banner needs a campaign under way or within a month; on dates without one, an admin gives 全国食品安全宣传周 this week.
    if (!(await listed()).some((c) => c.startsOn && c.endsOn && c.endsOn >= today && c.startsOn <= within30)) {
      await admin.put(`/campaigns/food-safety-week/years/${year}`, { startsOn: today, endsOn: cstTime(6, 12).slice(0, 10) });
    }

    const tab = await e2e.open(`campaign-page-${mode}`, { city: '唐山市' });
    const { page } = tab;
    const found: string[] = [];
    if (mode === 'large') await turnOnLargeText(page);
    await switchTab(page, '活动');
    const banner = shown(page).locator('.banner');
    await banner.waitFor();
    const name = (await banner.locator('.banner__title').textContent())!.trim();
    const campaign = (await listed()).find((c) => c.name === name)!;
    expect(campaign).toBeDefined();

    // A real activity of 唐山市科协 under that campaign, an hour from now.
    const organizer = await e2e.api.as('demo-organizer');
    const me = await organizer.get<{ organizations: { id: string }[] }>('/me');
    const title = `主题活动页：社区科普讲座（${mode === 'large' ? '大字' : '标准'}）`;
    const draft = await organizer.post<{ id: string }>('/events', {
      title,
      description: '端到端测试准备的活动',
      kind: 'activity',
      organizerId: me.organizations[0]!.id,
      city: '唐山市',
      district: '路北区',
      audiences: ['社区居民'],
      themes: ['科技'],
      campaign: campaign.code,
      venue: { name: '唐山市科技馆', address: '路北区建设北路' },
      startsAt: hoursFromNow(1),
      endsAt: hoursFromNow(2),
      capacity: 30,
    });
    const submitted = await organizer.post<{ status: string }>(`/events/${draft.id}/submit`);
    if (submitted.status !== 'published') await (await e2e.api.as('demo-reviewer')).post(`/events/${draft.id}/review`, { decision: 'approve' });

    await banner.click();
    await shown(page).locator('.campaign-head__name').filter({ hasText: name }).waitFor();
    await shown(page).getByText(`今年（${year}年）：`, { exact: false }).waitFor();
    await shown(page).getByText('时间规律：', { exact: false }).first().waitFor();
    await shown(page).locator('.event-card').filter({ hasText: title }).waitFor();
    expect(await cutLabels(page, '.campaign-head .campaign-line')).toEqual([]);
    found.push(...(await screenProblems(tab, mode, 'campaign-page')));

    // The activity's page leads back to the campaign.
    await shown(page).locator('.event-card').filter({ hasText: title }).click();
    await shown(page).getByText(`属于「${name}」，查看同主题的活动 ›`).waitFor();
    found.push(...(await screenProblems(tab, mode, 'campaign-activity-detail')));

    expect(found).toEqual([]);
  });
});
