// Use cases of an organization's saved venues (常用场馆): list, save (an upsert
// by name and address), remove. Events save their venue here; conflicts live in events.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { toCstIso, type OrganizationVenueView, type SaveVenue } from '@kepu/shared';
import type { AuthUser } from '../../core/actor';
import { isUniqueViolation, notFound } from '../../core/errors';
import { transactional } from '../../core/transaction';
import { OrganizationEntity } from '../../db/entities/organization.entity';
import { OrganizationVenueEntity } from '../../db/entities/organization-venue.entity';
import { assertActsFor } from '../organizations/organizations.access';

/** A list longer than this is not a picker; the most recently used ones are kept in view. */
const MAX_LISTED = 100;

function toView(venue: OrganizationVenueEntity): OrganizationVenueView {
  return {
    id: venue.id,
    organizationId: venue.organizationId,
    name: venue.name,
    address: venue.address,
    district: venue.district,
    lat: venue.lat,
    lng: venue.lng,
    updatedAt: toCstIso(venue.updatedAt),
  };
}

async function loadOrganization(manager: EntityManager, user: AuthUser, organizationId: string): Promise<void> {
  assertActsFor(user, organizationId);
  if (!(await manager.getRepository(OrganizationEntity).existsBy({ id: organizationId }))) throw notFound('organization');
}

/** The organization's saved venues, most recently used first. */
export async function listVenues(manager: EntityManager, user: AuthUser, organizationId: string): Promise<OrganizationVenueView[]> {
  await loadOrganization(manager, user, organizationId);
  const rows = await manager.getRepository(OrganizationVenueEntity).find({
    where: { organizationId },
    order: { updatedAt: 'DESC', name: 'ASC', id: 'ASC' },
    take: MAX_LISTED,
  });
  return rows.map(toView);
}

/**
 * Saves a venue in the organization's list, or refreshes the one with the
 * same name and address: a district or coordinates given replace the stored
 * ones, missing ones keep them, and it moves to the top of the list. Events
 * call it for their venue, so the caller has already checked who acts.
 */
export async function rememberVenue(
  manager: EntityManager,
  organizationId: string,
  venue: SaveVenue,
  now: Date,
): Promise<{ venue: OrganizationVenueView; created: boolean }> {
  const repo = manager.getRepository(OrganizationVenueEntity);
  const existing = await repo.findOneBy({ organizationId, name: venue.name, address: venue.address });
  if (existing) return { venue: await refresh(manager, existing, venue, now), created: false };
  const row = Object.assign(new OrganizationVenueEntity(), {
    id: randomUUID(),
    organizationId,
    name: venue.name,
    address: venue.address,
    district: venue.district,
    lat: venue.lat,
    lng: venue.lng,
    createdAt: now,
    updatedAt: now,
  });
  try {
    await repo.insert(row);
  } catch (error) {
    // Another request saved the same venue just now (two events posted at once): theirs is the one to refresh.
    // Both engines fail only the statement, so the caller's transaction (an event's save) goes on; on MySQL
    // the locking read sees the row committed after this transaction's snapshot (SQLite runs one writer at a time).
    const saved = isUniqueViolation(error) ? await findLatest(manager, organizationId, venue) : null;
    if (!saved) throw error;
    return { venue: await refresh(manager, saved, venue, now), created: false };
  }
  return { venue: toView(row), created: true };
}

async function findLatest(manager: EntityManager, organizationId: string, venue: SaveVenue): Promise<OrganizationVenueEntity | null> {
  const query = manager
    .createQueryBuilder(OrganizationVenueEntity, 'v')
    .where('v.organizationId = :organizationId AND v.name = :name AND v.address = :address', { organizationId, name: venue.name, address: venue.address });
  if (manager.connection.options.type === 'mysql') query.setLock('pessimistic_write');
  return query.getOne();
}

/** A district or coordinates given replace the stored ones; missing ones keep them. */
async function refresh(manager: EntityManager, existing: OrganizationVenueEntity, venue: SaveVenue, now: Date): Promise<OrganizationVenueView> {
  Object.assign(existing, {
    district: venue.district || existing.district,
    lat: venue.lat ?? existing.lat,
    lng: venue.lng ?? existing.lng,
    updatedAt: now,
  });
  await manager.getRepository(OrganizationVenueEntity).save(existing);
  return toView(existing);
}

/** `POST /organizations/:id/venues`: a member (or an admin) saves a venue. */
export const saveVenue = transactional(
  async (
    manager: EntityManager,
    user: AuthUser,
    organizationId: string,
    venue: SaveVenue,
    now: Date,
  ): Promise<{ venue: OrganizationVenueView; created: boolean }> => {
    await loadOrganization(manager, user, organizationId);
    return rememberVenue(manager, organizationId, venue, now);
  },
);

/** Removes a saved venue; events that used it keep their own copy of the place. */
export const removeVenue = transactional(async (manager: EntityManager, user: AuthUser, organizationId: string, venueId: string): Promise<void> => {
  await loadOrganization(manager, user, organizationId);
  const deleted = await manager.getRepository(OrganizationVenueEntity).delete({ id: venueId, organizationId });
  if (!deleted.affected) throw notFound('venue');
});
