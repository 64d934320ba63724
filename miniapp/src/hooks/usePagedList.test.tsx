import { act, renderHook, waitFor } from '@testing-library/react';
import { taroTest } from '../../test/taro';
import { MAX_ITEMS, usePagedList } from '@/hooks/usePagedList';
import { listEvents } from '@/services/events';
import { clearListCache } from '@/services/offline';
import { ApiError, type Listing } from '@/services/request';

interface Row {
  id: string;
  title: string;
}

const rows = (from: number, n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: `e${from + i}`, title: `活动${from + i}` }));

/** A server of cursor pages: cursor null is page 0, `cN` is page N; the last page has nextCursor null. */
function pagedServer(pages: Row[][]) {
  const calls: (string | null)[] = [];
  const fetchPage = jest.fn(async (cursor: string | null): Promise<Listing<Row>> => {
    calls.push(cursor);
    const index = cursor ? Number(cursor.slice(1)) : 0;
    return { items: pages[index] ?? [], nextCursor: index + 1 < pages.length ? `c${index + 1}` : null };
  });
  return { fetchPage, calls };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  taroTest.reset();
  clearListCache();
});

describe('usePagedList', () => {
  test('loads the first page, then appends the next cursor page on loadMore', async () => {
    const server = pagedServer([rows(0, 3), rows(3, 3), rows(6, 2)]);
    const { result } = renderHook(() => usePagedList(server.fetchPage, []));
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.items.map((r) => r.id)).toEqual(['e0', 'e1', 'e2']);
    expect(result.current.hasMore).toBe(true);

    await act(() => result.current.loadMore());
    expect(result.current.items.map((r) => r.id)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5']);
    expect(server.calls).toEqual([null, 'c1']);
  });

  test('stops at nextCursor null: no more pages are asked for and the footer says the end', async () => {
    const server = pagedServer([rows(0, 2), rows(2, 1)]);
    const { result } = renderHook(() => usePagedList(server.fetchPage, []));
    await waitFor(() => expect(result.current.loading).toBe(false));
    await act(() => result.current.loadMore());
    expect(result.current.items).toHaveLength(3);
    expect(result.current.hasMore).toBe(false);

    await act(() => result.current.loadMore());
    expect(server.calls).toEqual([null, 'c1']);
    expect(result.current.items).toHaveLength(3);
  });

  test('two scroll-to-bottom events in a row fetch the next page once', async () => {
    const server = pagedServer([rows(0, 2), rows(2, 2), rows(4, 2)]);
    const { result } = renderHook(() => usePagedList(server.fetchPage, []));
    await waitFor(() => expect(result.current.loading).toBe(false));
    await act(async () => {
      const first = result.current.loadMore();
      const second = result.current.loadMore();
      await Promise.all([first, second]);
    });
    expect(server.calls).toEqual([null, 'c1']);
    expect(result.current.items).toHaveLength(4);
  });

  test('a failed first page is an error state with the server message, and reload recovers', async () => {
    let fail = true;
    const fetchPage = jest.fn(async (): Promise<Listing<Row>> => {
      if (fail) throw new ApiError('RATE_LIMITED', '操作太频繁，请稍后再试', 429);
      return { items: rows(0, 1), nextCursor: null };
    });
    const { result } = renderHook(() => usePagedList(fetchPage, []));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.error?.message).toBe('操作太频繁，请稍后再试');
    expect(result.current.items).toEqual([]);

    fail = false;
    await act(() => result.current.reload());
    expect(result.current.error).toBeNull();
    expect(result.current.items).toHaveLength(1);
  });

  test('a failed next page keeps the rows already shown and can be retried', async () => {
    let failNext = true;
    const fetchPage = jest.fn(async (cursor: string | null): Promise<Listing<Row>> => {
      if (!cursor) return { items: rows(0, 2), nextCursor: 'c1' };
      if (failNext) throw new ApiError('NETWORK', '网络连接失败，请检查网络后重试', 0);
      return { items: rows(2, 2), nextCursor: null };
    });
    const { result } = renderHook(() => usePagedList(fetchPage, []));
    await waitFor(() => expect(result.current.loading).toBe(false));
    await act(() => result.current.loadMore());
    expect(result.current.moreError?.code).toBe('NETWORK');
    expect(result.current.items).toHaveLength(2);
    expect(result.current.hasMore).toBe(true);

    failNext = false;
    await act(() => result.current.loadMore());
    expect(result.current.moreError).toBeNull();
    expect(result.current.items.map((r) => r.id)).toEqual(['e0', 'e1', 'e2', 'e3']);
  });

  test('when the filters change mid-request, the answer for the old filters is dropped', async () => {
    const slow = deferred<Listing<Row>>();
    const fetchFor = (city: string) => (city === '唐山市' ? () => slow.promise : async () => ({ items: [{ id: 'lz', title: '柳州' }], nextCursor: null }));
    const { result, rerender } = renderHook(({ city }) => usePagedList(fetchFor(city), [city]), { initialProps: { city: '唐山市' } });
    rerender({ city: '柳州市' });
    await waitFor(() => expect(result.current.items.map((r) => r.id)).toEqual(['lz']));
    await act(async () => slow.resolve({ items: [{ id: 'ts', title: '唐山' }], nextCursor: null }));
    expect(result.current.items.map((r) => r.id)).toEqual(['lz']);
  });

  test(`holds at most ${MAX_ITEMS} rows and then asks to narrow the filters instead of loading more`, async () => {
    const server = pagedServer([rows(0, 100), rows(100, 100), rows(200, 100)]);
    const { result } = renderHook(() => usePagedList(server.fetchPage, []));
    await waitFor(() => expect(result.current.loading).toBe(false));
    await act(() => result.current.loadMore());
    expect(result.current.items).toHaveLength(MAX_ITEMS);
    expect(result.current.capped).toBe(true);
    expect(result.current.hasMore).toBe(false);
    await act(() => result.current.loadMore());
    expect(server.calls).toEqual([null, 'c1']);
  });

  test('only the slimmed row (toRow) is kept, and update replaces or drops one row', async () => {
    const server = pagedServer([rows(0, 3)]);
    const { result } = renderHook(() => usePagedList(server.fetchPage, [], (row) => ({ id: row.id })));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.items[0]).toEqual({ id: 'e0' });
    act(() => result.current.update((row) => row.id === 'e1', null));
    act(() => result.current.update((row) => row.id === 'e2', { id: 'e2*' }));
    expect(result.current.items).toEqual([{ id: 'e0' }, { id: 'e2*' }]);
  });

  test('without a fetcher (signed out) there is nothing to load and no spinner', async () => {
    const { result } = renderHook(() => usePagedList<Row>(null, []));
    expect(result.current.loading).toBe(false);
    expect(result.current.items).toEqual([]);
    expect(result.current.hasMore).toBe(false);
  });

  test('offline, the list shows the last loaded first page, marked stale', async () => {
    const page = {
      items: [
        { id: 'e1', title: '全国科普日主场活动' },
        { id: 'e2', title: '防灾减灾日' },
      ],
      nextCursor: 'c1',
    };
    taroTest.onRequest(() => ({ statusCode: 200, data: page }));
    const online = renderHook(() => usePagedList((cursor) => listEvents({ city: '唐山市' }, cursor), []));
    await waitFor(() => expect(online.result.current.items).toHaveLength(2));
    expect(online.result.current.stale).toBe(false);
    online.unmount();

    taroTest.goOffline();
    const offline = renderHook(() => usePagedList((cursor) => listEvents({ city: '唐山市' }, cursor), []));
    await waitFor(() => expect(offline.result.current.loading).toBe(false));
    expect(offline.result.current.error).toBeNull();
    expect(offline.result.current.stale).toBe(true);
    expect(offline.result.current.items.map((e) => e.title)).toEqual(['全国科普日主场活动', '防灾减灾日']);

    // The next page was never loaded: its failure is a retryable footer, not a blank list.
    await act(() => offline.result.current.loadMore());
    expect(offline.result.current.moreError?.code).toBe('NETWORK');
    expect(offline.result.current.items).toHaveLength(2);
  });
});
