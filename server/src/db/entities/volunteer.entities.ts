// 科技志愿服务: a volunteer's profile, the shifts (岗位) organizers open on
// their events, and volunteers' applications to them, which carry the hours.
import type { ApplicationStatus } from '@kepu/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One per user; having one is what makes a user a volunteer. Deleted on erasure. */
@Entity('volunteer_profiles')
export class VolunteerProfileEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 20 })
  realName: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  /** From the fixed list `volunteerSkills`. */
  @Column({ type: 'simple-json' })
  skills: string[];

  /** Free tags beside the fixed skills. */
  @Column({ type: 'simple-json' })
  tags: string[];

  /** A 科技志愿服务队 or other team. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  team: string | null;

  @Column({ type: 'text' })
  bio: string;

  /** Where the volunteer serves; the shift list starts with this city (migration 1766000000000). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  city: string | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}

@Entity('shifts')
@Index('ix_shifts_event', ['eventId'])
@Index('ix_shifts_starts', ['startsAt', 'id'])
export class ShiftEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'varchar', length: 30 })
  role: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'datetime' })
  startsAt: Date;

  @Column({ type: 'datetime' })
  endsAt: Date;

  @Column({ type: 'int' })
  slots: number;

  /** Approved (and completed) applications; changed only under the shift row's lock. */
  @Column({ type: 'int', default: 0 })
  approvedCount: number;

  @Column({ type: 'simple-json' })
  skills: string[];

  @Column({ type: 'datetime' })
  createdAt: Date;
}

@Entity('shift_applications')
@Index('uq_shift_applications_shift_user', ['shiftId', 'userId'], { unique: true })
@Index('ix_shift_applications_user', ['userId'])
@Index('ix_shift_applications_event', ['eventId'])
@Index('ix_shift_applications_event_status', ['eventId', 'status', 'hours'])
export class ShiftApplicationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  shiftId: string;

  /** Copied from the shift so an event's volunteers are one indexed query. */
  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 16 })
  status: ApplicationStatus;

  /** Recorded once, by the organizer, after the rounding rule. */
  @Column({ type: 'double', nullable: true })
  hours: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  decisionReason: string | null;

  @Column({ type: 'datetime' })
  appliedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  decidedBy: string | null;

  @Column({ type: 'datetime', nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  checkedOutAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  completedAt: Date | null;

  /** Who certified the hours: a member of the organizing organization. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  completedBy: string | null;
}

/**
 * A volunteer's 志愿服务记录证明: one per volunteer, its serial issued once and kept; the hours and
 * organizations are those last printed (updated when the record changes). Deleted on erasure.
 */
@Entity('volunteer_certificates')
@Index('uq_volunteer_certificates_serial', ['serial'], { unique: true })
export class VolunteerCertificateEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  /** KP-2026-XXXXXXXX: the year of first issue and 8 random characters. */
  @Column({ type: 'varchar', length: 24 })
  serial: string;

  @Column({ type: 'double' })
  totalHours: number;

  @Column({ type: 'int' })
  serviceCount: number;

  /** Names of the organizations that certified the hours. */
  @Column({ type: 'simple-json' })
  organizations: string[];

  @Column({ type: 'datetime' })
  issuedAt: Date;
}
