// HMAC-signed tokens: session tokens for the Authorization header and the
// check-in codes shown as QR. Stateless, so any server process can verify them.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signToken(payload: Record<string, unknown>, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(body, secret)}`;
}

/** Returns the payload when the signature is ours, else null. Expiry is the caller's rule. */
export function verifyToken<T>(token: string, secret: string): T | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
}

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

const SESSION_DAYS = 30;

/** How sessions are signed in: a dev-login token must not open a WeChat-mode server that shares its secret. */
export type SessionMode = 'dev' | 'wechat';

interface SessionPayload {
  sub: string;
  exp: number;
  typ: 'session';
  mode: SessionMode;
}

export function issueSessionToken(userId: string, mode: SessionMode, secret: string, now: Date): string {
  const payload: SessionPayload = { sub: userId, exp: now.getTime() + SESSION_DAYS * 86_400_000, typ: 'session', mode };
  return signToken(payload as unknown as Record<string, unknown>, secret);
}

/** The user id a session token names, or null when it is forged, of another kind or mode, or expired. */
export function readSessionToken(token: string, mode: SessionMode, secret: string, now: Date): string | null {
  const payload = verifyToken<SessionPayload>(token, secret);
  if (!payload || payload.typ !== 'session' || payload.mode !== mode || payload.exp < now.getTime()) return null;
  return payload.sub;
}
