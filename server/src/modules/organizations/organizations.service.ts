// Use cases of organizations: list, add (admins), trust (admins), and who
// acts for them. Every change is audited in the same transaction.
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { MemberView, MembershipView, OrganizationHistoryView, OrganizationView } from '@kepu/shared';
import { notFound, validationFailed } from '../../core/errors';
import type { AuthUser } from '../../core/actor';
import { transactional } from '../../core/transaction';
import { escapeLike } from '../../core/like';
import { recordAudit } from '../audit/audit.service';
import { UserEntity } from '../../db/entities/user.entity';
import { EventEntity } from '../../db/entities/event.entity';
import { MembershipEntity, OrganizationEntity } from '../../db/entities/organization.entity';
import { assertActsFor } from './organizations.access';

const toOrganizationView = (o: OrganizationEntity): OrganizationView => ({ id: o.id, name: o.name, city: o.city, kind: o.kind, trusted: o.trusted });
const toMembershipView = (m: MembershipEntity): MembershipView => ({ id: m.id, organizationId: m.organizationId, userId: m.userId, role: m.role });

function audit(manager: EntityManager, actor: AuthUser, action: string, organizationId: string, details: Record<string, unknown>, now: Date) {
  return recordAudit(manager, { actorId: actor.id, action, target: `organization:${organizationId}`, details, at: now });
}

/** By city and a piece of the name (q). */
export async function listOrganizations(manager: EntityManager, filter: { city?: string; q?: string }): Promise<OrganizationView[]> {
  const qb = manager.getRepository(OrganizationEntity).createQueryBuilder('o');
  if (filter.city) qb.andWhere('o.city = :city', { city: filter.city });
  if (filter.q) qb.andWhere("o.name LIKE :q ESCAPE '!'", { q: `%${escapeLike(filter.q)}%` });
  const rows = await qb.orderBy('o.city', 'ASC').addOrderBy('o.name', 'ASC').getMany();
  return rows.map(toOrganizationView);
}

export async function getOrganization(manager: EntityManager, id: string): Promise<OrganizationView> {
  const organization = await manager.getRepository(OrganizationEntity).findOneBy({ id });
  if (!organization) throw notFound('organization');
  return toOrganizationView(organization);
}

/** Adds a custom organization (a school, a volunteer team); the same name in the same city is the existing one. */
export const createOrganization = transactional(
  async (
    manager: EntityManager,
    actor: AuthUser,
    input: { name: string; city: string; trusted: boolean },
    now: Date,
  ): Promise<{ organization: OrganizationView; created: boolean }> => {
    const organizations = manager.getRepository(OrganizationEntity);
    const existing = await organizations.findOneBy({ city: input.city, name: input.name });
    if (existing) return { organization: toOrganizationView(existing), created: false };
    const organization = organizations.create({ id: randomUUID(), name: input.name, city: input.city, kind: 'custom', trusted: input.trusted, createdAt: now });
    await organizations.insert(organization);
    await audit(manager, actor, 'organization.create', organization.id, input, now);
    return { organization: toOrganizationView(organization), created: true };
  },
);

/** Trusted organizations publish without review. */
export const setTrusted = transactional(
  async (manager: EntityManager, actor: AuthUser, organizationId: string, trusted: boolean, now: Date): Promise<OrganizationView> => {
    const organization = await manager.getRepository(OrganizationEntity).findOneBy({ id: organizationId });
    if (!organization) throw notFound('organization');
    if (organization.trusted !== trusted) {
      await manager.getRepository(OrganizationEntity).update({ id: organization.id }, { trusted });
      await audit(manager, actor, 'organization.trust', organization.id, { before: organization.trusted, trusted }, now);
    }
    return toOrganizationView({ ...organization, trusted });
  },
);

export async function listMembers(manager: EntityManager, actor: AuthUser, organizationId: string): Promise<MemberView[]> {
  assertActsFor(actor, organizationId);
  const memberships = await manager.getRepository(MembershipEntity).find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  const users = memberships.length ? await manager.getRepository(UserEntity).findBy({ id: In(memberships.map((m) => m.userId)) }) : [];
  const nicknameOf = new Map(users.map((u) => [u.id, u.nickname]));
  return memberships.map((m) => ({ userId: m.userId, nickname: nicknameOf.get(m.userId) ?? '', role: m.role }));
}

export const addMember = transactional(
  async (
    manager: EntityManager,
    actor: AuthUser,
    organizationId: string,
    input: { userId: string; role: string },
    now: Date,
  ): Promise<{ membership: MembershipView; created: boolean }> => {
    const organization = await manager.getRepository(OrganizationEntity).findOneBy({ id: organizationId });
    if (!organization) throw notFound('organization');
    const member = await manager.getRepository(UserEntity).findOneBy({ id: input.userId });
    if (!member || member.erasedAt) throw validationFailed([{ path: 'userId', message: '用户不存在' }]);
    const memberships = manager.getRepository(MembershipEntity);
    const existing = await memberships.findOneBy({ organizationId, userId: member.id });
    if (existing) return { membership: toMembershipView(existing), created: false };
    const membership = memberships.create({ id: randomUUID(), organizationId, userId: member.id, role: input.role, createdAt: now });
    await memberships.insert(membership);
    await audit(manager, actor, 'membership.add', organizationId, { userId: member.id, role: input.role }, now);
    return { membership: toMembershipView(membership), created: true };
  },
);

export const removeMember = transactional(async (manager: EntityManager, actor: AuthUser, organizationId: string, userId: string, now: Date): Promise<void> => {
  const membership = await manager.getRepository(MembershipEntity).findOneBy({ organizationId, userId });
  if (!membership) throw notFound('membership');
  await manager.getRepository(MembershipEntity).delete({ id: membership.id });
  await audit(manager, actor, 'membership.remove', organizationId, { userId, role: membership.role }, now);
});

/** For reviewers: how the organization's events fared before (one grouped count, one short list). */
export async function getOrganizationHistory(manager: EntityManager, organizationId: string): Promise<OrganizationHistoryView> {
  if (!(await manager.getRepository(OrganizationEntity).existsBy({ id: organizationId }))) throw notFound('organization');
  const counts = await manager
    .getRepository(EventEntity)
    .createQueryBuilder('e')
    .select('e.status', 'status')
    .addSelect('COUNT(*)', 'n')
    .addSelect('SUM(CASE WHEN e.publishedAt IS NULL THEN 0 ELSE 1 END)', 'everPublished')
    .where('e.organizerId = :organizationId', { organizationId })
    .groupBy('e.status')
    .getRawMany<{ status: string; n: string | number; everPublished: string | number | null }>();
  const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  const rejections = await manager.getRepository(EventEntity).find({
    where: { organizerId: organizationId, status: 'rejected' },
    select: { id: true, title: true, reviewReason: true, startsAt: true },
    order: { startsAt: 'DESC', id: 'ASC' },
    take: 3,
  });
  return {
    organizationId,
    published: counts.reduce((sum, c) => sum + Number(c.everPublished ?? 0), 0),
    rejected: count('rejected'),
    pending: count('pending'),
    recentRejections: rejections.map((e) => ({ eventId: e.id, title: e.title, reason: e.reviewReason })),
  };
}
