// Turns a Bearer session token into ctx.state.user. Routes decide whether a
// user is required; this only identifies.
import type { Context, Next } from 'koa';
import type { DataSource } from 'typeorm';
import { loadAuthUser } from '../modules/users/users.service';
import { unauthenticated } from './errors';
import { signToken, verifyToken } from './tokens';

const SESSION_DAYS = 30;

interface SessionPayload {
  sub: string;
  exp: number;
  typ: 'session';
}

export function issueSessionToken(userId: string, secret: string, now: Date): string {
  const payload: SessionPayload = { sub: userId, exp: now.getTime() + SESSION_DAYS * 86_400_000, typ: 'session' };
  return signToken(payload as unknown as Record<string, unknown>, secret);
}

export function authenticate(dataSource: DataSource, secret: string, clock: () => Date) {
  return async function identifyUser(ctx: Context, next: Next) {
    const header = ctx.get('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const payload = match ? verifyToken<SessionPayload>(match[1]!, secret) : null;
      if (!payload || payload.typ !== 'session' || payload.exp < clock().getTime()) throw unauthenticated();
      const user = await loadAuthUser(dataSource.manager, payload.sub);
      // An erased account's old tokens stop working at once.
      if (!user) throw unauthenticated();
      ctx.state.user = user;
    }
    await next();
  };
}
