import { render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok } from '../../../../test/api';
import { taroTest } from '../../../../test/taro';
import ConflictNote from './ConflictNote';

beforeEach(() => taroTest.reset());

const clash = {
  id: 'e2',
  title: '少年宫：机器人课',
  organization: { id: 'o2', name: '唐山市青少年宫' },
  venue: '唐山科技馆',
  startsAt: '2026-12-12T11:30:00+08:00',
  endsAt: '2026-12-12T13:00:00+08:00',
  status: 'pending' as const,
};

describe('organizer: 场馆冲突', () => {
  test("the review queue asks for an event's conflicts and names each clashing event, its organization and time", async () => {
    fakeApi({ 'GET /events/e1/conflicts': () => ok({ items: [clash] }) });
    render(<ConflictNote eventId="e1" />);
    await waitFor(() => expect(screen.getByText('场馆冲突：同一场馆有1场活动时间重叠')).toBeTruthy());
    expect(screen.getByText('少年宫：机器人课')).toBeTruthy();
    expect(screen.getByText(/唐山市青少年宫 · .*11:30.* · 待审核/)).toBeTruthy();
  });

  test('with the conflicts a save answered, it shows them without asking; with none, nothing shows', async () => {
    const { container, rerender } = render(<ConflictNote eventId="e1" conflicts={[clash]} />);
    expect(screen.getByText('少年宫：机器人课')).toBeTruthy();
    expect(taroTest.requests).toHaveLength(0);
    rerender(<ConflictNote eventId="e1" conflicts={[]} />);
    expect(container.textContent).toBe('');
  });
});
