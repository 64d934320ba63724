import { act, render, renderHook, screen } from '@testing-library/react';
import * as device from '../../test/taro';
import { taroTest } from '../../test/taro';
import PageShell from '@/components/PageShell';
import { useLargeText } from '@/hooks/useLargeText';
import { setLargeText } from '@/utils/largeText';

beforeEach(() => {
  setLargeText(false);
  taroTest.reset();
});

/** The switch as a cold start of the app reads it: the store takes its first value from storage when imported. */
function valueOnNextStart(): boolean {
  let value: boolean | undefined;
  jest.isolateModules(() => {
    // A new start of the app on the same phone: fresh modules, the same storage.
    jest.doMock('@tarojs/taro', () => device);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    value = (require('@/utils/largeText') as typeof import('@/utils/largeText')).largeTextStore.get();
  });
  return value!;
}

describe('大字模式 (large text)', () => {
  test('switching it on re-renders every page root with the large class', () => {
    const { result } = renderHook(() => useLargeText());
    render(
      <PageShell>
        <span>内容</span>
      </PageShell>,
    );
    const root = screen.getByText('内容').parentElement!;
    expect(result.current).toBe(false);
    expect(root.className).not.toContain('page--large');

    act(() => setLargeText(true));
    expect(result.current).toBe(true);
    expect(root.className).toContain('page--large');
  });

  test('is off on a first start', () => {
    expect(valueOnNextStart()).toBe(false);
  });

  test('is remembered on the device: the next start begins in large text', () => {
    setLargeText(true);
    expect(valueOnNextStart()).toBe(true);
  });

  test('switching it off is remembered too', () => {
    setLargeText(true);
    setLargeText(false);
    expect(valueOnNextStart()).toBe(false);
  });
});
