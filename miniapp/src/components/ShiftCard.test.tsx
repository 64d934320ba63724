import { act, fireEvent, render, screen } from '@testing-library/react';
import { failure, fakeApi, ok } from '../../test/api';
import { shiftView, user } from '../../test/fixtures';
import { taroTest } from '../../test/taro';
import ShiftCard, { toShiftRow, type ShiftRow } from '@/components/ShiftCard';
import { clearSession, saveSession } from '@/services/session';
import { routes } from '@/utils/routes';

beforeEach(() => {
  taroTest.reset();
  clearSession();
});

function renderCard(row: ShiftRow, props: { open?: boolean; showEvent?: boolean } = {}) {
  const onChange = jest.fn();
  render(<ShiftCard shift={row} onChange={onChange} {...props} />);
  return onChange;
}

describe('ShiftCard', () => {
  test('shows the role, the time, the slots still free and the skills wanted', () => {
    renderCard(toShiftRow(shiftView()), { showEvent: true });
    expect(screen.getByText('展区讲解')).toBeTruthy();
    expect(screen.getByText('全国科普日·社区应急科普展')).toBeTruthy();
    expect(screen.getByText('需要 3 人，已通过 1 人，还差 2 人')).toBeTruthy();
    expect(screen.getByText('科普讲解')).toBeTruthy();
  });

  test('a volunteer applies with one tap and the card shows the application', async () => {
    saveSession({ token: 't', user: user(['resident', 'volunteer']) });
    fakeApi({ 'POST /shifts/s1/applications': () => ok({ id: 'a9', shiftId: 's1', status: 'applied' }, 201) });
    const row = toShiftRow(shiftView());
    const onChange = renderCard(row);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '申请这个岗位' })));
    expect(onChange).toHaveBeenCalledWith({ ...row, myApplication: { id: 'a9', status: 'applied' } });
    expect(taroTest.toasts).toEqual(['已提交申请，等待主办单位审核']);
  });

  test('signed out, applying starts with logging in', async () => {
    renderCard(toShiftRow(shiftView()));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '申请这个岗位' })));
    expect(taroTest.navigations).toEqual([routes.login()]);
    expect(taroTest.requests).toEqual([]);
  });

  test('a resident without a volunteer profile is sent to fill one in', async () => {
    saveSession({ token: 't', user: user(['resident']) });
    renderCard(toShiftRow(shiftView()));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '成为志愿者后申请' })));
    expect(taroTest.navigations).toEqual([routes.volunteerProfile()]);
  });

  test('when the server says the profile is missing (roles out of date), the profile page opens after its message', async () => {
    saveSession({ token: 't', user: user(['resident', 'volunteer']) });
    fakeApi({ 'POST /shifts/s1/applications': () => failure(403, 'VOLUNTEER_PROFILE_REQUIRED', '请先完善志愿者资料') });
    const onChange = renderCard(toShiftRow(shiftView()));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '申请这个岗位' })));
    expect(taroTest.toasts).toEqual(['请先完善志愿者资料']);
    expect(taroTest.navigations).toEqual([routes.volunteerProfile()]);
    expect(onChange).not.toHaveBeenCalled();
  });

  test('my application replaces the button with its status; a withdrawn one may apply again', () => {
    saveSession({ token: 't', user: user(['resident', 'volunteer']) });
    const { unmount } = render(<ShiftCard shift={toShiftRow(shiftView({ myApplication: { id: 'a1', status: 'approved' } }))} onChange={jest.fn()} />);
    expect(screen.getByText('已通过')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    render(<ShiftCard shift={toShiftRow(shiftView({ myApplication: { id: 'a1', status: 'withdrawn' } }))} onChange={jest.fn()} />);
    expect(screen.getByRole('button', { name: '申请这个岗位' })).toBeTruthy();
  });

  test('full, started, or on an unpublished event: no apply button, and why', () => {
    const cases: [ShiftRow, boolean, string][] = [
      [toShiftRow(shiftView({ approvedCount: 3 })), true, '名额已满'],
      [toShiftRow(shiftView({ startsAt: new Date(Date.now() - 60_000).toISOString() })), true, '岗位已开始，不再接受申请'],
      [toShiftRow(shiftView()), false, '活动暂未开放志愿者申请'],
    ];
    for (const [row, open, text] of cases) {
      const { unmount } = render(<ShiftCard shift={row} open={open} onChange={jest.fn()} />);
      expect(screen.getByText(text)).toBeTruthy();
      expect(screen.queryByRole('button')).toBeNull();
      unmount();
    }
  });
});
