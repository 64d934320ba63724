import Taro from '@tarojs/taro';
import { taroTest } from '../../test/taro';
import { isPageLoadFailure, PAGE_LOAD_FAILED, reportPageLoadFailures } from '@/utils/pageLoadFailures';

const chunkError = (id: number) => Object.assign(new Error(`Loading chunk ${id} failed.`), { name: 'ChunkLoadError' });
const event = (reason: unknown) => ({ reason, preventDefault: jest.fn() }) as unknown as PromiseRejectionEvent;

/** A window double: the address the router already moved to, and what the handler does to history. */
function browser(hash: string) {
  const listeners: ((event: PromiseRejectionEvent) => void)[] = [];
  const back = jest.fn();
  let clock = 1_000;
  reportPageLoadFailures(
    { addEventListener: ((_: string, listener: never) => listeners.push(listener)) as never, history: { back }, location: { hash } },
    () => clock,
  );
  return {
    back,
    fail: (reason: unknown) => listeners.forEach((listener) => listener(reason as PromiseRejectionEvent)),
    later: () => (clock += 5_000),
  };
}

beforeEach(() => taroTest.reset());

describe('a page whose code cannot be fetched', () => {
  it('when webpack cannot fetch a page chunk, that is a page-load failure; other rejections are not', () => {
    expect(isPageLoadFailure(chunkError(395))).toBe(true);
    expect(isPageLoadFailure(new Error('Loading CSS chunk 11 failed.'))).toBe(true);
    expect(isPageLoadFailure(new Error('网络连接失败'))).toBe(false);
    expect(isPageLoadFailure(undefined)).toBe(false);
  });

  it('when a card’s page cannot load, the person is told and the pushed address steps back once, however often it fails', async () => {
    const window = browser('#/pages/event-detail/index?id=e1');
    window.fail(event(new Error('something else')));
    expect(window.back).not.toHaveBeenCalled();

    const failed = event(chunkError(7));
    window.fail(failed);
    await Promise.resolve();
    expect(failed.preventDefault).toHaveBeenCalled();
    expect(window.back).toHaveBeenCalledTimes(1);
    expect(taroTest.toasts).toEqual([PAGE_LOAD_FAILED]);

    // Its styles failing too is the same tap: stepping back twice would leave the app.
    window.fail(event(new Error('Loading CSS chunk 7 failed.')));
    expect(window.back).toHaveBeenCalledTimes(1);
    window.later();
    window.fail(event(chunkError(8)));
    expect(window.back).toHaveBeenCalledTimes(2);
  });

  it('when a tab cannot load, its address replaced the shown one: the app switches back to the tab still shown', async () => {
    const pages = jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{ path: '/pages/events/index?stamp=3' }] as never);
    const window = browser('#/pages/plans/index');
    window.fail(event(chunkError(514)));
    await Promise.resolve();
    expect(window.back).not.toHaveBeenCalled();
    expect(taroTest.navigations).toEqual(['/pages/events/index']);
    expect(taroTest.toasts).toEqual([PAGE_LOAD_FAILED]);
    pages.mockRestore();
  });
});
