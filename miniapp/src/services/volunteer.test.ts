import type { VolunteerProfileInput } from '@kepu/shared';
import { failure, fakeApi, ok } from '../../test/api';
import { taroTest } from '../../test/taro';
import { completeApplication, createShift, decideApplication, listEventVolunteers } from '@/services/organizer';
import {
  applyForShift,
  getMyVolunteerProfile,
  listEventShifts,
  listMyApplications,
  listOpenShifts,
  saveMyVolunteerProfile,
  withdrawApplication,
} from '@/services/volunteer';

beforeEach(() => taroTest.reset());

const sent = () => taroTest.requests.map((r) => `${r.method} ${r.url.replace('https://api.test/api/v1', '')}`);

describe('volunteer service: the contract’s paths and bodies', () => {
  test('no profile yet (404) reads as null, not as an error', async () => {
    fakeApi({});
    await expect(getMyVolunteerProfile()).resolves.toBeNull();
    expect(taroTest.toasts).toEqual([]);
  });

  test('other failures of the profile still fail', async () => {
    fakeApi({ 'GET /me/volunteer': () => failure(429, 'RATE_LIMITED', '操作太频繁，请稍后再试') });
    await expect(getMyVolunteerProfile()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  test('saving the profile PUTs the whole input', async () => {
    const input: VolunteerProfileInput = { realName: '李华', phone: '13800138000', skills: ['科普讲解'], tags: ['无人机'], team: null, bio: '' };
    fakeApi({ 'PUT /me/volunteer': (request) => ok({ ...(request.data as object), totalHours: 0, record: [], applications: [] }, 201) });
    const saved = await saveMyVolunteerProfile(input);
    expect(taroTest.requests[0]?.data).toEqual(input);
    expect(saved.totalHours).toBe(0);
  });

  test('shifts: the open list with filters and cursor, one event’s list, applying and withdrawing', async () => {
    fakeApi({
      'GET /shifts': () => ok({ items: [], nextCursor: null }),
      'GET /events/e 1/shifts': () => ok({ items: [], nextCursor: null }),
      'POST /shifts/s1/applications': () => ok({ id: 'a1', status: 'applied' }, 201),
      'POST /applications/a1/withdraw': () => ok({ id: 'a1', status: 'withdrawn' }),
      'GET /me/applications': () => ok({ items: [], nextCursor: null }),
    });
    await listOpenShifts({ skill: '应急救护' }, 'c2');
    await listEventShifts('e 1');
    await expect(applyForShift('s1')).resolves.toMatchObject({ status: 'applied' });
    await expect(withdrawApplication('a1')).resolves.toMatchObject({ status: 'withdrawn' });
    await listMyApplications('20');
    expect(sent()).toEqual([
      `GET /shifts?skill=${encodeURIComponent('应急救护')}&cursor=c2&limit=20`,
      'GET /events/e%201/shifts',
      'POST /shifts/s1/applications',
      'POST /applications/a1/withdraw',
      'GET /me/applications?cursor=20&limit=20',
    ]);
  });
});

describe('organizer service: shifts and applicants', () => {
  test('creating a shift posts the full CreateShift body', async () => {
    fakeApi({ 'POST /events/e1/shifts': (request) => ok({ id: 's1', ...(request.data as object) }, 201) });
    const body = {
      role: '展区讲解',
      description: '',
      startsAt: '2026-09-19T09:00:00+08:00',
      endsAt: '2026-09-19T12:00:00+08:00',
      slots: 3,
      skills: ['科普讲解' as const],
    };
    await createShift('e1', body);
    expect(taroTest.requests[0]?.data).toEqual(body);
  });

  test('the applicant list is the items of the JSON format; unmasking asks for it explicitly', async () => {
    fakeApi({ 'GET /events/e1/volunteers': () => ok({ items: [{ id: 'a1' }], nextCursor: null }) });
    await expect(listEventVolunteers('e1')).resolves.toEqual([{ id: 'a1' }]);
    await listEventVolunteers('e1', true);
    expect(sent()).toEqual(['GET /events/e1/volunteers?format=json', 'GET /events/e1/volunteers?format=json&unmask=1']);
  });

  test('decisions and hours go to the application', async () => {
    fakeApi({
      'POST /applications/a1/decision': () => ok({ id: 'a1', status: 'approved' }),
      'POST /applications/a1/complete': () => ok({ id: 'a1', status: 'completed', hours: 2.5 }),
    });
    await decideApplication('a1', { decision: 'approve' });
    await completeApplication('a1', { hours: 2.5 });
    expect(taroTest.requests.map((r) => r.data)).toEqual([{ decision: 'approve' }, { hours: 2.5 }]);
  });

  test('approving past the slots fails with the server’s Chinese message, shown once', async () => {
    fakeApi({ 'POST /applications/a1/decision': () => failure(409, 'SHIFT_FULL', '该岗位名额已满', { slots: 2 }) });
    await expect(decideApplication('a1', { decision: 'approve' })).rejects.toMatchObject({ status: 409, message: '该岗位名额已满' });
    expect(taroTest.toasts).toEqual(['该岗位名额已满']);
  });
});
