// Queues what a user should be told (cancellation, promotion off the
// waitlist). Sending through WeChat's subscribe messages drains this outbox.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { NotificationEntity } from './notification.entity';

export async function enqueueNotification(manager: EntityManager, userId: string, kind: string, payload: Record<string, unknown>, now: Date): Promise<void> {
  await manager.getRepository(NotificationEntity).save(Object.assign(new NotificationEntity(), { id: randomUUID(), userId, kind, payload, sentAt: null, createdAt: now }));
}
