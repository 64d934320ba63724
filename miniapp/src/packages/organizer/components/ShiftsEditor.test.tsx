import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { failure, fakeApi, ok } from '../../../../test/api';
import { shiftView } from '../../../../test/fixtures';
import { taroTest } from '../../../../test/taro';
import { routes } from '@/utils/routes';
import ShiftsEditor from './ShiftsEditor';

beforeEach(() => taroTest.reset());

const eventStart = '2026-11-28T09:30:00+08:00';
const eventEnd = '2026-11-28T11:30:00+08:00';

describe('organizer: shifts of an event', () => {
  test('lists the shifts and links to the applicants', async () => {
    fakeApi({ 'GET /events/e1/shifts': () => ok({ items: [shiftView()], nextCursor: null }) });
    render(<ShiftsEditor eventId="e1" eventTitle="科普日" defaultStart={eventStart} defaultEnd={eventEnd} />);
    await waitFor(() => expect(screen.getByText('需要 3 人，已通过 1 人；技能：科普讲解')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: '审核志愿者、记录时长' }));
    expect(taroTest.navigations).toEqual([routes.organizerVolunteers('e1', '科普日')]);
  });

  test('a new shift takes the event’s times, even when they arrive after the first render', async () => {
    fakeApi({
      'GET /events/e1/shifts': () => ok({ items: [], nextCursor: null }),
      'POST /events/e1/shifts': (request) => ok(shiftView({ id: 's2', ...(request.data as object) }), 201),
    });
    const { rerender } = render(
      <ShiftsEditor eventId="e1" eventTitle="科普日" defaultStart="2026-12-03T09:00:00+08:00" defaultEnd="2026-12-03T11:00:00+08:00" />,
    );
    rerender(<ShiftsEditor eventId="e1" eventTitle="科普日" defaultStart={eventStart} defaultEnd={eventEnd} />);
    await waitFor(() => expect(screen.getByText(/还没有岗位/)).toBeTruthy());

    fireEvent.change(screen.getByLabelText('岗位名称'), { target: { value: '签到引导' } });
    fireEvent.change(screen.getByLabelText('需要人数'), { target: { value: '4' } });
    fireEvent.click(screen.getByText('秩序引导'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '添加岗位' })));

    expect(taroTest.requests[1]?.data).toEqual({ role: '签到引导', description: '', startsAt: eventStart, endsAt: eventEnd, slots: 4, skills: ['秩序引导'] });
    expect(screen.getByText(/签到引导 · /)).toBeTruthy();
    expect((screen.getByLabelText('岗位名称') as HTMLInputElement).value).toBe('');
  });

  test('the server’s field messages show beside the fields', async () => {
    fakeApi({
      'GET /events/e1/shifts': () => ok({ items: [], nextCursor: null }),
      'POST /events/e1/shifts': () =>
        failure(400, 'VALIDATION_FAILED', '提交的信息有误，请检查后重试', {
          fields: [
            { path: 'role', message: '岗位名称至少2个字' },
            { path: 'endsAt', message: '结束时间必须晚于开始时间' },
          ],
        }),
    });
    render(<ShiftsEditor eventId="e1" eventTitle="科普日" defaultStart={eventStart} defaultEnd={eventEnd} />);
    await waitFor(() => expect(screen.getByText(/还没有岗位/)).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '添加岗位' })));
    expect(screen.getByText('岗位名称至少2个字')).toBeTruthy();
    expect(screen.getByText('结束时间必须晚于开始时间')).toBeTruthy();
  });
});
