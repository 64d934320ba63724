// The event form in the H5 app, in normal and large-text mode: its city is the
// organization's (fixed, whatever city the app browses), and a second
// organization's booking of the same venue at an overlapping time shows as a
// warning after saving, and again in the reviewer's queue.
import { screenProblems } from './a11y';
import { cstTime } from './api';
import { expectToast, field, shown, signIn, signOut, switchTab, tapButton, tapText, turnOnLargeText } from './browser';
import { useE2e } from './setup';

jest.setTimeout(240_000);

const e2e = useE2e();
type Mode = 'normal' | 'large';

/**
 * 唐山市青少年宫, a second organization of 唐山市, books 唐山市科技馆 a week from
 * now 09:30-11:30 (the form's default is 09:00-11:00 that day) and submits it.
 */
async function bookTheMuseum(title: string): Promise<void> {
  const admin = await e2e.api.as('demo-admin');
  const orgs = await admin.get<{ items: { id: string; name: string }[] }>(`/organizations?city=${encodeURIComponent('唐山市')}`);
  const palace =
    orgs.items.find((o) => o.name === '唐山市青少年宫') ?? (await admin.post<{ id: string }>('/organizations', { name: '唐山市青少年宫', city: '唐山市' }));
  const member = await e2e.api.as('e2e-youth-palace');
  const me = await member.get<{ organizations: { id: string }[] }>('/me');
  if (!me.organizations.some((o) => o.id === palace.id)) await admin.post(`/organizations/${palace.id}/members`, { userId: member.userId });
  const draft = await member.post<{ id: string }>('/events', {
    title,
    kind: 'activity',
    organizerId: palace.id,
    city: '唐山市',
    venue: { name: '唐山市科技馆', address: '路北区建设北路' },
    startsAt: cstTime(7, 9).replace('T09:00', 'T09:30'),
    endsAt: cstTime(7, 11).replace('T11:00', 'T11:30'),
    capacity: 30,
  });
  await member.post(`/events/${draft.id}/submit`);
}

describe.each<Mode>(['normal', 'large'])('in %s mode, an organizer writing an event', (mode) => {
  it("gets its organization's city, fixed; sees another organization's booking of the venue after saving; the reviewer sees it too", async () => {
    const suffix = mode === 'large' ? '大字' : '标准';
    const theirs = `少年宫机器人课（${suffix}）`;
    const mine = `科技馆亲子实验课（${suffix}）`;
    await bookTheMuseum(theirs);
    const tab = await e2e.open(`organizer-conflicts-${mode}`);
    const { page } = tab;
    const problems: string[] = [];
    if (mode === 'large') await turnOnLargeText(page);
    await signIn(page, '主办单位（demo-organizer）');
    await switchTab(page, '我的');
    await tapText(page, '主办单位：活动管理');
    await tapButton(page, '发布新活动');

    // The app browses 柳州市 (the first-run default); the form says 唐山市, and it cannot be typed over.
    expect(await field(page, '城市').inputValue()).toBe('唐山市');
    expect(await field(page, '城市').isDisabled()).toBe(true);
    await field(page, '活动名称').fill(mine);
    await field(page, '场馆名称').fill('唐山市科技馆');
    problems.push(...(await screenProblems(tab, mode, 'event-form')));

    await tapButton(page, '保存');
    await expectToast(page, '已保存草稿');
    const note = shown(page).locator('.conflict-note').filter({ hasText: theirs }).first();
    await note.waitFor();
    expect(await note.textContent()).toContain('唐山市青少年宫');
    await note.scrollIntoViewIfNeeded();
    problems.push(...(await screenProblems(tab, mode, 'event-form-conflict')));

    // Submitting keeps the page open while the warning stands.
    await tapButton(page, '保存并提交审核');
    await expectToast(page, '已提交审核');
    await note.waitFor();

    await signOut(page);
    await signIn(page, '审核员（demo-reviewer）');
    await tapText(page, '活动审核');
    const card = shown(page).locator('.card').filter({ hasText: mine }).first();
    await card.locator('.conflict-note').filter({ hasText: theirs }).first().waitFor();
    await card.scrollIntoViewIfNeeded();
    problems.push(...(await screenProblems(tab, mode, 'review-queue-conflict')));
    expect(problems).toEqual([]);
  });
});
