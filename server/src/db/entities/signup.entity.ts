// Sign-ups (报名) for events: one row per user and event, reused when the
// user signs up again after cancelling, so the unique key keeps it one.
import type { SignupStatus } from '@kepu/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('signups')
@Index('uq_signups_event_user', ['eventId', 'userId'], { unique: true })
@Index('ix_signups_event_status_seq', ['eventId', 'status', 'seq'])
@Index('ix_signups_user', ['userId'])
@Index('ix_signups_event_checkin', ['eventId', 'checkedInAt'])
export class SignupEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  /** The attendee, who may differ from the account holder (代报名). Blanked on erasure. */
  @Column({ type: 'varchar', length: 20 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'int', default: 1 })
  partySize: number;

  @Column({ type: 'varchar', length: 16 })
  status: SignupStatus;

  /** Queue order within the event: the waitlist is promoted by it. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'datetime', nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
