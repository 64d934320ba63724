// One-time login codes: the WeChat-free way into H5 for organizers and admins. An admin issues a
// code for a user (shown once), the user redeems it on the H5 login page within its lifetime.
// Owns the login_codes table; sessions themselves are core/tokens.ts's.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { toCstIso, type LoginCodeView } from '@kepu/shared';
import type { AuthUser } from '../../core/actor';
import { AppError, notFound } from '../../core/errors';
import { transactional } from '../../core/transaction';
import { LoginCodeEntity } from '../../db/entities/login-code.entity';
import { UserEntity } from '../../db/entities/user.entity';
import { recordAudit } from '../audit/audit.service';
import { findOrCreateUser } from './users.service';

/** Long enough to read the code out over the phone and type it; short enough that a leaked one soon dies. */
export const LOGIN_CODE_TTL_MS = 15 * 60 * 1000;

/** Crockford's base32: no I, L, O or U, so nothing is misread when spoken or typed. 10 characters: 50 bits. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;

export function newLoginCode(): string {
  // 32 divides 256: taking each byte modulo 32 is uniform.
  return [...randomBytes(LENGTH)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** Keyed, so a copy of the table alone does not let anyone test guesses offline. */
export function hashLoginCode(code: string, secret: string): string {
  return createHmac('sha256', secret).update(`login-code:${code}`).digest('hex');
}

/** ABCDE-FGHJK: easier to read out. */
const grouped = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

const invalid = (reason: 'unknown' | 'used' | 'expired') => new AppError('LOGIN_CODE_INVALID', 400, { reason });

/** Issues a code for a user; earlier unused codes of that user stop working, so only the newest is live. */
export const issueLoginCode = transactional(
  async (manager: EntityManager, actor: AuthUser, userId: string, secret: string, now: Date): Promise<LoginCodeView> => {
    const user = await manager.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user || user.erasedAt) throw notFound('user');
    return issueFor(manager, user, actor.id, secret, now);
  },
);

/**
 * The operator's code (`npm run admin -- login-code OPENID`): how the first admin gets into H5.
 * The account is made if the person never signed in, like grant-admin does.
 */
export const issueLoginCodeByOpenid = transactional(async (manager: EntityManager, openid: string, secret: string, now: Date): Promise<LoginCodeView> => {
  const user = await findOrCreateUser.within(manager, openid, undefined, now);
  return issueFor(manager, user, null, secret, now);
});

async function issueFor(manager: EntityManager, user: UserEntity, issuedBy: string | null, secret: string, now: Date): Promise<LoginCodeView> {
  const codes = manager.getRepository(LoginCodeEntity);
  await codes.delete({ userId: user.id, usedAt: IsNull() });
  const code = newLoginCode();
  const expiresAt = new Date(now.getTime() + LOGIN_CODE_TTL_MS);
  await codes.insert({ id: randomUUID(), userId: user.id, codeHash: hashLoginCode(code, secret), issuedBy, createdAt: now, expiresAt, usedAt: null });
  const details = { expiresAt: toCstIso(expiresAt), ...(issuedBy ? {} : { via: 'cli' }) };
  await recordAudit(manager, { actorId: issuedBy, action: 'user.login_code', target: `user:${user.id}`, details, at: now });
  return { code: grouped(code), userId: user.id, nickname: user.nickname, expiresAt: toCstIso(expiresAt) };
}

/**
 * Redeems a code (normalised: ten characters, upper case) and answers whose it is. The claim is
 * one conditional UPDATE, so two browsers racing with the same code get one session between them.
 */
export const redeemLoginCode = transactional(async (manager: EntityManager, code: string, secret: string, now: Date): Promise<UserEntity> => {
  const codes = manager.getRepository(LoginCodeEntity);
  const row = await codes.findOneBy({ codeHash: hashLoginCode(code, secret) });
  if (!row) throw invalid('unknown');
  if (row.usedAt) throw invalid('used');
  if (row.expiresAt.getTime() <= now.getTime()) throw invalid('expired');
  const claimed = await codes.createQueryBuilder().update().set({ usedAt: now }).where('id = :id', { id: row.id }).andWhere('usedAt IS NULL').execute();
  if (claimed.affected !== 1) throw invalid('used');
  const user = await manager.getRepository(UserEntity).findOneBy({ id: row.userId });
  // Erased since the code was issued: the account is gone, and so is the way into it.
  if (!user || user.erasedAt) throw invalid('unknown');
  await recordAudit(manager, { actorId: user.id, action: 'user.login_code_used', target: `user:${user.id}`, details: { codeId: row.id }, at: now });
  return user;
});
