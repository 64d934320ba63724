// Users: sign-in identity, profile, roles and erasure. Owns the users table;
// organizations and volunteer profiles only contribute roles.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Role, UpdateMe, UserView } from '@kepu/shared';
import type { AuthUser } from '../../http/route';
import { notFound, unauthenticated } from '../../http/errors';
import { MembershipEntity, OrganizationEntity } from '../organizations/organization.entity';
import { EventEntity } from '../events/event.entity';
import { SignupEntity } from '../signups/signup.entity';
import { cancelMySignup } from '../signups/signups.service';
import { recordAudit } from '../audit/audit.service';
import { VolunteerProfileEntity } from '../volunteers/volunteer.entities';
import { eraseVolunteer } from '../volunteers/volunteers.service';
import { UserEntity } from './user.entity';

export async function findOrCreateUser(manager: EntityManager, openid: string, nickname: string | undefined, now: Date): Promise<UserEntity> {
  const users = manager.getRepository(UserEntity);
  const existing = await users.findOneBy({ openid });
  if (existing) return existing;
  const user = users.create({
    id: randomUUID(), openid, nickname: nickname ?? `用户${openid.slice(-4)}`, phone: null, largeText: false,
    isReviewer: false, isAdmin: false, erasedAt: null, createdAt: now,
  });
  try {
    return await users.save(user);
  } catch {
    // Two first logins raced: the other one created the row.
    const raced = await users.findOneBy({ openid });
    if (raced) return raced;
    throw unauthenticated();
  }
}

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
  const organizations = memberships.length
    ? await manager.getRepository(OrganizationEntity).findBy(memberships.map((m) => ({ id: m.organizationId })))
    : [];
  const nameOf = new Map(organizations.map((o) => [o.id, o.name]));
  const isVolunteer = await manager.getRepository(VolunteerProfileEntity).existsBy({ userId });
  return {
    id: user.id,
    nickname: user.nickname,
    roles: rolesOf(user, { isOrganizer: memberships.length > 0, isVolunteer }),
    organizations: memberships.map((m) => ({ id: m.organizationId, name: nameOf.get(m.organizationId) ?? '', role: m.role })),
    phone: user.phone,
    largeText: user.largeText,
  };
}

export async function updateMe(manager: EntityManager, userId: string, changes: UpdateMe): Promise<UserView> {
  const users = manager.getRepository(UserEntity);
  const user = await users.findOneBy({ id: userId });
  if (!user || user.erasedAt) throw notFound('user');
  if (changes.nickname !== undefined) user.nickname = changes.nickname;
  if (changes.phone !== undefined) user.phone = changes.phone;
  if (changes.largeText !== undefined) user.largeText = changes.largeText;
  await users.save(user);
  return getUserView(manager, userId);
}

/**
 * Erases a user's personal data. Past sign-ups stay (organizers' counts must
 * not change) but lose the name and phone; upcoming ones are cancelled; the openid is released so the next
 * login starts a fresh account.
 */
export async function eraseUser(manager: EntityManager, userId: string, now: Date): Promise<void> {
  const users = manager.getRepository(UserEntity);
  const user = await users.findOneBy({ id: userId });
  if (!user || user.erasedAt) throw notFound('user');
  // Seats held for events still to come go back to the waitlist: nobody can claim them any more.
  const upcoming = await manager.getRepository(SignupEntity).createQueryBuilder('s')
    .innerJoin(EventEntity, 'e', 'e.id = s.eventId')
    .where('s.userId = :userId', { userId })
    .andWhere('s.status != :cancelled', { cancelled: 'cancelled' })
    .andWhere('s.checkedInAt IS NULL')
    .andWhere('e.endsAt >= :now', { now })
    .getMany();
  const self = { id: userId, nickname: user.nickname, roles: [], organizationIds: [] };
  for (const signup of upcoming) await cancelMySignup(manager, self, signup.eventId, now);
  await users.update({ id: userId }, { openid: null, nickname: '已注销用户', phone: null, erasedAt: now });
  await manager.getRepository(SignupEntity).update({ userId }, { name: '已注销', phone: '' });
  await manager.getRepository(MembershipEntity).delete({ userId });
  await eraseVolunteer(manager, userId, now);
  await recordAudit(manager, { actorId: userId, action: 'user.erase', target: `user:${userId}`, details: {}, at: now });
}
