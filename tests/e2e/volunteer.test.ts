// 科技志愿服务 in the H5 app: a volunteer applies for a shift, the organizer
// approves the application on the event's 志愿者 page, the volunteer sees it.
import type { Page } from 'playwright-core';
import { cstTime, publishActivity } from './api';
import { axeProblems, pageSettled } from './a11y';
import { backToTabs, cardAction, expectToast, field, pick, shown, signIn, signOut, switchTab, tapButton, tapText } from './browser';
import { useE2e } from './setup';

jest.setTimeout(180_000);

const e2e = useE2e();

const role = '端到端签到引导';

/** The card of the prepared shift in the open-shifts list, found through its skill chip. */
async function openPreparedShift(page: Page, eventTitle: string) {
  await tapText(page, '志愿岗位');
  // The list starts with the city being browsed (柳州市 on a first visit); the event is in 唐山市.
  const city = shown(page).locator('.vol-city .city-chip');
  if (!(await city.innerText()).includes('唐山市')) await pick(page, city, '唐山市');
  await shown(page).getByText('城市：唐山市').waitFor();
  await shown(page)
    .locator('.vol-filter .chip')
    .filter({ hasText: /^秩序引导$/ })
    .click();
  const card = shown(page).locator('.shift-card').filter({ hasText: role }).filter({ hasText: eventTitle });
  await card.waitFor();
  return card;
}

describe('a volunteer', () => {
  it('applies for a shift in 志愿岗位, the organizer approves it, and the volunteer sees it approved', async () => {
    // Prepared over HTTP: an event of demo-organizer's organization with one shift.
    const event = await publishActivity(e2e.api, { title: '端到端志愿测试：社区科技开放日', capacity: 30, days: 6 });
    const organizer = await e2e.api.as('demo-organizer');
    await organizer.post(`/events/${event.id}/shifts`, { role, startsAt: cstTime(6, 9), endsAt: cstTime(6, 11), slots: 2, skills: ['秩序引导'] });

    const { page, shot } = await e2e.open('volunteer-shift');
    await signIn(page, '志愿者（demo-volunteer）');
    let card = await openPreparedShift(page, event.title);
    await shot('open-shift');
    await tapButton(page, '申请这个岗位', card);
    await expectToast(page, '已提交申请，等待主办单位审核');
    await card.getByText('待审核', { exact: true }).waitFor();
    await shot('applied');

    await signOut(page);
    await signIn(page, '主办单位（demo-organizer）');
    await tapText(page, '主办单位：活动管理');
    const eventCard = shown(page).locator('.card').filter({ hasText: event.title });
    await cardAction(page, eventCard, '志愿者');
    const applicant = shown(page).locator('.card').filter({ hasText: '李志愿' });
    await applicant.getByText(role, { exact: false }).waitFor();
    await shot('applicants');
    await tapButton(page, '通过', applicant);
    await expectToast(page, '已通过');
    // Approved applications wait under 待记录时长 for their hours.
    await shown(page).locator('.chip').filter({ hasText: '待记录时长' }).click();
    await applicant.getByText('已通过', { exact: true }).waitFor();
    await shot('approved');

    await signOut(page);
    await signIn(page, '志愿者（demo-volunteer）');
    card = await openPreparedShift(page, event.title);
    await card.getByText('已通过', { exact: true }).waitFor();
    await shot('volunteer-sees-approval');
    await backToTabs(page);

    const volunteer = await e2e.api.as('demo-volunteer');
    const mine = await volunteer.get<{ items: { status: string; shift: { role: string } }[] }>('/me/applications');
    expect(mine.items.filter((item) => item.shift.role === role).map((item) => item.status)).toEqual(['approved']);
  });
});

/** A CST time `ms` from now, to the second, as the API writes it. */
function cstSoon(ms: number): string {
  return `${new Date(Date.now() + ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/** A session token of a dev-login account, for a download the JSON helper cannot make. */
async function tokenOf(openid: string): Promise<string> {
  const res = await fetch(`${e2e.url}/api/v1/auth/dev-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** demo-volunteer serves in 唐山市 with the skills 科普讲解 and 秩序引导. */
async function volunteerOfTangshan(): Promise<void> {
  const volunteer = await e2e.api.as('demo-volunteer');
  await volunteer.put('/me/volunteer', { realName: '李志愿', phone: '13800000001', skills: ['科普讲解', '秩序引导'], city: '唐山市' });
}

/** An event of a 柳州市 organization (published by demo-admin, who acts for every organization) with one shift. */
async function liuzhouShift(title: string, role: string): Promise<void> {
  const admin = await e2e.api.as('demo-admin');
  const orgs = await admin.get<{ items: { id: string; kind: string }[] }>(`/organizations?city=${encodeURIComponent('柳州市')}`);
  const organizerId = orgs.items.find((o) => o.kind !== 'collective')?.id;
  if (!organizerId) throw new Error('no 柳州市 organization to publish as');
  const draft = await admin.post<{ id: string }>('/events', {
    title,
    description: '端到端测试准备的活动',
    kind: 'activity',
    organizerId,
    city: '柳州市',
    district: '城中区',
    audiences: ['社区居民'],
    themes: ['科技'],
    venue: { name: '柳州科技馆', address: '城中区' },
    startsAt: cstTime(6, 9),
    endsAt: cstTime(6, 11),
    capacity: 20,
  });
  const submitted = await admin.post<{ status: string }>(`/events/${draft.id}/submit`);
  if (submitted.status !== 'published') await (await e2e.api.as('demo-reviewer')).post(`/events/${draft.id}/review`, { decision: 'approve' });
  await admin.post(`/events/${draft.id}/shifts`, { role, startsAt: cstTime(6, 9), endsAt: cstTime(6, 11), slots: 2, skills: ['科普讲解'] });
}

describe.each(['normal', 'large'] as const)('in %s mode, a volunteer of 唐山市', (mode) => {
  it('sees only their city’s shifts, the ones suiting their skills first with the reason, and can check their certificate by its serial', async () => {
    await volunteerOfTangshan();
    const organizer = await e2e.api.as('demo-organizer');
    const volunteer = await e2e.api.as('demo-volunteer');
    // Certified hours need a shift that has started: one starting in 20 seconds, applied for and approved now.
    const served = await publishActivity(e2e.api, { title: `端到端证明活动（${mode}）`, capacity: 10, days: 0 });
    const soon = await organizer.post<{ id: string }>(`/events/${served.id}/shifts`, {
      role: '证明测试岗位',
      startsAt: cstSoon(20_000),
      endsAt: cstSoon(3600_000),
      slots: 1,
    });
    const application = await volunteer.post<{ id: string }>(`/shifts/${soon.id}/applications`);
    await organizer.post(`/applications/${application.id}/decision`, { decision: 'approve' });
    const startsServing = Date.now() + 21_000;

    const here = await publishActivity(e2e.api, { title: `端到端唐山岗位（${mode}）`, capacity: 30, days: 6 });
    const sign = `端到端手语服务${mode}`;
    const talk = `端到端展厅讲解${mode}`;
    await organizer.post(`/events/${here.id}/shifts`, { role: sign, startsAt: cstTime(6, 8), endsAt: cstTime(6, 11), slots: 2, skills: ['手语'] });
    await organizer.post(`/events/${here.id}/shifts`, { role: talk, startsAt: cstTime(6, 10), endsAt: cstTime(6, 11), slots: 2, skills: ['科普讲解'] });
    const elsewhere = `端到端柳州岗位（${mode}）`;
    await liuzhouShift(elsewhere, `端到端柳州讲解${mode}`);

    const tab = await e2e.open(`volunteer-city-${mode}`);
    const { page, shot } = tab;
    if (mode === 'large') {
      await switchTab(page, '我的');
      await shown(page).locator('.me-setting taro-switch-core').click();
      await shown(page).locator('.page.page--large').waitFor();
    }
    await signIn(page, '志愿者（demo-volunteer）');
    await tapText(page, '志愿岗位');
    const cards = shown(page).locator('.shift-card');
    const talkCard = cards.filter({ hasText: talk });
    await talkCard.waitFor();
    await shown(page).getByText('城市：唐山市').waitFor();
    await talkCard.getByText('✓ 与你的技能相符（科普讲解）').waitFor();
    await talkCard.getByText('唐山市 · 唐山市科技馆').waitFor();
    const titles = await cards.locator('.title').allTextContents();
    expect(titles.indexOf(talk)).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf(talk)).toBeLessThan(titles.indexOf(sign));
    expect(await cards.filter({ hasText: elsewhere }).count()).toBe(0);
    // The role is the card's title, not repeated below it.
    expect(await talkCard.getByText(talk, { exact: true }).count()).toBe(1);
    await pageSettled(page);
    await shot('shift-list');
    expect(await axeProblems(page)).toEqual([]);

    await pick(page, shown(page).locator('.vol-city .city-chip'), '柳州市');
    await cards.filter({ hasText: elsewhere }).waitFor();
    expect(await cards.filter({ hasText: talk }).count()).toBe(0);
    await shot('switched-city');

    // Hours recorded once the shift has started; the certificate's serial comes with the PDF.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startsServing - Date.now())));
    await organizer.post(`/applications/${application.id}/complete`, { hours: 2 });
    const pdf = await fetch(`${e2e.url}/api/v1/me/volunteer/certificate.pdf`, {
      headers: { authorization: `Bearer ${await tokenOf('demo-volunteer')}` },
    });
    expect(pdf.status).toBe(200);
    const serial = pdf.headers.get('x-certificate-serial')!;
    expect(serial).toMatch(/^KP-\d{4}-[2-9A-HJ-NP-Z]{8}$/);
    const checked = await (await fetch(`${e2e.url}/api/v1/certificates/${serial}`)).json();

    await page.goto(`${e2e.url}/#/packages/volunteer/pages/certificate/index?serial=${serial}`);
    if (mode === 'large') await shown(page).locator('.page.page--large').waitFor();
    const verdict = shown(page).locator('.cert-check');
    await verdict.getByText('✓ 证明真实有效').waitFor();
    await verdict.getByText('志愿者：李*愿').waitFor();
    await verdict.getByText(`已认证服务时长：${checked.totalHours} 小时`, { exact: false }).waitFor();
    expect(checked.totalHours).toBeGreaterThanOrEqual(2);
    const text = await verdict.innerText();
    expect(text).not.toContain('李志愿');
    expect(text).not.toMatch(/1380000/);
    expect(text).toContain(serial);
    await pageSettled(page);
    await shot('certificate-check');
    expect(await axeProblems(page)).toEqual([]);

    // An unknown serial says so.
    await field(page, '证书编号').fill('KP-2026-ZZZZZZZZ');
    await tapButton(page, '核验');
    await shown(page).getByText('未找到这份证明').waitFor();
    await shot('certificate-unknown');
  });
});
