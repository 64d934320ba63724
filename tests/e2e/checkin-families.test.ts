// Check-in at the door without the network, and a family's bookings: the
// organizer checks three people in offline (a pasted QR code, six digits read
// out, a name tapped in the list), a forged code is refused offline and
// online, and the server ends up with exactly those three; a resident books
// themselves and a parent and sees both in 我的 with their own codes; the
// parent's code is forwarded (转发给家人) and opens with no account, online and
// offline, and the organizer checks its 6 digits in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeProblems, pageSettled, smallTextProblems, tapTargetProblems } from './a11y';
import { publishActivity } from './api';
import { artifactsDir, backToTabs, cardAction, expectToast, field, settle, shown, signIn, switchTab, tapButton, tapText } from './browser';
import { useE2e } from './setup';

jest.setTimeout(240_000);

const e2e = useE2e();

/** A code whose signature was altered: still shaped like one, signed by nobody. */
function forge(code: string): string {
  const [payload, signature] = code.split('.');
  const bytes = Buffer.from(signature!, 'base64url');
  bytes[5] = bytes[5]! ^ 0x01;
  return `${payload}.${bytes.toString('base64url')}`;
}

async function turnOnLargeText(page: Page): Promise<void> {
  await backToTabs(page);
  await switchTab(page, '我的');
  await shown(page).locator('.me-setting').getByText('大字模式').click();
  await shown(page).locator('.page.page--large').waitFor();
}

async function openCheckin(page: Page, title: string): Promise<void> {
  await switchTab(page, '我的');
  await tapText(page, '主办单位：活动管理');
  const card = shown(page).locator('.card').filter({ hasText: title });
  await cardAction(page, card, '签到');
  await shown(page).locator('.checkin-row').first().waitFor();
}

const okResult = (page: Page, text: RegExp) => shown(page).locator('.org-result--ok').getByText(text).first().waitFor();
const errorResult = (page: Page, text: string) => shown(page).locator('.org-result--error').getByText(text).first().waitFor();

describe('check-in at the door', () => {
  it('goes offline, checks in three people by QR code, short code and tap, refuses a forged code, and uploads exactly three', async () => {
    const event = await publishActivity(e2e.api, { title: '端到端离线签到：家庭科学实验课', capacity: 10 });
    const residents = [
      { openid: 'door-qr', name: '钱一', phone: '13700000001' },
      { openid: 'door-short', name: '孙二', phone: '13700000002' },
      { openid: 'door-tap', name: '周三', phone: '13700000003' },
      { openid: 'door-absent', name: '吴四', phone: '13700000004' },
    ];
    const codes: { code: string; shortCode: string }[] = [];
    for (const r of residents) {
      const caller = await e2e.api.as(r.openid);
      const signup = await caller.post<{ id: string }>(`/events/${event.id}/signups`, { name: r.name, phone: r.phone });
      codes.push(await caller.get(`/me/signups/${signup.id}/checkin-code`));
    }
    const organizer = await e2e.api.as('demo-organizer');
    const checkedIn = async () =>
      (await organizer.get<{ items: { name: string; checkedInAt: string | null }[] }>(`/events/${event.id}/signups?format=json`)).items
        .filter((r) => r.checkedInAt)
        .map((r) => r.name)
        .sort();

    const { page, context, shot } = await e2e.open('checkin-offline');
    await signIn(page, '主办单位（demo-organizer）');
    await openCheckin(page, event.title);
    await shown(page).getByText('已到 0 人（0 份报名）/ 已确认 4 人（4 份报名）').waitFor();
    await shot('kit-downloaded');

    await context.setOffline(true);
    // A forged code: the device's own Ed25519 check refuses it.
    await field(page, '签到码或 6 位数字').fill(forge(codes[0]!.code));
    await tapButton(page, '确认签到');
    await errorResult(page, '签到码无效或不属于本活动（离线校验）');

    await field(page, '签到码或 6 位数字').fill(codes[0]!.code);
    await tapButton(page, '确认签到');
    await okResult(page, /^签到成功（离线，待上传）：钱\*/);

    await field(page, '签到码或 6 位数字').fill(codes[1]!.shortCode);
    await tapButton(page, '确认签到');
    await okResult(page, /^签到成功（离线，待上传）：孙\*/);

    await field(page, '按姓名或手机号后 4 位查找').fill('0003');
    const row = shown(page).locator('.checkin-row');
    await settle(
      () => row.count(),
      (n) => n === 1,
    );
    await row.locator('taro-button-core').filter({ hasText: '签到' }).click();
    await okResult(page, /^签到成功（离线，待上传）：周\*/);
    // The same person again, offline: the device knows they are in.
    await field(page, '签到码或 6 位数字').fill(codes[0]!.code);
    await tapButton(page, '确认签到');
    await errorResult(page, '已经签到过了：钱*');
    await shown(page)
      .getByText(/待上传 3 条/)
      .waitFor();
    await shown(page).getByText('已到 3 人（3 份报名）/ 已确认 4 人（4 份报名）').waitFor();
    await field(page, '按姓名或手机号后 4 位查找').fill('');
    await shot('offline-three-queued');
    expect(await checkedIn()).toEqual([]);

    await context.setOffline(false);
    const names = await settle(checkedIn, (list) => list.length >= 3, 30_000);
    expect(names).toEqual(['周三', '孙二', '钱一']);
    await shown(page)
      .getByText(/待上传 \d+ 条/)
      .waitFor({ state: 'detached' });
    await okResult(page, /^已上传 3 条离线签到/);
    await shot('uploaded');

    // Online, the server refuses the forged code too, and nothing changes.
    await field(page, '签到码或 6 位数字').fill(forge(codes[3]!.code));
    await tapButton(page, '确认签到');
    await errorResult(page, '签到码无效或不属于本活动');
    expect(await checkedIn()).toEqual(['周三', '孙二', '钱一']);

    await turnOnLargeText(page);
    await openCheckin(page, event.title);
    await shot('checkin-large-text');
  });
});

describe('a family', () => {
  it('books the resident and a parent separately; 我的 shows both, named, each with its own code', async () => {
    const event = await publishActivity(e2e.api, { title: '端到端家庭报名：老少同乐科学秀', capacity: 10 });
    const { page, shot } = await e2e.open('family-signup');
    await signIn(page, '居民（demo-resident）');
    await page.goto(`${e2e.url}/#/pages/event-detail/index?id=${event.id}`);
    await shown(page).locator('.h1').filter({ hasText: event.title }).waitFor();

    await tapButton(page, '我要报名');
    await field(page, '请输入姓名').fill('陈晓');
    await field(page, '11位手机号').fill('13800000011');
    await tapButton(page, '提交报名');
    await expectToast(page, '报名成功');
    await shown(page).getByText('你已报名成功').waitFor();

    await tapButton(page, '为家人报名');
    await shown(page).locator('.chip.chip--on').getByText('代家人报名').waitFor();
    await field(page, '请输入姓名').fill('陈建国');
    await field(page, '11位手机号').fill('13800000022');
    await tapButton(page, '提交报名');
    await shown(page).getByText('陈建国（家人） · 已报名').waitFor();
    await shown(page).getByText('陈晓（本人） · 已报名').waitFor();
    await shot('event-detail-family');

    await tapButton(page, '查看签到码');
    const cards = shown(page).locator('.card').filter({ hasText: event.title });
    await cards.filter({ hasText: '参加者：陈晓（本人）' }).waitFor();
    await cards.filter({ hasText: '参加者：陈建国（家人）' }).waitFor();

    const shortCodes: string[] = [];
    for (const [who, label] of [
      ['陈晓（本人）', '签到码'],
      ['陈建国（家人）', '陈建国的签到码'],
    ] as const) {
      await cards
        .filter({ hasText: `参加者：${who}` })
        .locator('taro-button-core')
        .filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) })
        .click();
      const digits = shown(page).locator('.sheet__short');
      await digits.waitFor();
      shortCodes.push((await digits.innerText()).replace(/\s/g, ''));
      await shot(`code-${label}`);
      await tapButton(page, '关闭');
    }
    expect(shortCodes[0]).toMatch(/^\d{6}$/);
    expect(shortCodes[1]).toMatch(/^\d{6}$/);
    expect(shortCodes[0]).not.toBe(shortCodes[1]);
    await shot('me-family');

    await turnOnLargeText(page);
    await cards.filter({ hasText: '参加者：陈建国（家人）' }).waitFor();
    await shot('me-family-large-text');
  });
});

describe('a forwarded code (转发给家人)', () => {
  it('opens with no account and no network once seen, in normal and large text, and the organizer checks its 6 digits in', async () => {
    const event = await publishActivity(e2e.api, { title: '端到端转发签到码：老年人智能手机课', capacity: 10 });
    const owner = await e2e.open('ticket-forward');
    await signIn(owner.page, '居民（demo-resident）');
    await owner.page.goto(`${e2e.url}/#/pages/event-detail/index?id=${event.id}`);
    await shown(owner.page).locator('.h1').filter({ hasText: event.title }).waitFor();
    await tapButton(owner.page, '我要报名');
    await tapText(owner.page, '代家人报名');
    // A slip of the finger, put right from 我的 (修改参加者).
    await field(owner.page, '请输入姓名').fill('刘桂南');
    await field(owner.page, '11位手机号').fill('13800000033');
    await tapButton(owner.page, '提交报名');
    await shown(owner.page).getByText('刘桂南（家人） · 已报名').waitFor();

    await tapButton(owner.page, '查看签到码');
    const cards = shown(owner.page).locator('.card').filter({ hasText: event.title });
    await tapButton(owner.page, '修改参加者', cards.filter({ hasText: '参加者：刘桂南（家人）' }));
    await field(owner.page, '参加者姓名').fill('刘桂兰');
    await pageSettled(owner.page);
    await owner.shot('edit-attendee');
    await tapButton(owner.page, '保存');
    await expectToast(owner.page, '参加者已修改');
    const card = cards.filter({ hasText: '参加者：刘桂兰（家人）' });
    await card.waitFor();
    await owner.shot('me-family-booking');
    await tapButton(owner.page, '转发给家人', card);
    await shown(owner.page)
      .locator('.ticket-hint')
      .getByText(/把此页转发给刘\*兰/)
      .waitFor();
    const ownerDigits = (await shown(owner.page).locator('.ticket__short').innerText()).replace(/\s/g, '');
    expect(ownerDigits).toMatch(/^\d{6}$/);
    await pageSettled(owner.page);
    await owner.shot('ticket-owner');

    // The link the family member gets: 复制链接 puts it on the clipboard.
    await owner.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.url });
    await tapButton(owner.page, '复制链接');
    await expectToast(owner.page, '链接已复制，发给家人即可');
    const link = await owner.page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`^${e2e.url}/#/packages/ticket/pages/view/index\\?token=[A-Za-z0-9_-]{32}$`));

    // 保存图片: a PNG drawn on the phone.
    const [download] = await Promise.all([owner.page.waitForEvent('download'), tapButton(owner.page, '保存图片')]);
    expect(download.suggestedFilename()).toBe(`签到码-${ownerDigits}.png`);
    const saved = join(artifactsDir, 'ticket-forward', 'saved-ticket.png');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(1, 4).toString('latin1')).toBe('PNG');

    // A fresh browser, nobody signed in: the link alone shows the code.
    const family = await e2e.open('ticket-recipient');
    const { page } = family;
    await page.goto(link);
    const digits = shown(page).locator('.ticket__short');
    await digits.waitFor();
    expect((await digits.innerText()).replace(/\s/g, '')).toBe(ownerDigits);
    await shown(page).locator('.ticket img').waitFor();
    const text = await shown(page).innerText();
    expect(text).toContain(event.title);
    expect(text).toContain('参加者：刘*兰');
    for (const secret of ['刘桂兰', '13800000033', '陈晓']) expect(text).not.toContain(secret);
    expect(await page.evaluate(() => sessionStorage.getItem('kepu.token'))).toBeNull();
    await pageSettled(page);
    await family.shot('ticket-recipient');
    const problems: Record<string, string[]> = {};
    problems.normal = [...(await axeProblems(page)), ...(await tapTargetProblems(page, 44))];

    await shown(page).locator('.ticket-setting taro-switch-core').click();
    await shown(page).locator('.page.page--large').waitFor();
    await pageSettled(page);
    await family.shot('ticket-recipient-large-text');
    problems.large = [...(await axeProblems(page)), ...(await tapTargetProblems(page, 60)), ...(await smallTextProblems(page, 18))];
    expect(problems).toEqual({ normal: [], large: [] });

    // At the door with no network: the page opened once is on the phone.
    await family.context.setOffline(true);
    await tapButton(page, '刷新');
    await shown(page).getByText('离线显示（已保存在本机）').waitFor();
    expect((await digits.innerText()).replace(/\s/g, '')).toBe(ownerDigits);
    await family.shot('ticket-recipient-offline');

    // The organizer types the 6 digits read out.
    const door = await e2e.open('ticket-door');
    await signIn(door.page, '主办单位（demo-organizer）');
    await openCheckin(door.page, event.title);
    await field(door.page, '签到码或 6 位数字').fill(ownerDigits);
    await tapButton(door.page, '确认签到');
    await okResult(door.page, /^签到成功：刘桂兰/);
    const organizer = await e2e.api.as('demo-organizer');
    const rows = (await organizer.get<{ items: { name: string; checkedInAt: string | null }[] }>(`/events/${event.id}/signups?format=json`)).items;
    expect(rows.filter((r) => r.checkedInAt).map((r) => r.name)).toEqual(['刘桂兰']);

    await family.context.setOffline(false);
    await tapButton(page, '刷新');
    await shown(page)
      .getByText(/^\s*已签到/)
      .waitFor();
    await family.shot('ticket-recipient-checked-in');
  });
});
