// H5 sign-in in production (AUTH_MODE=wechat, where a browser has no WeChat login), in normal and
// large-text mode: the operator's CLI names the first admin and prints their login code; the admin
// signs in with it on H5 (no demo accounts offered), finds a person who used the mini-program (an
// organizer-to-be), issues them a code, and a new browser profile signs in with that code, once.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { axeProblems, pageSettled, smallTextProblems, tapTargetProblems } from './a11y';
import { button, field, shown, switchTab, tapButton, tapText, type AppTab } from './browser';
import { repoRoot } from './build';
import { useE2e } from './setup';

jest.setTimeout(240_000);

/** WeChat's code2Session, as the server calls it: `code-<name>` is the user `openid-<name>`. */
let wechat: Server;
const wechatPort = 40000 + (process.pid % 20000);
beforeAll(async () => {
  wechat = createServer((req, res) => {
    const code = new URL(req.url ?? '/', 'http://localhost').searchParams.get('js_code') ?? '';
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(code.startsWith('code-') ? { openid: `openid-${code.slice(5)}`, session_key: 'k' } : { errcode: 40029, errmsg: 'invalid code' }));
  });
  await new Promise<void>((resolve) => wechat.listen(wechatPort, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => wechat.close(() => resolve())));

const secret = 'e2e-secret-of-at-least-32-characters-long';
const e2e = useE2e({
  env: () => ({
    AUTH_MODE: 'wechat',
    AUTH_SECRET: secret,
    WX_APPID: 'wx-e2e',
    WX_SECRET: 'wx-e2e-secret',
    WX_API_BASE: `http://127.0.0.1:${wechatPort}`,
  }),
});

async function adminCli(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('node', [join(repoRoot, 'server/dist/cli/admin.js'), ...args], {
    env: { ...process.env, DB_URL: e2e.dbUrl, AUTH_MODE: 'wechat', AUTH_SECRET: secret },
  });
  return stdout;
}

type Mode = 'normal' | 'large';

async function checkScreen(tab: AppTab, mode: Mode, screen: string, found: Record<string, string[]>): Promise<void> {
  await pageSettled(tab.page);
  await tab.shot(screen);
  const problems = [
    ...(await axeProblems(tab.page)),
    ...(mode === 'large' ? await tapTargetProblems(tab.page, 60) : await tapTargetProblems(tab.page, 44)),
    ...(mode === 'large' ? await smallTextProblems(tab.page, 18) : []),
  ];
  if (problems.length) found[`${screen} (${mode})`] = problems;
}

/** From 我的 on a fresh profile (in the mode under test): the login page, consent given, the code typed. */
async function typeCode(page: Page, mode: Mode, code: string): Promise<void> {
  await switchTab(page, '我的');
  if (mode === 'large') {
    await shown(page).locator('.me-setting taro-switch-core').click();
    await shown(page).locator('.page.page--large').waitFor();
  }
  await tapButton(page, '登录');
  await shown(page).getByText('用登录码登录').waitFor();
  // Production: no demo accounts on offer.
  expect(await shown(page).locator('.login__account').count()).toBe(0);
  const consent = shown(page).locator('taro-checkbox-core[aria-label="同意隐私说明"]');
  if (!(await consent.locator('input').isChecked())) await consent.click();
  await field(page, '登录码').fill(code);
}

async function signInWithCode(tab: AppTab, mode: Mode, code: string, found: Record<string, string[]>, screen: string): Promise<void> {
  await typeCode(tab.page, mode, code);
  await checkScreen(tab, mode, screen, found);
  await tapButton(tab.page, '登录');
  await button(tab.page, '退出登录').waitFor();
}

const codeIn = async (page: Page) => (await shown(page).locator('.admin-code__value').innerText()).trim();

describe.each<Mode>(['normal', 'large'])('in %s mode, on H5 with AUTH_MODE=wechat', (mode) => {
  it('an admin signs in with the operator’s code, issues someone a code, and a new browser signs in with it once', async () => {
    const found: Record<string, string[]> = {};
    // The organizer has opened the mini-program once (WeChat login), so the account exists.
    const organizer = mode === 'normal' ? 'zhou' : 'wu';
    const wx = await fetch(`${e2e.url}/api/v1/auth/wx-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: `code-${organizer}` }),
    });
    expect(wx.status).toBe(200);
    const organizerNickname = ((await wx.json()) as { user: { nickname: string } }).user.nickname;

    // The operator: the first admin, and a code that signs them in on H5.
    expect(await adminCli('grant-admin', `openid-admin-${mode}`)).toContain('已授予管理员');
    const adminCode = /网页登录码：([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(await adminCli('login-code', `openid-admin-${mode}`))?.[1];
    expect(adminCode).toBeDefined();

    const adminTab = await e2e.open(`login-code-admin-${mode}`);
    await signInWithCode(adminTab, mode, adminCode!, found, 'login-code-form');
    const { page } = adminTab;
    await tapText(page, '管理：用户、角色与登录码');
    await field(page, '查找用户').fill(organizer);
    await tapButton(page, '查找');
    const card = shown(page).locator('.card').filter({ hasText: organizerNickname });
    await card.waitFor();
    await tapButton(page, '签发登录码', card);
    await card.locator('.admin-code__value').waitFor();
    await checkScreen(adminTab, mode, 'users-code-issued', found);
    const code = await codeIn(page);
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

    // A different browser profile: the organizer's own computer.
    const organizerTab = await e2e.open(`login-code-organizer-${mode}`);
    await signInWithCode(organizerTab, mode, code, found, 'login-code-organizer-form');
    await shown(organizerTab.page).getByText(organizerNickname).first().waitFor();
    await checkScreen(organizerTab, mode, 'organizer-signed-in', found);

    // The same code a second time, in a third profile: refused, in words.
    const again = await e2e.open(`login-code-again-${mode}`);
    await typeCode(again.page, mode, code);
    await tapButton(again.page, '登录');
    await shown(again.page).getByText('这个登录码已经用过了，请向管理员重新获取').waitFor();
    await checkScreen(again, mode, 'login-code-used', found);

    expect(found).toEqual({});
  });
});
