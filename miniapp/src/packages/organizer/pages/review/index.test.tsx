import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { EventView } from '@kepu/shared';
import { failure, fakeApi, ok } from '../../../../../test/api';
import { eventView, user } from '../../../../../test/fixtures';
import { taroTest } from '../../../../../test/taro';
import { clearSession, saveSession } from '@/services/session';
import ReviewPage from './index';

const published = eventView({
  title: '冬夜观星',
  description: '认识冬季星座',
  audiences: ['青少年'],
  capacity: 30,
  version: 4,
});

const withRevision = (changes: NonNullable<EventView['revision']>['changes'], version = 4): EventView => ({
  ...published,
  version,
  revision: { id: 'r1', status: 'pending', proposedAt: '2026-11-25T10:00:00+08:00', changes, reason: null, decidedAt: null },
});

beforeEach(() => {
  taroTest.reset();
  clearSession();
  saveSession({ token: 't', user: user(['resident', 'reviewer']) });
});

describe('活动审核: changes to published events', () => {
  test('shows each changed field before and after, and approving names the version shown', async () => {
    fakeApi({
      'GET /events': () => ok({ items: [], nextCursor: null }),
      'GET /event-revisions': () => ok({ items: [withRevision({ title: '改名后的讲座', capacity: 40 })], nextCursor: null }),
      'POST /events/e1/review': () => ok({ ...published, title: '改名后的讲座', capacity: 40, version: 5, revision: null }),
    });
    render(<ReviewPage />);
    await waitFor(() => expect(screen.getByText('没有待审核的活动')).toBeTruthy());
    fireEvent.click(screen.getByText('修改申请'));
    await waitFor(() => expect(screen.getByText('改为：改名后的讲座')).toBeTruthy());
    expect(screen.getByText('原：冬夜观星')).toBeTruthy();
    expect(screen.getByText('原：30 人')).toBeTruthy();
    expect(screen.getByText('改为：40 人')).toBeTruthy();
    // Fields the change leaves alone are not listed.
    expect(screen.queryByText(/原：认识冬季星座/)).toBeNull();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '通过修改' })));
    expect(taroTest.requests.at(-1)).toMatchObject({ method: 'POST', data: { decision: 'approve', version: 4 } });
    expect(taroTest.toasts).toEqual(['已通过，修改已生效']);
    expect(screen.queryByText('改为：改名后的讲座')).toBeNull();
  });

  test('when the event changed after it was shown, the server refuses and the queue shows the new version', async () => {
    let version = 4;
    fakeApi({
      'GET /events': () => ok({ items: [], nextCursor: null }),
      'GET /event-revisions': () =>
        ok({
          items: [withRevision(version === 4 ? { title: '第一次修改' } : { title: '第一次修改', description: '后来加的介绍' }, version)],
          nextCursor: null,
        }),
      'POST /events/e1/review': () => failure(409, 'EVENT_CHANGED', '活动在你查看后又被修改过，请刷新后重新审核'),
    });
    render(<ReviewPage />);
    await waitFor(() => expect(screen.getByText('没有待审核的活动')).toBeTruthy());
    fireEvent.click(screen.getByText('修改申请'));
    await waitFor(() => expect(screen.getByText('改为：第一次修改')).toBeTruthy());
    version = 5;
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '通过修改' })));
    expect(taroTest.toasts).toEqual(['活动在你查看后又被修改过，请刷新后重新审核']);
    await waitFor(() => expect(screen.getByText('改为：后来加的介绍')).toBeTruthy());
  });
});

describe('活动审核: what a reviewer weighs besides the event', () => {
  test('each submitted event shows its volunteer shifts and how its organization’s events fared before', async () => {
    const pending = { ...published, status: 'pending' as const };
    fakeApi({
      'GET /events': () => ok({ items: [pending], nextCursor: null }),
      [`GET /events/${pending.id}/shifts`]: () =>
        ok({ items: [{ role: '讲解员', slots: 3, startsAt: pending.startsAt, endsAt: pending.endsAt, approvedCount: 0 }], nextCursor: null }),
      [`GET /organizations/${pending.organizer!.id}/history`]: () =>
        ok({
          organizationId: pending.organizer!.id,
          published: 5,
          rejected: 1,
          pending: 2,
          recentRejections: [{ eventId: 'old', title: '秋季讲座', reason: '场地信息不完整' }],
        }),
    });
    render(<ReviewPage />);
    await waitFor(() => expect(screen.getByText(/^志愿岗位：讲解员 3人/)).toBeTruthy());
    expect(screen.getByText(/以往：已发布 5 场，被驳回 1 场，待审核 2 场$/)).toBeTruthy();
    expect(screen.getByText('曾驳回“秋季讲座”：场地信息不完整')).toBeTruthy();
  });
});

describe('活动审核: the plan-task check', () => {
  test('the suggestions of every listed event come in one request, each card checked against its own', async () => {
    const first = { ...published, id: 'e1', status: 'pending' as const, planTasks: [{ planId: 'p1', number: 1, ordinal: 3, title: '实施高素质农民培育' }] };
    const second = { ...published, id: 'e2', title: '科技馆开放日', status: 'pending' as const, planTasks: [] };
    const suggestion = { planId: 'p1', number: 1, ordinal: 3, title: '实施高素质农民培育', score: 9, reason: '同为农民' };
    fakeApi({
      'GET /events': () => ok({ items: [first, second], nextCursor: null }),
      'GET /plans/task-suggestions': () =>
        ok({
          items: [
            { eventId: 'e1', items: [suggestion] },
            { eventId: 'e2', items: [{ ...suggestion, ordinal: 6, title: '推动县科技馆提质增效', reason: '都提到“科技馆”' }] },
          ],
        }),
    });
    render(<ReviewPage />);
    await waitFor(() => expect(screen.getByText('✓ 与建议一致')).toBeTruthy());
    expect(screen.getByText('未选择依据任务。建议：第1项 推动县科技馆提质增效（都提到“科技馆”）')).toBeTruthy();
    const asked = taroTest.requests.filter((r) => r.url.includes('task-suggestions'));
    expect(asked).toHaveLength(1);
    expect(decodeURIComponent(asked[0]!.url)).toContain('eventIds=e1,e2');
  });
});
