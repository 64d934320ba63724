// The signed-in user and their token, kept in storage so a restart stays signed in.
// The stored user has no phone: that stays in memory and comes back with the
// refresh of /me at start. Owns nothing else: logging in and out over HTTP lives in services/auth.ts.
import type { UserView } from '@kepu/shared';
import { createStore } from '@/utils/store';
import { keys, readSecret, readStored, removeSecret, removeStored, writeSecret, writeStored } from '@/utils/storage';

export interface Session {
  token: string;
  user: UserView;
}

function load(): Session | null {
  const token = readSecret(keys.token);
  const user = readStored<UserView | null>(keys.user, null);
  return token && user ? { token, user } : null;
}

export const sessionStore = createStore<Session | null>(load());

/** Who the user is and what they may do, without their phone number. */
function storable(user: UserView): UserView {
  return { ...user, phone: null };
}

export function saveSession(session: Session): void {
  writeSecret(keys.token, session.token);
  writeStored(keys.user, storable(session.user));
  sessionStore.set(session);
}

export function updateSessionUser(user: UserView): void {
  const current = sessionStore.get();
  if (!current) return;
  saveSession({ token: current.token, user });
}

export function clearSession(): void {
  removeSecret(keys.token);
  removeStored(keys.user);
  sessionStore.set(null);
}

export function currentToken(): string | null {
  return sessionStore.get()?.token ?? null;
}
