// Use cases of events: list and read, and an organizer's create -> edit ->
// submit -> review -> cancel. Sign-ups and their seats live in the signups module.
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import {
  isoTimeSchema,
  seriesOccurrences,
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
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../core/errors';
import type { AuthUser } from '../../core/actor';
import { recordAudit } from '../audit/audit.service';
import { enqueueNotificationOnce, rescheduleEventReminders, withdrawEventReminders } from '../notifications/notifications.service';
import { actsFor, assertActsFor, isVisibleTo, seesUnpublished } from '../organizations/organizations.access';
import { OrganizationEntity } from '../../db/entities/organization.entity';
import { SignupEntity } from '../../db/entities/signup.entity';
import { promoteWaitlist } from '../signups/signups.service';
import { assertCoverUsable } from '../uploads/uploads.service';
import { cancelApplicationsOfEvent } from '../volunteers/shifts.service';
import { ShiftApplicationEntity } from '../../db/entities/volunteer.entities';
import { keysetPage } from '../../core/paging';
import { EventEntity, EventPlanTaskEntity, EventRevisionEntity } from '../../db/entities/event.entity';
import { newEventRow } from './event.row';
import { rememberVenue } from '../venues/venues.service';
import { currentRevisionView, toEventView, toEventViews, toRevisionView } from './event.view';
import { listEventCards } from './event-list';
import { TaskTitles } from './task-titles';
import { resolvePlanTasks, type RequestedTask } from './plan-links';
import { readListState } from '../../db/list-state';
import {
  assignReviewed,
  auditDiff,
  changedValues,
  isEmpty,
  reviewedPartOf,
  reviewedValuesOf,
  sameValues,
  signupWindowAfter,
  signupWindowOf,
  type ReviewedValues,
} from './event-changes';
import { canCancel, canEdit, canReview, canSubmit, capacityAllowed, editGoesToReview, noticeWorthyChanges, statusAfterEdit } from './events.rules';
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
  return viewFor(manager, await loadVisibleEvent(manager, id, user), user);
}

/** The event's view, with the change awaiting review (or last rejected) for those who may see it; never for the public. */
async function viewFor(manager: EntityManager, event: EventEntity, user: AuthUser | null): Promise<EventView> {
  const view = await toEventView(manager, event);
  return { ...view, revision: seesUnpublished(event, user) ? await currentRevisionView(manager, event) : null };
}

async function checkReferences(manager: EntityManager, input: { campaign?: string | null; planTasks?: RequestedTask[] }) {
  if (input.campaign && !campaignByCode(input.campaign)) {
    throw validationFailed([{ path: 'campaign', message: '未知的主题活动' }]);
  }
  await resolvePlanTasks(manager, input.planTasks ?? []);
}

/**
 * An organization's events take place in its city: 唐山市科协 cannot post an
 * event in 柳州市. Admins may (a province-wide body's event, a correction).
 * An edit that keeps the event's stored city passes, so an older event whose
 * city differs can still be edited.
 */
function checkCity(user: AuthUser, organization: OrganizationEntity | null, city: string | undefined, storedCity?: string): void {
  if (city === undefined || !organization || user.roles.includes('admin')) return;
  if (city === organization.city || city === storedCity) return;
  throw new AppError('EVENT_CITY_MISMATCH', 400, {
    fields: [{ path: 'city', message: `活动城市须为主办单位所在城市（${organization.city}）` }],
    organizationCity: organization.city,
  });
}

async function replacePlanLinks(manager: EntityManager, eventId: string, links: RequestedTask[]) {
  const repo = manager.getRepository(EventPlanTaskEntity);
  const tasks = await resolvePlanTasks(manager, links);
  await repo.delete({ eventId });
  const unique = new Map(tasks.map((t) => [`${t.planId}:${t.ordinal}`, t]));
  if (unique.size) await repo.insert([...unique.values()].map((t) => ({ eventId, planId: t.planId, taskOrdinal: t.ordinal, taskNumber: t.number })));
}

export const createEvent = transactional(
  async (manager: EntityManager, user: AuthUser, input: CreateEvent, now: Date, seriesId: string | null = null): Promise<EventView> => {
    assertActsFor(user, input.organizerId);
    const organization = await manager.getRepository(OrganizationEntity).findOneBy({ id: input.organizerId });
    if (!organization) throw validationFailed([{ path: 'organizerId', message: '主办单位不存在' }]);
    checkCity(user, organization, input.city);
    await checkReferences(manager, input);
    if (input.coverImageId) await assertCoverUsable(manager, user, input.coverImageId, input.organizerId);
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
        coverImageId: input.coverImageId ?? null,
      },
      now,
    );
    await manager.getRepository(EventEntity).insert(event);
    await replacePlanLinks(manager, event.id, input.planTasks ?? []);
    await rememberVenue(manager, input.organizerId, { ...input.venue, district: input.district }, now);
    return toEventView(manager, event);
  },
);

/**
 * Creates every occurrence of a recurring series as its own draft with its
 * own seats (`capacities`, one per occurrence, or `capacity` for each);
 * sign-up windows move with each occurrence.
 */
export const createEventSeries = transactional(
  async (manager: EntityManager, user: AuthUser, input: CreateEventSeries, now: Date): Promise<{ seriesId: string; items: EventView[] }> => {
    const { recurrence, capacities, ...first } = input;
    const firstStart = new Date(first.startsAt).getTime();
    const occurrences = seriesOccurrences(new Date(first.startsAt), new Date(first.endsAt), recurrence);
    if (occurrences.length < 2) throw validationFailed([{ path: 'recurrence', message: '按此规则只有一场活动，请调整结束日期或场次数' }]);
    if (capacities && capacities.length !== occurrences.length) {
      throw validationFailed([{ path: 'capacities', message: `每场名额填了${capacities.length}场，按此规则共${occurrences.length}场` }]);
    }
    // The first occurrence was checked against the years every date must fall in; the later ones are checked here.
    const lastEnd = isoTimeSchema.safeParse(toCstIso(occurrences.at(-1)!.endsAt));
    if (!lastEnd.success) throw validationFailed([{ path: 'recurrence', message: lastEnd.error.issues[0]!.message }]);
    const moveBy = (iso: string | null | undefined, by: number) => (iso ? toCstIso(new Date(new Date(iso).getTime() + by)) : iso);
    const seriesId = randomUUID();
    const items: EventView[] = [];
    for (const [i, occurrence] of occurrences.entries()) {
      const by = occurrence.startsAt.getTime() - firstStart;
      items.push(
        await createEvent.within(
          manager,
          user,
          {
            ...first,
            startsAt: toCstIso(occurrence.startsAt),
            endsAt: toCstIso(occurrence.endsAt),
            capacity: capacities?.[i] ?? first.capacity,
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

/**
 * An organizer's edit. Drafts, rejected and pending events, and the events of
 * trusted organizations (or an admin's edit), change at once. A published event
 * of an organization that is not trusted keeps its approved version public: the
 * reviewed fields (reviewedEventFields) go into its pending revision, merged
 * with one already waiting; the sign-up window and plan-task links still apply
 * at once, as they hold no text residents read and an organizer must be able to
 * close sign-ups without waiting. Every edit that changes something bumps the
 * version (so a reviewer's decision names what was seen) and is audited.
 */
export const updateEvent = transactional(
  async (manager: EntityManager, user: AuthUser, id: string, edit: UpdateEvent, now: Date, leadMs: number): Promise<EventView> => {
    const event = await loadForOrganizer(manager, user, id);
    if (!canEdit(event.status)) throw conflict('EVENT_STATE_CONFLICT', { status: event.status });
    await checkReferences(manager, edit);
    if (edit.coverImageId) await assertCoverUsable(manager, user, edit.coverImageId, event.organizerId);
    // Refused at once, review or not: those seats are already given.
    if (edit.capacity !== undefined && !capacityAllowed(edit.capacity, event.confirmedCount)) {
      throw conflict('EVENT_FULL_CAPACITY_TOO_LOW', { confirmedSeats: event.confirmedCount });
    }
    const organization = await manager.getRepository(OrganizationEntity).findOneBy({ id: event.organizerId });
    checkCity(user, organization, edit.city, event.city);
    const viaReview = editGoesToReview(event.status, Boolean(organization?.trusted) || user.roles.includes('admin'));
    const pending = viaReview ? await pendingRevisionOf(manager, event.id) : null;
    const approved = reviewedValuesOf(event);
    const proposedBefore: ReviewedValues = (pending?.changes as ReviewedValues | undefined) ?? {};
    // What the organizer wants the event to look like: the approved event, the change already waiting, and this edit.
    const wanted = { ...approved, ...proposedBefore, ...reviewedPartOf(edit) };
    // The schema checked what was sent; only the merged event shows a new start past the stored end.
    if (!timesInOrder({ startsAt: Date.parse(wanted.startsAt), endsAt: Date.parse(wanted.endsAt) })) {
      throw validationFailed([{ path: 'endsAt', message: timesOutOfOrderMessage }]);
    }
    const window = signupWindowOf(event);
    const windowWanted = signupWindowAfter(window, edit);
    const linksBefore = edit.planTasks ? await planLinksOf(manager, event.id) : undefined;

    const before = { startsAt: event.startsAt, endsAt: event.endsAt, venueName: event.venueName, venueAddress: event.venueAddress };
    const applied = viaReview ? {} : changedValues(approved, wanted);
    const proposal = viaReview ? changedValues(approved, wanted) : {};
    assignReviewed(event, applied);
    event.signupOpensAt = windowWanted.signupOpensAt ? new Date(windowWanted.signupOpensAt) : null;
    event.signupClosesAt = windowWanted.signupClosesAt ? new Date(windowWanted.signupClosesAt) : null;
    if (edit.planTasks) await replacePlanLinks(manager, event.id, edit.planTasks);
    if (edit.venue) await rememberVenue(manager, event.organizerId, { ...edit.venue, district: wanted.district }, now);
    const linksAfter = edit.planTasks ? await planLinksOf(manager, event.id) : undefined;

    const changes = auditDiff(
      { ...approved, ...proposedBefore, ...window, planTasks: linksBefore },
      { ...(viaReview ? { ...approved, ...proposal } : wanted), ...windowWanted, planTasks: linksAfter },
    );
    const proposalChanged = viaReview && !sameValues(proposal, proposedBefore);
    const revision = proposalChanged ? proposeRevision(event, pending, proposal, user, now) : pending;
    if (Object.keys(changes).length > 0) event.version += 1;
    if (proposalChanged && revision) await manager.getRepository(EventRevisionEntity).save(Object.assign(revision, { version: event.version }));

    Object.assign(event, {
      // The organizer has looked at the event again since its plan task changed.
      planTaskChanged: false,
      status: statusAfterEdit(event.status),
      updatedAt: now,
    });
    await manager.getRepository(EventEntity).save(event);
    // More seats: the waitlist moves up at once.
    if (applied.capacity !== undefined) await promoteWaitlist(manager, event, now, leadMs);
    await noticeChanges(manager, event, before, now, leadMs);
    if (Object.keys(changes).length > 0) {
      await recordAudit(manager, {
        actorId: user.id,
        action: 'event.edit',
        target: `event:${event.id}`,
        details: {
          title: event.title,
          version: event.version,
          changes,
          // Which of these the public sees now, and which wait for a reviewer.
          awaitingReview: revision?.status === 'pending' ? Object.keys(revision.changes) : [],
          revisionId: revision?.id ?? null,
        },
        at: now,
      });
    }
    return viewFor(manager, event, user);
  },
);

async function planLinksOf(manager: EntityManager, eventId: string): Promise<{ planId: string; number: number; ordinal: number }[]> {
  const links = await manager.getRepository(EventPlanTaskEntity).find({ where: { eventId }, order: { planId: 'ASC', taskOrdinal: 'ASC' } });
  return links.map((l) => ({ planId: l.planId, number: l.taskNumber, ordinal: l.taskOrdinal }));
}

/** The event's change awaiting review, if any. Read under the event's lock: at most one per event. */
async function pendingRevisionOf(manager: EntityManager, eventId: string): Promise<EventRevisionEntity | null> {
  return manager.getRepository(EventRevisionEntity).findOneBy({ eventId, status: 'pending' });
}

/**
 * The revision that now holds `proposal`: the waiting one updated, or a new
 * one; withdrawn when the edit brings every field back to the approved value.
 * Not saved yet: the caller stamps it with the event's new version.
 */
function proposeRevision(
  event: EventEntity,
  pending: EventRevisionEntity | null,
  proposal: ReviewedValues,
  user: AuthUser,
  now: Date,
): EventRevisionEntity | null {
  if (isEmpty(proposal)) {
    if (!pending) return null;
    return Object.assign(pending, { status: 'withdrawn', decidedBy: user.id, decidedAt: now });
  }
  return Object.assign(pending ?? new EventRevisionEntity(), {
    id: pending?.id ?? randomUUID(),
    eventId: event.id,
    status: 'pending',
    changes: proposal,
    proposedBy: user.id,
    // Back of the queue: what the reviewer will see was proposed now.
    proposedAt: now,
    decidedBy: null,
    decidedAt: null,
    reason: null,
  });
}

/**
 * After the time or place of an event changed: everyone coming of a published
 * event is told, and a new start moves every reminder with it (a reminder
 * already sent for the old time gets a successor).
 */
async function noticeChanges(
  manager: EntityManager,
  event: EventEntity,
  before: { startsAt: Date; endsAt: Date; venueName: string; venueAddress: string },
  now: Date,
  leadMs: number,
): Promise<void> {
  const noticeWorthy = event.status === 'published' ? noticeWorthyChanges(before, event) : [];
  if (noticeWorthy.length)
    await notifyEveryoneComing(manager, event, 'event.changed', { changed: noticeWorthy, startsAt: toCstIso(event.startsAt), venue: event.venueName }, now);
  if (before.startsAt.getTime() !== event.startsAt.getTime()) {
    const confirmed = await manager.getRepository(SignupEntity).find({ where: { eventId: event.id, status: 'confirmed' }, select: { id: true, userId: true } });
    await rescheduleEventReminders(manager, event, event.status === 'published' ? confirmed : [], now, leadMs);
  }
}

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

/**
 * A reviewer's decision on what awaits review on an event: the submitted event
 * itself, or the change proposed for a published one. With `version`, the
 * decision is on exactly what the reviewer saw: an event edited since answers
 * 409 EVENT_CHANGED.
 */
export const reviewEvent = transactional(
  async (manager: EntityManager, user: AuthUser, id: string, input: ReviewEvent, now: Date, leadMs: number): Promise<EventView> => {
    const event = await findForUpdate(manager, EventEntity, id);
    if (!event) throw notFound('event');
    if (input.version !== undefined && input.version !== event.version) throw conflict('EVENT_CHANGED', { version: event.version });
    const revision = event.status === 'published' ? await pendingRevisionOf(manager, event.id) : null;
    if (revision) return decideRevision(manager, user, event, revision, input, now, leadMs);
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
      details: { reason: input.reason ?? null, title: event.title, version: event.version },
      at: now,
    });
    return viewFor(manager, event, user);
  },
);

/**
 * Approving a change applies it in this transaction, as an organizer's direct
 * edit would: capacity checked against the seats confirmed by now, the waitlist
 * moved up for new seats, everyone coming told of a new time or place.
 * Rejecting discards it; its organizer sees the reason on the event.
 */
async function decideRevision(
  manager: EntityManager,
  user: AuthUser,
  event: EventEntity,
  revision: EventRevisionEntity,
  input: ReviewEvent,
  now: Date,
  leadMs: number,
): Promise<EventView> {
  const proposal = revision.changes as ReviewedValues;
  const approved = reviewedValuesOf(event);
  if (input.decision === 'approve') {
    // Seats were taken while the change waited; the reviewer rejects it instead.
    if (proposal.capacity !== undefined && !capacityAllowed(proposal.capacity, event.confirmedCount)) {
      throw conflict('EVENT_FULL_CAPACITY_TOO_LOW', { confirmedSeats: event.confirmedCount }, '修改后的名额少于现在已确认的报名人数，请驳回这次修改');
    }
    const before = { startsAt: event.startsAt, endsAt: event.endsAt, venueName: event.venueName, venueAddress: event.venueAddress };
    assignReviewed(event, proposal);
    if (!timesInOrder({ startsAt: event.startsAt.getTime(), endsAt: event.endsAt.getTime() })) {
      throw conflict('EVENT_STATE_CONFLICT', { status: event.status }, '修改后的结束时间早于开始时间，请驳回这次修改');
    }
    event.version += 1;
    event.updatedAt = now;
    await manager.getRepository(EventEntity).save(event);
    if (proposal.capacity !== undefined) await promoteWaitlist(manager, event, now, leadMs);
    await noticeChanges(manager, event, before, now, leadMs);
  }
  Object.assign(revision, {
    status: input.decision === 'approve' ? 'approved' : 'rejected',
    decidedBy: user.id,
    decidedAt: now,
    reason: input.reason ?? null,
  });
  await manager.getRepository(EventRevisionEntity).save(revision);
  await recordAudit(manager, {
    actorId: user.id,
    action: `event.revision_${input.decision}`,
    target: `event:${event.id}`,
    details: {
      title: event.title,
      revisionId: revision.id,
      version: event.version,
      reason: input.reason ?? null,
      changes: auditDiff(approved, { ...approved, ...proposal }),
    },
    at: now,
  });
  return viewFor(manager, event, user);
}

/**
 * The changes to published events awaiting review, longest waiting first, each
 * on its event's view (`revision`). Reviewers see all; an organizer its own
 * organization's (`organizerId`), to mark them on its list.
 */
export async function listRevisionsForReview(
  manager: EntityManager,
  query: { limit: number; cursor?: string; organizerId?: string },
  user: AuthUser,
): Promise<Page<EventView>> {
  const seesAll = user.roles.includes('reviewer') || user.roles.includes('admin');
  if (!seesAll && !(query.organizerId && actsFor(user, query.organizerId))) throw forbidden('reviewers, or organizers for their own organization');
  const qb = manager.getRepository(EventRevisionEntity).createQueryBuilder('r').where('r.status = :status', { status: 'pending' });
  if (query.organizerId) qb.innerJoin(EventEntity, 'e', 'e.id = r.eventId').andWhere('e.organizerId = :organizerId', { organizerId: query.organizerId });
  const { rows, nextCursor } = await keysetPage(qb, { time: 'r.proposedAt', id: 'r.id' }, (r) => r.proposedAt, {
    cursor: query.cursor,
    limit: query.limit,
    direction: 'ASC',
  });
  const events = rows.length ? await manager.getRepository(EventEntity).findBy({ id: In(rows.map((r) => r.eventId)) }) : [];
  const byId = new Map(events.map((e) => [e.id, e]));
  const ordered = rows.map((r) => byId.get(r.eventId)!);
  const views = await toEventViews(manager, ordered);
  return { items: views.map((view, i) => ({ ...view, revision: toRevisionView(rows[i]!, ordered[i]!) })), nextCursor };
}

export const cancelEvent = transactional(async (manager: EntityManager, user: AuthUser, id: string, input: CancelEvent, now: Date): Promise<EventView> => {
  const event = await loadForOrganizer(manager, user, id);
  if (!canCancel(event, now)) {
    throw conflict('EVENT_STATE_CONFLICT', { status: event.status }, event.status === 'cancelled' ? undefined : '活动已经结束，不能取消');
  }
  event.status = 'cancelled';
  event.cancelReason = input.reason;
  event.updatedAt = now;
  await manager.getRepository(EventEntity).save(event);
  // Nothing left to review on a cancelled event.
  await manager
    .getRepository(EventRevisionEntity)
    .update({ eventId: event.id, status: 'pending' }, { status: 'withdrawn', decidedBy: user.id, decidedAt: now });
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
