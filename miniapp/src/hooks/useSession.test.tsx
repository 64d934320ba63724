import { act, renderHook } from '@testing-library/react';
import type { UserView } from '@kepu/shared';
import * as device from '../../test/taro';
import { taroTest } from '../../test/taro';
import { useSession } from '@/hooks/useSession';
import { clearSession, saveSession, updateSessionUser, type Session } from '@/services/session';

const organizer = { id: 'u2', nickname: '科协', roles: ['resident', 'organizer'], organizations: [{ id: 'o1', name: '唐山市科协' }] } as unknown as UserView;

beforeEach(() => {
  clearSession();
  taroTest.reset();
});

/** The session as a cold start of the app finds it in storage. */
function sessionOnNextStart(): Session | null {
  let value: Session | null = null;
  jest.isolateModules(() => {
    // A new start of the app on the same phone: fresh modules, the same storage.
    jest.doMock('@tarojs/taro', () => device);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    value = (require('@/services/session') as typeof import('@/services/session')).sessionStore.get();
  });
  return value;
}

describe('useSession', () => {
  test('signed out: no user and no roles', () => {
    const { result } = renderHook(() => useSession());
    expect(result.current.loggedIn).toBe(false);
    expect(result.current.hasRole('resident')).toBe(false);
  });

  test('signing in and out re-renders with the user and their roles', () => {
    const { result } = renderHook(() => useSession());
    act(() => saveSession({ token: 't', user: organizer }));
    expect(result.current.user?.nickname).toBe('科协');
    expect(result.current.hasRole('organizer')).toBe(true);
    expect(result.current.hasRole('volunteer')).toBe(false);

    act(() => clearSession());
    expect(result.current.loggedIn).toBe(false);
    expect(sessionOnNextStart()).toBeNull();
  });

  test('a restart stays signed in, and a refreshed user (a new role) is what the next start sees', () => {
    saveSession({ token: 't', user: organizer });
    expect(sessionOnNextStart()?.user.id).toBe('u2');

    const { result } = renderHook(() => useSession());
    act(() => updateSessionUser({ ...organizer, roles: [...organizer.roles, 'volunteer'] } as UserView));
    expect(result.current.hasRole('volunteer')).toBe(true);
    expect(sessionOnNextStart()?.user.roles).toContain('volunteer');
  });

  test('a stored user without its token is no session', () => {
    taroTest.storage.set('kepu.user', JSON.stringify(organizer));
    expect(sessionOnNextStart()).toBeNull();
  });

  test('refreshing the user while signed out does not sign anyone in', () => {
    updateSessionUser(organizer);
    expect(sessionOnNextStart()).toBeNull();
  });
});
