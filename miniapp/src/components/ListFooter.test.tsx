import { fireEvent, render, screen } from '@testing-library/react';
import ListFooter from '@/components/ListFooter';
import type { PagedList } from '@/hooks/usePagedList';
import { ApiError } from '@/services/request';

function list(overrides: Partial<PagedList<{ id: string }>>): PagedList<{ id: string }> {
  return {
    items: [{ id: 'e1' }],
    loading: false,
    loadingMore: false,
    error: null,
    moreError: null,
    hasMore: false,
    capped: false,
    stale: false,
    loadMore: jest.fn(async () => undefined),
    reload: jest.fn(async () => undefined),
    update: jest.fn(),
    ...overrides,
  };
}

describe('ListFooter', () => {
  test('renders nothing while the first page loads, failed, or came back empty (the page state covers those)', () => {
    for (const state of [{ loading: true }, { error: new ApiError('NETWORK', '网络连接失败', 0) }, { items: [] }]) {
      const { container, unmount } = render(<ListFooter list={list(state)} />);
      expect(container.innerHTML).toBe('');
      unmount();
    }
  });

  test('more to load: a button that loads the next page', () => {
    const more = list({ hasMore: true });
    render(<ListFooter list={more} />);
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    expect(more.loadMore).toHaveBeenCalledTimes(1);
  });

  test('a failed next page shows why and retries on tap', () => {
    const failed = list({ hasMore: true, moreError: new ApiError('NETWORK', '网络连接失败，请检查网络后重试', 0) });
    render(<ListFooter list={failed} />);
    fireEvent.click(screen.getByRole('button', { name: '网络连接失败，请检查网络后重试，点此重试' }));
    expect(failed.loadMore).toHaveBeenCalledTimes(1);
  });

  test('while the next page loads, it says so', () => {
    render(<ListFooter list={list({ hasMore: true, loadingMore: true })} />);
    expect(screen.getByText('加载中…')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('at the cap it asks to narrow the filters; at the end it says there is no more', () => {
    const { unmount } = render(<ListFooter list={list({ capped: true, items: Array.from({ length: 200 }, (_, i) => ({ id: `e${i}` })) })} />);
    expect(screen.getByText('已显示前 200 条，请用筛选缩小范围')).toBeTruthy();
    unmount();
    render(<ListFooter list={list({})} />);
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });
});
