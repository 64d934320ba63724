// The signed-in user and their token, kept in storage so a restart stays signed in.
// Owns nothing else: logging in and out over HTTP lives in services/auth.ts.
import type { UserView } from '@kepu/shared';
import { createStore } from '@/utils/store';
import { keys, readStored, removeStored, writeStored } from '@/utils/storage';

export interface Session {
  token: string;
  user: UserView;
}

function load(): Session | null {
  const token = readStored<string>(keys.token, '');
  const user = readStored<UserView | null>(keys.user, null);
  return token && user ? { token, user } : null;
}

export const sessionStore = createStore<Session | null>(load());

export function saveSession(session: Session): void {
  writeStored(keys.token, session.token);
  writeStored(keys.user, session.user);
  sessionStore.set(session);
}

export function updateSessionUser(user: UserView): void {
  const current = sessionStore.get();
  if (!current) return;
  saveSession({ token: current.token, user });
}

export function clearSession(): void {
  removeStored(keys.token);
  removeStored(keys.user);
  sessionStore.set(null);
}

export function currentToken(): string | null {
  return sessionStore.get()?.token ?? null;
}
