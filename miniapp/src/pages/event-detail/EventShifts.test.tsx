import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { failure, fakeApi, ok } from '../../../test/api';
import { shiftView } from '../../../test/fixtures';
import { taroTest } from '../../../test/taro';
import EventShifts from './EventShifts';

beforeEach(() => taroTest.reset());

describe('the shifts section of an event’s page', () => {
  test('lists the event’s shifts with their apply buttons', async () => {
    fakeApi({ 'GET /events/e1/shifts': () => ok({ items: [shiftView(), shiftView({ id: 's2', role: '签到引导', approvedCount: 3 })], nextCursor: null }) });
    render(<EventShifts eventId="e1" open />);
    await waitFor(() => expect(screen.getByText('志愿岗位')).toBeTruthy());
    expect(screen.getByText('展区讲解')).toBeTruthy();
    expect(screen.getByText('签到引导')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '申请这个岗位' })).toHaveLength(1);
    expect(screen.getByText('名额已满')).toBeTruthy();
  });

  test('an event without shifts shows no section at all', async () => {
    fakeApi({ 'GET /events/e1/shifts': () => ok({ items: [], nextCursor: null }) });
    const { container } = render(<EventShifts eventId="e1" open />);
    await act(async () => undefined);
    expect(taroTest.requests).toHaveLength(1);
    expect(container.innerHTML).toBe('');
  });

  test('a failure shows its message and a retry that loads them', async () => {
    fakeApi({ 'GET /events/e1/shifts': () => failure(429, 'RATE_LIMITED', '操作太频繁，请稍后再试') });
    render(<EventShifts eventId="e1" open />);
    await waitFor(() => expect(screen.getByText('操作太频繁，请稍后再试')).toBeTruthy());
    fakeApi({ 'GET /events/e1/shifts': () => ok({ items: [shiftView()], nextCursor: null }) });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '重试' })));
    await waitFor(() => expect(screen.getByText('展区讲解')).toBeTruthy());
  });
});
