// Organizers and reviewers in the H5 app: posting an event that a reviewer
// approves into the public list, changing a published event (the change waits
// for the reviewer, who sees it before and after), and checking a resident in by typed code.
import type { Page } from 'playwright-core';
import { publishActivity } from './api';
import {
  answerModal,
  backToTabs,
  cardAction,
  eventTitles,
  expectToast,
  field,
  goBack,
  settle,
  shown,
  signIn,
  signOut,
  switchCity,
  switchTab,
  tapButton,
  tapStatusTab,
  tapText,
} from './browser';
import { useE2e } from './setup';

jest.setTimeout(180_000);

const e2e = useE2e();

async function openOrganizerEvents(page: Page): Promise<void> {
  await switchTab(page, '我的');
  await tapText(page, '主办单位：活动管理');
  await shown(page).locator('taro-button-core').filter({ hasText: '发布新活动' }).waitFor();
}

/** The card of one event on the page shown (not another card whose venue-conflict note names it). */
const card = (page: Page, title: string) =>
  shown(page)
    .locator('.card')
    .filter({ has: page.locator(':scope > :not(.conflict-note)', { hasText: title }) });

describe('an organizer', () => {
  it('creates an event in the organizer pages, a reviewer approves it, and it appears in the public list', async () => {
    const title = '端到端发布测试：冬夜观星与望远镜入门';
    const { page, shot } = await e2e.open('organizer-create-review');
    await signIn(page, '主办单位（demo-organizer）');
    await openOrganizerEvents(page);
    await shot('organizer-events');

    await tapButton(page, '发布新活动');
    await field(page, '活动名称').fill(title);
    await shown(page).locator('taro-textarea-core textarea').first().fill('带上家人一起认识冬季星座，学习使用天文望远镜。');
    // The city is the organization's (唐山市科协), whatever city the app was browsing; it cannot be typed over.
    expect(await field(page, '城市').inputValue()).toBe('唐山市');
    expect(await field(page, '城市').isDisabled()).toBe(true);
    await field(page, '区县').fill('路北区');
    await field(page, '场馆名称').fill('唐山市科技馆');
    await field(page, '详细地址').fill('路北区建设北路');
    await shown(page)
      .locator('.chip')
      .filter({ hasText: /^青少年$/ })
      .click();
    await shown(page)
      .locator('.chip')
      .filter({ hasText: /^航天$/ })
      .click();
    await shot('event-form');
    await tapButton(page, '保存并提交审核');
    // The form goes back to the organizer's list by itself (its toast leaves with it).
    await shown(page).locator('taro-button-core').filter({ hasText: '发布新活动' }).waitFor();
    await tapStatusTab(page, '审核中');
    await card(page, title).waitFor();
    await shot('pending-review');

    await signOut(page);
    await signIn(page, '审核员（demo-reviewer）');
    await tapText(page, '活动审核');
    await card(page, title).waitFor();
    await shot('review-queue');
    await tapButton(page, '通过并发布', card(page, title));
    await expectToast(page, '已通过，活动已发布');
    await card(page, title).waitFor({ state: 'detached' });
    await shot('approved');

    await backToTabs(page);
    await switchTab(page, '活动');
    await switchCity(page, '唐山市');
    await field(page, '搜索活动或场馆').fill('冬夜观星');
    await tapButton(page, '搜索');
    expect(await eventTitles(page, [title])).toEqual([title]);
    await shot('in-public-list');
  });

  it('changes a published event: the public keeps the approved version until a reviewer, shown before and after, approves', async () => {
    const before = '端到端修改测试：航天模型课';
    const after = '端到端修改测试：火箭模型制作课';
    const event = await publishActivity(e2e.api, { title: before, capacity: 20, days: 6 });
    const publicTitle = async () => (await (await e2e.api.as('demo-resident')).get<{ title: string }>(`/events/${event.id}`)).title;
    const { page, shot } = await e2e.open('organizer-revision');
    await signIn(page, '主办单位（demo-organizer）');
    await openOrganizerEvents(page);
    await cardAction(page, card(page, before), '岗位与编辑');
    await field(page, '活动名称').fill(after);
    await shown(page).locator('taro-textarea-core textarea').first().fill('动手制作一枚水火箭，了解火箭升空的原理。');
    await tapButton(page, '保存');
    await expectToast(page, '修改已提交审核');
    const notice = shown(page).locator('.org-notice');
    await notice.getByText('修改待审核').waitFor();
    await notice.getByText(`改为：${after}`).waitFor();
    await notice.scrollIntoViewIfNeeded();
    await shot('change-awaiting-review');
    expect(await publicTitle()).toBe(before);

    await goBack(page);
    await card(page, before).getByText('修改待审核').waitFor();
    await card(page, before).scrollIntoViewIfNeeded();
    await shot('list-marks-change');

    // The reviewer reads the queue in 大字模式.
    await signOut(page);
    await shown(page).locator('.me-setting taro-switch-core').click();
    await shown(page).locator('.page.page--large').waitFor();
    await signIn(page, '审核员（demo-reviewer）');
    await tapText(page, '活动审核');
    await tapText(page, '修改申请');
    const change = card(page, before);
    await change.getByText(`原：${before}`).waitFor();
    await change.getByText(`改为：${after}`).waitFor();
    await shot('review-queue-change-large-text');
    await tapButton(page, '通过修改', change);
    await expectToast(page, '已通过，修改已生效');
    await change.waitFor({ state: 'detached' });
    await shot('change-approved');
    expect(await settle(publicTitle, (title) => title === after)).toBe(after);
  });

  it("checks a resident in by typing the code from the resident's QR", async () => {
    // Prepared over HTTP: the resident's sign-up for one of the organization's events, and its code.
    const resident = await e2e.api.as('demo-resident');
    const organizer = await e2e.api.as('demo-organizer');
    const { items } = await resident.get<{ items: { id: string; title: string }[] }>(
      `/events?city=${encodeURIComponent('唐山市')}&q=${encodeURIComponent('心肺复苏')}`,
    );
    const event = items[0];
    if (!event) throw new Error('the demo data has no 心肺复苏 event in 唐山市');
    const signup = await resident.post<{ id: string }>(`/events/${event.id}/signups`, { name: '王大爷', phone: '13700137000' });
    const { code } = await resident.get<{ code: string }>(`/me/signups/${signup.id}/checkin-code`);

    const { page, shot } = await e2e.open('organizer-checkin');
    await signIn(page, '主办单位（demo-organizer）');
    await openOrganizerEvents(page);
    await cardAction(page, card(page, event.title), '签到');
    await field(page, '签到码或 6 位数字').fill(code);
    await shot('code-typed');
    await tapButton(page, '确认签到');
    await shown(page)
      .locator('.org-result--ok')
      .getByText(/^签到成功/)
      .waitFor();
    await shot('checked-in');

    // The same code a second time is refused with the server's message.
    await field(page, '签到码或 6 位数字').fill(code);
    await tapButton(page, '确认签到');
    await shown(page).locator('.org-result--error').getByText('已经签到过了').waitFor();
    await shot('already-checked-in');

    const sheet = await organizer.get<{ items: { id: string; checkedInAt: string | null }[] }>(`/events/${event.id}/signups?format=json`);
    expect(sheet.items.find((row) => row.id === signup.id)?.checkedInAt).toEqual(expect.any(String));
  });

  it('reveals the full phone numbers of the sign-ups, and the browser keeps none of them (nor the names) in its storage', async () => {
    const resident = await e2e.api.as('demo-resident');
    const { items } = await resident.get<{ items: { id: string; title: string }[] }>(
      `/events?city=${encodeURIComponent('唐山市')}&q=${encodeURIComponent('心肺复苏')}`,
    );
    const event = items[0];
    if (!event) throw new Error('the demo data has no 心肺复苏 event in 唐山市');
    // Signed up already by the check-in story, or now: either way the sheet lists 王大爷 with this phone.
    await resident.post(`/events/${event.id}/signups`, { name: '王大爷', phone: '13700137000' }).catch(() => undefined);

    const { page, shot } = await e2e.open('organizer-unmask');
    await signIn(page, '主办单位（demo-organizer）');
    await openOrganizerEvents(page);
    await cardAction(page, card(page, event.title), '报名名单');
    await tapButton(page, '显示完整手机号');
    await answerModal(page, '显示');
    await shown(page).getByText('13700137000').waitFor();
    await shot('phones-revealed');

    const storage = await page.evaluate(() => ({ local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }) }));
    // A phone number on its own, not eleven digits that happen to sit inside a uuid (…-145472242488).
    const phone = /(?<![\da-f])1[3-9]\d{9}(?![\da-f])/i;
    expect(storage.local).not.toMatch(phone);
    expect(storage.session).not.toMatch(phone);
    expect(storage.local + storage.session).not.toContain('王大爷');
    // The session token lives in this tab only, not in localStorage.
    expect(storage.session).toContain('kepu.token');
    expect(storage.local).not.toContain('kepu.token');
  });
});

describe.each(['normal', 'large'] as const)('in %s mode, an organizer writing an event', (mode) => {
  it('sees the plan tasks it may carry out, with why, and picks one with a tap; the reviewer sees that it matches', async () => {
    const title = `银龄智能手机课堂（${mode === 'large' ? '大字' : '标准'}）`;
    const { page, shot } = await e2e.open(`organizer-task-suggestions-${mode}`);
    if (mode === 'large') {
      await switchTab(page, '我的');
      await shown(page).locator('.me-setting taro-switch-core').click();
      await shown(page).locator('.page.page--large').waitFor();
    }
    await signIn(page, '主办单位（demo-organizer）');
    await openOrganizerEvents(page);
    await tapButton(page, '发布新活动');
    await field(page, '活动名称').fill(title);
    await shown(page).locator('taro-textarea-core textarea').first().fill('手把手教老年朋友使用智能手机，识别诈骗短信和电话。');
    expect(await field(page, '城市').inputValue()).toBe('唐山市');
    await field(page, '场馆名称').fill('路南区新时代文明实践中心');
    await shown(page)
      .locator('.chip')
      .filter({ hasText: /^老年人$/ })
      .click();

    const suggestion = shown(page).locator('.task-suggestion').filter({ hasText: '实施银龄科普行动' });
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toContain('同为老年人');
    await suggestion.click();
    await shown(page).locator('.task-picker__chosen').filter({ hasText: '第13项 实施银龄科普行动' }).waitFor();
    await suggestion.scrollIntoViewIfNeeded();
    await shot('form-with-suggestions');
    await tapText(page, '全部任务（2023年，共22项） ▾');
    await shown(page).locator('.task-option').first().waitFor();
    await shot('form-full-task-list');

    await tapButton(page, '保存并提交审核');
    await shown(page).locator('taro-button-core').filter({ hasText: '发布新活动' }).waitFor();
    await signOut(page);
    await signIn(page, '审核员（demo-reviewer）');
    await tapText(page, '活动审核');
    await card(page, title).locator('.task-check--ok').filter({ hasText: '与建议一致' }).waitFor();
    await card(page, title).scrollIntoViewIfNeeded();
    await shot('review-task-matches');
  });
});
