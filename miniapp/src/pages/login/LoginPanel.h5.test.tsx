import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { failure, fakeApi, ok } from '../../../test/api';
import { user } from '../../../test/fixtures';
import { taroTest } from '../../../test/taro';
import { clearSession, sessionStore } from '@/services/session';
import LoginPanel from './LoginPanel.h5';

beforeEach(() => {
  taroTest.reset();
  clearSession();
});

describe('H5 login panel', () => {
  test('with AUTH_MODE=dev it offers the demo accounts and no code form', async () => {
    fakeApi({ 'GET /auth/options': () => ok({ devLogin: true, loginCode: true }) });
    render(<LoginPanel disabled={false} onLoggedIn={() => undefined} />);
    await waitFor(() => expect(screen.getByText('管理员（demo-admin）')).toBeTruthy());
    expect(screen.queryByLabelText('登录码')).toBeNull();
  });

  test('without dev login it asks for the code, sends it, and signs in', async () => {
    const loggedIn = jest.fn();
    fakeApi({
      'GET /auth/options': () => ok({ devLogin: false, loginCode: true }),
      'POST /auth/code-login': () => ok({ token: 't', user: user(['resident', 'organizer']) }),
    });
    render(<LoginPanel disabled={false} onLoggedIn={loggedIn} />);
    await waitFor(() => expect(screen.getByLabelText('登录码')).toBeTruthy());
    expect(screen.queryByText('管理员（demo-admin）')).toBeNull();
    fireEvent.change(screen.getByLabelText('登录码'), { target: { value: 'abcde-fgh23' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '登录' })));
    expect(taroTest.requests.find((r) => r.method === 'POST')?.data).toEqual({ code: 'abcde-fgh23' });
    expect(loggedIn).toHaveBeenCalled();
    expect(sessionStore.get()?.token).toBe('t');
  });

  test('a used code is explained beside the field, and nobody is signed in', async () => {
    const loggedIn = jest.fn();
    fakeApi({
      'GET /auth/options': () => ok({ devLogin: false, loginCode: true }),
      'POST /auth/code-login': () => failure(400, 'LOGIN_CODE_INVALID', '登录码无效、已使用或已过期，请向管理员重新获取', { reason: 'used' }),
    });
    render(<LoginPanel disabled={false} onLoggedIn={loggedIn} />);
    await waitFor(() => expect(screen.getByLabelText('登录码')).toBeTruthy());
    fireEvent.change(screen.getByLabelText('登录码'), { target: { value: 'ABCDE-FGH23' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '登录' })));
    expect(screen.getByText('这个登录码已经用过了，请向管理员重新获取')).toBeTruthy();
    expect(loggedIn).not.toHaveBeenCalled();
    expect(sessionStore.get()).toBeNull();
  });
});
