import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ApplicationStatus, MyApplicationView } from '@kepu/shared';
import { failure, fakeApi, ok } from '../../../../../test/api';
import { inDays, profileView, user } from '../../../../../test/fixtures';
import { taroTest } from '../../../../../test/taro';
import { clearSession, saveSession } from '@/services/session';
import ApplicationsPage from './index';

jest.mock('@/services/certificate', () => ({ openCertificate: jest.fn(async () => undefined) }));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { openCertificate } = require('@/services/certificate') as { openCertificate: jest.Mock };

function application(id: string, status: ApplicationStatus, startsInDays: number, extra: Partial<MyApplicationView> = {}): MyApplicationView {
  return {
    id,
    shiftId: `s-${id}`,
    status,
    hours: null,
    decisionReason: null,
    appliedAt: inDays(-10, 9),
    decidedAt: null,
    completedAt: null,
    shift: { id: `s-${id}`, role: `岗位${id}`, startsAt: inDays(startsInDays, 9), endsAt: inDays(startsInDays, 12) },
    event: { id: `e-${id}`, title: `活动${id}`, startsAt: inDays(startsInDays, 9), venue: { name: '科技馆', address: '' }, status: 'published' },
    ...extra,
  };
}

beforeEach(() => {
  taroTest.reset();
  clearSession();
  openCertificate.mockClear();
  saveSession({ token: 't', user: user(['resident', 'volunteer'], 'v1') });
});

const card = (text: string) => screen.getByText(text).closest('.card') as HTMLElement;

describe('my volunteer service', () => {
  test('shows the total hours, each application with its status and hours, and pages by cursor', async () => {
    fakeApi({
      'GET /me/volunteer': () => ok(profileView({ totalHours: 6.5, record: [{} as never, {} as never] })),
      'GET /me/applications': (request) =>
        request.query.get('cursor') === '20'
          ? ok({ items: [application('3', 'rejected', -30, { decisionReason: '岗位人数已够' })], nextCursor: null })
          : ok({ items: [application('1', 'applied', 5), application('2', 'completed', -2, { hours: 3 })], nextCursor: '20' }),
    });
    render(<ApplicationsPage />);
    await waitFor(() => expect(screen.getByText('累计志愿服务 6.5 小时')).toBeTruthy());
    await waitFor(() => expect(screen.getByText('活动1')).toBeTruthy());
    expect(within(card('活动1')).getByText('待审核')).toBeTruthy();
    expect(within(card('活动2')).getByText('服务 3 小时')).toBeTruthy();

    await act(async () => taroTest.trigger('reachBottom'));
    await waitFor(() => expect(screen.getByText('活动3')).toBeTruthy());
    expect(within(card('活动3')).getByText('主办单位说明：岗位人数已够')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  test('an upcoming application can be withdrawn after confirming; a past one cannot', async () => {
    fakeApi({
      'GET /me/volunteer': () => ok(profileView()),
      'GET /me/applications': () => ok({ items: [application('1', 'approved', 5), application('2', 'approved', -1)], nextCursor: null }),
      'POST /applications/1/withdraw': () => ok({ ...application('1', 'withdrawn', 5) }),
    });
    render(<ApplicationsPage />);
    await waitFor(() => expect(screen.getByText('活动1')).toBeTruthy());
    expect(within(card('活动2')).queryByRole('button', { name: '撤回申请' })).toBeNull();
    await act(async () => fireEvent.click(within(card('活动1')).getByRole('button', { name: '撤回申请' })));
    expect(taroTest.requests.some((r) => r.method === 'POST' && r.url.endsWith('/applications/1/withdraw'))).toBe(true);
    expect(within(card('活动1')).getByText('已撤回')).toBeTruthy();
  });

  test('the certificate button downloads the PDF of the record', async () => {
    fakeApi({ 'GET /me/volunteer': () => ok(profileView({ totalHours: 3 })), 'GET /me/applications': () => ok({ items: [], nextCursor: null }) });
    render(<ApplicationsPage />);
    const button = await screen.findByRole('button', { name: '下载志愿服务证明（PDF）' });
    await act(async () => fireEvent.click(button));
    expect(openCertificate).toHaveBeenCalledTimes(1);
    expect(screen.getByText('还没有申请过志愿岗位')).toBeTruthy();
  });

  test('without a profile it points to the profile form instead of a certificate', async () => {
    fakeApi({ 'GET /me/applications': () => ok({ items: [], nextCursor: null }) });
    render(<ApplicationsPage />);
    await waitFor(() => expect(screen.getByText('你还不是科技志愿者')).toBeTruthy());
    expect(screen.queryByRole('button', { name: '下载志愿服务证明（PDF）' })).toBeNull();
  });

  test('a failed list shows the server message and retries', async () => {
    fakeApi({ 'GET /me/volunteer': () => ok(profileView()), 'GET /me/applications': () => failure(429, 'RATE_LIMITED', '操作太频繁，请稍后再试') });
    render(<ApplicationsPage />);
    await waitFor(() => expect(screen.getByText('操作太频繁，请稍后再试')).toBeTruthy());
    fakeApi({ 'GET /me/volunteer': () => ok(profileView()), 'GET /me/applications': () => ok({ items: [application('1', 'applied', 5)], nextCursor: null }) });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '重试' })));
    await waitFor(() => expect(screen.getByText('活动1')).toBeTruthy());
  });
});
