// Nothing personal is left on the device: an organizer reveals the full phone
// numbers of an event's sign-ups and volunteers, a user with a real phone signs
// in and refreshes their profile, lists of people are loaded; then storage
// (what survives a restart, and what any script on an H5 page can read) holds
// no phone number, no real name and no list of people. Only memory had them.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { EventSignupRow, UserView } from '@kepu/shared';
import { fakeApi, ok } from '../../test/api';
import { applicant, user } from '../../test/fixtures';
import { taroTest } from '../../test/taro';
import SignupsPage from '@/packages/organizer/pages/signups/index';
import VolunteersPage from '@/packages/organizer/pages/volunteers/index';
import { getMe } from '@/services/me';
import { listEvents } from '@/services/events';
import { loginAsDemo, logout } from '@/services/auth';
import { sessionStore } from '@/services/session';

const PHONE = /1[3-9]\d{9}/;
const organizer: UserView = { ...user(['resident', 'organizer']), phone: '13900139000' } as UserView;
const signupRow = (overrides: Partial<EventSignupRow>): EventSignupRow => ({
  id: 's1',
  name: '王大爷',
  phone: '137****7000',
  partySize: 1,
  status: 'confirmed',
  waitlistPosition: null,
  checkedInAt: null,
  createdAt: '2026-11-25T10:00:00+08:00',
  ...overrides,
});

/** Everything storage holds, as one string to search. */
const stored = () => [...taroTest.storage.entries()].map(([key, value]) => `${key}=${value}`).join('\n');

beforeEach(() => {
  taroTest.reset();
  logout();
  taroTest.setRouterParams({ id: 'e1', title: encodeURIComponent('全国科普日主场') });
  fakeApi({
    'POST /auth/dev-login': () => ok({ token: 'tok', user: organizer }),
    'GET /me': () => ok(organizer),
    'GET /events': () => ok({ items: [], nextCursor: null }),
    'GET /events/e1/signups': ({ query }) => ok({ items: [signupRow(query.get('unmask') === '1' ? { phone: '13700137000' } : {})], nextCursor: null }),
    'GET /events/e1/volunteers': ({ query }) =>
      ok({
        items: [applicant(query.get('unmask') === '1' ? { volunteer: { ...applicant().volunteer, phone: '13800138000' } } : {})],
        nextCursor: null,
      }),
  });
});

describe('personal data on the device', () => {
  test('when an organizer reveals the phones of sign-ups and volunteers, storage holds none of them, nor any name', async () => {
    await loginAsDemo('demo-organizer');
    await getMe(true);
    // In memory the app has the user's phone: the sign-up form fills it in.
    expect(sessionStore.get()?.user.phone).toBe('13900139000');

    const signups = render(<SignupsPage />);
    const revealSignups = await screen.findByRole('button', { name: '显示完整手机号' });
    await act(async () => fireEvent.click(revealSignups));
    await waitFor(() => expect(screen.getByText('13700137000')).toBeTruthy());
    signups.unmount();

    render(<VolunteersPage />);
    const revealVolunteers = await screen.findByRole('button', { name: '显示完整手机号' });
    await act(async () => fireEvent.click(revealVolunteers));
    await waitFor(() => expect(taroTest.requests.some((r) => r.url.includes('/volunteers') && r.url.includes('unmask=1'))).toBe(true));
    await waitFor(() => expect(screen.getByText('13800138000', { exact: false })).toBeTruthy());

    // The public list is still kept for offline use, so storage is in use at all.
    await act(() => listEvents({ city: '唐山市' }));
    expect(stored()).toContain('kepu.cache:');
    expect(stored()).toContain('kepu.token');

    expect(stored()).not.toMatch(PHONE);
    for (const name of ['王大爷', '李华']) expect(stored()).not.toContain(name);
  });

  test('when the app starts again, it is signed in without the phone, which comes back from the server', async () => {
    await loginAsDemo('demo-organizer');
    const user = JSON.parse(taroTest.storage.get('kepu.user')!) as UserView;
    expect(user).toMatchObject({ id: organizer.id, roles: organizer.roles, phone: null });
  });
});
