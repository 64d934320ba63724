import { act, renderHook, waitFor } from '@testing-library/react';
import { taroTest } from '../../test/taro';
import { useRequest } from '@/hooks/useRequest';
import { getEvent } from '@/services/events';

beforeEach(() => taroTest.reset());

describe('useRequest', () => {
  test('loads on mount: loading, then the data', async () => {
    taroTest.onRequest(() => ({ statusCode: 200, data: { id: 'e1', title: '全国科普日' } }));
    const { result } = renderHook(() => useRequest(() => getEvent('e1'), ['e1']));
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.data).toMatchObject({ title: '全国科普日' });
    expect(result.current.error).toBeNull();
  });

  test('a failure is an error state carrying the server’s Chinese message, and no toast (the page shows it)', async () => {
    taroTest.onRequest(() => ({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '内容不存在或已删除' } } }));
    const { result } = renderHook(() => useRequest(() => getEvent('gone'), ['gone']));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.error).toMatchObject({ status: 404, message: '内容不存在或已删除' });
    expect(result.current.data).toBeNull();
    expect(taroTest.toasts).toEqual([]);
  });

  test('reload clears the error and shows the fresh data', async () => {
    taroTest.goOffline();
    const { result } = renderHook(() => useRequest(() => getEvent('e1'), ['e1']));
    await waitFor(() => expect(result.current.error?.code).toBe('NETWORK'));
    taroTest.onRequest(() => ({ statusCode: 200, data: { id: 'e1', title: '科技活动周' } }));
    await act(() => result.current.reload());
    expect(result.current.error).toBeNull();
    expect(result.current.data).toMatchObject({ title: '科技活动周' });
  });

  test('when deps change, a slower answer for the old deps never overwrites the new one', async () => {
    const answers: Record<string, (value: string) => void> = {};
    const load = (id: string) => () =>
      new Promise<string>((resolve) => {
        answers[id] = resolve;
      });
    const { result, rerender } = renderHook(({ id }) => useRequest(load(id), [id]), { initialProps: { id: 'old' } });
    rerender({ id: 'new' });
    await act(async () => answers.new!('新活动'));
    await act(async () => answers.old!('旧活动'));
    expect(result.current.data).toBe('新活动');
    expect(result.current.loading).toBe(false);
  });

  test('a null loader (signed out) neither loads nor spins', () => {
    const { result } = renderHook(() => useRequest<string>(null, []));
    expect(result.current.loading).toBe(false);
    expect(result.current.data).toBeNull();
  });
});
