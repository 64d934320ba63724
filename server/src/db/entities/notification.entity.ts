// The notification outbox: what would be sent to a user (event cancelled,
// promoted from the waitlist). A sender drains it; tests read it.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('notifications')
@Index('ix_notifications_user', ['userId'])
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'simple-json' })
  payload: Record<string, unknown>;

  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
