// The notification outbox and inbox in one row per message: what a user is
// told (sign-up confirmed, promoted, reminders, changes, cancellations,
// volunteer decisions). The inbox reads the rows that are due; the worker in
// modules/notifications delivers them (WeChat subscribe messages) once each.
import type { NotificationStatus } from '@kepu/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('notifications')
@Index('ix_notifications_user', ['userId'])
@Index('ix_notifications_inbox', ['userId', 'dueAt', 'id'])
@Index('ix_notifications_outbox', ['status', 'dueAt'])
@Index('ix_notifications_event_kind', ['eventId', 'kind'])
@Index('uq_notifications_key', ['dedupeKey'], { unique: true })
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'simple-json' })
  payload: Record<string, unknown>;

  /** The event it is about, when it is about one (the inbox opens it). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  eventId: string | null;

  /** When it is due: at once for most kinds, REMINDER_LEAD_H before the start for reminders. It reaches the inbox then. */
  @Column({ type: 'datetime' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: NotificationStatus;

  /** How it was delivered: 'inbox' only, or 'wechat' too. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  channel: 'inbox' | 'wechat' | null;

  /** Failed delivery attempts so far; the worker gives up at MAX_ATTEMPTS. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** After a failed attempt: not before this time (exponential backoff). */
  @Column({ type: 'datetime', nullable: true })
  nextAttemptAt: Date | null;

  /** The worker run holding the row, and until when: another process takes it over only after the lease. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken: string | null;

  @Column({ type: 'datetime', nullable: true })
  claimedUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** Makes scheduling idempotent: one reminder per sign-up (or application) and start time. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'datetime', nullable: true })
  readAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'datetime' })
  createdAt: Date;
}

/**
 * One accepted one-time subscription (requestSubscribeMessage): it allows
 * WeChat to carry one message of its kind to the user. Spent when used.
 */
@Entity('notification_subscriptions')
@Index('ix_notification_subscriptions_open', ['userId', 'kind', 'usedAt'])
export class NotificationSubscriptionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'datetime' })
  acceptedAt: Date;

  /** Set when a message is on its way with it; cleared again when that attempt fails and will be retried. */
  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  notificationId: string | null;
}
