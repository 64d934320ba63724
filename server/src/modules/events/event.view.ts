// Turns event rows into the contract's EventView, loading what a page of
// events needs (organizers, plan tasks) in one query each, never per row.
import { In, type EntityManager } from 'typeorm';
import { cstDateOf, toCstIso, type EventChangesView, type EventRevisionView, type EventView } from '@kepu/shared';
import { campaignOccurrence } from '../../campaigns';
import { OrganizationEntity } from '../../db/entities/organization.entity';
import { PlanTaskEntity } from '../../db/entities/plan.entity';
import { EventEntity, EventPlanTaskEntity, EventRevisionEntity } from '../../db/entities/event.entity';
import type { ReviewedValues } from './event-changes';
import { artworkOf } from '../uploads/campaign-artwork';
import { coverUrlsOf, type CoverUrls } from '../uploads/image-urls';

export async function toEventViews(manager: EntityManager, events: EventEntity[]): Promise<EventView[]> {
  if (events.length === 0) return [];
  const organizerIds = [...new Set(events.map((e) => e.organizerId))];
  const organizations = await manager.getRepository(OrganizationEntity).findBy({ id: In(organizerIds) });
  const organizerName = new Map(organizations.map((o) => [o.id, o.name]));

  const links = await manager.getRepository(EventPlanTaskEntity).findBy({ eventId: In(events.map((e) => e.id)) });
  const planIds = [...new Set(links.map((l) => l.planId))];
  const tasks = planIds.length
    ? await manager.getRepository(PlanTaskEntity).find({ where: { planId: In(planIds) }, select: { planId: true, ordinal: true, title: true } })
    : [];
  const taskTitle = new Map(tasks.map((t) => [`${t.planId}:${t.ordinal}`, t.title]));

  return events.map((event) => ({
    id: event.id,
    title: event.title,
    description: event.description,
    kind: event.kind,
    seriesId: event.seriesId,
    campaign: campaignOf(event.campaignCode, event.startsAt),
    planTasks: links
      .filter((l) => l.eventId === event.id)
      .sort((a, b) => a.planId.localeCompare(b.planId) || a.taskOrdinal - b.taskOrdinal)
      .map((l) => ({ planId: l.planId, number: l.taskNumber, ordinal: l.taskOrdinal, title: taskTitle.get(`${l.planId}:${l.taskOrdinal}`) ?? '' })),
    organizer: { id: event.organizerId, name: organizerName.get(event.organizerId) ?? '' },
    city: event.city,
    audiences: event.audiences,
    themes: event.themes,
    district: event.district,
    venue: { name: event.venueName, address: event.venueAddress, lat: event.venueLat, lng: event.venueLng },
    startsAt: toCstIso(event.startsAt),
    endsAt: toCstIso(event.endsAt),
    capacity: event.capacity,
    confirmedCount: event.confirmedCount,
    waitlistCount: event.waitlistCount,
    signupOpensAt: event.signupOpensAt ? toCstIso(event.signupOpensAt) : null,
    signupClosesAt: event.signupClosesAt ? toCstIso(event.signupClosesAt) : null,
    status: event.status,
    source: event.source,
    isDemo: event.isDemo,
    reviewReason: event.reviewReason,
    cancelReason: event.cancelReason,
    planTaskChanged: event.planTaskChanged,
    coverImageId: event.coverImageId,
    ...coversOf(event.coverImageId, event.kind, event.campaignCode),
    version: event.version,
  }));
}

export async function toEventView(manager: EntityManager, event: EventEntity): Promise<EventView> {
  const [view] = await toEventViews(manager, [event]);
  return view!;
}

/** The campaign's name as it was in the event's year (全国科普日 up to 2024, 全国科普月 after). */
export function campaignOf(code: string | null, startsAt: Date): EventView['campaign'] {
  if (!code) return null;
  const year = Number(cstDateOf(startsAt).slice(0, 4));
  const occurrence = campaignOccurrence(code, year);
  return { code, name: occurrence?.name ?? code };
}

/** The uploaded cover, else a campaign event's artwork (an activity under a campaign keeps its own look). */
export function coversOf(coverImageId: string | null, kind: string, campaignCode: string | null): CoverUrls {
  return coverUrlsOf(coverImageId, kind === 'campaign' ? artworkOf(campaignCode) : null);
}

/** A revision's proposed values in the view's shapes. */
function changesView(changes: ReviewedValues, event: EventEntity): EventChangesView {
  const { venue, startsAt, endsAt, campaign, coverImageId, ...plain } = changes;
  const proposedStart = startsAt ? new Date(startsAt) : event.startsAt;
  return {
    ...plain,
    ...(venue !== undefined && { venue }),
    ...(startsAt !== undefined && { startsAt: toCstIso(new Date(startsAt)) }),
    ...(endsAt !== undefined && { endsAt: toCstIso(new Date(endsAt)) }),
    ...(campaign !== undefined && { campaign: campaignOf(campaign, proposedStart) }),
    ...(coverImageId !== undefined && { coverImageId, coverUrl: coverImageId ? coverUrlsOf(coverImageId, null).coverUrl : null }),
  };
}

export function toRevisionView(revision: EventRevisionEntity, event: EventEntity): EventRevisionView {
  return {
    id: revision.id,
    status: revision.status === 'rejected' ? 'rejected' : 'pending',
    proposedAt: toCstIso(revision.proposedAt),
    changes: changesView(revision.changes as ReviewedValues, event),
    reason: revision.reason,
    decidedAt: revision.decidedAt ? toCstIso(revision.decidedAt) : null,
  };
}

/**
 * The event's latest revision when it is still to be decided or was rejected
 * (its organizer should see why); null once one was approved or withdrawn.
 */
export async function currentRevisionView(manager: EntityManager, event: EventEntity): Promise<EventRevisionView | null> {
  const latest = await manager.getRepository(EventRevisionEntity).findOne({ where: { eventId: event.id }, order: { version: 'DESC' } });
  return latest && (latest.status === 'pending' || latest.status === 'rejected') ? toRevisionView(latest, event) : null;
}
