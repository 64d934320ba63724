// The signed-in user: profile, preferences, erasure, and their sign-ups with check-in codes.
import type { CheckinCodeView, ErasedView, MySignupView, UpdateMe, UserView } from '@kepu/shared';
import { keepCheckinCode, keptCheckinCode } from '@/services/checkinCodes';
import { request, toApiError, type Listing } from '@/services/request';
import { updateSessionUser } from '@/services/session';

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

export function deleteMe(): Promise<ErasedView> {
  return request<ErasedView>('/me', { method: 'DELETE' });
}

/** `when` splits by whether the event has ended; without it, both. */
export function listMySignups(cursor?: string | null, limit = 20, when?: 'upcoming' | 'past'): Promise<Listing<MySignupView>> {
  return request<Listing<MySignupView>>('/me/signups', { query: { cursor: cursor ?? undefined, limit, when }, quiet: true });
}

/**
 * The sign-up's check-in code. Once fetched it is kept on the device until it
 * expires, and shown from there when the network is gone (`stored`).
 */
export async function getCheckinCode(signupId: string): Promise<CheckinCodeView & { stored?: boolean }> {
  try {
    const code = await request<CheckinCodeView>(`/me/signups/${encodeURIComponent(signupId)}/checkin-code`, { quiet: true });
    keepCheckinCode(signupId, code);
    return code;
  } catch (error) {
    const kept = toApiError(error).code === 'NETWORK' ? keptCheckinCode(signupId) : null;
    if (kept) return { ...kept, stored: true };
    throw error;
  }
}
