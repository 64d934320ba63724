// 科技志愿服务 in the H5 app: a volunteer applies for a shift, the organizer
// approves the application on the event's 志愿者 page, the volunteer sees it.
import type { Page } from 'playwright-core';
import { cstTime, publishActivity } from './api';
import { backToTabs, expectToast, shown, signIn, signOut, tapButton, tapText } from './browser';
import { useE2e } from './setup';

jest.setTimeout(180_000);

const e2e = useE2e();

const role = '端到端签到引导';

/** The card of the prepared shift in the open-shifts list, found through its skill chip. */
async function openPreparedShift(page: Page, eventTitle: string) {
  await tapText(page, '志愿岗位');
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
    await tapButton(page, '志愿者', eventCard);
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
