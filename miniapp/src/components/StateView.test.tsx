import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { taroTest } from '../../test/taro';
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

  test('when a page away from the tabs cannot load, it says so and offers 返回首页, which switches to the 活动 tab', () => {
    taroTest.reset();
    render(<StateView error={new ApiError('NETWORK', '网络连接失败，请检查网络后重试', 0)} onRetry={jest.fn()} />);
    expect(screen.getByText('加载失败')).toBeTruthy();
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '返回首页' }));
    expect(taroTest.navigations).toEqual(['/pages/events/index']);
  });

  test('when what a shared link points at is gone (404), retrying is pointless: only 返回首页 is offered', () => {
    render(<StateView error={new ApiError('NOT_FOUND', '内容不存在或已删除', 404)} onRetry={jest.fn()} />);
    expect(screen.getByText('没有找到')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
    expect(screen.getByRole('button', { name: '返回首页' })).toBeTruthy();
  });

  test('on a tab page the error offers retry only: the tabs are home', () => {
    const pages = jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{ route: 'pages/calendar/index' }] as never);
    render(<StateView error={new ApiError('NETWORK', '网络连接失败，请检查网络后重试', 0)} onRetry={jest.fn()} />);
    expect(screen.queryByRole('button', { name: '返回首页' })).toBeNull();
    pages.mockRestore();
  });

  test('empty shows the page’s own text', () => {
    render(<StateView empty emptyText="还没有申请过志愿岗位" />);
    expect(screen.getByText('还没有申请过志愿岗位')).toBeTruthy();
  });

  test('with nothing to report it renders nothing, so the page shows its content', () => {
    expect(renderState({ loading: false, error: null, empty: false })).toBeNull();
  });
});
