// Events (活动): campaign events derived from plans and activities posted by
// organizers. Seat counters live here so one row lock serialises a sign-up.
import type { EventKind, EventStatus } from '@kepu/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('events')
// The list's order per status and per city, with endsAt checked in the index; a box for near= (migration 1764610000000).
@Index('ix_events_list', ['status', 'startsAt', 'id', 'endsAt'])
@Index('ix_events_list_city', ['status', 'city', 'startsAt', 'id', 'endsAt'])
@Index('ix_events_near', ['status', 'venueLat', 'venueLng', 'endsAt'])
@Index('ix_events_city_starts', ['city', 'startsAt'])
@Index('ix_events_organizer', ['organizerId'])
@Index('ix_events_id_status', ['id', 'status'])
// Plan progress reads each linked event from this index alone (1765400000000-ProgressBreakdowns).
@Index('ix_events_progress', [
  'id',
  'status',
  'startsAt',
  'organizerId',
  'district',
  'campaignCode',
  'capacity',
  'confirmedSignupCount',
  'checkedInCount',
  'volunteerCents',
])
export class EventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 80 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  kind: EventKind;

  @Column({ type: 'varchar', length: 64, nullable: true })
  campaignCode: string | null;

  @Column({ type: 'varchar', length: 36 })
  organizerId: string;

  @Column({ type: 'varchar', length: 20 })
  city: string;

  @Column({ type: 'varchar', length: 30, default: '' })
  district: string;

  @Column({ type: 'simple-json' })
  audiences: string[];

  @Column({ type: 'simple-json' })
  themes: string[];

  @Column({ type: 'varchar', length: 60 })
  venueName: string;

  @Column({ type: 'varchar', length: 120, default: '' })
  venueAddress: string;

  @Column({ type: 'double', nullable: true })
  venueLat: number | null;

  @Column({ type: 'double', nullable: true })
  venueLng: number | null;

  @Column({ type: 'datetime' })
  startsAt: Date;

  @Column({ type: 'datetime' })
  endsAt: Date;

  @Column({ type: 'int' })
  capacity: number;

  /** Seats taken by confirmed sign-ups (a party of 3 takes 3). */
  @Column({ type: 'int', default: 0 })
  confirmedCount: number;

  @Column({ type: 'int', default: 0 })
  waitlistCount: number;

  // Plan progress tallies, kept by triggers on signups and shift_applications
  // (migration 1765000000000). Never written by the app (update: false), so
  // saving an event read earlier cannot put back a stale count.

  /** Confirmed sign-ups: rows, one per attendee, not seats. */
  @Column({ type: 'int', default: 0, update: false })
  confirmedSignupCount: number;

  /** Sign-ups checked in, whatever their status now. */
  @Column({ type: 'int', default: 0, update: false })
  checkedInCount: number;

  /** Certified volunteer hours of completed applications, in cents of an hour (each rounded like ROUND(hours * 100)). */
  @Column({ type: 'int', default: 0, update: false })
  volunteerCents: number;

  /** Hands out the queue order of sign-ups; only bumped under the event's lock. */
  @Column({ type: 'int', default: 0 })
  signupSeq: number;

  @Column({ type: 'datetime', nullable: true })
  signupOpensAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  signupClosesAt: Date | null;

  @Column({ type: 'varchar', length: 16 })
  status: EventStatus;

  @Column({ type: 'varchar', length: 16 })
  source: 'plan' | 'organizer';

  /** Demo data seeded by `npm start`, flagged so nobody takes it for real. */
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reviewReason: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  /** Identity of a plan-derived event (`planId:campaignCode`) so re-imports update it in place. */
  @Column({ type: 'varchar', length: 120, nullable: true, unique: true })
  derivedKey: string | null;

  /** Occurrences of one recurring series share it; each has its own seats. */
  @Index('ix_events_series')
  @Column({ type: 'varchar', length: 36, nullable: true })
  seriesId: string | null;

  /** A plan task it carries out changed or disappeared in a re-import; cleared when its organizer edits it. */
  @Column({ type: 'boolean', default: false })
  planTaskChanged: boolean;

  /** Its cover picture (uploads.id), uploaded by a member of its organization; null without one. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  coverImageId: string | null;

  /** First time it went public; a draft cancelled before that stays private. */
  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null;

  /** Grows with every edit, so a reviewer's decision names what they saw. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}

export type EventRevisionStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

/**
 * A change to a published event proposed by an organization that is not
 * trusted: held here, the public event untouched, until a reviewer decides.
 * At most one is pending per event; a further edit updates it.
 */
@Entity('event_revisions')
@Index('ix_event_revisions_queue', ['status', 'proposedAt', 'id'])
@Index('ix_event_revisions_event', ['eventId', 'version'])
export class EventRevisionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'varchar', length: 16 })
  status: EventRevisionStatus;

  /** The event's version this proposal made; orders an event's revisions (proposedAt may tie). */
  @Column({ type: 'int' })
  version: number;

  /** The proposed values of the fields it changes, in the request's shapes (times as ISO strings). */
  @Column({ type: 'simple-json' })
  changes: Record<string, unknown>;

  @Column({ type: 'varchar', length: 36, nullable: true })
  proposedBy: string | null;

  @Column({ type: 'datetime' })
  proposedAt: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  decidedBy: string | null;

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null;

  /** The reviewer's reason, shown to the organizer when rejected. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;
}

/**
 * Which plan tasks an event carries out (依据). A task is named by its position in the plan
 * (plan_tasks.ordinal): written numbers repeat when a plan numbers its tasks again in each
 * section (migration 1766700000000-TaskLinkOrdinal). taskNumber is the written number, for reading.
 */
@Entity('event_plan_tasks')
// Plan progress reads these two indexes alone (migrations 1765000000000, 1766700000000).
@Index('ix_event_plan_tasks_progress', ['planId', 'taskOrdinal', 'eventStatus', 'confirmedSignupCount', 'checkedInCount', 'volunteerCents'])
@Index('ix_event_plan_tasks_plan_event', ['planId', 'eventId', 'taskOrdinal', 'eventStatus', 'confirmedSignupCount', 'checkedInCount', 'volunteerCents'])
// Migration 1766100000000-ProgressLinkWindow adds copies of the event's startsAt, organizerId,
// district, campaignCode and capacity, kept by triggers, and ix_event_plan_tasks_window over
// them. Only progress's SQL reads them (progress.service.ts), so they are not mapped here.
export class EventPlanTaskEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  eventId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  planId: string;

  /** The task's position in the plan, 1-based (negative: a number no task had when links were keyed by number). */
  @PrimaryColumn({ type: 'int' })
  taskOrdinal: number;

  @Column({ type: 'int' })
  taskNumber: number;

  // Copies of the event's status and progress tallies, for plan progress. Triggers
  // fill them when the link is made and keep them in step; the app never writes them.

  @Column({ type: 'varchar', length: 16, default: '', insert: false, update: false })
  eventStatus: EventStatus | '';

  @Column({ type: 'int', default: 0, insert: false, update: false })
  confirmedSignupCount: number;

  @Column({ type: 'int', default: 0, insert: false, update: false })
  checkedInCount: number;

  @Column({ type: 'int', default: 0, insert: false, update: false })
  volunteerCents: number;
}
