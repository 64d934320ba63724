// Use cases of events: list and read, and an organizer's create -> edit ->
// submit -> review -> cancel. Sign-ups and their seats live in the signups module.
import { randomUUID } from 'node:crypto';
import { Brackets, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import {
  timesInOrder,
  timesOutOfOrderMessage,
  toCstIso,
  type CancelEvent,
  type CreateEvent,
  type CreateEventSeries,
  type EventListQuery,
  type EventView,
  type Page,
  type ReviewEvent,
  type UpdateEvent,
} from '@kepu/shared';
import { campaignByCode } from '../../campaigns';
import { seriesOccurrences } from './series';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../core/errors';
import type { AuthUser } from '../../core/actor';
import { recordAudit } from '../audit/audit.service';
import { enqueueNotificationOnce, rescheduleEventReminders, withdrawEventReminders } from '../notifications/notifications.service';
import { actsFor, assertActsFor, isVisibleTo } from '../organizations/organizations.access';
import { OrganizationEntity } from '../../db/entities/organization.entity';
import { PlanTaskEntity } from '../../db/entities/plan.entity';
import { SignupEntity } from '../../db/entities/signup.entity';
import { promoteWaitlist } from '../signups/signups.service';
import { cancelApplicationsOfEvent } from '../volunteers/shifts.service';
import { ShiftApplicationEntity } from '../../db/entities/volunteer.entities';
import { decodeCursor, encodeCursor, keysetPage } from '../../core/paging';
import { EventEntity, EventPlanTaskEntity } from '../../db/entities/event.entity';
import { newEventRow } from './event.row';
import { toEventView, toEventViews } from './event.view';
import { canCancel, canEdit, canReview, canSubmit, capacityAllowed, noticeWorthyChanges, statusAfterEdit } from './events.rules';
import { parseDateBound } from '../../core/date-bounds';
import { findForUpdate, transactional } from '../../core/transaction';
import { escapeLike } from '../../core/like';

/** Distance sorting loads candidates into memory; this bounds it (see README: larger scale). */
const MAX_NEAR_CANDIDATES = 5000;

function applyFilters(qb: SelectQueryBuilder<EventEntity>, query: EventListQuery, user: AuthUser | null, now: Date) {
  if (query.status && query.status !== 'published') {
    // Non-public states: organizers see their organizations' events, reviewers and admins all.
    if (!user) throw new AppError('UNAUTHENTICATED', 401);
    qb.andWhere('e.status = :status', { status: query.status });
    const seesAll = user.roles.includes('reviewer') || user.roles.includes('admin');
    if (!seesAll) {
      if (user.organizationIds.length === 0) throw forbidden();
      qb.andWhere('e.organizerId IN (:...orgIds)', { orgIds: user.organizationIds });
    }
  } else {
    qb.andWhere('e.status = :status', { status: 'published' });
  }
  if (query.seriesId) qb.andWhere('e.seriesId = :seriesId', { seriesId: query.seriesId });
  if (query.organizerId) qb.andWhere('e.organizerId = :organizerId', { organizerId: query.organizerId });
  if (query.city) qb.andWhere('e.city = :city', { city: query.city });
  if (query.district) qb.andWhere('e.district = :district', { district: query.district });
  if (query.kind) qb.andWhere('e.kind = :kind', { kind: query.kind });
  if (query.campaign) qb.andWhere('e.campaignCode = :campaign', { campaign: query.campaign });
  // JSON arrays are stored as text; matching the JSON-encoded string makes this an exact element match.
  if (query.audience) qb.andWhere("e.audiences LIKE :audience ESCAPE '!'", { audience: `%${escapeLike(JSON.stringify(query.audience))}%` });
  if (query.theme) qb.andWhere("e.themes LIKE :theme ESCAPE '!'", { theme: `%${escapeLike(JSON.stringify(query.theme))}%` });
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    qb.andWhere(
      new Brackets((w) => {
        w.where("e.title LIKE :q ESCAPE '!'", { q: like })
          .orWhere("e.description LIKE :q ESCAPE '!'", { q: like })
          .orWhere("e.venueName LIKE :q ESCAPE '!'", { q: like });
      }),
    );
  }
  if (query.from || query.to) {
    if (query.from) qb.andWhere('e.endsAt >= :from', { from: parseDateBound(query.from, false) });
    if (query.to) qb.andWhere('e.startsAt <= :to', { to: parseDateBound(query.to, true) });
  } else {
    qb.andWhere('e.endsAt >= :now', { now });
  }
}

export async function listEvents(manager: EntityManager, query: EventListQuery, user: AuthUser | null, now: Date): Promise<Page<EventView>> {
  if (query.from && query.to && parseDateBound(query.to, true) < parseDateBound(query.from, false)) {
    throw validationFailed([{ path: 'to', message: '结束日期不能早于开始日期' }]);
  }
  const qb = manager.getRepository(EventEntity).createQueryBuilder('e');
  applyFilters(qb, query, user, now);

  if (query.near) {
    const [lat, lng] = query.near.split(',').map(Number) as [number, number];
    const offset = decodeCursor(query.cursor, 'offset')?.offset ?? 0;
    // Rank on the few columns distance needs, then load whole rows for one page only.
    qb.andWhere('e.venueLat IS NOT NULL AND e.venueLng IS NOT NULL').select(['e.id', 'e.venueLat', 'e.venueLng', 'e.startsAt']);
    const ranked = await nearestCandidates(qb, lat, lng, offset + query.limit + 1);
    const slice = ranked.slice(offset, offset + query.limit);
    const rows = slice.length ? await manager.getRepository(EventEntity).findBy({ id: In(slice.map((r) => r.event.id)) }) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const views = await toEventViews(
      manager,
      slice.map((r) => byId.get(r.event.id)!),
    );
    return {
      items: views.map((view, i) => ({ ...view, distanceKm: Math.round(slice[i]!.distanceKm * 100) / 100 })),
      nextCursor: ranked.length > offset + query.limit ? encodeCursor({ kind: 'offset', offset: offset + query.limit }) : null,
    };
  }

  const { rows, nextCursor } = await keysetPage(qb, { time: 'e.startsAt', id: 'e.id' }, (e) => e.startsAt, {
    cursor: query.cursor,
    limit: query.limit,
    direction: 'ASC',
  });
  return { items: await toEventViews(manager, rows), nextCursor };
}

const EARTH_RADIUS_KM = 6371;

/** Search radii tried in turn for near=; null means no box (the whole filtered list, capped). */
const NEAR_RADII_KM: (number | null)[] = [5, 25, 100, 400, null];

/**
 * The candidates nearest to (lat, lng), ranked, at least `needed` of them when
 * there are that many. A bounding box in SQL keeps the candidates few: every
 * event outside a box of radius r is farther than r, so the events within r
 * are exactly the nearest ones and their order is final; the box grows until
 * enough fall within it.
 */
async function nearestCandidates(qb: SelectQueryBuilder<EventEntity>, lat: number, lng: number, needed: number) {
  for (const radiusKm of NEAR_RADII_KM) {
    const boxed = qb.clone();
    if (radiusKm !== null) {
      // Degrees on haversineKm's own sphere, padded 1%: an event just inside the radius must be inside the box.
      const kmPerDegree = (EARTH_RADIUS_KM * Math.PI) / 180;
      const dLat = (radiusKm / kmPerDegree) * 1.01;
      // Degrees of longitude shrink towards the poles; past 89° the box spans every longitude.
      const dLng = Math.abs(lat) > 89 ? 180 : (radiusKm / (kmPerDegree * Math.cos((lat * Math.PI) / 180))) * 1.01;
      boxed
        .andWhere('e.venueLat BETWEEN :minLat AND :maxLat', { minLat: lat - dLat, maxLat: lat + dLat })
        .andWhere('e.venueLng BETWEEN :minLng AND :maxLng', { minLng: lng - dLng, maxLng: lng + dLng });
    }
    const candidates = await boxed.take(MAX_NEAR_CANDIDATES).getMany();
    const ranked = candidates
      .map((event) => ({ event, distanceKm: haversineKm(lat, lng, event.venueLat!, event.venueLng!) }))
      .filter((r) => radiusKm === null || r.distanceKm <= radiusKm)
      .sort((a, b) => a.distanceKm - b.distanceKm || a.event.startsAt.getTime() - b.event.startsAt.getTime() || a.event.id.localeCompare(b.event.id));
    if (radiusKm === null || ranked.length >= needed) return ranked;
  }
  return [];
}

export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return EARTH_RADIUS_KM * 2 * Math.asin(Math.sqrt(a));
}

/** Published events are public; other states only for their organizers, reviewers and admins. */
export async function loadVisibleEvent(manager: EntityManager, id: string, user: AuthUser | null): Promise<EventEntity> {
  const event = await manager.getRepository(EventEntity).findOneBy({ id });
  if (!event || !isVisibleTo(event, user)) throw notFound('event');
  return event;
}

export async function getEvent(manager: EntityManager, id: string, user: AuthUser | null): Promise<EventView> {
  return toEventView(manager, await loadVisibleEvent(manager, id, user));
}

async function checkReferences(manager: EntityManager, input: { campaign?: string | null; planTasks?: { planId: string; number: number }[] }) {
  if (input.campaign && !campaignByCode(input.campaign)) {
    throw validationFailed([{ path: 'campaign', message: '未知的主题活动' }]);
  }
  for (const [i, link] of (input.planTasks ?? []).entries()) {
    const task = await manager.getRepository(PlanTaskEntity).findOneBy({ planId: link.planId, number: link.number });
    if (!task) throw validationFailed([{ path: `planTasks.${i}`, message: `工作要点中没有第${link.number}项任务` }]);
  }
}

async function replacePlanLinks(manager: EntityManager, eventId: string, links: { planId: string; number: number }[]) {
  const repo = manager.getRepository(EventPlanTaskEntity);
  await repo.delete({ eventId });
  const unique = new Map(links.map((l) => [`${l.planId}:${l.number}`, l]));
  if (unique.size) await repo.insert([...unique.values()].map((l) => ({ eventId, planId: l.planId, taskNumber: l.number })));
}

export const createEvent = transactional(
  async (manager: EntityManager, user: AuthUser, input: CreateEvent, now: Date, seriesId: string | null = null): Promise<EventView> => {
    assertActsFor(user, input.organizerId);
    const organization = await manager.getRepository(OrganizationEntity).findOneBy({ id: input.organizerId });
    if (!organization) throw validationFailed([{ path: 'organizerId', message: '主办单位不存在' }]);
    await checkReferences(manager, input);
    const event = newEventRow(
      {
        title: input.title,
        description: input.description,
        kind: 'activity',
        campaignCode: input.campaign ?? null,
        organizerId: input.organizerId,
        city: input.city,
        district: input.district,
        audiences: input.audiences,
        themes: input.themes,
        venueName: input.venue.name,
        venueAddress: input.venue.address,
        venueLat: input.venue.lat,
        venueLng: input.venue.lng,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        capacity: input.capacity,
        signupOpensAt: input.signupOpensAt ? new Date(input.signupOpensAt) : null,
        signupClosesAt: input.signupClosesAt ? new Date(input.signupClosesAt) : null,
        status: 'draft',
        source: 'organizer',
        seriesId,
      },
      now,
    );
    await manager.getRepository(EventEntity).insert(event);
    await replacePlanLinks(manager, event.id, input.planTasks ?? []);
    return toEventView(manager, event);
  },
);

/**
 * Creates every occurrence of a recurring series as its own draft with its
 * own seats; sign-up windows move with each occurrence.
 */
export const createEventSeries = transactional(
  async (manager: EntityManager, user: AuthUser, input: CreateEventSeries, now: Date): Promise<{ seriesId: string; items: EventView[] }> => {
    const { recurrence, ...first } = input;
    const firstStart = new Date(first.startsAt).getTime();
    const occurrences = seriesOccurrences(new Date(first.startsAt), new Date(first.endsAt), recurrence);
    if (occurrences.length < 2) throw validationFailed([{ path: 'recurrence', message: '按此规则只有一场活动，请调整结束日期或场次数' }]);
    const moveBy = (iso: string | null | undefined, by: number) => (iso ? toCstIso(new Date(new Date(iso).getTime() + by)) : iso);
    const seriesId = randomUUID();
    const items: EventView[] = [];
    for (const occurrence of occurrences) {
      const by = occurrence.startsAt.getTime() - firstStart;
      items.push(
        await createEvent.within(
          manager,
          user,
          {
            ...first,
            startsAt: toCstIso(occurrence.startsAt),
            endsAt: toCstIso(occurrence.endsAt),
            signupOpensAt: moveBy(first.signupOpensAt, by),
            signupClosesAt: moveBy(first.signupClosesAt, by),
          },
          now,
          seriesId,
        ),
      );
    }
    return { seriesId, items };
  },
);

/** Submits every draft (or rejected) occurrence of a series the user organizes. */
export const submitSeries = transactional(
  async (manager: EntityManager, user: AuthUser, seriesId: string, now: Date): Promise<{ seriesId: string; items: EventView[] }> => {
    const members = await manager
      .getRepository(EventEntity)
      .find({ where: { seriesId }, order: { startsAt: 'ASC' }, select: { id: true, organizerId: true, status: true } });
    if (members.length === 0 || !actsFor(user, members[0]!.organizerId)) throw notFound('series');
    const items: EventView[] = [];
    for (const member of members) {
      items.push(canSubmit(member.status) ? await submitEvent.within(manager, user, member.id, now) : await getEvent(manager, member.id, user));
    }
    return { seriesId, items };
  },
);

async function loadForOrganizer(manager: EntityManager, user: AuthUser, id: string): Promise<EventEntity> {
  const event = await findForUpdate(manager, EventEntity, id);
  if (!event) throw notFound('event');
  if (!actsFor(user, event.organizerId)) {
    // Don't reveal drafts of other organizations.
    if (!isVisibleTo(event, null)) throw notFound('event');
    throw forbidden('not a member of this organization');
  }
  return event;
}

export const updateEvent = transactional(async (manager: EntityManager, user: AuthUser, id: string, changes: UpdateEvent, now: Date, leadMs: number) => {
  const event = await loadForOrganizer(manager, user, id);
  if (!canEdit(event.status)) throw conflict('EVENT_STATE_CONFLICT', { status: event.status });
  await checkReferences(manager, changes);
  const startsAt = changes.startsAt ? new Date(changes.startsAt) : event.startsAt;
  const endsAt = changes.endsAt ? new Date(changes.endsAt) : event.endsAt;
  // The schema checked what was sent; only the merged event shows a new start past the stored end.
  if (!timesInOrder({ startsAt: startsAt.getTime(), endsAt: endsAt.getTime() })) throw validationFailed([{ path: 'endsAt', message: timesOutOfOrderMessage }]);
  const before = { startsAt: event.startsAt, endsAt: event.endsAt, venueName: event.venueName, venueAddress: event.venueAddress };
  if (changes.capacity !== undefined && !capacityAllowed(changes.capacity, event.confirmedCount)) {
    throw conflict('EVENT_FULL_CAPACITY_TOO_LOW', { confirmedSeats: event.confirmedCount });
  }
  Object.assign(event, {
    ...(changes.title !== undefined && { title: changes.title }),
    ...(changes.description !== undefined && { description: changes.description }),
    ...(changes.city !== undefined && { city: changes.city }),
    ...(changes.district !== undefined && { district: changes.district }),
    ...(changes.audiences !== undefined && { audiences: changes.audiences }),
    ...(changes.themes !== undefined && { themes: changes.themes }),
    ...(changes.venue !== undefined && {
      venueName: changes.venue.name,
      venueAddress: changes.venue.address,
      venueLat: changes.venue.lat,
      venueLng: changes.venue.lng,
    }),
    ...(changes.capacity !== undefined && { capacity: changes.capacity }),
    ...(changes.signupOpensAt !== undefined && { signupOpensAt: changes.signupOpensAt ? new Date(changes.signupOpensAt) : null }),
    ...(changes.signupClosesAt !== undefined && { signupClosesAt: changes.signupClosesAt ? new Date(changes.signupClosesAt) : null }),
    ...(changes.campaign !== undefined && { campaignCode: changes.campaign }),
    startsAt,
    endsAt,
    // The organizer has looked at the event again since its plan task changed.
    planTaskChanged: false,
    status: statusAfterEdit(event.status),
    updatedAt: now,
  });
  await manager.getRepository(EventEntity).save(event);
  if (changes.planTasks) await replacePlanLinks(manager, event.id, changes.planTasks);
  // More seats: the waitlist moves up at once.
  if (changes.capacity !== undefined) await promoteWaitlist(manager, event, now, leadMs);
  const noticeWorthy = event.status === 'published' ? noticeWorthyChanges(before, event) : [];
  if (noticeWorthy.length)
    await notifyEveryoneComing(manager, event, 'event.changed', { changed: noticeWorthy, startsAt: toCstIso(event.startsAt), venue: event.venueName }, now);
  // A new start moves every reminder with it (a reminder already sent for the old time gets a successor).
  if (before.startsAt.getTime() !== event.startsAt.getTime()) {
    const confirmed = await manager.getRepository(SignupEntity).find({ where: { eventId: event.id, status: 'confirmed' }, select: { id: true, userId: true } });
    await rescheduleEventReminders(manager, event, event.status === 'published' ? confirmed : [], now, leadMs);
  }
  return toEventView(manager, event);
});

/** Who holds a seat or waits for one. Read with the event row locked, so no sign-up changes underneath. */
async function signedUpUserIds(manager: EntityManager, eventId: string): Promise<string[]> {
  const signups = await manager.getRepository(SignupEntity).find({ where: { eventId, status: In(['confirmed', 'waitlisted']) }, select: { userId: true } });
  return signups.map((s) => s.userId);
}

/** Tells everyone signed up or volunteering for an event, once each, through the outbox. */
async function notifyEveryoneComing(manager: EntityManager, event: EventEntity, kind: string, details: Record<string, unknown>, now: Date): Promise<number> {
  const volunteers = await manager
    .getRepository(ShiftApplicationEntity)
    .find({ where: { eventId: event.id, status: In(['applied', 'approved']) }, select: { userId: true } });
  const recipients = [...(await signedUpUserIds(manager, event.id)), ...volunteers.map((v) => v.userId)];
  return enqueueNotificationOnce(manager, recipients, kind, { eventId: event.id, title: event.title, ...details }, now);
}

export const submitEvent = transactional(async (manager: EntityManager, user: AuthUser, id: string, now: Date): Promise<EventView> => {
  const event = await loadForOrganizer(manager, user, id);
  if (!canSubmit(event.status)) throw conflict('EVENT_STATE_CONFLICT', { status: event.status });
  const organization = await manager.getRepository(OrganizationEntity).findOneBy({ id: event.organizerId });
  // Trusted organizations publish without the review queue.
  event.status = organization?.trusted ? 'published' : 'pending';
  if (event.status === 'published') {
    event.publishedAt ??= now;
    // Publishing without review is a review decision too: the trust setting made it.
    await recordAudit(manager, {
      actorId: user.id,
      action: 'event.publish_trusted',
      target: `event:${event.id}`,
      details: { title: event.title, organizationId: event.organizerId },
      at: now,
    });
  }
  event.reviewReason = null;
  event.updatedAt = now;
  await manager.getRepository(EventEntity).save(event);
  return toEventView(manager, event);
});

export const reviewEvent = transactional(async (manager: EntityManager, user: AuthUser, id: string, input: ReviewEvent, now: Date): Promise<EventView> => {
  const event = await findForUpdate(manager, EventEntity, id);
  if (!event) throw notFound('event');
  if (!canReview(event.status)) throw conflict('EVENT_STATE_CONFLICT', { status: event.status });
  event.status = input.decision === 'approve' ? 'published' : 'rejected';
  if (event.status === 'published') event.publishedAt ??= now;
  event.reviewReason = input.reason ?? null;
  event.updatedAt = now;
  await manager.getRepository(EventEntity).save(event);
  await recordAudit(manager, {
    actorId: user.id,
    action: `event.${input.decision}`,
    target: `event:${event.id}`,
    details: { reason: input.reason ?? null, title: event.title },
    at: now,
  });
  return toEventView(manager, event);
});

export const cancelEvent = transactional(async (manager: EntityManager, user: AuthUser, id: string, input: CancelEvent, now: Date): Promise<EventView> => {
  const event = await loadForOrganizer(manager, user, id);
  if (!canCancel(event, now)) {
    throw conflict('EVENT_STATE_CONFLICT', { status: event.status }, event.status === 'cancelled' ? undefined : '活动已经结束，不能取消');
  }
  event.status = 'cancelled';
  event.cancelReason = input.reason;
  event.updatedAt = now;
  await manager.getRepository(EventEntity).save(event);
  const signedUp = await signedUpUserIds(manager, event.id);
  // Not notifyEveryoneComing's plain read: the volunteers told are those whose application
  // cancelApplicationsOfEvent ended, each read afresh under its shift's lock.
  const volunteers = await cancelApplicationsOfEvent(manager, event.id, now);
  await withdrawEventReminders(manager, event.id);
  const notified = await enqueueNotificationOnce(
    manager,
    [...signedUp, ...volunteers],
    'event.cancelled',
    { eventId: event.id, title: event.title, reason: input.reason, startsAt: toCstIso(event.startsAt), venue: event.venueName },
    now,
  );
  await recordAudit(manager, {
    actorId: user.id,
    action: 'event.cancel',
    target: `event:${event.id}`,
    details: { reason: input.reason, signups: signedUp.length, volunteers: volunteers.length, notified },
    at: now,
  });
  return toEventView(manager, event);
});
