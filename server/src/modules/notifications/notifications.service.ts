// Owns the notifications and the users' WeChat subscriptions: queues what a
// user should be told (in the caller's transaction, so a notice commits with
// the change it reports), schedules and withdraws reminders, and serves the
// inbox. Delivery is the worker's (notifications.worker.ts).
import { randomUUID } from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import {
  notificationKinds,
  toCstIso,
  type MarkNotificationsRead,
  type MarkedReadView,
  type NotificationDeliveryQuery,
  type NotificationDeliveryView,
  type NotificationKind,
  type NotificationView,
  type Page,
  type SubscriptionsView,
} from '@kepu/shared';
import type { NotificationConfig } from '../../config';
import { keysetPage } from '../../core/paging';
import { transactional } from '../../core/transaction';
import { conflict, notFound } from '../../core/errors';
import { NotificationEntity, NotificationSubscriptionEntity } from '../../db/entities/notification.entity';
import { EventEntity } from '../../db/entities/event.entity';
import { UserEntity } from '../../db/entities/user.entity';
import { recordAudit } from '../audit/audit.service';
import { deliveryErrorText, maskNickname, reminderDueAt, reminderKey, reminderKeyPrefix, renderNotification } from './notifications.rules';

/** REMINDER_LEAD_H in milliseconds: what the use cases that schedule reminders are given. */
export function reminderLeadMs(config: NotificationConfig): number {
  return config.reminderLeadHours * 3_600_000;
}

/**
 * One notification per person, however often they appear among the userIds
 * (someone both signed up and volunteering is told once). Returns how many were queued.
 */
export async function enqueueNotificationOnce(
  manager: EntityManager,
  userIds: Iterable<string>,
  kind: string,
  payload: Record<string, unknown>,
  now: Date,
): Promise<number> {
  const recipients = new Set(userIds);
  for (const userId of recipients) await enqueueNotification(manager, userId, kind, payload, now);
  return recipients.size;
}

/** Queues a notification, due at once unless `dueAt` says later. */
export async function enqueueNotification(
  manager: EntityManager,
  userId: string,
  kind: string,
  payload: Record<string, unknown>,
  now: Date,
  options: { dueAt?: Date; dedupeKey?: string } = {},
): Promise<void> {
  await manager.getRepository(NotificationEntity).save(newNotification(userId, kind, payload, now, options));
}

function newNotification(userId: string, kind: string, payload: Record<string, unknown>, now: Date, options: { dueAt?: Date; dedupeKey?: string }) {
  return Object.assign(new NotificationEntity(), {
    id: randomUUID(),
    userId,
    kind,
    payload,
    eventId: typeof payload.eventId === 'string' ? payload.eventId : null,
    dueAt: options.dueAt ?? now,
    status: 'pending' as const,
    channel: null,
    attempts: 0,
    nextAttemptAt: null,
    claimToken: null,
    claimedUntil: null,
    lastError: null,
    dedupeKey: options.dedupeKey ?? null,
    readAt: null,
    sentAt: null,
    createdAt: now,
  });
}

/** What an event notice says about the event: its title, time and place as they are now. */
export function eventDetails(event: EventEntity): Record<string, unknown> {
  return { eventId: event.id, title: event.title, startsAt: toCstIso(event.startsAt), venue: event.venueName };
}

/**
 * Schedules a reminder of `startsAt`, due `leadMs` before it (at once when it is closer). Idempotent per
 * subject and start: scheduling again changes nothing, and a withdrawn one is put back.
 */
async function scheduleReminder(
  manager: EntityManager,
  kind: NotificationKind,
  subjectId: string,
  userId: string,
  startsAt: Date,
  payload: Record<string, unknown>,
  now: Date,
  leadMs: number,
): Promise<void> {
  if (startsAt.getTime() <= now.getTime()) return;
  const repo = manager.getRepository(NotificationEntity);
  const dedupeKey = reminderKey(kind, subjectId, startsAt);
  const dueAt = reminderDueAt(startsAt, leadMs, now);
  const existing = await repo.findOneBy({ dedupeKey });
  if (existing) {
    if (existing.status === 'cancelled')
      await repo.update({ id: existing.id }, { status: 'pending', dueAt, payload: payload as never, attempts: 0, nextAttemptAt: null });
    return;
  }
  await repo.save(newNotification(userId, kind, payload, now, { dueAt, dedupeKey }));
}

/** Withdraws the reminders still to go out for a subject (a sign-up or an application). */
async function withdrawReminders(manager: EntityManager, kind: NotificationKind, subjectId: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(NotificationEntity)
    .set({ status: 'cancelled' })
    .where('kind = :kind AND status = :pending AND dedupeKey LIKE :prefix', { kind, pending: 'pending', prefix: `${reminderKeyPrefix(kind, subjectId)}%` })
    .execute();
}

/**
 * A sign-up now holds a seat (booked, or promoted off the waitlist): the user is told, and the
 * event's reminder is scheduled. Call with the event row locked.
 */
export async function noticeSeatTaken(
  manager: EntityManager,
  signup: { id: string; userId: string },
  event: EventEntity,
  kind: 'signup.confirmed' | 'signup.promoted',
  now: Date,
  leadMs: number,
): Promise<void> {
  const details = { ...eventDetails(event), signupId: signup.id };
  await enqueueNotification(manager, signup.userId, kind, details, now);
  await scheduleReminder(manager, 'event.reminder', signup.id, signup.userId, event.startsAt, details, now, leadMs);
}

/** A sign-up no longer holds a seat (cancelled): its reminder is withdrawn. */
export async function noticeSeatReleased(manager: EntityManager, signupId: string): Promise<void> {
  await withdrawReminders(manager, 'event.reminder', signupId);
}

/**
 * An event moved: the reminders of its confirmed sign-ups are scheduled for the new start (the old
 * ones withdrawn). `signups` are the confirmed ones, read under the event's lock.
 */
export async function rescheduleEventReminders(
  manager: EntityManager,
  event: EventEntity,
  signups: { id: string; userId: string }[],
  now: Date,
  leadMs: number,
): Promise<void> {
  await withdrawEventReminders(manager, event.id);
  const details = eventDetails(event);
  for (const signup of signups) {
    await scheduleReminder(manager, 'event.reminder', signup.id, signup.userId, event.startsAt, { ...details, signupId: signup.id }, now, leadMs);
  }
}

/** An event was cancelled: none of its reminders goes out. */
export async function withdrawEventReminders(manager: EntityManager, eventId: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(NotificationEntity)
    .set({ status: 'cancelled' })
    .where('eventId = :eventId AND kind IN (:...kinds) AND status = :pending', { eventId, kinds: ['event.reminder', 'shift.reminder'], pending: 'pending' })
    .execute();
}

/** A volunteer's application was approved: the reminder of the shift is scheduled. */
export async function scheduleShiftReminder(
  manager: EntityManager,
  application: { id: string; userId: string },
  shift: { startsAt: Date; role: string },
  event: EventEntity,
  now: Date,
  leadMs: number,
): Promise<void> {
  const payload = { ...eventDetails(event), startsAt: toCstIso(shift.startsAt), role: shift.role, applicationId: application.id };
  await scheduleReminder(manager, 'shift.reminder', application.id, application.userId, shift.startsAt, payload, now, leadMs);
}

/** An application ended (withdrawn, cancelled): its shift reminder is withdrawn. */
export async function withdrawShiftReminder(manager: EntityManager, applicationId: string): Promise<void> {
  await withdrawReminders(manager, 'shift.reminder', applicationId);
}

/** On erasure: the user's notifications and subscriptions go with their data. */
export async function eraseNotificationsOf(manager: EntityManager, userId: string): Promise<void> {
  await manager.getRepository(NotificationEntity).delete({ userId });
  await manager.getRepository(NotificationSubscriptionEntity).delete({ userId });
}

// ---- The inbox ----

/** What the inbox shows: notifications that are due, never withdrawn ones. */
function inboxQuery(manager: EntityManager, userId: string, now: Date) {
  return manager
    .getRepository(NotificationEntity)
    .createQueryBuilder('n')
    .where('n.userId = :userId', { userId })
    .andWhere('n.dueAt <= :now', { now })
    .andWhere('n.status != :cancelled', { cancelled: 'cancelled' });
}

function toNotificationView(n: NotificationEntity): NotificationView {
  const { title, body } = renderNotification(n.kind, n.payload);
  return {
    id: n.id,
    kind: n.kind,
    title,
    body,
    ...(n.eventId ? { eventId: n.eventId } : {}),
    // When it reached the inbox: a reminder is newer than the sign-up that scheduled it.
    createdAt: toCstIso(n.dueAt),
    readAt: n.readAt ? toCstIso(n.readAt) : null,
  };
}

/** Newest first, keyset-paged on (dueAt, id). */
export async function listInbox(manager: EntityManager, userId: string, query: { limit: number; cursor?: string }, now: Date): Promise<Page<NotificationView>> {
  const { rows, nextCursor } = await keysetPage(inboxQuery(manager, userId, now), { time: 'n.dueAt', id: 'n.id' }, (n) => n.dueAt, {
    cursor: query.cursor,
    limit: query.limit,
    direction: 'DESC',
  });
  return { items: rows.map(toNotificationView), nextCursor };
}

export async function countUnread(manager: EntityManager, userId: string, now: Date): Promise<number> {
  return inboxQuery(manager, userId, now).andWhere('n.readAt IS NULL').getCount();
}

export const markNotificationsRead = transactional(
  async (manager: EntityManager, userId: string, input: MarkNotificationsRead, now: Date): Promise<MarkedReadView> => {
    const update = manager
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: now })
      .where('userId = :userId AND readAt IS NULL AND dueAt <= :now', { userId, now });
    // Someone else's ids simply match nothing.
    if ('ids' in input) update.andWhere('id IN (:...ids)', { ids: input.ids });
    const result = await update.execute();
    return { marked: result.affected ?? 0, count: await countUnread(manager, userId, now) };
  },
);

/** Subscriptions a user may hold unused per kind: WeChat's own count is what really limits them. */
const MAX_OPEN_SUBSCRIPTIONS = 20;

export const recordSubscriptions = transactional(
  async (manager: EntityManager, userId: string, kinds: NotificationKind[], now: Date): Promise<SubscriptionsView> => {
    const repo = manager.getRepository(NotificationSubscriptionEntity);
    const open = await openSubscriptionCounts(manager, userId);
    for (const kind of kinds) {
      if ((open.get(kind) ?? 0) >= MAX_OPEN_SUBSCRIPTIONS) continue;
      await repo.insert({ id: randomUUID(), userId, kind, acceptedAt: now, usedAt: null, notificationId: null });
      open.set(kind, (open.get(kind) ?? 0) + 1);
    }
    return { available: notificationKinds.filter((kind) => open.has(kind)).map((kind) => ({ kind, count: open.get(kind)! })) };
  },
);

async function openSubscriptionCounts(manager: EntityManager, userId: string): Promise<Map<string, number>> {
  const rows: { kind: string; count: string | number }[] = await manager
    .getRepository(NotificationSubscriptionEntity)
    .createQueryBuilder('s')
    .select('s.kind', 'kind')
    .addSelect('COUNT(*)', 'count')
    .where({ userId, usedAt: IsNull() })
    .groupBy('s.kind')
    .getRawMany();
  return new Map(rows.map((r) => [r.kind, Number(r.count)]));
}

// ---- For admins ----

/** A notification the worker may be asked to send again: one it gave up on, or one waiting for its next attempt. */
function isRetryable(n: NotificationEntity): boolean {
  return n.status === 'failed' || (n.status === 'pending' && n.attempts > 0);
}

/**
 * Deliveries newest first, optionally by status (`?status=failed`: what the worker gave up on;
 * `&attempted=1`: only those that failed at least once), each with its recipient's masked nickname,
 * its event's title and the last error in plain Chinese.
 */
export async function listDeliveries(manager: EntityManager, query: NotificationDeliveryQuery): Promise<Page<NotificationDeliveryView>> {
  const qb = manager.getRepository(NotificationEntity).createQueryBuilder('n');
  if (query.status) qb.andWhere('n.status = :status', { status: query.status });
  if (query.attempted) qb.andWhere('n.attempts > 0');
  const { rows, nextCursor } = await keysetPage(qb, { time: 'n.createdAt', id: 'n.id' }, (n) => n.createdAt, {
    cursor: query.cursor,
    limit: query.limit,
    direction: 'DESC',
  });
  const userIds = [...new Set(rows.map((n) => n.userId))];
  const eventIds = [...new Set(rows.map((n) => n.eventId).filter((id): id is string => id !== null))];
  const [users, events] = await Promise.all([
    userIds.length ? manager.getRepository(UserEntity).find({ where: { id: In(userIds) }, select: { id: true, nickname: true } }) : [],
    eventIds.length ? manager.getRepository(EventEntity).find({ where: { id: In(eventIds) }, select: { id: true, title: true } }) : [],
  ]);
  const nicknames = new Map(users.map((u) => [u.id, u.nickname]));
  const titles = new Map(events.map((e) => [e.id, e.title]));
  return { items: rows.map((n) => toDeliveryView(n, nicknames.get(n.userId), n.eventId ? titles.get(n.eventId) : undefined)), nextCursor };
}

function toDeliveryView(n: NotificationEntity, nickname: string | undefined, eventTitle: string | undefined): NotificationDeliveryView {
  return {
    id: n.id,
    userId: n.userId,
    kind: n.kind,
    eventId: n.eventId,
    status: n.status,
    channel: n.channel,
    attempts: n.attempts,
    lastError: n.lastError,
    kindLabel: renderNotification(n.kind, n.payload).title,
    recipient: nickname === undefined ? '（已删除的用户）' : maskNickname(nickname),
    event: n.eventId && eventTitle !== undefined ? { id: n.eventId, title: eventTitle } : null,
    lastErrorText: deliveryErrorText(n.lastError),
    retryable: isRetryable(n),
    dueAt: toCstIso(n.dueAt),
    nextAttemptAt: n.nextAttemptAt ? toCstIso(n.nextAttemptAt) : null,
    sentAt: n.sentAt ? toCstIso(n.sentAt) : null,
    createdAt: toCstIso(n.createdAt),
  };
}

/**
 * An admin asks for one more attempt at a notification the worker gave up on (or is waiting to retry):
 * it is due again at once, its attempt count kept, so a failure this time fails it again rather than
 * starting a new series of retries. Audited. Sent or withdrawn notifications are 409.
 */
export const retryNotification = transactional(
  async (manager: EntityManager, actorId: string, notificationId: string, now: Date): Promise<NotificationDeliveryView> => {
    const repo = manager.getRepository(NotificationEntity);
    const n = await repo.findOneBy({ id: notificationId });
    if (!n) throw notFound('notification');
    if (!isRetryable(n)) throw conflict('NOTIFICATION_NOT_RETRYABLE', { status: n.status });
    // Conditional: a worker that claimed it meanwhile (or sent it) wins, and this answers 409.
    const result = await repo
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ status: 'pending', nextAttemptAt: null })
      .where('id = :id AND status = :status AND attempts = :attempts AND claimToken IS NULL', { id: n.id, status: n.status, attempts: n.attempts })
      .execute();
    if (!result.affected) throw conflict('NOTIFICATION_NOT_RETRYABLE', { status: n.status });
    await recordAudit(manager, {
      actorId,
      action: 'notification.retry',
      target: `notification:${n.id}`,
      details: { kind: n.kind, previousStatus: n.status, attempts: n.attempts, lastError: n.lastError },
      at: now,
    });
    const fresh = await repo.findOneByOrFail({ id: n.id });
    const [user, event] = await Promise.all([
      manager.getRepository(UserEntity).findOneBy({ id: n.userId }),
      n.eventId ? manager.getRepository(EventEntity).findOneBy({ id: n.eventId }) : null,
    ]);
    return toDeliveryView(fresh, user?.nickname, event?.title);
  },
);

/** Reserves one of the user's open subscriptions of a kind for a notification; null when none is left. */
export async function reserveSubscription(manager: EntityManager, userId: string, kind: string, notificationId: string, now: Date): Promise<string | null> {
  const repo = manager.getRepository(NotificationSubscriptionEntity);
  const candidates = await repo.find({ where: { userId, kind, usedAt: IsNull() }, order: { acceptedAt: 'ASC', id: 'ASC' }, take: 3 });
  for (const candidate of candidates) {
    // Conditional: two workers reaching for the same subscription, one gets it.
    const result = await repo.update({ id: candidate.id, usedAt: IsNull() }, { usedAt: now, notificationId });
    if (result.affected) return candidate.id;
  }
  return null;
}

/** Gives a reserved subscription back (the attempt failed and will be retried, or cannot be sent). */
export async function releaseSubscription(manager: EntityManager, subscriptionId: string): Promise<void> {
  await manager.getRepository(NotificationSubscriptionEntity).update({ id: subscriptionId }, { usedAt: null, notificationId: null });
}
