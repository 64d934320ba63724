// H5 loads each page's code when it is first opened. With the server gone that
// load fails inside Taro's router, where nobody hears it, after the address
// has already changed: the old page stays on screen under the new address
// (without its tab bar), and a tapped card or tab seems to do nothing. Say what
// happened, and step the address back to the page still shown.
import Taro from '@tarojs/taro';

export const PAGE_LOAD_FAILED = '网络连接失败，页面没能打开，请检查网络后重试';

/** webpack's error for a page's script or styles that could not be fetched. */
export function isPageLoadFailure(reason: unknown): boolean {
  const error = reason as { name?: string; message?: string } | null;
  return error?.name === 'ChunkLoadError' || /Loading (CSS )?chunk \S+ failed/.test(error?.message ?? '');
}

export function reportPageLoadFailures(target: Pick<Window, 'addEventListener' | 'history'>): void {
  target.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    if (!isPageLoadFailure(event.reason)) return;
    event.preventDefault();
    // Taro's router takes a step back to the page it shows as staying put (and shows the tab bar again on a tab).
    target.history.back();
    void Taro.showToast({ title: PAGE_LOAD_FAILED, icon: 'none', duration: 3000 }).catch(() => undefined);
  });
}
