/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Accessibility checks on the screen as it is: axe-core's rules, tap target
// sizes, and (in 大字模式) the smallest text. Each returns the problems as
// readable lines, so a failing expect() says what and where.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const axeSource = require.resolve('axe-core/axe.min.js');

/** axe-core violations of impact serious or critical, one line per rule. */
export async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, which the page's CSP does not govern (an injected <script> tag it refuses).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(axeSource, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.join(', ')}`);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * What a finger taps in this app. Taro's H5 components are custom elements
 * (taro-button-core …) and many taps land on Views with a click handler, so
 * they are named here by element and by the app's own tappable classes. An
 * <Input> is measured by its native input: a tap on the box around it does
 * not focus it. Inline links inside a sentence (`.link`) are exempt, as WCAG
 * exempts them.
 */
const tappable = [
  'taro-button-core',
  'a[href]',
  '.weui-tabbar__item',
  '.chip',
  '.list-row',
  '.check',
  '.picker-box',
  'taro-input-core input',
  '.event-card',
  '.banner',
  '.plan-task-link',
  '.task__head',
  '.progress-task',
  '.month__cell:not(.month__cell--blank)',
  'taro-switch-core',
  'label',
].join(', ');

/**
 * Tap targets on screen smaller than `min` CSS px either way, or partly
 * covered by something else (a tap there would hit the other thing). With a
 * sheet open, only the sheet and the tab bar are checked: the page is behind it.
 * `lower` gives a smaller minimum to targets that cannot reach `min` (the caller says why).
 */
export async function tapTargetProblems(page: Page, min: number, lower: Record<string, number> = {}): Promise<string[]> {
  return page.evaluate(
    ({ selector, min, lower }) => {
      const problems: string[] = [];
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 16)}"`;
      const shownPage = [...document.querySelectorAll('.taro_page')].reverse().find((p) => getComputedStyle(p).display !== 'none');
      const sheet = document.querySelector('.sheet-mask, .bsheet-mask');
      const roots = [sheet ?? shownPage, document.querySelector('.weui-tabbar')].filter((r): r is Element => Boolean(r));
      for (const root of roots) {
        for (const el of root.querySelectorAll(selector)) {
          const box = el.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) continue; // not rendered
          // A Switch or Checkbox wrapped in a <label> is tapped through the label.
          if (el.matches('taro-switch-core') && el.closest('label')) continue;
          const least = Object.entries(lower).find(([match]) => el.matches(match))?.[1] ?? min;
          if (box.width < least || box.height < least) {
            problems.push(`${name(el)} is ${box.width.toFixed(0)}x${box.height.toFixed(0)}, under ${least}x${least}`);
            continue;
          }
          // Only what lies wholly in sight can be hit-tested; the rest is scrolled away
          // (out of the screen, or out of a scrolling box inside it, such as a sheet's body).
          const sight = { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
          // What scrolls under the H5 top bar (sticky at the top of the page) is out of sight too.
          const bar = root.querySelector('.navbar');
          if (bar && !bar.contains(el)) sight.top = Math.max(sight.top, bar.getBoundingClientRect().bottom);
          for (let scroller: Element | null = el.parentElement; scroller; scroller = scroller === root ? null : scroller.parentElement) {
            if (scroller !== root && !/(auto|scroll|hidden)/.test(getComputedStyle(scroller).overflowY)) continue;
            const rect = scroller.getBoundingClientRect();
            sight.top = Math.max(sight.top, rect.top);
            sight.left = Math.max(sight.left, rect.left);
            sight.bottom = Math.min(sight.bottom, rect.bottom);
            sight.right = Math.min(sight.right, rect.right);
          }
          const inSight = box.top >= sight.top && box.left >= sight.left && box.bottom <= sight.bottom && box.right <= sight.right;
          if (!inSight) continue;
          // The centre and a point just inside each edge must all land on the target.
          const points = [
            [box.left + box.width / 2, box.top + box.height / 2],
            [box.left + box.width / 2, box.top + 3],
            [box.left + box.width / 2, box.bottom - 3],
            [box.left + 3, box.top + box.height / 2],
            [box.right - 3, box.top + box.height / 2],
          ];
          for (const [x, y] of points) {
            const hit = document.elementFromPoint(x!, y!);
            if (hit && !el.contains(hit) && !hit.contains(el)) {
              problems.push(`${name(el)} is partly covered by ${name(hit)}`);
              break;
            }
          }
        }
      }
      return problems;
    },
    { selector: tappable, min, lower },
  );
}

/** Waits until one page is on screen: a page sliding in or out would be checked along with it. */
export async function pageSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('.taro_page')].filter((p) => getComputedStyle(p).display !== 'none').length === 1);
}

/** Text on screen (the page shown and the tab bar) set below `min` CSS px. */
export async function smallTextProblems(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const problems = new Set<string>();
    const page = [...document.querySelectorAll('.taro_page')].reverse().find((p) => getComputedStyle(p).display !== 'none');
    const roots = [page, document.querySelector('.weui-tabbar')].filter((r): r is Element => Boolean(r));
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const parent = node.parentElement;
        if (!text || !parent || parent.getClientRects().length === 0) continue;
        const size = parseFloat(getComputedStyle(parent).fontSize);
        if (size < min) problems.add(`"${text.slice(0, 16)}" is ${size.toFixed(1)}px`);
      }
    }
    return [...problems];
  }, min);
}

/**
 * The checks a story runs on each screen it reaches: axe, tap targets (44 px, 60 px in
 * 大字模式) and, in 大字模式, text under 18 px; it saves a screenshot first.
 */
export async function screenProblems(tab: { page: Page; shot(step: string): Promise<void> }, mode: 'normal' | 'large', screen: string): Promise<string[]> {
  await pageSettled(tab.page);
  await tab.shot(screen);
  return [
    ...(await axeProblems(tab.page)),
    ...(await tapTargetProblems(tab.page, mode === 'large' ? 60 : 44)),
    ...(mode === 'large' ? await smallTextProblems(tab.page, 18) : []),
  ].map((problem) => `${screen} (${mode}): ${problem}`);
}
