// Sign-ups: book a seat or join the waitlist, cancel with promotion, check-in
// codes and check-in, the organizer's list. Every seat change happens under
// the event row's lock, so capacity holds across any number of processes.
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { In, LessThan, type EntityManager } from 'typeorm';
import {
  isShortCode,
  placePartyAsked,
  seatsLeft,
  shortCodeHashInput,
  signupWindowVerdict,
  toCstIso,
  type Checkin,
  type CheckinBatch,
  type CheckinBatchResult,
  type CheckinCodeView,
  type CheckinKitView,
  type CreateSignup,
  type EventSignupRow,
  type MySignupView,
  type Page,
  type SignupResultView,
  type SignupView,
  type UpdateSignup,
} from '@kepu/shared';
import { findForUpdate, transactional } from '../../core/transaction';
import { encodeCursor } from '../../core/paging';
import { AppError, conflict, notFound } from '../../core/errors';
import type { AuthUser } from '../../core/actor';
import { verifyToken } from '../../core/tokens';
import { checkinKeyOf, findCheckinKey, signCheckinCode, verifyCheckinCode } from './checkin-keys';
import { auditPersonalDataList } from '../audit/audit.service';
import { EventEntity } from '../../db/entities/event.entity';
import { assertActsFor, isVisibleTo } from '../organizations/organizations.access';
import { noticeSeatReleased, noticeSeatTaken } from '../notifications/notifications.service';
import { SignupEntity } from '../../db/entities/signup.entity';
import {
  attendeeKey,
  canCancelSignup,
  checkinCodeExpiry,
  checkinCodeProblem,
  checkinRefusal,
  maskName,
  maskPhone,
  partiesToPromote,
  pickShortCode,
  remainderKey,
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
  ): Promise<{ signup: SignupResultView; created: boolean }> => {
    const event = await findForUpdate(manager, EventEntity, eventId);
    // Whoever cannot see the event learns nothing about it; whoever can is told it is not open.
    if (!event || !isVisibleTo(event, user)) throw notFound('event');
    const signups = manager.getRepository(SignupEntity);
    const key = attendeeKey(input);
    const [existing, existingRest] = await Promise.all([
      signups.findOneBy({ eventId, userId: user.id, attendeeKey: key }),
      signups.findOneBy({ eventId, userId: user.id, attendeeKey: remainderKey(key) }),
    ]);
    if (existing && existing.status !== 'cancelled') return { signup: await withRemainder(manager, existing, existingRest), created: false };

    const verdict = signupWindowVerdict(signupWindowOf(event), now.getTime());
    if (verdict !== 'open') throw conflict('EVENT_NOT_OPEN', { reason: verdict }, windowMessages[verdict]);

    const seats = { capacity: event.capacity, confirmedSeats: event.confirmedCount, waitlistCount: event.waitlistCount };
    const placement = placePartyAsked(seats, input.partySize, input.whenShort);
    if ('ask' in placement) throw conflict('PARTY_EXCEEDS_SEATS', { seatsLeft: placement.seatsLeft, partySize: input.partySize });

    // A party wholly waitlisted keeps one sign-up; a split one holds its seats in the first and waits with the second.
    const parts: { key: string; row: SignupEntity | null; partySize: number; status: 'confirmed' | 'waitlisted' }[] = [];
    if (placement.confirmed > 0) parts.push({ key, row: existing, partySize: placement.confirmed, status: 'confirmed' });
    if (placement.waitlisted > 0) {
      const whole = placement.confirmed === 0;
      parts.push({ key: whole ? key : remainderKey(key), row: whole ? existing : existingRest, partySize: placement.waitlisted, status: 'waitlisted' });
    }
    const saved: SignupEntity[] = [];
    for (const part of parts) {
      event.signupSeq += 1;
      if (part.status === 'confirmed') event.confirmedCount += part.partySize;
      else event.waitlistCount += 1;
      const fields = {
        name: input.name,
        phone: input.phone,
        partySize: part.partySize,
        forOther: input.forOther,
        status: part.status,
        seq: event.signupSeq,
        checkedInAt: null,
        cancelledAt: null,
        updatedAt: now,
      };
      if (part.row) {
        // Signing up again after cancelling: same row, back of the queue, same short code.
        Object.assign(part.row, fields);
        saved.push(await signups.save(part.row));
      } else {
        const row = signups.create({ id: randomUUID(), eventId, userId: user.id, attendeeKey: part.key, shortCode: null, createdAt: now, ...fields });
        await signups.insert(row);
        saved.push(row);
      }
    }
    await manager
      .getRepository(EventEntity)
      .update({ id: event.id }, { signupSeq: event.signupSeq, confirmedCount: event.confirmedCount, waitlistCount: event.waitlistCount });
    for (const row of saved) if (row.status === 'confirmed') await noticeSeatTaken(manager, row, event, 'signup.confirmed', now, reminderLeadMs);
    return { signup: await withRemainder(manager, saved[0]!, saved[1] ?? null), created: true };
  },
);

async function withRemainder(manager: EntityManager, signup: SignupEntity, remainder: SignupEntity | null): Promise<SignupResultView> {
  const view = await toResult(manager, signup);
  return remainder && remainder.status !== 'cancelled' && remainder.id !== signup.id ? { ...view, remainder: await toResult(manager, remainder) } : view;
}

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

/** A resident cancels their own booking of an event (not the family members they booked), with the waiting rest of a split party. */
export const cancelMySignup = transactional(
  async (manager: EntityManager, user: AuthUser, eventId: string, now: Date, reminderLeadMs: number): Promise<SignupView> => {
    const event = await findForUpdate(manager, EventEntity, eventId);
    if (!event) throw notFound('event');
    const signups = manager.getRepository(SignupEntity);
    const own = await signups.findBy({ eventId, userId: user.id, attendeeKey: In(['self', remainderKey('self')]) });
    const active = own.filter((s) => s.status !== 'cancelled').sort((a, b) => a.seq - b.seq);
    if (active.length === 0) throw notFound('signup');
    const [first] = await cancelSignups(manager, event, active, now, reminderLeadMs);
    return first!;
  },
);

/** v1.1: a resident cancels one booking by its id (a family member's, or their own), with the waiting rest of a split party. */
export const cancelSignupById = transactional(
  async (manager: EntityManager, user: AuthUser, signupId: string, now: Date, reminderLeadMs: number): Promise<SignupView> => {
    const found = await manager.getRepository(SignupEntity).findOneBy({ id: signupId });
    if (!found || found.userId !== user.id) throw notFound('signup');
    const event = await findForUpdate(manager, EventEntity, found.eventId);
    if (!event) throw notFound('event');
    // Read again under the event's lock: it may have changed since.
    const signups = manager.getRepository(SignupEntity);
    const signup = await signups.findOneByOrFail({ id: signupId });
    if (signup.status === 'cancelled') throw notFound('signup');
    const rest = signup.attendeeKey.endsWith('+')
      ? null
      : await signups.findOneBy({ eventId: signup.eventId, userId: user.id, attendeeKey: remainderKey(signup.attendeeKey) });
    const [first] = await cancelSignups(manager, event, [signup, ...(rest && rest.status !== 'cancelled' ? [rest] : [])], now, reminderLeadMs);
    return first!;
  },
);

/**
 * v1.1: the booker corrects whom a booking is for (name, phone), with the waiting rest of a split party.
 * A family member's renamed booking takes the new name's attendee key; a booking of that name already
 * there (even cancelled) is 409. Not once checked in, nor after the event ended.
 */
export const updateSignupAttendee = transactional(
  async (manager: EntityManager, user: AuthUser, signupId: string, input: UpdateSignup, now: Date): Promise<SignupView> => {
    const found = await manager.getRepository(SignupEntity).findOneBy({ id: signupId });
    if (!found || found.userId !== user.id || found.status === 'cancelled') throw notFound('signup');
    const event = await findForUpdate(manager, EventEntity, found.eventId);
    if (!event) throw notFound('event');
    if (event.endsAt.getTime() <= now.getTime()) throw conflict('EVENT_STATE_CONFLICT', undefined, '活动已结束，不能再修改参加者');
    const signups = manager.getRepository(SignupEntity);
    const signup = await signups.findOneByOrFail({ id: signupId });
    if (signup.status === 'cancelled') throw notFound('signup');
    if (signup.checkedInAt) throw conflict('ALREADY_CHECKED_IN', undefined, '已签到的报名不能修改');
    const baseKey = signup.attendeeKey.endsWith('+') ? signup.attendeeKey.slice(0, -1) : signup.attendeeKey;
    const partner = await signups.findOneBy({
      eventId: signup.eventId,
      userId: user.id,
      attendeeKey: signup.attendeeKey.endsWith('+') ? baseKey : remainderKey(baseKey),
    });
    const name = input.name ?? signup.name;
    const newKey = attendeeKey({ name, forOther: signup.forOther });
    if (newKey !== baseKey) {
      const taken = await signups.findBy({ eventId: signup.eventId, userId: user.id, attendeeKey: In([newKey, remainderKey(newKey)]) });
      if (taken.length) throw conflict('CONFLICT', { attendee: name }, `已有“${name}”的报名记录，请直接在“我的”中查看或取消`);
    }
    for (const row of [signup, ...(partner && partner.status !== 'cancelled' ? [partner] : [])]) {
      const key = row.attendeeKey.endsWith('+') ? remainderKey(newKey) : newKey;
      await signups.update({ id: row.id }, { name, phone: input.phone ?? row.phone, attendeeKey: key, updatedAt: now });
    }
    return toResult(manager, await signups.findOneByOrFail({ id: signup.id }));
  },
);

/**
 * Cancels all of a user's sign-ups for an event (theirs and their family's)
 * under the event's lock and gives freed seats to the waitlist. Whoever calls
 * it has decided that it may: the erasure of the user's account.
 */
export async function cancelSignupOf(manager: EntityManager, userId: string, eventId: string, now: Date, reminderLeadMs: number): Promise<SignupView[]> {
  const event = await findForUpdate(manager, EventEntity, eventId);
  if (!event) throw notFound('event');
  const active = (await manager.getRepository(SignupEntity).findBy({ eventId, userId })).filter((s) => s.status !== 'cancelled' && canCancelSignup(s));
  if (active.length === 0) throw notFound('signup');
  return cancelSignups(manager, event, active, now, reminderLeadMs);
}

/** Cancels sign-ups of one event, whose row the caller holds locked; a checked-in one cannot be. */
async function cancelSignups(manager: EntityManager, event: EventEntity, rows: SignupEntity[], now: Date, reminderLeadMs: number): Promise<SignupView[]> {
  if (rows.some((s) => !canCancelSignup(s))) throw conflict('ALREADY_CHECKED_IN', undefined, '已签到的报名不能取消');
  const signups = manager.getRepository(SignupEntity);
  let freed = false;
  for (const signup of rows) {
    if (signup.status === 'confirmed') {
      event.confirmedCount -= signup.partySize;
      freed = true;
    } else event.waitlistCount -= 1;
    signup.status = 'cancelled';
    signup.cancelledAt = now;
    signup.updatedAt = now;
    // A forwarded check-in code link dies with the booking (and stays dead if the same attendee books again).
    signup.shareToken = null;
    await signups.save(signup);
    await noticeSeatReleased(manager, signup.id);
  }
  await manager.getRepository(EventEntity).update({ id: event.id }, { confirmedCount: event.confirmedCount, waitlistCount: event.waitlistCount });
  if (freed && event.status === 'published') await promoteWaitlist(manager, event, now, reminderLeadMs);
  return Promise.all(rows.map((s) => toResult(manager, s)));
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
      attendee: { name: signup.name, forOther: signup.forOther },
    });
  }
  return { items, nextCursor: rows.length > options.limit ? encodeCursor({ kind: 'offset', offset: options.offset + options.limit }) : null };
}

/** Gives the event's confirmed sign-ups without one a short code. Call with the event row locked. */
export async function assignShortCodes(manager: EntityManager, eventId: string, needing: SignupEntity[]): Promise<void> {
  if (needing.length === 0) return;
  const signups = manager.getRepository(SignupEntity);
  const used = await signups.find({ where: { eventId }, select: { shortCode: true } });
  const taken = new Set(used.map((s) => s.shortCode).filter((c): c is string => c !== null));
  for (const signup of needing) {
    signup.shortCode = pickShortCode(taken, () => randomInt(1_000_000) / 1_000_000);
    taken.add(signup.shortCode);
    await signups.update({ id: signup.id }, { shortCode: signup.shortCode });
  }
}

/** The QR code (Ed25519-signed, verifiable offline with the event's public key) and the 6 digits read out at the door. */
export const issueCheckinCode = transactional(async (manager: EntityManager, user: AuthUser, signupId: string, now: Date): Promise<CheckinCodeView> => {
  const found = await manager.getRepository(SignupEntity).findOneBy({ id: signupId });
  if (!found || found.userId !== user.id) throw notFound('signup');
  // The key pair and the short code are made once, under the event's lock.
  const event = await findForUpdate(manager, EventEntity, found.eventId);
  if (!event) throw notFound('event');
  const signup = await manager.getRepository(SignupEntity).findOneByOrFail({ id: signupId });
  const refusal = checkinRefusal(signup.status);
  if (refusal) throw conflict(refusal);
  if (!signup.shortCode) await assignShortCodes(manager, event.id, [signup]);
  const key = await checkinKeyOf(manager, event.id, now);
  const exp = checkinCodeExpiry(event.endsAt).getTime();
  return {
    code: signCheckinCode({ typ: 'checkin', sid: signup.id, eid: event.id, exp }, key),
    shortCode: signup.shortCode!,
    expiresAt: toCstIso(new Date(exp)),
  };
});

/**
 * The sign-up a check-in names, or a 400/404 saying why not:
 * - 6 digits: a short code of this event;
 * - an Ed25519 code signed with this event's key (a forged signature, or a
 *   code of another event, is INVALID_CHECKIN_CODE);
 * - an HMAC code issued before v1.1: still accepted online until it expires
 *   (two hours after its event ends), so nobody holding a saved one is
 *   turned away; no device can verify those offline;
 * - a sign-up id picked from the list.
 */
async function resolveCheckin(manager: EntityManager, eventId: string, target: Checkin, secret: string, now: Date): Promise<SignupEntity> {
  const signups = manager.getRepository(SignupEntity);
  if (target.signupId !== undefined) {
    const signup = await signups.findOneBy({ id: target.signupId });
    if (!signup || signup.eventId !== eventId) throw notFound('signup');
    return signup;
  }
  const code = (target.code ?? '').trim();
  if (isShortCode(code)) {
    const signup = await signups.findOneBy({ eventId, shortCode: code });
    if (!signup) throw new AppError('INVALID_CHECKIN_CODE', 400);
    return signup;
  }
  const key = await findCheckinKey(manager, eventId);
  const payload = (key ? verifyCheckinCode(code, key) : null) ?? verifyToken<CheckinPayload>(code, secret);
  const codeProblem = checkinCodeProblem(payload, eventId, now);
  if (codeProblem) throw new AppError(codeProblem, 400);
  const signup = await signups.findOneBy({ id: payload!.sid });
  if (!signup || signup.eventId !== eventId) throw new AppError('INVALID_CHECKIN_CODE', 400);
  return signup;
}

/** Marks a sign-up checked in at `at` unless it already is; the conditional update makes two devices check in once. */
async function markCheckedIn(manager: EntityManager, signup: SignupEntity, at: Date, now: Date): Promise<boolean> {
  const result = await manager
    .getRepository(SignupEntity)
    .createQueryBuilder()
    .update(SignupEntity)
    .set({ checkedInAt: at, updatedAt: now })
    .where('id = :id AND checkedInAt IS NULL', { id: signup.id })
    .execute();
  if (!result.affected) return false;
  signup.checkedInAt = at;
  return true;
}

/**
 * The event, if the user organizes it. A check-in locks it (`lock`) before touching a sign-up: the
 * trigger that counts check-ins on the event row then takes locks in the order every sign-up
 * and cancellation does (event, then sign-up), so the two cannot deadlock.
 */
async function organizersEvent(manager: EntityManager, user: AuthUser, eventId: string, lock = false): Promise<EventEntity> {
  const event = lock ? await findForUpdate(manager, EventEntity, eventId) : await manager.getRepository(EventEntity).findOneBy({ id: eventId });
  if (!event) throw notFound('event');
  assertActsFor(user, event.organizerId);
  return event;
}

export const checkInAttendee = transactional(
  async (manager: EntityManager, user: AuthUser, eventId: string, target: Checkin, secret: string, now: Date): Promise<SignupView> => {
    await organizersEvent(manager, user, eventId, true);
    const signup = await resolveCheckin(manager, eventId, target, secret, now);
    const refusal = checkinRefusal(signup.status);
    if (refusal) throw conflict(refusal);
    if (!(await markCheckedIn(manager, signup, now, now))) throw conflict('ALREADY_CHECKED_IN');
    return toResult(manager, signup);
  },
);

/**
 * Check-ins made offline, uploaded together: one result per item, in order.
 * Uploading the same items again, or the same person from two devices, leaves
 * one check-in (the first to arrive; its time is the door's, never later than now).
 */
export const checkInBatch = transactional(
  async (manager: EntityManager, user: AuthUser, eventId: string, batch: CheckinBatch, secret: string, now: Date): Promise<CheckinBatchResult[]> => {
    await organizersEvent(manager, user, eventId, true);
    const results: CheckinBatchResult[] = [];
    for (const item of batch.items) {
      let signup: SignupEntity;
      try {
        signup = await resolveCheckin(manager, eventId, item, secret, now);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ signupId: item.signupId ?? null, result: 'refused', error: error.code, checkedInAt: null });
        continue;
      }
      const refusal = checkinRefusal(signup.status);
      if (refusal) {
        results.push({ signupId: signup.id, result: 'refused', error: refusal, checkedInAt: null });
        continue;
      }
      const at = new Date(Math.min(Date.parse(item.at), now.getTime()));
      const fresh = await markCheckedIn(manager, signup, at, now);
      const checkedInAt = fresh ? at : (await manager.getRepository(SignupEntity).findOneByOrFail({ id: signup.id })).checkedInAt;
      results.push({ signupId: signup.id, result: fresh ? 'checked-in' : 'already-checked-in', checkedInAt: checkedInAt ? toCstIso(checkedInAt) : null });
    }
    return results;
  },
);

/**
 * What the organizer's device keeps to check people in without the network:
 * the event's public key and the list, names and phones masked.
 * Short codes go as salted SHA-256 hashes (salt new with each kit): the device
 * hashes a typed code and looks it up. Six digits are easy to brute-force from
 * a hash, so this only keeps the codes out of plain sight on the device; what
 * protects them is that the kit goes only to this event's organizers, who can
 * check anyone in from the list anyway.
 */
export const issueCheckinKit = transactional(async (manager: EntityManager, user: AuthUser, eventId: string, now: Date): Promise<CheckinKitView> => {
  const found = await organizersEvent(manager, user, eventId);
  const event = (await findForUpdate(manager, EventEntity, found.id))!;
  const key = await checkinKeyOf(manager, event.id, now);
  const rows = await manager.getRepository(SignupEntity).find({ where: { eventId, status: In(['confirmed', 'waitlisted']) }, order: { seq: 'ASC' } });
  await assignShortCodes(
    manager,
    event.id,
    rows.filter((s) => s.status === 'confirmed' && !s.shortCode),
  );
  const salt = randomBytes(16).toString('hex');
  const hash = (code: string | null) => (code ? createHash('sha256').update(shortCodeHashInput(salt, code)).digest('hex') : '');
  return {
    eventId: event.id,
    publicKey: key.publicKey,
    shortCodeSalt: salt,
    generatedAt: toCstIso(now),
    signups: rows.map((s) => ({
      id: s.id,
      name: maskName(s.name),
      phone: maskPhone(s.phone),
      partySize: s.partySize,
      status: s.status,
      checkedInAt: s.checkedInAt ? toCstIso(s.checkedInAt) : null,
      shortCodeHash: hash(s.shortCode),
    })),
  };
});

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
