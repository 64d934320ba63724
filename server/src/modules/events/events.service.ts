// Use cases of events: list and read, and an organizer's create -> edit ->
// submit -> review -> cancel. Sign-ups and their seats live in the signups module.
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import {
  isoTimeSchema,
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
import { conflict, forbidden, notFound, validationFailed } from '../../core/errors';
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
import { EventEntity, EventPlanTaskEntity } from '../../db/entities/event.entity';
import { newEventRow } from './event.row';
import { toEventView } from './event.view';
import { listEventCards } from './event-list';
import { TaskTitles } from './task-titles';
import { readListState } from '../../db/list-state';
import { canCancel, canEdit, canReview, canSubmit, capacityAllowed, noticeWorthyChanges, statusAfterEdit } from './events.rules';
import { findForUpdate, transactional } from '../../core/transaction';

export { haversineKm } from './event-list';

/**
 * One page of events, read afresh (no response cache): the calendar feed and
 * lists of non-public states. The public list goes through PublicEvents.
 */
export async function listEvents(manager: EntityManager, query: EventListQuery, user: AuthUser | null, now: Date): Promise<Page<EventView>> {
  const state = await readListState(manager);
  return (await listEventCards(manager, query, user, now, state, new TaskTitles())).page;
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
    // The first occurrence was checked against the years every date must fall in; the later ones are checked here.
    const lastEnd = isoTimeSchema.safeParse(toCstIso(occurrences.at(-1)!.endsAt));
    if (!lastEnd.success) throw validationFailed([{ path: 'recurrence', message: lastEnd.error.issues[0]!.message }]);
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
