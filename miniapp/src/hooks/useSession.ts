import type { Role } from '@kepu/shared';
import { sessionStore } from '@/services/session';
import { useStore } from '@/hooks/useStore';

export function useSession() {
  const session = useStore(sessionStore);
  const user = session?.user ?? null;
  return {
    user,
    loggedIn: Boolean(session),
    hasRole: (role: Role) => Boolean(user?.roles.includes(role)),
  };
}
