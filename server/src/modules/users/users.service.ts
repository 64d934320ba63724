// Users: sign-in identity, profile, roles and erasure. Owns the users table;
// organizations and volunteer profiles only contribute roles.
import { createHash, randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { Role, UpdateMe, UserRolesView, UserSummary, UserView } from '@kepu/shared';
import type { AuthUser } from '../../core/actor';
import { transactional } from '../../core/transaction';
import { escapeLike } from '../../core/like';
import { conflict, notFound, unauthenticated } from '../../core/errors';
import { MembershipEntity, OrganizationEntity } from '../../db/entities/organization.entity';
import { EventEntity } from '../../db/entities/event.entity';
import { SignupEntity } from '../../db/entities/signup.entity';
import { cancelSignupOf } from '../signups/signups.service';
import { eraseNotificationsOf } from '../notifications/notifications.service';
import { recordAudit } from '../audit/audit.service';
import { VolunteerProfileEntity } from '../../db/entities/volunteer.entities';
import { eraseVolunteer } from '../volunteers/volunteers.service';
import { ERASED_NAME, UserEntity } from '../../db/entities/user.entity';

/**
 * The nickname of someone who has not chosen one: 科普之友 and four digits that
 * follow from the openid (the same person keeps the same name), never a piece
 * of the openid itself (用户dent).
 */
export function defaultNickname(openid: string): string {
  const digest = createHash('sha256').update(openid).digest();
  return `科普之友${String(digest.readUInt32BE(0) % 10_000).padStart(4, '0')}`;
}

export const findOrCreateUser = transactional(async (manager: EntityManager, openid: string, nickname: string | undefined, now: Date): Promise<UserEntity> => {
  const users = manager.getRepository(UserEntity);
  const existing = await users.findOneBy({ openid });
  if (existing) return existing;
  const user = users.create({
    id: randomUUID(),
    openid,
    nickname: nickname ?? defaultNickname(openid),
    phone: null,
    largeText: false,
    audience: null,
    isReviewer: false,
    isAdmin: false,
    erasedAt: null,
    createdAt: now,
  });
  try {
    return await users.save(user);
  } catch {
    // Two first logins raced: the other one created the row.
    const raced = await users.findOneBy({ openid });
    if (raced) return raced;
    throw unauthenticated();
  }
});

export async function loadAuthUser(manager: EntityManager, userId: string): Promise<AuthUser | null> {
  const user = await manager.getRepository(UserEntity).findOneBy({ id: userId });
  if (!user || user.erasedAt) return null;
  const memberships = await manager.getRepository(MembershipEntity).findBy({ userId });
  const isVolunteer = await manager.getRepository(VolunteerProfileEntity).existsBy({ userId });
  return {
    id: user.id,
    nickname: user.nickname,
    roles: rolesOf(user, { isOrganizer: memberships.length > 0, isVolunteer }),
    organizationIds: memberships.map((m) => m.organizationId),
  };
}

/** Roles follow from data: a volunteer profile makes a volunteer, a membership an organizer; admins grant the rest. */
function rolesOf(user: UserEntity, held: { isOrganizer: boolean; isVolunteer: boolean }): Role[] {
  const roles: Role[] = ['resident'];
  if (held.isVolunteer) roles.push('volunteer');
  if (held.isOrganizer) roles.push('organizer');
  if (user.isReviewer) roles.push('reviewer');
  if (user.isAdmin) roles.push('admin');
  return roles;
}

export async function getUserView(manager: EntityManager, userId: string): Promise<UserView> {
  const user = await manager.getRepository(UserEntity).findOneBy({ id: userId });
  if (!user || user.erasedAt) throw notFound('user');
  const memberships = await manager.getRepository(MembershipEntity).findBy({ userId });
  const organizations = memberships.length ? await manager.getRepository(OrganizationEntity).findBy(memberships.map((m) => ({ id: m.organizationId }))) : [];
  const orgOf = new Map(organizations.map((o) => [o.id, o]));
  const isVolunteer = await manager.getRepository(VolunteerProfileEntity).existsBy({ userId });
  return {
    id: user.id,
    nickname: user.nickname,
    roles: rolesOf(user, { isOrganizer: memberships.length > 0, isVolunteer }),
    organizations: memberships.map((m) => ({
      id: m.organizationId,
      name: orgOf.get(m.organizationId)?.name ?? '',
      city: orgOf.get(m.organizationId)?.city ?? '',
      role: m.role,
    })),
    phone: user.phone,
    largeText: user.largeText,
    audience: user.audience ?? null,
  };
}

export const updateMe = transactional(async (manager: EntityManager, userId: string, changes: UpdateMe): Promise<UserView> => {
  const users = manager.getRepository(UserEntity);
  const user = await users.findOneBy({ id: userId });
  if (!user || user.erasedAt) throw notFound('user');
  if (changes.nickname !== undefined) user.nickname = changes.nickname;
  if (changes.phone !== undefined) user.phone = changes.phone;
  if (changes.largeText !== undefined) user.largeText = changes.largeText;
  if (changes.audience !== undefined) user.audience = changes.audience;
  await users.save(user);
  return getUserView(manager, userId);
});

/**
 * Erases a user's personal data. Past sign-ups stay (organizers' counts must
 * not change) but lose the name and phone; upcoming ones are cancelled; the openid is released so the next
 * login starts a fresh account.
 */
export const eraseUser = transactional(async (manager: EntityManager, userId: string, now: Date, reminderLeadMs: number): Promise<void> => {
  const users = manager.getRepository(UserEntity);
  const user = await users.findOneBy({ id: userId });
  if (!user || user.erasedAt) throw notFound('user');
  // Seats held for events still to come go back to the waitlist: nobody can claim them any more.
  const upcoming = await manager
    .getRepository(SignupEntity)
    .createQueryBuilder('s')
    .innerJoin(EventEntity, 'e', 'e.id = s.eventId')
    .where('s.userId = :userId', { userId })
    .andWhere('s.status != :cancelled', { cancelled: 'cancelled' })
    .andWhere('s.checkedInAt IS NULL')
    .andWhere('e.endsAt >= :now', { now })
    .getMany();
  // One call per event: it cancels the user's own sign-up and those of the family members they booked.
  for (const eventId of new Set(upcoming.map((s) => s.eventId))) await cancelSignupOf(manager, userId, eventId, now, reminderLeadMs);
  await users.update({ id: userId }, { openid: null, nickname: '已注销用户', phone: null, audience: null, erasedAt: now });
  await manager.getRepository(SignupEntity).update({ userId }, { name: ERASED_NAME, phone: '', shareToken: null });
  const memberships = await manager.getRepository(MembershipEntity).findBy({ userId });
  await manager.getRepository(MembershipEntity).delete({ userId });
  const { hadProfile } = await eraseVolunteer(manager, userId, now);
  await eraseNotificationsOf(manager, userId);
  await recordAudit(manager, {
    actorId: userId,
    action: 'user.erase',
    target: `user:${userId}`,
    details: { cancelledSignups: upcoming.length, organizationsLeft: memberships.map((m) => m.organizationId), volunteerProfile: hadProfile },
    at: now,
  });
});

/** Admins find accounts by nickname or openid: ids, roles and organizations, never phones or openids. Four queries for a whole page. */
export async function searchUsers(manager: EntityManager, query: { q?: string; limit: number }): Promise<UserSummary[]> {
  const qb = manager.getRepository(UserEntity).createQueryBuilder('u').where('u.erasedAt IS NULL');
  // By nickname, or by a piece of the openid (the dev accounts' names, or what an organizer reads out of WeChat).
  if (query.q) qb.andWhere("(u.nickname LIKE :q ESCAPE '!' OR u.openid LIKE :q ESCAPE '!')", { q: `%${escapeLike(query.q)}%` });
  const users = await qb.orderBy('u.createdAt', 'DESC').addOrderBy('u.id', 'ASC').take(query.limit).getMany();
  if (users.length === 0) return [];
  const ids = users.map((u) => u.id);
  const memberships = await manager.getRepository(MembershipEntity).findBy({ userId: In(ids) });
  const organizations = memberships.length
    ? await manager.getRepository(OrganizationEntity).findBy({ id: In([...new Set(memberships.map((m) => m.organizationId))]) })
    : [];
  const volunteers = new Set(
    (await manager.getRepository(VolunteerProfileEntity).find({ where: { userId: In(ids) }, select: { userId: true } })).map((v) => v.userId),
  );
  const orgOf = new Map(organizations.map((o) => [o.id, o]));
  return users.map((user) => {
    const own = memberships.filter((m) => m.userId === user.id);
    return {
      id: user.id,
      nickname: user.nickname,
      roles: rolesOf(user, { isOrganizer: own.length > 0, isVolunteer: volunteers.has(user.id) }),
      organizations: own.map((m) => ({
        id: m.organizationId,
        name: orgOf.get(m.organizationId)?.name ?? '',
        city: orgOf.get(m.organizationId)?.city ?? '',
        role: m.role,
      })),
    };
  });
}

/** Grants or withdraws reviewer and admin. An admin may step down, but the last admin cannot be withdrawn (409 LAST_ADMIN). */
export const setRoles = transactional(
  async (manager: EntityManager, actor: AuthUser, userId: string, changes: { reviewer?: boolean; admin?: boolean }, now: Date): Promise<UserRolesView> => {
    const target = await manager.getRepository(UserEntity).findOneBy({ id: userId });
    if (!target || target.erasedAt) throw notFound('user');
    if (changes.admin === false && target.isAdmin) await assertNotLastAdmin(manager, target.id);
    await manager.getRepository(UserEntity).update(
      { id: target.id },
      {
        ...(changes.reviewer !== undefined && { isReviewer: changes.reviewer }),
        ...(changes.admin !== undefined && { isAdmin: changes.admin }),
      },
    );
    await recordAudit(manager, {
      actorId: actor.id,
      action: 'user.roles',
      target: `user:${target.id}`,
      details: { before: { reviewer: target.isReviewer, admin: target.isAdmin }, changes },
      at: now,
    });
    const view = await getUserView(manager, target.id);
    return { id: view.id, nickname: view.nickname, roles: view.roles };
  },
);

/**
 * Somebody must stay able to manage the install. The admins' rows are read with their write
 * locks on MySQL, so two admins withdrawing each other at once cannot both succeed (SQLite
 * runs one write transaction at a time).
 */
async function assertNotLastAdmin(manager: EntityManager, leavingId: string): Promise<void> {
  const query = manager
    .getRepository(UserEntity)
    .createQueryBuilder('u')
    .select('u.id', 'id')
    .where('u.isAdmin = :yes', { yes: true })
    .andWhere('u.erasedAt IS NULL');
  if (manager.connection.options.type === 'mysql') query.setLock('pessimistic_write');
  const admins = await query.getRawMany<{ id: string }>();
  if (!admins.some((a) => a.id !== leavingId)) throw conflict('LAST_ADMIN', { userId: leavingId });
}

/**
 * The operator's way to make (or unmake) an admin from the command line, by WeChat openid:
 * the first admin of a WeChat-mode install has nobody to grant it in the app. A person who
 * has never signed in gets their account now, so their first login finds the role waiting.
 */
export const setAdminByOpenid = transactional(
  async (manager: EntityManager, openid: string, admin: boolean, now: Date): Promise<{ id: string; changed: boolean }> => {
    const user = await findOrCreateUser.within(manager, openid, undefined, now);
    if (user.isAdmin === admin) return { id: user.id, changed: false };
    await manager.getRepository(UserEntity).update({ id: user.id }, { isAdmin: admin });
    await recordAudit(manager, {
      actorId: null,
      action: 'user.roles',
      target: `user:${user.id}`,
      details: { before: { reviewer: user.isReviewer, admin: user.isAdmin }, changes: { admin }, via: 'cli' },
      at: now,
    });
    return { id: user.id, changed: true };
  },
);
