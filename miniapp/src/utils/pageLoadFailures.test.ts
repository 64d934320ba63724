import { taroTest } from '../../test/taro';
import { isPageLoadFailure, PAGE_LOAD_FAILED, reportPageLoadFailures } from '@/utils/pageLoadFailures';

describe('a page whose code cannot be fetched', () => {
  it('when webpack cannot fetch a page chunk, that is a page-load failure; other rejections are not', () => {
    const chunk = Object.assign(new Error('Loading chunk 395 failed.\n(error: http://127.0.0.1/js/395.js)'), { name: 'ChunkLoadError' });
    expect(isPageLoadFailure(chunk)).toBe(true);
    expect(isPageLoadFailure(new Error('Loading CSS chunk 11 failed.'))).toBe(true);
    expect(isPageLoadFailure(new Error('网络连接失败'))).toBe(false);
    expect(isPageLoadFailure(undefined)).toBe(false);
  });

  it('when the router fails to load a page, the person is told and the address steps back to the page still shown', async () => {
    taroTest.reset();
    const listeners: ((event: PromiseRejectionEvent) => void)[] = [];
    const back = jest.fn();
    reportPageLoadFailures({ addEventListener: ((_: string, listener: never) => listeners.push(listener)) as never, history: { back } as never });
    const event = (reason: unknown) => ({ reason, preventDefault: jest.fn() }) as unknown as PromiseRejectionEvent;

    const unrelated = event(new Error('something else'));
    listeners.forEach((listener) => listener(unrelated));
    expect(back).not.toHaveBeenCalled();

    const failed = event(Object.assign(new Error('Loading chunk 7 failed.'), { name: 'ChunkLoadError' }));
    listeners.forEach((listener) => listener(failed));
    await Promise.resolve();
    expect(back).toHaveBeenCalledTimes(1);
    expect(failed.preventDefault).toHaveBeenCalled();
    expect(taroTest.toasts).toEqual([PAGE_LOAD_FAILED]);
  });
});
