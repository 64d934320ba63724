// One real server on a fresh database and one Chromium per test file; each
// test opens its own browser profile, closed after the test.
import type { Browser } from 'playwright-core';
import { apiFor, type Api } from './api';
import { launchBrowser, openApp, type AppTab, type OpenOptions } from './browser';
import { startServer, type KepuServer } from './server';
import { describeLeaks } from './text-scan';

export interface E2e {
  url: string;
  /** The server's database (sqlite:PATH), for the operator's CLI. */
  dbUrl: string;
  api: Api;
  /** A fresh profile on the app's home page, its city chosen (see OpenOptions); screenshots go to artifacts/<flow>/. */
  open(flow: string, options?: OpenOptions): Promise<AppTab>;
}

/** `env`: more environment for the server, read when it starts (after earlier beforeAll hooks, e.g. a fake WeChat's address). */
export function useE2e(options: { env?: () => Record<string, string> } = {}): E2e {
  let server: KepuServer | undefined;
  let browser: Browser | undefined;
  const tabs: AppTab[] = [];
  const e2e: E2e = {
    url: '',
    dbUrl: '',
    api: apiFor(''),
    async open(flow, options) {
      if (!browser || !server) throw new Error('useE2e: the server or browser did not start');
      const tab = await openApp(browser, server.url, flow, options);
      tabs.push(tab);
      return tab;
    },
  };

  beforeAll(async () => {
    // Started side by side; whichever did start is stopped in afterAll even if the other failed.
    const [started, launched] = await Promise.allSettled([startServer(options.env?.()), launchBrowser()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
    e2e.url = started.value.url;
    e2e.dbUrl = started.value.dbUrl;
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
