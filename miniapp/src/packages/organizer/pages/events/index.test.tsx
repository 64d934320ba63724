import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok } from '../../../../../test/api';
import { eventView, user } from '../../../../../test/fixtures';
import { taroTest } from '../../../../../test/taro';
import { clearSession, saveSession } from '@/services/session';
import OrganizerEventsPage from './index';

beforeEach(() => {
  taroTest.reset();
  clearSession();
  saveSession({ token: 't', user: user(['resident', 'organizer']) });
});

describe('活动管理', () => {
  test('an event whose plan task a re-import changed or dropped carries a badge; the others do not', async () => {
    fakeApi({
      'GET /events': () =>
        ok({
          items: [
            eventView({ id: 'e1', title: '科普讲座进社区', planTaskChanged: true }),
            eventView({ id: 'e2', title: '科技馆开放日', planTaskChanged: false }),
          ],
          nextCursor: null,
        }),
      'GET /event-revisions': () => ok({ items: [], nextCursor: null }),
    });
    render(<OrganizerEventsPage />);
    await waitFor(() => expect(screen.getByText('科技馆开放日')).toBeTruthy());
    expect(screen.getAllByText('关联的计划任务有变动')).toHaveLength(1);
    const card = screen.getByText('科普讲座进社区').parentElement!;
    expect(card.textContent).toContain('关联的计划任务有变动');
  });

  test("the tabs carry the server's counts, and a card shows one next step with the rest under 更多", async () => {
    // Far ahead, so "days away" holds whenever the test runs.
    const event = eventView({ id: 'e9', title: '星空观测夜', startsAt: '2099-05-01T19:00:00+08:00', endsAt: '2099-05-01T21:00:00+08:00' });
    fakeApi({
      'GET /events': () => ok({ items: [event], nextCursor: null }),
      'GET /event-revisions': () => ok({ items: [], nextCursor: null }),
      'GET /organizations/o1/events/counts': () => ok({ all: 12, draft: 2, pending: 1, published: 8, rejected: 0, cancelled: 1 }),
    });
    render(<OrganizerEventsPage />);
    await waitFor(() => expect(screen.getByText('已发布 8')).toBeTruthy());
    expect(screen.getByText('草稿 2')).toBeTruthy();
    expect(screen.getByText('已取消 1')).toBeTruthy();
    expect(screen.getByText(/未结束的活动共 12 场/)).toBeTruthy();

    const card = screen.getByText('星空观测夜').parentElement!;
    const buttons = Array.from(card.querySelectorAll('button, taro-button-core')).map((b) => b.textContent?.trim());
    expect(buttons).toEqual(['报名名单', '更多']);
    fireEvent.click(screen.getByText('报名名单'));
    expect(taroTest.navigations.at(-1)).toContain('/packages/organizer/pages/signups/index?id=e9');

    taroTest.pickFromActionSheet('志愿者');
    fireEvent.click(screen.getByText('更多'));
    await waitFor(() => expect(taroTest.navigations.at(-1)).toContain('/packages/organizer/pages/volunteers/index?id=e9'));
    expect(taroTest.actionSheets.at(-1)).toEqual(['签到', '志愿者', '岗位与编辑', '导出名单', '查看', '取消活动']);

    // 取消活动 asks for a reason on the card before anything is sent.
    taroTest.pickFromActionSheet('取消活动');
    fireEvent.click(screen.getByText('更多'));
    await waitFor(() => expect(screen.getByText('确认取消活动')).toBeTruthy());
    expect(taroTest.requests.some((r) => r.url.includes('/cancel'))).toBe(false);
  });
});
