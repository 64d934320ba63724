// Turns a Bearer session token into ctx.state.user. Routes decide whether a
// user is required; this only identifies. Who the user is comes from loadActor,
// so this layer knows nothing about where users are stored.
import type { Context, Next } from 'koa';
import type { AuthUser } from '../core/actor';
import { unauthenticated } from '../core/errors';
import { readSessionToken, type SessionMode } from '../core/tokens';

export interface AuthenticateOptions {
  mode: SessionMode;
  secret: string;
  clock: () => Date;
  /** The actor for a user id, or null when the account is gone. */
  loadActor: (userId: string) => Promise<AuthUser | null>;
}

export function authenticate({ mode, secret, clock, loadActor }: AuthenticateOptions) {
  return async function identifyUser(ctx: Context, next: Next) {
    const header = ctx.get('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const userId = match ? readSessionToken(match[1]!, mode, secret, clock()) : null;
      if (!userId) throw unauthenticated();
      // An erased account's old tokens stop working at once.
      const user = await loadActor(userId);
      if (!user) throw unauthenticated();
      ctx.state.user = user;
    }
    await next();
  };
}
