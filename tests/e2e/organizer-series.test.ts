// The event form's 重复 and 常用场馆 in the H5 app, in normal and large-text mode:
// an organizer repeats an event monthly 3 times, linked to a plan task, at a
// saved venue, with its own seats on one date; another organization's booking of
// that venue on the second date shows under it; the three dates are in the list,
// each with the cover picture chosen once in the form.
import { addMonthsClamped } from '../../shared/src/rules/series';
import { formatDateTime } from '../../shared/src/time';
import { screenProblems } from './a11y';
import { cstTime } from './api';
import { expectToast, field, settle, shown, signIn, tapButton, tapStatusTab, tapText, turnOnLargeText } from './browser';
import { chooseFile, coverPicture } from './pictures';
import { useE2e } from './setup';

jest.setTimeout(240_000);

const e2e = useE2e();
type Mode = 'normal' | 'large';

/** The form's default first date (a week from now, 09:00-11:00) and the same day a month later. */
const firstStart = () => cstTime(7, 9);
const secondDate = () => addMonthsClamped(firstStart().slice(0, 10), 1);

/** 唐山市科协's saved venue (each mode's far from the other's: venues within 100 m are one), and 唐山市青少年宫's submitted booking of it on the series' second date, 10:00-12:00. */
async function prepare(venue: { name: string; address: string }, point: { lat: number; lng: number }, theirs: string): Promise<void> {
  const organizer = await e2e.api.as('demo-organizer');
  const me = await organizer.get<{ organizations: { id: string }[] }>('/me');
  await organizer.post(`/organizations/${me.organizations[0]!.id}/venues`, { ...venue, district: '路南区', ...point });

  const admin = await e2e.api.as('demo-admin');
  const orgs = await admin.get<{ items: { id: string; name: string }[] }>(`/organizations?city=${encodeURIComponent('唐山市')}`);
  const palace =
    orgs.items.find((o) => o.name === '唐山市青少年宫') ?? (await admin.post<{ id: string }>('/organizations', { name: '唐山市青少年宫', city: '唐山市' }));
  const member = await e2e.api.as('e2e-series-palace');
  const mine = await member.get<{ organizations: { id: string }[] }>('/me');
  if (!mine.organizations.some((o) => o.id === palace.id)) await admin.post(`/organizations/${palace.id}/members`, { userId: member.userId });
  const draft = await member.post<{ id: string }>('/events', {
    title: theirs,
    kind: 'activity',
    organizerId: palace.id,
    city: '唐山市',
    venue: { name: venue.name, address: venue.address },
    startsAt: `${secondDate()}T10:00:00+08:00`,
    endsAt: `${secondDate()}T12:00:00+08:00`,
    capacity: 30,
  });
  await member.post(`/events/${draft.id}/submit`);
}

describe.each<Mode>(['normal', 'large'])('in %s mode, an organizer repeating an event', (mode) => {
  it('creates a monthly series of 3 at a saved venue, linked to a plan task, with seats per date, and sees the conflict on one date', async () => {
    const suffix = mode === 'large' ? '大字' : '标准';
    const venue = { name: `南湖科普馆（${suffix}）`, address: '路南区南湖大道1号' };
    const theirs = `少年宫航模课（${suffix}）`;
    const title = `银龄科普月课（${suffix}）`;
    await prepare(venue, mode === 'large' ? { lat: 39.6414, lng: 118.1952 } : { lat: 39.6214, lng: 118.1752 }, theirs);

    const tab = await e2e.open(`organizer-series-${mode}`);
    const { page } = tab;
    const problems: string[] = [];
    if (mode === 'large') await turnOnLargeText(page);
    await signIn(page, '主办单位（demo-organizer）');
    await tapText(page, '主办单位：活动管理');
    await tapButton(page, '发布新活动');

    await field(page, '活动名称').fill(title);
    await shown(page)
      .locator('.chip')
      .filter({ hasText: /^老年人$/ })
      .click();
    const suggestion = shown(page).locator('.task-suggestion').filter({ hasText: '实施银龄科普行动' });
    await suggestion.click();
    await shown(page).locator('.task-picker__chosen').filter({ hasText: '第13项 实施银龄科普行动' }).waitFor();
    // One cover for every date of the series.
    await chooseFile(page, '选择封面图片', { name: 'cover.jpg', mimeType: 'image/jpeg', buffer: await coverPicture() });
    await shown(page).locator('.cover-picker__image img').waitFor();

    // The saved venue fills name, address and district in one tap.
    await shown(page).locator('.saved-venue').filter({ hasText: venue.name }).click();
    expect(await field(page, '场馆名称').inputValue()).toBe(venue.name);
    expect(await field(page, '详细地址').inputValue()).toBe(venue.address);
    expect(await field(page, '区县').inputValue()).toBe('路南区');
    await shown(page).locator('.venue-locate--ok').waitFor();
    // H5 has no map picker: the place comes from 高德 into the folded 手动填写坐标 part.
    await tapText(page, '手动填写坐标 ▾');
    expect(await field(page, '坐标（经度,纬度）').inputValue()).toBe(mode === 'large' ? '118.1952,39.6414' : '118.1752,39.6214');
    await field(page, '坐标（经度,纬度）').fill('118.17');
    await shown(page).locator('.field__error').filter({ hasText: '请按“经度,纬度”填写两个数字' }).waitFor();
    await field(page, '坐标（经度,纬度）').fill(mode === 'large' ? '39.6414,118.1952' : '39.6214,118.1752');
    await shown(page).locator('.saved-venue').first().scrollIntoViewIfNeeded();
    problems.push(...(await screenProblems(tab, mode, 'venue')));

    await shown(page)
      .locator('.chip')
      .filter({ hasText: /^每月$/ })
      .click();
    await field(page, '次数').fill('3');
    const rows = shown(page).locator('.recurrence__row');
    await settle(
      () => rows.count(),
      (n) => n === 3,
    );
    const now = new Date();
    const expected = [firstStart(), `${secondDate()}T09:00:00+08:00`, `${addMonthsClamped(firstStart().slice(0, 10), 2)}T09:00:00+08:00`].map((iso) =>
      formatDateTime(iso, { now }),
    );
    expect((await rows.allTextContents()).map((text) => expected.findIndex((when) => text.includes(when)))).toEqual([0, 1, 2]);
    expect(await field(page, '第1场名额').inputValue()).toBe('50');
    await field(page, '第2场名额').fill('40');
    await rows.first().scrollIntoViewIfNeeded();
    problems.push(...(await screenProblems(tab, mode, 'series-form')));

    await tapButton(page, '保存全部并提交审核');
    await expectToast(page, '3场已提交');
    const items = shown(page).locator('.series-result__item');
    await settle(
      () => items.count(),
      (n) => n === 3,
    );
    expect(await shown(page).locator('.series-result').textContent()).toContain('依据任务：第13项 实施银龄科普行动');
    expect(await items.nth(1).textContent()).toContain('名额40人');
    expect(await items.nth(0).textContent()).toContain('名额50人');
    // Only the second date clashes with 少年宫's booking.
    const note = items.nth(1).locator('.conflict-note').filter({ hasText: theirs });
    await note.waitFor();
    expect(await note.textContent()).toContain('唐山市青少年宫');
    expect(await items.nth(0).locator('.conflict-note').count()).toBe(0);
    expect(await items.nth(2).locator('.conflict-note').count()).toBe(0);
    const reviewer = await e2e.api.as('demo-reviewer');
    const pending = await reviewer.get<{ items: { title: string; coverImageId: string | null }[] }>(`/events?status=pending&q=${encodeURIComponent(title)}`);
    const covers = pending.items.filter((e) => e.title === title).map((e) => e.coverImageId);
    expect(covers).toHaveLength(3);
    expect(new Set(covers).size).toBe(1);
    expect(covers[0]).toEqual(expect.any(String));
    // The toast lies over the cards for a moment: contrast is checked on the page itself.
    await page.locator('.taro__toast').getByText('3场已提交').first().waitFor({ state: 'hidden' });
    problems.push(...(await screenProblems(tab, mode, 'series-result')));
    await note.scrollIntoViewIfNeeded();
    await tab.shot('series-result-conflict');

    // Back in 活动管理, the three dates wait for review.
    await tapButton(page, '返回活动管理');
    await tapStatusTab(page, '审核中');
    const cards = shown(page).locator('.card').filter({ hasText: title });
    expect(
      await settle(
        () => cards.count(),
        (n) => n === 3,
      ),
    ).toBe(3);
    problems.push(...(await screenProblems(tab, mode, 'series-in-list')));
    expect(problems).toEqual([]);
  });
});
