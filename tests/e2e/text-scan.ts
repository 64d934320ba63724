/// <reference lib="dom" />
// What no screen may show: ISO timestamps and dates (2026-12-06T…, 2026-12-06 09:…, 2023-03-30),
// zod's English (or machine-translated) validation text, uuids and audit-style
// `event:<uuid>` targets. Every tab the e2e helpers open watches its own
// visible text: after any change to the page (a navigation, a tap, data
// arriving), once it has been still for a moment, the text of what is shown
// (the page on screen, the tab bar, toasts and dialogs) is matched, and each
// finding is reported with the page's URL. useE2e fails the test that met one.
import type { BrowserContext, Page } from 'playwright-core';

/** name -> pattern source, matched with the `i` flag where noted. */
export const forbiddenText: { name: string; pattern: string; flags: string }[] = [
  // A time (2026-12-06T09:30, 2026-12-06 09:30) or a bare date (2023-03-30), not digits inside a longer code.
  { name: 'an ISO timestamp', pattern: String.raw`(?<![\w-])\d{4}-\d{2}-\d{2}(?:T|\s\d|(?![\w-]))`, flags: '' },
  {
    name: 'an English or default validation message',
    pattern: String.raw`Invalid (?:input|option|string|type|ISO|date|email|url)|Too (?:small|big)|expected (?:string|number|int|boolean|array|object)|Unrecognized key|received (?:string|number|undefined)|Required\b|数值过[小大]|期望\s*\S+|无效输入`,
    flags: 'i',
  },
  { name: 'an id target', pattern: String.raw`\b[a-z][a-z_]*:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`, flags: 'i' },
  { name: 'a uuid', pattern: String.raw`\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`, flags: 'i' },
];

export interface TextLeak {
  url: string;
  what: string;
  text: string;
}

const REPORT = '__kepuReportTextLeak';

/**
 * Starts the watch in every page of the context; findings go to `found`, each
 * (URL, kind, text) once. Call before the first page opens.
 */
export async function watchVisibleText(context: BrowserContext, found: TextLeak[]): Promise<void> {
  const seen = new Set<string>();
  await context.exposeBinding(REPORT, (_source, leak: TextLeak) => {
    const key = `${leak.url}\n${leak.what}\n${leak.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push(leak);
  });
  await context.addInitScript(
    ({ rules, report }) => {
      const patterns = rules.map((rule) => ({ name: rule.name, re: new RegExp(rule.pattern, `g${rule.flags}`) }));
      const visibleText = (): string => {
        // Taro keeps earlier pages and other tabs in the DOM, hidden: innerText leaves out what is not rendered.
        return document.body ? document.body.innerText : '';
      };
      const scan = () => {
        const text = visibleText();
        for (const { name, re } of patterns) {
          re.lastIndex = 0;
          for (let match = re.exec(text); match; match = re.exec(text)) {
            const start = Math.max(0, match.index - 20);
            const excerpt = text.slice(start, match.index + match[0].length + 20).replace(/\s+/g, ' ');
            (window as unknown as Record<string, (leak: unknown) => void>)[report]?.({ url: location.href, what: name, text: excerpt });
          }
        }
      };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const later = () => {
        clearTimeout(timer);
        timer = setTimeout(scan, 150);
      };
      (window as unknown as { __kepuScanText: () => void }).__kepuScanText = scan;
      const start = () => {
        new MutationObserver(later).observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
          attributeFilter: ['class', 'style'],
        });
        later();
      };
      if (document.body) start();
      else document.addEventListener('DOMContentLoaded', start);
    },
    { rules: forbiddenText, report: REPORT },
  );
}

/** Scans the page as it is now (the last change may still be waiting for its quiet moment). */
export async function scanNow(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __kepuScanText?: () => void }).__kepuScanText?.()).catch(() => undefined);
}

/** One readable block for a failing test. */
export function describeLeaks(leaks: TextLeak[]): string {
  return `a page showed text no screen may show (ISO time, English validation text or a raw id):\n${leaks
    .map((leak) => `  ${leak.what} at ${leak.url}\n    "${leak.text}"`)
    .join('\n')}`;
}
