// Shifts (岗位) on events and volunteers' applications to them:
// apply -> approve/reject -> complete with hours, or withdraw. Every change to
// how many are approved happens under the shift row's lock, so a shift never
// has more approved volunteers than slots, across any number of processes.
// Lock order, everywhere: the shift row, then the application row.
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import {
  toCstIso,
  type ApplicantRow,
  type ApplicationDecision,
  type ApplicationStatus,
  type ApplicationView,
  type CompleteApplication,
  type CreateShift,
  type MyApplicationView,
  type Page,
  type ShiftListQuery,
  type ShiftView,
  type UpdateShift,
} from '@kepu/shared';
import type { HoursRounding } from '../../config';
import { parseDateBound } from '../../core/date-bounds';
import { findForUpdate, transactional } from '../../core/transaction';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../core/errors';
import type { AuthUser } from '../../core/actor';
import { auditPersonalDataList, recordAudit } from '../audit/audit.service';
import { decodeCursor, encodeCursor, keysetPage } from '../../core/paging';
import { matchSkills, skillMatchReason } from './skill-match';
import { EventEntity } from '../../db/entities/event.entity';
import { actsFor, assertActsFor, isVisibleTo } from '../organizations/organizations.access';
import { enqueueNotification, scheduleShiftReminder, withdrawShiftReminder } from '../notifications/notifications.service';
import { maskPhone } from '../signups/signups.rules';
import { ERASED_NAME } from '../../db/entities/user.entity';
import { ShiftApplicationEntity, ShiftEntity, VolunteerProfileEntity } from '../../db/entities/volunteer.entities';
import {
  activeApplicationStatuses,
  canReapply,
  canWithdraw,
  endsOnErasure,
  hasFreeSlot,
  hoursToRecord,
  serviceTimeProblem,
  shiftFitsEvent,
  shiftHasStarted,
  shiftVerdict,
  shiftVerdictMessages,
  slotsAllowed,
} from './volunteers.rules';

export function toApplicationView(a: ShiftApplicationEntity): ApplicationView {
  return {
    id: a.id,
    shiftId: a.shiftId,
    status: a.status,
    hours: a.hours,
    decisionReason: a.decisionReason,
    appliedAt: toCstIso(a.appliedAt),
    decidedAt: a.decidedAt ? toCstIso(a.decidedAt) : null,
    completedAt: a.completedAt ? toCstIso(a.completedAt) : null,
  };
}

/** With `volunteerSkills`, each view says how it suits them (`match`). */
async function toShiftViews(manager: EntityManager, shifts: ShiftEntity[], user: AuthUser | null, volunteerSkills?: string[]): Promise<ShiftView[]> {
  if (shifts.length === 0) return [];
  const events = await manager.getRepository(EventEntity).findBy({ id: In([...new Set(shifts.map((s) => s.eventId))]) });
  const eventById = new Map(events.map((e) => [e.id, e]));
  const mine = user ? await manager.getRepository(ShiftApplicationEntity).findBy({ userId: user.id, shiftId: In(shifts.map((s) => s.id)) }) : [];
  const myApplication = new Map(mine.map((a) => [a.shiftId, { id: a.id, status: a.status }]));
  return shifts.map((shift) => {
    const event = eventById.get(shift.eventId)!;
    const match = volunteerSkills ? matchSkills(volunteerSkills, { skills: shift.skills, role: shift.role, themes: event.themes }) : null;
    return {
      id: shift.id,
      eventId: shift.eventId,
      event: {
        id: event.id,
        title: event.title,
        city: event.city,
        startsAt: toCstIso(event.startsAt),
        venue: { name: event.venueName, address: event.venueAddress },
      },
      role: shift.role,
      description: shift.description,
      startsAt: toCstIso(shift.startsAt),
      endsAt: toCstIso(shift.endsAt),
      slots: shift.slots,
      approvedCount: shift.approvedCount,
      skills: shift.skills,
      ...(user ? { myApplication: myApplication.get(shift.id) ?? null } : {}),
      ...(match ? { match: { score: match.score, skills: match.skills, reason: skillMatchReason(match) } } : {}),
    };
  });
}

/** The event of a shift, for its organizers only (404 for others when they could not even see it). */
async function loadEventForOrganizer(manager: EntityManager, user: AuthUser, eventId: string): Promise<EventEntity> {
  const event = await manager.getRepository(EventEntity).findOneBy({ id: eventId });
  if (!event || !isVisibleTo(event, user)) throw notFound('event');
  assertActsFor(user, event.organizerId);
  return event;
}

export const createShift = transactional(async (manager: EntityManager, user: AuthUser, eventId: string, input: CreateShift, now: Date): Promise<ShiftView> => {
  const event = await loadEventForOrganizer(manager, user, eventId);
  if (event.status === 'cancelled') throw conflict('EVENT_STATE_CONFLICT', { status: event.status });
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (!shiftFitsEvent({ startsAt, endsAt }, event)) {
    throw validationFailed([{ path: 'startsAt', message: '岗位时间须在活动开始前一天到结束后一天之内' }]);
  }
  const shift = manager.getRepository(ShiftEntity).create({
    id: randomUUID(),
    eventId,
    role: input.role,
    description: input.description,
    startsAt,
    endsAt,
    slots: input.slots,
    approvedCount: 0,
    skills: input.skills,
    createdAt: now,
  });
  await manager.getRepository(ShiftEntity).insert(shift);
  return (await toShiftViews(manager, [shift], user))[0]!;
});

export const updateShift = transactional(async (manager: EntityManager, user: AuthUser, shiftId: string, changes: UpdateShift): Promise<ShiftView> => {
  const shift = await findForUpdate(manager, ShiftEntity, shiftId);
  if (!shift) throw notFound('shift');
  await loadEventForOrganizer(manager, user, shift.eventId);
  if (changes.slots !== undefined && !slotsAllowed(changes.slots, shift.approvedCount)) {
    throw conflict('SHIFT_SLOTS_TOO_LOW', { approvedCount: shift.approvedCount });
  }
  Object.assign(shift, {
    ...(changes.role !== undefined && { role: changes.role }),
    ...(changes.description !== undefined && { description: changes.description }),
    ...(changes.slots !== undefined && { slots: changes.slots }),
    ...(changes.skills !== undefined && { skills: changes.skills }),
  });
  await manager.getRepository(ShiftEntity).save(shift);
  return (await toShiftViews(manager, [shift], user))[0]!;
});

/** How many open shifts sort=match ranks: the soonest ones, paged by offset. */
const MATCH_WINDOW = 200;

/**
 * Shifts still taking volunteers: published events, not started, with a free slot. Without `city`, a
 * signed-in volunteer sees their profile's city. sort=match ranks the soonest open shifts by how they suit
 * the volunteer's skills (then by start), each with its reason.
 */
export async function listOpenShifts(manager: EntityManager, query: ShiftListQuery, user: AuthUser | null, now: Date): Promise<Page<ShiftView>> {
  const profile = user ? await manager.getRepository(VolunteerProfileEntity).findOneBy({ userId: user.id }) : null;
  // One event's shifts are asked for by its id, wherever it is.
  const city = query.city || (query.eventId ? undefined : profile?.city) || undefined;
  const from = query.from ? parseDateBound(query.from, false) : null;
  const to = query.to ? parseDateBound(query.to, true) : null;
  if (from && to && to < from) throw validationFailed([{ path: 'to', message: '结束日期不能早于开始日期' }]);
  // The event test is an EXISTS, not a join: the database then walks shifts in start order and
  // stops at the page's end, instead of gathering every published event's shifts and sorting them.
  const eventTest = manager.getRepository(EventEntity).createQueryBuilder('e').select('1').where('e.id = s.eventId').andWhere('e.status = :published');
  if (city) eventTest.andWhere('e.city = :city');
  const qb = manager
    .getRepository(ShiftEntity)
    .createQueryBuilder('s')
    .where(`EXISTS (${eventTest.getQuery()})`, { published: 'published', ...(city ? { city } : {}) })
    .andWhere('s.startsAt > :now', { now })
    .andWhere('s.approvedCount < s.slots');
  if (from) qb.andWhere('s.endsAt >= :from', { from });
  if (to) qb.andWhere('s.startsAt <= :to', { to });
  if (query.eventId) qb.andWhere('s.eventId = :eventId', { eventId: query.eventId });
  // Skills come from a fixed list without wildcards, so the JSON-quoted name is an exact element match.
  if (query.skill) qb.andWhere('s.skills LIKE :skill', { skill: `%${JSON.stringify(query.skill)}%` });
  if (query.sort === 'match' && profile) {
    const offset = decodeCursor(query.cursor, 'offset')?.offset ?? 0;
    const soonest = await qb.orderBy('s.startsAt', 'ASC').addOrderBy('s.id', 'ASC').take(MATCH_WINDOW).getMany();
    const views = await toShiftViews(manager, soonest, user, profile.skills);
    // Stable: equal scores keep the soonest first.
    const ranked = views.map((view, i) => ({ view, i })).sort((a, b) => (b.view.match?.score ?? 0) - (a.view.match?.score ?? 0) || a.i - b.i);
    const page = ranked.slice(offset, offset + query.limit).map((r) => r.view);
    const next = offset + query.limit < ranked.length ? encodeCursor({ kind: 'offset', offset: offset + query.limit }) : null;
    return { items: page, nextCursor: next };
  }
  const { rows, nextCursor } = await keysetPage(qb, { time: 's.startsAt', id: 's.id' }, (s) => s.startsAt, {
    cursor: query.cursor,
    limit: query.limit,
    direction: 'ASC',
  });
  return { items: await toShiftViews(manager, rows, user), nextCursor };
}

/** Every shift of an event the user can see, full ones included. */
export async function listEventShifts(manager: EntityManager, eventId: string, user: AuthUser | null): Promise<Page<ShiftView>> {
  const event = await manager.getRepository(EventEntity).findOneBy({ id: eventId });
  if (!event || !isVisibleTo(event, user)) throw notFound('event');
  const shifts = await manager.getRepository(ShiftEntity).find({ where: { eventId }, order: { startsAt: 'ASC', id: 'ASC' } });
  return { items: await toShiftViews(manager, shifts, user), nextCursor: null };
}

export const applyForShift = transactional(
  async (manager: EntityManager, user: AuthUser, shiftId: string, now: Date): Promise<{ application: ApplicationView; created: boolean }> => {
    // The shift lock serialises applications to it, so one user's two taps make one application.
    const shift = await findForUpdate(manager, ShiftEntity, shiftId);
    if (!shift) throw notFound('shift');
    const event = await manager.getRepository(EventEntity).findOneByOrFail({ id: shift.eventId });
    if (!isVisibleTo(event, user)) throw notFound('shift');
    if (!(await manager.getRepository(VolunteerProfileEntity).existsBy({ userId: user.id }))) throw new AppError('VOLUNTEER_PROFILE_REQUIRED', 403);
    const applications = manager.getRepository(ShiftApplicationEntity);
    const existing = await applications.findOneBy({ shiftId, userId: user.id });
    if (existing && !canReapply(existing.status)) return { application: toApplicationView(existing), created: false };

    const verdict = shiftVerdict(shift, event.status, now);
    if (verdict !== 'open') throw conflict('SHIFT_CLOSED', { reason: verdict }, shiftVerdictMessages[verdict]);
    const fresh = {
      status: 'applied' as const,
      hours: null,
      decisionReason: null,
      appliedAt: now,
      decidedAt: null,
      decidedBy: null,
      checkedInAt: null,
      checkedOutAt: null,
      completedAt: null,
      completedBy: null,
    };
    if (existing) {
      Object.assign(existing, fresh);
      await applications.save(existing);
      return { application: toApplicationView(existing), created: true };
    }
    const application = applications.create({ id: randomUUID(), shiftId, eventId: shift.eventId, userId: user.id, ...fresh });
    await applications.insert(application);
    return { application: toApplicationView(application), created: true };
  },
);

/** Locks an application's shift, then the application itself, and checks the user organizes its event. */
async function lockForOrganizer(manager: EntityManager, user: AuthUser, applicationId: string) {
  const peek = await manager.getRepository(ShiftApplicationEntity).findOneBy({ id: applicationId });
  if (!peek) throw notFound('application');
  const shift = (await findForUpdate(manager, ShiftEntity, peek.shiftId))!;
  const application = (await findForUpdate(manager, ShiftApplicationEntity, applicationId))!;
  const event = await manager.getRepository(EventEntity).findOneByOrFail({ id: shift.eventId });
  if (!actsFor(user, event.organizerId)) {
    // Other organizations' volunteers are none of this user's business: not even whether the application exists.
    throw notFound('application');
  }
  // Whoever organizes the service certifies it, but not their own service.
  if (application.userId === user.id) throw forbidden('own application');
  return { shift, application, event };
}

export const decideApplication = transactional(
  async (
    manager: EntityManager,
    user: AuthUser,
    applicationId: string,
    input: ApplicationDecision,
    now: Date,
    reminderLeadMs: number,
  ): Promise<ApplicationView> => {
    const { shift, application, event } = await lockForOrganizer(manager, user, applicationId);
    const target: ApplicationStatus = input.decision === 'approve' ? 'approved' : 'rejected';
    // The same decision twice is a repeat, not a conflict.
    if (application.status === target) return toApplicationView(application);
    if (application.status !== 'applied') throw conflict('APPLICATION_STATE_CONFLICT', { status: application.status });
    if (target === 'approved') {
      if (!hasFreeSlot(shift)) throw conflict('SHIFT_FULL', { slots: shift.slots });
      shift.approvedCount += 1;
      await manager.getRepository(ShiftEntity).update({ id: shift.id }, { approvedCount: shift.approvedCount });
    }
    Object.assign(application, { status: target, decisionReason: input.reason ?? null, decidedAt: now, decidedBy: user.id });
    await manager.getRepository(ShiftApplicationEntity).save(application);
    await enqueueNotification(
      manager,
      application.userId,
      `application.${target}`,
      { eventId: event.id, title: event.title, role: shift.role, reason: input.reason ?? null, startsAt: toCstIso(shift.startsAt), venue: event.venueName },
      now,
    );
    if (target === 'approved') await scheduleShiftReminder(manager, application, shift, event, now, reminderLeadMs);
    await recordAudit(manager, {
      actorId: user.id,
      action: `application.${input.decision}`,
      target: `application:${application.id}`,
      details: { eventId: event.id, shiftId: shift.id, volunteerId: application.userId, reason: input.reason ?? null },
      at: now,
    });
    return toApplicationView(application);
  },
);

/** Records the hours of an approved application, once: the organizer running the service certifies them. */
export const completeApplication = transactional(
  async (
    manager: EntityManager,
    user: AuthUser,
    applicationId: string,
    input: CompleteApplication,
    rule: HoursRounding,
    now: Date,
  ): Promise<ApplicationView> => {
    const { shift, application, event } = await lockForOrganizer(manager, user, applicationId);
    if (application.status === 'completed') throw conflict('HOURS_ALREADY_RECORDED', { hours: application.hours });
    if (application.status !== 'approved') throw conflict('APPLICATION_STATE_CONFLICT', { status: application.status });
    if (!shiftHasStarted(shift, now)) throw conflict('SHIFT_NOT_STARTED');
    const problem = serviceTimeProblem(input, shift, now);
    if (problem) throw validationFailed([problem]);
    const hours = hoursToRecord(input, rule);
    if (hours <= 0) throw validationFailed([{ path: 'hours', message: `服务时长不足最小计时单位（${rule.stepMinutes}分钟）` }]);
    Object.assign(application, {
      status: 'completed',
      hours,
      completedAt: now,
      completedBy: user.id,
      ...('checkedInAt' in input && { checkedInAt: new Date(input.checkedInAt), checkedOutAt: new Date(input.checkedOutAt) }),
    });
    await manager.getRepository(ShiftApplicationEntity).save(application);
    await recordAudit(manager, {
      actorId: user.id,
      action: 'application.complete',
      target: `application:${application.id}`,
      details: { eventId: event.id, shiftId: shift.id, volunteerId: application.userId, hours },
      at: now,
    });
    return toApplicationView(application);
  },
);

/**
 * Ends an open application (applied or approved) under its shift's lock,
 * reading its status afresh under that lock, and frees its slot if it held
 * one. Returns the application as it now is, or null when it was not open.
 */
async function endOpenApplication(
  manager: EntityManager,
  shiftId: string,
  applicationId: string,
  status: 'withdrawn' | 'cancelled',
  now: Date,
  mayEnd: (application: ShiftApplicationEntity, shift: ShiftEntity) => boolean = () => true,
): Promise<{ application: ShiftApplicationEntity; ended: boolean }> {
  const shift = (await findForUpdate(manager, ShiftEntity, shiftId))!;
  const application = (await findForUpdate(manager, ShiftApplicationEntity, applicationId))!;
  if (!activeApplicationStatuses.includes(application.status) || !mayEnd(application, shift)) return { application, ended: false };
  if (application.status === 'approved') {
    shift.approvedCount -= 1;
    await manager.getRepository(ShiftEntity).update({ id: shift.id }, { approvedCount: shift.approvedCount });
  }
  application.status = status;
  application.decidedAt = now;
  await manager.getRepository(ShiftApplicationEntity).save(application);
  await withdrawShiftReminder(manager, application.id);
  return { application, ended: true };
}

export const withdrawApplication = transactional(async (manager: EntityManager, user: AuthUser, applicationId: string, now: Date): Promise<ApplicationView> => {
  const peek = await manager.getRepository(ShiftApplicationEntity).findOneBy({ id: applicationId });
  if (!peek || peek.userId !== user.id) throw notFound('application');
  const { application, ended } = await endOpenApplication(manager, peek.shiftId, applicationId, 'withdrawn', now, (current, shift) =>
    canWithdraw(current.status, shift.startsAt, now),
  );
  if (!ended && application.status !== 'withdrawn') throw conflict('APPLICATION_STATE_CONFLICT', { status: application.status });
  return toApplicationView(application);
});

/**
 * On account erasure: open applications for shifts still to come end; an
 * approved one whose shift has started stays, so its organizer can still
 * certify the hours (shown without a name). Shifts are locked in id order.
 */
export async function withdrawOpenApplicationsOf(manager: EntityManager, userId: string, now: Date): Promise<void> {
  const open = await manager.getRepository(ShiftApplicationEntity).find({
    where: { userId, status: In(activeApplicationStatuses) },
    order: { shiftId: 'ASC' },
    select: { id: true, shiftId: true },
  });
  for (const { id, shiftId } of open) {
    await endOpenApplication(manager, shiftId, id, 'withdrawn', now, (current, shift) => endsOnErasure(current.status, shift, now));
  }
}

export async function listApplicationsOf(
  manager: EntityManager,
  userId: string,
  options: { limit: number; offset: number; statuses?: ApplicationStatus[] },
): Promise<Page<MyApplicationView>> {
  const qb = manager
    .getRepository(ShiftApplicationEntity)
    .createQueryBuilder('a')
    .innerJoin(ShiftEntity, 's', 's.id = a.shiftId')
    .where('a.userId = :userId', { userId });
  if (options.statuses) qb.andWhere('a.status IN (:...statuses)', { statuses: options.statuses });
  const rows = await qb
    .orderBy('s.startsAt', 'DESC')
    .addOrderBy('a.id', 'ASC')
    .offset(options.offset)
    .limit(options.limit + 1)
    .getMany();
  const page = rows.slice(0, options.limit);
  const shifts = page.length ? await manager.getRepository(ShiftEntity).findBy({ id: In(page.map((a) => a.shiftId)) }) : [];
  const events = page.length ? await manager.getRepository(EventEntity).findBy({ id: In(page.map((a) => a.eventId)) }) : [];
  const shiftById = new Map(shifts.map((s) => [s.id, s]));
  const eventById = new Map(events.map((e) => [e.id, e]));
  return {
    items: page.map((a) => {
      const shift = shiftById.get(a.shiftId)!;
      const event = eventById.get(a.eventId)!;
      return {
        ...toApplicationView(a),
        shift: { id: shift.id, role: shift.role, startsAt: toCstIso(shift.startsAt), endsAt: toCstIso(shift.endsAt) },
        event: {
          id: event.id,
          title: event.title,
          startsAt: toCstIso(event.startsAt),
          venue: { name: event.venueName, address: event.venueAddress },
          status: event.status,
        },
      };
    }),
    nextCursor: rows.length > options.limit ? encodeCursor({ kind: 'offset', offset: options.offset + options.limit }) : null,
  };
}

/** An event's applicants for its organizer: phones masked unless unmasked on purpose, which is audited like every export. */
export const listEventVolunteers = transactional(
  async (
    manager: EntityManager,
    user: AuthUser,
    eventId: string,
    options: { unmask: boolean; format: string },
    now: Date,
  ): Promise<{ event: EventEntity; rows: ApplicantRow[] }> => {
    const event = await loadEventForOrganizer(manager, user, eventId);
    const applications = await manager.getRepository(ShiftApplicationEntity).find({ where: { eventId }, order: { appliedAt: 'ASC', id: 'ASC' } });
    const shifts = await manager.getRepository(ShiftEntity).findBy({ eventId });
    const profiles = applications.length
      ? await manager.getRepository(VolunteerProfileEntity).findBy({ userId: In([...new Set(applications.map((a) => a.userId))]) })
      : [];
    const shiftById = new Map(shifts.map((s) => [s.id, s]));
    const profileOf = new Map(profiles.map((p) => [p.userId, p]));
    const rows = applications.map((a): ApplicantRow => {
      const shift = shiftById.get(a.shiftId)!;
      const profile = profileOf.get(a.userId);
      return {
        ...toApplicationView(a),
        volunteer: {
          userId: a.userId,
          realName: profile?.realName ?? ERASED_NAME,
          phone: profile ? (options.unmask ? profile.phone : maskPhone(profile.phone)) : '',
          skills: profile?.skills ?? [],
          team: profile?.team ?? null,
        },
        shift: { id: shift.id, role: shift.role, startsAt: toCstIso(shift.startsAt), endsAt: toCstIso(shift.endsAt) },
      };
    });
    await auditPersonalDataList(manager, user.id, 'volunteers', eventId, options, rows.length, now);
    return { event, rows };
  },
);

/** When an event is cancelled its open applications end too; returns whom to tell. */
export async function cancelApplicationsOfEvent(manager: EntityManager, eventId: string, now: Date): Promise<string[]> {
  const open = await manager.getRepository(ShiftApplicationEntity).find({
    where: { eventId, status: In(activeApplicationStatuses) },
    order: { shiftId: 'ASC' },
    select: { id: true, shiftId: true },
  });
  const notify: string[] = [];
  for (const { id, shiftId } of open) {
    // Each status is read again under the shift's lock: an approval or withdrawal racing the cancellation is either seen here or refused after.
    const { application, ended } = await endOpenApplication(manager, shiftId, id, 'cancelled', now);
    if (ended) notify.push(application.userId);
  }
  return notify;
}
