// The text scan every e2e suite runs (text-scan.ts), on pages written here:
// it must catch each kind of forbidden text, say where, and leave alone what
// is not shown or reads as people write it.
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { describeLeaks, watchVisibleText, type TextLeak } from './text-scan';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function leaksOf(html: string): Promise<TextLeak[]> {
  const context = await browser.newContext();
  const found: TextLeak[] = [];
  await watchVisibleText(context, found);
  const page = await context.newPage();
  // A data: URL stands in for a screen of the app; the hash is what the report must name.
  await page.goto(`data:text/html;charset=utf-8,${encodeURIComponent(`<body>${html}</body>`)}`);
  await page.evaluate(() => (window as unknown as { __kepuScanText: () => void }).__kepuScanText());
  await context.close();
  return found;
}

describe('the visible-text scan', () => {
  it('when a screen shows an ISO time, a zod message, a uuid or an audit target, each is reported with the text around it', async () => {
    const found = await leaksOf(`
      <p>签到时间 2026-11-29T21:02:12+08:00</p>
      <p>开始 2026-12-06 09:30</p>
      <p>印发 2023-03-30</p>
      <p>数值过小：期望 string >=1 字符</p>
      <p>Too small: expected string to have >=1 characters</p>
      <p>报名编号 3f2b8c1e-9a4d-4e7b-8c2f-1a2b3c4d5e6f</p>
      <p>对象 application:0b7c2d9e-1f3a-4b5c-8d6e-7f8091a2b3c4</p>`);
    const kinds = found.map((leak) => leak.what);
    expect(kinds.filter((k) => k === 'an ISO timestamp')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'an English or default validation message').length).toBeGreaterThanOrEqual(2);
    expect(kinds).toContain('a uuid');
    expect(kinds).toContain('an id target');
    expect(found.find((leak) => leak.what === 'an id target')?.text).toContain('application:0b7c2d9e');
    expect(found.every((leak) => leak.url.startsWith('data:text/html'))).toBe(true);
    expect(describeLeaks(found)).toMatch(/an ISO timestamp at data:text\/html.*\n {4}"签到时间 2026-11-29T21:02:12\+08:00/);
  });

  it('when the text is hidden (an earlier page Taro keeps in the DOM) or written as people write it, nothing is reported', async () => {
    const found = await leaksOf(`
      <div style="display: none">2026-11-29T21:02:12+08:00 3f2b8c1e-9a4d-4e7b-8c2f-1a2b3c4d5e6f</div>
      <p>12月6日 周日 09:30–11:30</p>
      <p>2026年11月29日 21:02</p>
      <p>请填写姓名</p>
      <p>编号 A2023-03-301</p>
      <p>手机号格式不正确</p>`);
    expect(found).toEqual([]);
  });

  it('when forbidden text appears after the page loaded (data arriving), it is caught too', async () => {
    const context = await browser.newContext();
    const found: TextLeak[] = [];
    await watchVisibleText(context, found);
    const page = await context.newPage();
    await page.goto('data:text/html;charset=utf-8,<body><p>加载中…</p></body>');
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<p>活动 event-7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6.ics</p>');
    });
    const deadline = Date.now() + 5000;
    while (found.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await context.close();
    expect(found.map((leak) => leak.what)).toContain('a uuid');
  });
});
