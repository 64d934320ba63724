import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { NotificationView } from '@kepu/shared';
import { fakeApi, ok } from '../../../../../test/api';
import { user } from '../../../../../test/fixtures';
import { taroTest } from '../../../../../test/taro';
import { unreadStore } from '@/services/notifications';
import { clearListCache } from '@/services/offline';
import { clearSession, saveSession } from '@/services/session';
import InboxPage from './index';

const notice = (overrides: Partial<NotificationView>): NotificationView => ({
  id: 'n1',
  kind: 'signup.promoted',
  title: '候补成功',
  body: '「青少年机器人编程体验营」有名额空出，你已从候补转为报名成功。',
  eventId: 'e1',
  createdAt: '2026-11-25T10:00:00+08:00',
  readAt: null,
  ...overrides,
});

beforeEach(() => {
  taroTest.reset();
  clearSession();
  clearListCache();
  unreadStore.set(0);
});

describe('the inbox (消息)', () => {
  test('lists messages newest first; tapping an unread one marks it read, lowers the badge and opens its event', async () => {
    saveSession({ token: 't', user: user(['resident']) });
    const read: unknown[] = [];
    fakeApi({
      'GET /me/notifications': () =>
        ok({
          items: [notice({}), notice({ id: 'n2', kind: 'event.reminder', title: '活动即将开始', eventId: 'e2', readAt: '2026-11-25T09:00:00+08:00' })],
          nextCursor: null,
        }),
      'POST /me/notifications/read': (request) => {
        read.push(request.data);
        return ok({ marked: 1, count: 0 });
      },
    });
    unreadStore.set(1);
    render(<InboxPage />);
    await waitFor(() => expect(screen.getByText('候补成功')).toBeTruthy());
    expect(screen.getByText('活动即将开始')).toBeTruthy();
    expect(screen.getAllByText('未读')).toHaveLength(1);
    expect(taroTest.badges.get(3)).toBe('1');

    fireEvent.click(screen.getByText('候补成功'));
    await waitFor(() => expect(taroTest.navigations).toEqual(['/pages/event-detail/index?id=e1']));
    expect(read).toEqual([{ ids: ['n1'] }]);
    expect(screen.queryByText('未读')).toBeNull();
    expect(taroTest.badges.get(3)).toBe('');

    // A read one opens its event without another request.
    fireEvent.click(screen.getByText('活动即将开始'));
    await waitFor(() => expect(taroTest.navigations).toEqual(['/pages/event-detail/index?id=e1', '/pages/event-detail/index?id=e2']));
    expect(read).toHaveLength(1);
  });

  test('全部已读 marks everything read', async () => {
    saveSession({ token: 't', user: user(['resident']) });
    let allRead = false;
    fakeApi({
      'GET /me/notifications': () => ok({ items: [notice({ readAt: allRead ? '2026-11-25T10:05:00+08:00' : null })], nextCursor: null }),
      'POST /me/notifications/read': (request) => {
        allRead = (request.data as { all?: boolean }).all === true;
        return ok({ marked: 1, count: 0 });
      },
    });
    unreadStore.set(1);
    render(<InboxPage />);
    fireEvent.click(await screen.findByText('全部已读'));
    await waitFor(() => expect(screen.getByText('没有未读消息')).toBeTruthy());
    expect(allRead).toBe(true);
    expect(screen.queryByText('未读')).toBeNull();
  });

  test('signed out, it asks to sign in', () => {
    render(<InboxPage />);
    expect(screen.getByText('登录后查看报名、候补递补和活动变更等消息')).toBeTruthy();
  });
});
