import { render, screen, waitFor } from '@testing-library/react';
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
});
