// One real server on a fresh database and one Chromium per test file; each
// test opens its own browser profile, closed after the test.
import type { Browser } from 'playwright-core';
import { apiFor, type Api } from './api';
import { launchBrowser, openApp, type AppTab } from './browser';
import { startServer, type KepuServer } from './server';
import { describeLeaks } from './text-scan';

export interface E2e {
  url: string;
  api: Api;
  /** A fresh profile on the app's home page; screenshots go to artifacts/<flow>/. */
  open(flow: string): Promise<AppTab>;
}

export function useE2e(): E2e {
  let server: KepuServer | undefined;
  let browser: Browser | undefined;
  const tabs: AppTab[] = [];
  const e2e: E2e = {
    url: '',
    api: apiFor(''),
    async open(flow) {
      if (!browser || !server) throw new Error('useE2e: the server or browser did not start');
      const tab = await openApp(browser, server.url, flow);
      tabs.push(tab);
      return tab;
    },
  };

  beforeAll(async () => {
    // Started side by side; whichever did start is stopped in afterAll even if the other failed.
    const [started, launched] = await Promise.allSettled([startServer(), launchBrowser()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
    e2e.url = started.value.url;
    e2e.api = apiFor(started.value.url);
  });
  afterEach(async () => {
    const closing = tabs.splice(0);
    const violations = closing.flatMap((tab) => tab.cspViolations());
    const leaks = (await Promise.all(closing.map((tab) => tab.textLeaks()))).flat();
    await Promise.all(closing.map((tab) => tab.close()));
    // The server's Content-Security-Policy has to let the real app run: a refusal fails the test that met it.
    if (violations.length > 0) throw new Error(`the page broke its Content-Security-Policy:\n${[...new Set(violations)].join('\n')}`);
    // No screen shows an ISO time, zod's English or a raw id: the test that met one fails, naming the page and the text.
    if (leaks.length > 0) throw new Error(describeLeaks(leaks));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return e2e;
}
