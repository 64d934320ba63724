import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { DutyTaskView, OrganizationDutiesView } from '@kepu/shared';
import { fakeApi, ok } from '../../../../../test/api';
import { user } from '../../../../../test/fixtures';
import { taroTest } from '../../../../../test/taro';
import { clearSession, saveSession } from '@/services/session';
import DutiesPage from './index';

const task = (overrides: Partial<DutyTaskView>): DutyTaskView => ({
  number: 1,
  ordinal: overrides.number ?? 1,
  title: '开展青少年科技创新活动',
  section: '（一）实施青少年科学素质提升行动',
  role: 'lead',
  roleWritten: true,
  unitName: '唐山市科协',
  collective: false,
  events: [],
  idle: true,
  ...overrides,
});

const duties: OrganizationDutiesView = {
  organization: { id: 'o1', name: '唐山市科协', city: '唐山市' },
  year: 2026,
  plans: [
    {
      id: 'p1',
      title: '2026年唐山市全民科学素质行动工作要点',
      city: '唐山市',
      year: 2026,
      level: 'city',
      period: null,
      carriedOver: false,
      tasks: [
        task({}),
        task({
          number: 2,
          title: '加强老年人健康科普',
          role: 'support',
          roleWritten: false,
          idle: false,
          events: [{ id: 'e1', title: '合理用药讲座', startsAt: '2026-12-06T09:30:00+08:00', status: 'published' }],
        }),
        task({ number: 3, title: '加强科技志愿服务队伍建设', role: null, unitName: '各成员单位', collective: true }),
      ],
    },
  ],
};

beforeEach(() => {
  taroTest.reset();
  clearSession();
  saveSession({ token: 't', user: user(['resident', 'organizer']) });
});

const card = (title: string) => screen.getByText(new RegExp(title)).closest('.duty') as HTMLElement;

describe('我的任务', () => {
  test('groups the tasks by role, flags only my own idle ones, and shows events with Chinese dates and statuses', async () => {
    fakeApi({ 'GET /organizations/o1/duties': () => ok(duties) });
    render(<DutiesPage />);
    await waitFor(() => expect(screen.getByText('牵头的任务（1项）')).toBeTruthy());
    expect(screen.getByText('配合的任务（1项）')).toBeTruthy();
    expect(screen.getByText('全体成员单位的任务（1项）')).toBeTruthy();
    expect(within(card('开展青少年科技创新活动')).getByText('待落实')).toBeTruthy();
    // The shared task is nobody's own duty: no alarm, though nothing is posted.
    expect(within(card('加强科技志愿服务队伍建设')).queryByText('待落实')).toBeNull();
    const done = card('加强老年人健康科普');
    expect(within(done).queryByText('待落实')).toBeNull();
    expect(within(done).getByText('12月6日 周日 09:30')).toBeTruthy();
    expect(within(done).getByText('已发布')).toBeTruthy();
    expect(within(done).getByText('原文署名：唐山市科协（配合，按署名顺序）')).toBeTruthy();
    expect(screen.getByText('待落实 1 项：2026年还没有已发布的活动')).toBeTruthy();
    expect(taroTest.requests[0]?.url).toContain('year=');
  });

  test('发布活动 opens the event form with the task, the organization and its city', async () => {
    fakeApi({ 'GET /organizations/o1/duties': () => ok(duties) });
    render(<DutiesPage />);
    await waitFor(() => expect(screen.getByText('牵头的任务（1项）')).toBeTruthy());
    await act(async () => fireEvent.click(within(card('开展青少年科技创新活动')).getByText('发布活动')));
    expect(taroTest.navigations).toEqual([
      `/packages/organizer/pages/edit/index?planId=p1&task=1&ordinal=1&organizerId=o1&city=${encodeURIComponent('唐山市')}`,
    ]);
  });
});
