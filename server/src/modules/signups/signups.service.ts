// Sign-ups: book a seat or join the waitlist, cancel with promotion, check-in
// codes and check-in, the organizer's list. Every seat change happens under
// the event row's lock, so capacity holds across any number of processes.
import { randomUUID } from 'node:crypto';
import { In, LessThan, type EntityManager } from 'typeorm';
import {
  placeParty,
  seatsLeft,
  signupWindowVerdict,
  toCstIso,
  type CheckinCodeView,
  type CreateSignup,
  type EventSignupRow,
  type MySignupView,
  type Page,
  type SignupView,
} from '@kepu/shared';
import { findForUpdate, transactional } from '../../core/transaction';
import { encodeCursor } from '../../core/paging';
import { AppError, conflict, notFound } from '../../core/errors';
import type { AuthUser } from '../../core/actor';
import { signToken, verifyToken } from '../../core/tokens';
import { auditPersonalDataList } from '../audit/audit.service';
import { EventEntity } from '../../db/entities/event.entity';
import { assertActsFor, isVisibleTo } from '../organizations/organizations.access';
import { noticeSeatReleased, noticeSeatTaken } from '../notifications/notifications.service';
import { SignupEntity } from '../../db/entities/signup.entity';
import {
  canCancelSignup,
  checkinCodeExpiry,
  checkinCodeProblem,
  checkinRefusal,
  maskPhone,
  partiesToPromote,
  signupWindowOf,
  windowMessages,
  type CheckinPayload,
} from './signups.rules';

async function waitlistPosition(manager: EntityManager, signup: SignupEntity): Promise<number> {
  const ahead = await manager.getRepository(SignupEntity).countBy({ eventId: signup.eventId, status: 'waitlisted', seq: LessThan(signup.seq) });
  return ahead + 1;
}

/** Waitlist positions of several sign-ups in one grouped query (a page of /me/signups). */
async function waitlistPositions(manager: EntityManager, waiting: SignupEntity[]): Promise<Map<string, number>> {
  if (waiting.length === 0) return new Map();
  const rows: { id: string; ahead: string | number }[] = await manager
    .getRepository(SignupEntity)
    .createQueryBuilder('s')
    .leftJoin(SignupEntity, 'o', 'o.eventId = s.eventId AND o.status = :waitlisted AND o.seq < s.seq', { waitlisted: 'waitlisted' })
    .select('s.id', 'id')
    .addSelect('COUNT(o.id)', 'ahead')
    .where('s.id IN (:...ids)', { ids: waiting.map((w) => w.id) })
    .groupBy('s.id')
    .getRawMany();
  return new Map(rows.map((r) => [r.id, Number(r.ahead) + 1]));
}

async function toResult(manager: EntityManager, signup: SignupEntity): Promise<SignupView> {
  return {
    id: signup.id,
    eventId: signup.eventId,
    status: signup.status,
    ...(signup.status === 'waitlisted' ? { waitlistPosition: await waitlistPosition(manager, signup) } : {}),
    partySize: signup.partySize,
    name: signup.name,
    checkedInAt: signup.checkedInAt ? toCstIso(signup.checkedInAt) : null,
  };
}

export const signUpForEvent = transactional(
  async (
    manager: EntityManager,
    user: AuthUser,
    eventId: string,
    input: CreateSignup,
    now: Date,
    reminderLeadMs: number,
  ): Promise<{ signup: SignupView; created: boolean }> => {
    const event = await findForUpdate(manager, EventEntity, eventId);
    // Whoever cannot see the event learns nothing about it; whoever can is told it is not open.
    if (!event || !isVisibleTo(event, user)) throw notFound('event');
    const signups = manager.getRepository(SignupEntity);
    const existing = await signups.findOneBy({ eventId, userId: user.id });
    if (existing && existing.status !== 'cancelled') return { signup: await toResult(manager, existing), created: false };

    const verdict = signupWindowVerdict(signupWindowOf(event), now.getTime());
    if (verdict !== 'open') throw conflict('EVENT_NOT_OPEN', { reason: verdict }, windowMessages[verdict]);

    const status = placeParty({ capacity: event.capacity, confirmedSeats: event.confirmedCount, waitlistCount: event.waitlistCount }, input.partySize);
    event.signupSeq += 1;
    if (status === 'confirmed') event.confirmedCount += input.partySize;
    else event.waitlistCount += 1;
    await manager.getRepository(EventEntity).update(
      { id: event.id },
      {
        signupSeq: event.signupSeq,
        confirmedCount: event.confirmedCount,
        waitlistCount: event.waitlistCount,
      },
    );

    const fields = {
      name: input.name,
      phone: input.phone,
      partySize: input.partySize,
      status,
      seq: event.signupSeq,
      checkedInAt: null,
      cancelledAt: null,
      updatedAt: now,
    };
    let signup: SignupEntity;
    if (existing) {
      // Signing up again after cancelling: same row, back of the queue.
      Object.assign(existing, fields);
      signup = await signups.save(existing);
    } else {
      signup = signups.create({ id: randomUUID(), eventId, userId: user.id, createdAt: now, ...fields });
      await signups.insert(signup);
    }
    if (status === 'confirmed') await noticeSeatTaken(manager, signup, event, 'signup.confirmed', now, reminderLeadMs);
    return { signup: await toResult(manager, signup), created: true };
  },
);

/** Fills free seats from the waitlist in queue order. Call with the event row locked. */
export async function promoteWaitlist(manager: EntityManager, event: EventEntity, now: Date, reminderLeadMs: number): Promise<number> {
  const free = seatsLeft({ capacity: event.capacity, confirmedSeats: event.confirmedCount });
  if (free === 0 || event.waitlistCount === 0) return 0;
  const signups = manager.getRepository(SignupEntity);
  const queue = await signups.find({ where: { eventId: event.id, status: 'waitlisted' }, order: { seq: 'ASC' }, take: Math.max(free, 1) });
  const count = partiesToPromote(free, queue);
  const promoted = queue.slice(0, count);
  for (const signup of promoted) {
    await signups.update({ id: signup.id }, { status: 'confirmed', updatedAt: now });
    await noticeSeatTaken(manager, signup, event, 'signup.promoted', now, reminderLeadMs);
    event.confirmedCount += signup.partySize;
    event.waitlistCount -= 1;
  }
  if (count) await manager.getRepository(EventEntity).update({ id: event.id }, { confirmedCount: event.confirmedCount, waitlistCount: event.waitlistCount });
  return count;
}

/** A resident cancels their own sign-up. */
export const cancelMySignup = transactional((manager: EntityManager, user: AuthUser, eventId: string, now: Date, reminderLeadMs: number) =>
  cancelSignupOf(manager, user.id, eventId, now, reminderLeadMs),
);

/**
 * Cancels a user's sign-up for an event under the event's lock and gives a
 * freed seat to the waitlist. Whoever calls it has decided that it may: the
 * user themself (cancelMySignup) or the erasure of their account.
 */
export async function cancelSignupOf(manager: EntityManager, userId: string, eventId: string, now: Date, reminderLeadMs: number): Promise<SignupView> {
  const event = await findForUpdate(manager, EventEntity, eventId);
  if (!event) throw notFound('event');
  const signups = manager.getRepository(SignupEntity);
  const signup = await signups.findOneBy({ eventId, userId });
  if (!signup || signup.status === 'cancelled') throw notFound('signup');
  if (!canCancelSignup(signup)) throw conflict('ALREADY_CHECKED_IN', undefined, '已签到的报名不能取消');
  const wasConfirmed = signup.status === 'confirmed';
  signup.status = 'cancelled';
  signup.cancelledAt = now;
  signup.updatedAt = now;
  await signups.save(signup);
  await noticeSeatReleased(manager, signup.id);
  if (wasConfirmed) event.confirmedCount -= signup.partySize;
  else event.waitlistCount -= 1;
  await manager.getRepository(EventEntity).update({ id: event.id }, { confirmedCount: event.confirmedCount, waitlistCount: event.waitlistCount });
  if (wasConfirmed && event.status === 'published') await promoteWaitlist(manager, event, now, reminderLeadMs);
  return toResult(manager, signup);
}

export async function listMySignups(
  manager: EntityManager,
  user: AuthUser,
  options: { limit: number; offset: number; when?: 'upcoming' | 'past' },
  now: Date,
): Promise<Page<MySignupView>> {
  const qb = manager
    .getRepository(SignupEntity)
    .createQueryBuilder('s')
    .innerJoin(EventEntity, 'e', 'e.id = s.eventId')
    .where('s.userId = :userId', { userId: user.id })
    .andWhere('s.status != :cancelled', { cancelled: 'cancelled' });
  if (options.when === 'upcoming') qb.andWhere('e.endsAt >= :now', { now });
  if (options.when === 'past') qb.andWhere('e.endsAt < :now', { now });
  // offset/limit, not skip/take: take() on a joined query wraps it in a DISTINCT
  // subquery that cannot see e.startsAt (a 500 on both engines). Each sign-up joins
  // exactly one event, so a plain LIMIT counts sign-ups correctly.
  const rows = await qb
    .orderBy('e.startsAt', options.when === 'past' ? 'DESC' : 'ASC')
    .addOrderBy('s.id', 'ASC')
    .offset(options.offset)
    .limit(options.limit + 1)
    .getMany();
  const page = rows.slice(0, options.limit);
  const events = page.length ? await manager.getRepository(EventEntity).findBy({ id: In(page.map((s) => s.eventId)) }) : [];
  const byId = new Map(events.map((e) => [e.id, e]));
  const positions = await waitlistPositions(
    manager,
    page.filter((s) => s.status === 'waitlisted'),
  );
  const items: MySignupView[] = [];
  for (const signup of page) {
    const event = byId.get(signup.eventId)!;
    items.push({
      id: signup.id,
      eventId: signup.eventId,
      event: {
        id: event.id,
        title: event.title,
        startsAt: toCstIso(event.startsAt),
        endsAt: toCstIso(event.endsAt),
        venue: { name: event.venueName, address: event.venueAddress },
        status: event.status,
      },
      status: signup.status,
      ...(signup.status === 'waitlisted' ? { waitlistPosition: positions.get(signup.id)! } : {}),
      name: signup.name,
      partySize: signup.partySize,
      checkedInAt: signup.checkedInAt ? toCstIso(signup.checkedInAt) : null,
    });
  }
  return { items, nextCursor: rows.length > options.limit ? encodeCursor({ kind: 'offset', offset: options.offset + options.limit }) : null };
}

export async function issueCheckinCode(manager: EntityManager, user: AuthUser, signupId: string, secret: string): Promise<CheckinCodeView> {
  const signup = await manager.getRepository(SignupEntity).findOneBy({ id: signupId });
  if (!signup || signup.userId !== user.id) throw notFound('signup');
  const refusal = checkinRefusal(signup.status);
  if (refusal) throw conflict(refusal);
  const event = await manager.getRepository(EventEntity).findOneByOrFail({ id: signup.eventId });
  const exp = checkinCodeExpiry(event.endsAt).getTime();
  const payload: CheckinPayload = { typ: 'checkin', sid: signup.id, eid: event.id, exp };
  return { code: signToken(payload as unknown as Record<string, unknown>, secret), expiresAt: toCstIso(new Date(exp)) };
}

export const checkInAttendee = transactional(
  async (manager: EntityManager, user: AuthUser, eventId: string, code: string, secret: string, now: Date): Promise<SignupView> => {
    const event = await manager.getRepository(EventEntity).findOneBy({ id: eventId });
    if (!event) throw notFound('event');
    assertActsFor(user, event.organizerId);
    const payload = verifyToken<CheckinPayload>(code, secret);
    const codeProblem = checkinCodeProblem(payload, eventId, now);
    if (codeProblem) throw new AppError(codeProblem, 400);
    const signups = manager.getRepository(SignupEntity);
    // A code without a payload was refused just above.
    const signup = await signups.findOneBy({ id: payload!.sid });
    if (!signup || signup.eventId !== eventId) throw new AppError('INVALID_CHECKIN_CODE', 400);
    const refusal = checkinRefusal(signup.status);
    if (refusal) throw conflict(refusal);
    // The conditional update makes a double scan from two devices check in once.
    const result = await signups
      .createQueryBuilder()
      .update(SignupEntity)
      .set({ checkedInAt: now, updatedAt: now })
      .where('id = :id AND checkedInAt IS NULL', { id: signup.id })
      .execute();
    if (!result.affected) throw conflict('ALREADY_CHECKED_IN');
    signup.checkedInAt = now;
    return toResult(manager, signup);
  },
);

export const listEventSignups = transactional(
  async (
    manager: EntityManager,
    user: AuthUser,
    eventId: string,
    options: { unmask: boolean; format: string },
    now: Date,
  ): Promise<{ event: EventEntity; rows: EventSignupRow[] }> => {
    const event = await manager.getRepository(EventEntity).findOneBy({ id: eventId });
    if (!event) throw notFound('event');
    assertActsFor(user, event.organizerId);
    const signups = await manager.getRepository(SignupEntity).find({ where: { eventId }, order: { seq: 'ASC' } });
    let waiting = 0;
    const rows = signups.map((s): EventSignupRow => ({
      id: s.id,
      name: s.name,
      phone: options.unmask ? s.phone : maskPhone(s.phone),
      partySize: s.partySize,
      status: s.status,
      waitlistPosition: s.status === 'waitlisted' ? ++waiting : null,
      checkedInAt: s.checkedInAt ? toCstIso(s.checkedInAt) : null,
      createdAt: toCstIso(s.createdAt),
    }));
    await auditPersonalDataList(manager, user.id, 'signups', eventId, options, rows.length, now);
    return { event, rows };
  },
);
