// Sign-ups (报名) for events: one row per attendee a user books (v1.1: the
// user and family members), reused when the same attendee signs up again
// after cancelling, so the unique key keeps it one.
import type { SignupStatus } from '@kepu/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('signups')
@Index('uq_signups_event_user_attendee', ['eventId', 'userId', 'attendeeKey'], { unique: true })
@Index('uq_signups_event_short_code', ['eventId', 'shortCode'], { unique: true })
@Index('ix_signups_event_status_seq', ['eventId', 'status', 'seq'])
@Index('ix_signups_user', ['userId'])
@Index('ix_signups_event_checkin', ['eventId', 'checkedInAt'])
@Index('uq_signups_share_token', ['shareToken'], { unique: true })
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

  /** Whom the booking is for: `self`, or `other:<name>` for a family member (see attendeeKey). */
  @Column({ type: 'varchar', length: 40, default: 'self' })
  attendeeKey: string;

  @Column({ type: 'boolean', default: false })
  forOther: boolean;

  /** 6 digits read out at the door, unique within the event; given when the first code is issued. */
  @Column({ type: 'varchar', length: 6, nullable: true })
  shortCode: string | null;

  /** v1.1: the token of the forwarded check-in code link (GET /tickets/:token); null until forwarded, cleared on cancelling. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  shareToken: string | null;

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
