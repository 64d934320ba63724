// The signed-in user: profile, preferences, erasure, and their sign-ups with check-in codes.
import type { UpdateMe, UserView } from '@kepu/shared';
import { request, type Listing } from '@/services/request';
import { updateSessionUser } from '@/services/session';
import type { CheckinCode, MySignup } from '@/services/types';

/** `background`: a refresh nobody asked for, so an expired session just ends quietly. */
export async function getMe(background = false): Promise<UserView> {
  const user = await request<UserView>('/me', { quiet: true, loginOn401: !background });
  updateSessionUser(user);
  return user;
}

export async function updateMe(patch: UpdateMe, quiet = false): Promise<UserView> {
  const user = await request<UserView>('/me', { method: 'PATCH', data: patch, quiet });
  updateSessionUser(user);
  return user;
}

export function deleteMe(): Promise<unknown> {
  return request('/me', { method: 'DELETE' });
}

/** `when` splits by whether the event has ended; without it, both. */
export function listMySignups(cursor?: string | null, limit = 20, when?: 'upcoming' | 'past'): Promise<Listing<MySignup>> {
  return request<Listing<MySignup>>('/me/signups', { query: { cursor: cursor ?? undefined, limit, when }, quiet: true });
}

export function getCheckinCode(signupId: string): Promise<CheckinCode> {
  return request<CheckinCode>(`/me/signups/${encodeURIComponent(signupId)}/checkin-code`, { quiet: true });
}
