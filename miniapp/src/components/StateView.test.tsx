import { fireEvent, render, screen } from '@testing-library/react';
import StateView, { renderState } from '@/components/StateView';
import { ApiError } from '@/services/request';

describe('StateView', () => {
  test('loading comes first, whatever else is set', () => {
    render(<StateView loading error={new ApiError('NETWORK', '网络连接失败', 0)} empty />);
    expect(screen.getByText('加载中…')).toBeTruthy();
    expect(screen.queryByText('网络连接失败')).toBeNull();
  });

  test('an error shows the server’s Chinese message and a retry that calls back', () => {
    const retry = jest.fn();
    render(<StateView error={new ApiError('RATE_LIMITED', '操作太频繁，请稍后再试', 429)} onRetry={retry} />);
    expect(screen.getByText('操作太频繁，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  test('a 401 offers login instead of retry when the page can send the user there', () => {
    const login = jest.fn();
    render(<StateView error={new ApiError('UNAUTHENTICATED', '请先登录', 401)} onRetry={jest.fn()} onLogin={login} />);
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '去登录' }));
    expect(login).toHaveBeenCalled();
  });

  test('empty shows the page’s own text', () => {
    render(<StateView empty emptyText="还没有申请过志愿岗位" />);
    expect(screen.getByText('还没有申请过志愿岗位')).toBeTruthy();
  });

  test('with nothing to report it renders nothing, so the page shows its content', () => {
    expect(renderState({ loading: false, error: null, empty: false })).toBeNull();
  });
});
