// Venue conflicts: other events booked at the same venue at an overlapping
// time, from any organization. Two organizations booking 宜昌科技馆 on the same
// morning should each hear of the other, and so should the reviewer.
import { And, In, LessThan, MoreThan, type EntityManager } from 'typeorm';
import { toCstIso, type EventView, type VenueConflictView } from '@kepu/shared';
import type { AuthUser } from '../../core/actor';
import { forbidden } from '../../core/errors';
import { EventEntity } from '../../db/entities/event.entity';
import { OrganizationEntity } from '../../db/entities/organization.entity';
import { actsFor } from '../organizations/organizations.access';
import { haversineKm } from './event-list';
import { getEvent } from './events.service';

/** Venues closer than this are the same place (a venue named twice, or a hall and its square). */
export const SAME_PLACE_KM = 0.1;
/**
 * Bookings are looked for among events that start at most this long before the
 * slot: the (status, city, startsAt) index then reads a bounded range. An
 * activity running longer than this is not a venue booking.
 */
const LONGEST_BOOKING_MS = 62 * 86_400_000;
/** Events that hold the venue: awaiting review or published. Drafts are private; rejected and cancelled ones free it. */
const HOLDING = ['pending', 'published'] as const;
/** More than this many is a listing, not a conflict; the first ones are enough to act on. */
const MAX_CONFLICTS = 20;

export interface VenueSlot {
  id: string | null;
  city: string;
  venue: { name: string; lat: number | null; lng: number | null };
  startsAt: Date;
  endsAt: Date;
}

/** The same venue: the same name (spaces ignored), or both placed within SAME_PLACE_KM. */
export function sameVenue(a: VenueSlot['venue'], b: VenueSlot['venue']): boolean {
  const name = (v: string) => v.replace(/\s+/g, '');
  if (name(a.name) !== '' && name(a.name) === name(b.name)) return true;
  if (a.lat === null || a.lng === null || b.lat === null || b.lng === null) return false;
  return haversineKm(a.lat, a.lng, b.lat, b.lng) <= SAME_PLACE_KM;
}

/** Other activities in the slot's city that hold the same venue at an overlapping time, earliest first. */
export async function findVenueConflicts(manager: EntityManager, slot: VenueSlot): Promise<VenueConflictView[]> {
  const rows = await manager.getRepository(EventEntity).find({
    where: {
      status: In([...HOLDING]),
      city: slot.city,
      kind: 'activity',
      startsAt: And(MoreThan(new Date(slot.startsAt.getTime() - LONGEST_BOOKING_MS)), LessThan(slot.endsAt)),
      endsAt: MoreThan(slot.startsAt),
    },
    select: { id: true, title: true, organizerId: true, venueName: true, venueLat: true, venueLng: true, startsAt: true, endsAt: true, status: true },
    order: { startsAt: 'ASC', id: 'ASC' },
  });
  const clashing = rows
    .filter((e) => e.id !== slot.id && sameVenue(slot.venue, { name: e.venueName, lat: e.venueLat, lng: e.venueLng }))
    .slice(0, MAX_CONFLICTS);
  if (clashing.length === 0) return [];
  const organizations = await manager.getRepository(OrganizationEntity).findBy({ id: In([...new Set(clashing.map((e) => e.organizerId))]) });
  const nameOf = new Map(organizations.map((o) => [o.id, o.name]));
  return clashing.map((e) => ({
    id: e.id,
    title: e.title,
    organization: { id: e.organizerId, name: nameOf.get(e.organizerId) ?? '' },
    venue: e.venueName,
    startsAt: toCstIso(e.startsAt),
    endsAt: toCstIso(e.endsAt),
    status: e.status,
  }));
}

/** The slot an event's view stands for: with a change awaiting review, the place and time it proposes. */
export function slotOf(view: EventView): VenueSlot {
  const wanted = view.revision?.status === 'pending' ? { ...view, ...view.revision.changes } : view;
  return {
    id: view.id,
    city: wanted.city,
    venue: wanted.venue,
    startsAt: new Date(wanted.startsAt),
    endsAt: new Date(wanted.endsAt),
  };
}

/** A write's answer with the conflicts of the event as it now stands (campaigns frame a period and book nothing). */
export async function withConflicts(manager: EntityManager, view: EventView): Promise<EventView> {
  if (view.kind !== 'activity' || view.status === 'cancelled') return { ...view, conflicts: [] };
  return { ...view, conflicts: await findVenueConflicts(manager, slotOf(view)) };
}

/** `GET /events/:id/conflicts`: for the event's organizers, reviewers and admins. */
export async function getVenueConflicts(manager: EntityManager, user: AuthUser, id: string): Promise<{ items: VenueConflictView[] }> {
  const view = await getEvent(manager, id, user);
  if (!user.roles.includes('reviewer') && !actsFor(user, view.organizer.id)) throw forbidden('not a member of this organization');
  return { items: (await withConflicts(manager, view)).conflicts ?? [] };
}
