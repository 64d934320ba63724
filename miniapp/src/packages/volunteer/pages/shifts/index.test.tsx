import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok } from '../../../../../test/api';
import { profileView, shiftView, user } from '../../../../../test/fixtures';
import { taroTest } from '../../../../../test/taro';
import { clearListCache } from '@/services/offline';
import { clearSession, saveSession } from '@/services/session';
import ShiftsPage from './index';

beforeEach(() => {
  taroTest.reset();
  clearSession();
  clearListCache();
});

/** The requests for open shifts (the page also asks for the cities). */
const shiftRequests = () => taroTest.requests.filter((r) => r.url.includes('/api/v1/shifts'));

describe('open shifts page', () => {
  test('lists open shifts and filters by a skill from the shared list', async () => {
    fakeApi({
      'GET /shifts': (request) =>
        ok({
          items: request.query.get('skill') === '应急救护' ? [shiftView({ id: 's9', role: '急救演示' })] : [shiftView()],
          nextCursor: null,
        }),
    });
    render(<ShiftsPage />);
    await waitFor(() => expect(screen.getByText('展区讲解')).toBeTruthy());
    fireEvent.click(screen.getByText('应急救护'));
    await waitFor(() => expect(screen.getByText('急救演示')).toBeTruthy());
    expect(screen.queryByText('展区讲解')).toBeNull();
    expect(shiftRequests()[1]?.url).toContain(`skill=${encodeURIComponent('应急救护')}`);
  });

  test('scrolling to the bottom loads the next cursor page', async () => {
    fakeApi({
      'GET /shifts': (request) =>
        request.query.get('cursor')
          ? ok({ items: [shiftView({ id: 's2', role: '签到引导' })], nextCursor: null })
          : ok({ items: [shiftView()], nextCursor: 'k1' }),
    });
    render(<ShiftsPage />);
    await waitFor(() => expect(screen.getByText('展区讲解')).toBeTruthy());
    await act(async () => taroTest.trigger('reachBottom'));
    await waitFor(() => expect(screen.getByText('签到引导')).toBeTruthy());
    expect(shiftRequests()[1]?.url).toContain('cursor=k1');
  });

  test('offline, the last loaded shifts show with a note', async () => {
    fakeApi({ 'GET /shifts': () => ok({ items: [shiftView()], nextCursor: null }) });
    const { unmount } = render(<ShiftsPage />);
    await waitFor(() => expect(screen.getByText('展区讲解')).toBeTruthy());
    unmount();
    taroTest.goOffline();
    render(<ShiftsPage />);
    await waitFor(() => expect(screen.getByText('网络不可用，以下是上次加载的岗位')).toBeTruthy());
    expect(screen.getByText('展区讲解')).toBeTruthy();
  });

  test('nothing open: an empty state naming the filter', async () => {
    fakeApi({ 'GET /shifts': () => ok({ items: [], nextCursor: null }) });
    render(<ShiftsPage />);
    await waitFor(() => expect(screen.getByText('暂时没有招募中的志愿岗位')).toBeTruthy());
    fireEvent.click(screen.getByText('手语'));
    await waitFor(() => expect(screen.getByText('暂时没有需要“手语”的岗位')).toBeTruthy());
  });

  test('a volunteer sees their profile city’s shifts ranked by their skills, with the reason, city and venue', async () => {
    saveSession({ token: 't', user: user(['resident', 'volunteer']) });
    fakeApi({
      'GET /me/volunteer': () => ok(profileView({ city: '唐山市', skills: ['科普讲解'] })),
      'GET /cities': () => ok({ items: [{ city: '唐山市' }, { city: '柳州市' }], nextCursor: null }),
      'GET /shifts': (request) =>
        ok({
          items:
            request.query.get('city') === '唐山市'
              ? [
                  shiftView({
                    role: '展区讲解',
                    skills: ['科普讲解', '展区讲解'] as never,
                    match: { score: 2, skills: ['科普讲解'], reason: '与你的技能相符（科普讲解）' },
                  }),
                ]
              : [],
          nextCursor: null,
        }),
    });
    render(<ShiftsPage />);
    await waitFor(() => expect(screen.getByText('✓ 与你的技能相符（科普讲解）')).toBeTruthy());
    expect(screen.getByText('唐山市 · 唐山科技馆')).toBeTruthy();
    expect(screen.getByText('城市：唐山市 ▾')).toBeTruthy();
    // The role is the title; a skill spelled the same is not shown again.
    expect(screen.getAllByText('展区讲解')).toHaveLength(1);
    const first = shiftRequests()[0]!.url;
    expect(first).toContain(`city=${encodeURIComponent('唐山市')}`);
    expect(first).toContain('sort=match');
  });
});
