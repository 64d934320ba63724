/// <reference lib="dom" />
// Debian's headless Chromium driven by playwright-core, at a phone's size,
// and the few moves a user makes in the Taro H5 app: tap a tab, a button or a
// text, type into a field, answer a modal, pick from a picker, sign in.
// Taro keeps earlier pages of the stack and the other tabs in the DOM (hidden
// with `taro_page_shade`), so every lookup is scoped to the page shown.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { scanNow, watchVisibleText, type TextLeak } from './text-scan';

export const artifactsDir = join(__dirname, 'artifacts');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface AppTab {
  page: Page;
  context: BrowserContext;
  /** Saves a numbered screenshot of this step under artifacts/<flow>/. */
  shot(step: string): Promise<void>;
  /** What the page's Content-Security-Policy refused so far (the server's CSP must let the real app run). */
  cspViolations(): string[];
  /** Forbidden text (ISO times, English validation, raw ids) the screens showed so far; scans the screen as it is first. */
  textLeaks(): Promise<TextLeak[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * The city answered to the first-run question (default 柳州市, the first of the
   * demo's cities); null leaves the question on screen for the test to answer.
   */
  city?: string | null;
  /** Browser context options on top of the phone's (permissions, geolocation). */
  context?: BrowserContextOptions;
}

/** A fresh browser profile (empty storage: signed out, no consent) on the app's first page, its city chosen. */
export async function openApp(browser: Browser, baseUrl: string, flow: string, options: OpenOptions = {}): Promise<AppTab> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options.context });
  // Every refusal is reported as a console error, which the listener below collects.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  // Every screen of every suite is read for text no screen may show (see text-scan.ts).
  const textLeaks: TextLeak[] = [];
  await watchVisibleText(context, textLeaks);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /CSP violation|Content Security Policy/.test(message.text())) cspViolations.push(message.text());
  });
  const dir = join(artifactsDir, flow);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let step = 0;
  // What went wrong in the page, for the message when the app never shows up.
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${baseUrl}/`);
  await shown(page)
    .waitFor()
    .catch((error: Error) => {
      throw new Error(`the app did not render: ${error.message}\n${problems.join('\n')}`);
    });
  const city = options.city === undefined ? '柳州市' : options.city;
  if (city) await chooseFirstCity(page, city);
  return {
    page,
    context,
    shot: async (name) => {
      step += 1;
      await page.screenshot({ path: join(dir, `${String(step).padStart(2, '0')}-${name}.png`) });
    },
    cspViolations: () => [...cspViolations],
    textLeaks: async () => {
      await scanNow(page);
      return [...textLeaks];
    },
    close: async () => {
      // The screen a test ended on, passed or failed: the first thing to look at after a failure.
      await page.screenshot({ path: join(dir, 'last.png') }).catch(() => undefined);
      await context.close();
    },
  };
}

/** Answers the first-run question (which city?) from the list, as a resident who skips location does. */
export async function chooseFirstCity(page: Page, city: string): Promise<void> {
  await shown(page)
    .locator('.first-run .city-row__name')
    .filter({ hasText: exactly(city) })
    .click();
  await shown(page).locator('.events-head .city-chip').filter({ hasText: city }).waitFor();
}

/** Switches the city of the tab shown through its city switch (a sheet of cities). */
export async function switchCity(page: Page, city: string): Promise<void> {
  // Tab pages stay in the DOM, each with its own switch: act on the one in sight.
  await shown(page).locator('.city-chip').filter({ visible: true }).click();
  const sheet = page.locator('.bsheet').filter({ visible: true });
  await sheet.waitFor();
  await sheet
    .locator('.city-row__name')
    .filter({ hasText: exactly(city) })
    .click();
  await sheet.waitFor({ state: 'detached' });
  await shown(page).locator('.city-chip').filter({ hasText: city }).waitFor();
}

/**
 * The page on screen, once its slide-in has finished (`taro_page_stationed`).
 * Acting earlier is faster than any thumb, and Taro's router then loses
 * track: going back within that moment leaves the previous page hidden.
 */
export function shown(page: Page): Locator {
  return page.locator('.taro_page.taro_page_stationed:not(.taro_page_shade)').last();
}

const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** A Taro <Button> on the page shown, by its exact label. */
export function button(page: Page, label: string, within: Locator = shown(page)): Locator {
  return within.locator('taro-button-core').filter({ hasText: exactly(label) });
}

export async function tapButton(page: Page, label: string, within?: Locator): Promise<void> {
  await button(page, label, within).click();
}

/**
 * One of an organizer's actions on an event card in 活动管理: the card's one
 * button when it is that action, else the item of its 更多 menu (an action sheet).
 */
export async function cardAction(page: Page, card: Locator, label: string): Promise<void> {
  const primary = button(page, label, card);
  if (await primary.count()) {
    await primary.click();
    return;
  }
  await button(page, '更多', card).click();
  const item = page.locator('.taro__actionSheet .taro-actionsheet__cell').filter({ visible: true, hasText: exactly(label) });
  await item.click();
  await item.waitFor({ state: 'hidden' });
}

/** A state tab of 活动管理 (its label is followed by a count). */
export async function tapStatusTab(page: Page, label: string): Promise<void> {
  await shown(page)
    .locator('.org-tab')
    .filter({ hasText: new RegExp(`^\\s*${label}( \\d+)?\\s*$`) })
    .click();
}

/** Any tappable text (a chip, a list row, a card title) on the page shown. */
export async function tapText(page: Page, text: string): Promise<void> {
  await shown(page).getByText(text, { exact: true }).first().click();
}

export async function switchTab(page: Page, label: '活动' | '日历' | '计划' | '我的'): Promise<void> {
  await page.locator('.weui-tabbar__item').filter({ hasText: label }).click();
  await page.locator('.weui-tabbar__item.weui-bar__item_on').filter({ hasText: label }).waitFor();
}

/** The native <input> inside a Taro <Input>, found by its placeholder or aria-label. */
export function field(page: Page, placeholderOrLabel: string): Locator {
  const view = shown(page);
  return view
    .locator(`input[placeholder="${placeholderOrLabel}"]`)
    .or(view.locator(`taro-input-core[aria-label="${placeholderOrLabel}"] input`))
    .or(view.locator(`taro-textarea-core[aria-label="${placeholderOrLabel}"] textarea`))
    .first();
}

export async function expectToast(page: Page, text: string): Promise<void> {
  // The toast's root has no box of its own (its parts are position: fixed): wait for the text.
  await page.locator('.taro__toast').getByText(text).first().waitFor();
}

/** Answers a Taro.showModal with the button that has this label. */
export async function answerModal(page: Page, label: string): Promise<void> {
  // Like the toast, the modal's root has no box of its own: go by its buttons.
  const answer = page.locator('.taro__modal .taro-model__btn').filter({ visible: true, hasText: exactly(label) });
  await answer.click();
  await answer.waitFor({ state: 'hidden' });
}

/** Opens a selector <Picker> by tapping `opener`, taps the option, confirms. */
export async function pick(page: Page, opener: Locator, option: string): Promise<void> {
  await opener.click();
  const sheet = page.locator('.weui-picker').filter({ visible: true });
  await sheet.waitFor();
  await sheet.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  // A tap on a row selects it; the wheel's shading overlay lies on top and passes the tap on.
  await sheet
    .locator('.weui-picker__item')
    .filter({ hasText: exactly(option) })
    .click({ force: true });
  await sheet.locator('.weui-picker__action').filter({ hasText: '确定' }).click();
  await sheet.waitFor({ state: 'hidden' });
}

/**
 * Signs in from 我的 with a demo account of the H5 dev-login picker, consenting
 * to the privacy notice first as a new visitor must. Ends back on 我的.
 */
export async function signIn(page: Page, accountLabel: string): Promise<void> {
  await switchTab(page, '我的');
  await tapButton(page, '登录');
  await shown(page).getByText('登录科普汇').waitFor();
  // Consent is remembered on the device: tick it only when it is not ticked yet.
  const consent = shown(page).locator('taro-checkbox-core[aria-label="同意隐私说明"]');
  if (!(await consent.locator('input').isChecked())) await consent.click();
  await tapButton(page, accountLabel);
  await button(page, '退出登录').waitFor();
}

/**
 * Browser back by one page, done only when the page left is gone from the DOM
 * and the one under it has settled: going back again before that leaves a blank screen.
 */
export async function goBack(page: Page): Promise<void> {
  const pages = await page.locator('.taro_page').count();
  await page.goBack();
  await page.waitForFunction((before) => document.querySelectorAll('.taro_page').length < before, pages);
  await shown(page).waitFor();
}

/** Browser back until a tab page (with the tab bar) is on screen. */
export async function backToTabs(page: Page): Promise<void> {
  const tabBar = page.locator('.weui-tabbar');
  for (let i = 0; i < 10 && !(await tabBar.isVisible()); i++) await goBack(page);
}

export async function signOut(page: Page): Promise<void> {
  await backToTabs(page);
  await switchTab(page, '我的');
  await tapButton(page, '退出登录');
  await button(page, '登录').waitFor();
}

/**
 * Reads `read()` until `done` holds or the time is up, and returns the last
 * value, so the caller's expect() shows what the screen settled on.
 */
export async function settle<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

/** The titles of the event cards on the page shown, once the list has settled on `expected`. */
export async function eventTitles(page: Page, expected: string[]): Promise<string[]> {
  const read = async () => (await shown(page).locator('.event-card .title').allTextContents()).map((t) => t.trim());
  return settle(read, (titles) => JSON.stringify(titles) === JSON.stringify(expected));
}

/** Turns on 大字模式 from 我的 and waits until the page shows it. */
export async function turnOnLargeText(page: Page): Promise<void> {
  await switchTab(page, '我的');
  await shown(page).locator('.me-setting taro-switch-core').click();
  await shown(page).locator('.page.page--large').waitFor();
}
