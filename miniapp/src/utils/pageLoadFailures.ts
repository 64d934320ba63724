// H5 loads each page's code when it is first opened. With the server gone that
// load fails inside Taro's router, where nobody hears it, after the address
// has already changed: the old page stays on screen under the new address
// (without its tab bar, or with the wrong tab lit), and a tapped card or tab
// seems to do nothing. Say what happened, and put the address back on the page
// still shown.
import Taro from '@tarojs/taro';
import { tabs } from '@/utils/routes';

export const PAGE_LOAD_FAILED = '网络连接失败，页面没能打开，请检查网络后重试';

const tabPaths = Object.values(tabs) as string[];
/** '/pages/plans/index' of '#/pages/plans/index?x=1' or '/pages/plans/index?stamp=2'. */
const pathOf = (address: string) => `/${address.replace(/^#?\/?/, '').split('?')[0]}`;

/** webpack's error for a page's script or styles that could not be fetched. */
export function isPageLoadFailure(reason: unknown): boolean {
  const error = reason as { name?: string; message?: string } | null;
  return error?.name === 'ChunkLoadError' || /Loading (CSS )?chunk \S+ failed/.test(error?.message ?? '');
}

/** One failed tap can fail several times over (a page's script and its styles): one repair for them all. */
const SAME_FAILURE_MS = 1500;

interface Target {
  addEventListener: Window['addEventListener'];
  history: Pick<History, 'back'>;
  location: Pick<Location, 'hash'>;
}

/**
 * A page opened over another (navigateTo, a card) pushed its address: one step
 * back. A tab (switchTab) replaced it: switch back to the page still shown.
 */
function restoreAddress(target: Target): void {
  if (!tabPaths.includes(pathOf(target.location.hash))) {
    target.history.back();
    return;
  }
  const pages = Taro.getCurrentPages();
  const shown = pages[pages.length - 1] as { path?: string; route?: string } | undefined;
  const address = shown?.path ?? shown?.route ?? tabs.events;
  if (tabPaths.includes(pathOf(address))) void Taro.switchTab({ url: pathOf(address) }).catch(() => undefined);
  else
    void Taro.redirectTo({
      url: `/${address
        .replace(/^\//, '')
        .replace(/([?&])stamp=[^&]*&?/, '$1')
        .replace(/[?&]$/, '')}`,
    }).catch(() => undefined);
}

export function reportPageLoadFailures(target: Target, now: () => number = Date.now): void {
  let handledAt = -Infinity;
  target.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    if (!isPageLoadFailure(event.reason)) return;
    event.preventDefault();
    if (now() - handledAt < SAME_FAILURE_MS) return;
    handledAt = now();
    restoreAddress(target);
    void Taro.showToast({ title: PAGE_LOAD_FAILED, icon: 'none', duration: 3000 }).catch(() => undefined);
  });
}
