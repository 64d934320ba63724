// Queues what a user should be told (cancellation, promotion off the
// waitlist). Sending through WeChat's subscribe messages drains this outbox.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { NotificationEntity } from '../../db/entities/notification.entity';

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

export async function enqueueNotification(manager: EntityManager, userId: string, kind: string, payload: Record<string, unknown>, now: Date): Promise<void> {
  await manager
    .getRepository(NotificationEntity)
    .save(Object.assign(new NotificationEntity(), { id: randomUUID(), userId, kind, payload, sentAt: null, createdAt: now }));
}
