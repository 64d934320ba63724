// Volunteer profiles and their service record. A complete profile is what
// makes a user a volunteer; the record is what organizers certified.
import { In, type EntityManager } from 'typeorm';
import { cstDateOf, toCstIso, type CertificateCheckView, type ServiceRecordItem, type VolunteerProfileInput, type VolunteerProfileView } from '@kepu/shared';
import { sumHours } from './hours';
import { conflict, isUniqueViolation, notFound } from '../../core/errors';
import type { AuthUser } from '../../core/actor';
import { transactional } from '../../core/transaction';
import { recordAudit } from '../audit/audit.service';
import { EventEntity } from '../../db/entities/event.entity';
import { OrganizationEntity } from '../../db/entities/organization.entity';
import { listApplicationsOf, withdrawOpenApplicationsOf } from './shifts.service';
import { ShiftApplicationEntity, ShiftEntity, VolunteerCertificateEntity, VolunteerProfileEntity } from '../../db/entities/volunteer.entities';
import { makeSerial, maskName, SERIAL_PATTERN } from './certificate-serial';
import { activeApplicationStatuses } from './volunteers.rules';

/** Open applications (applied or approved, newest shift first) shown on the profile; the full history is /me/applications. */
const PROFILE_APPLICATIONS = 20;

export const saveVolunteerProfile = transactional(
  async (manager: EntityManager, user: AuthUser, input: VolunteerProfileInput, now: Date): Promise<{ profile: VolunteerProfileView; created: boolean }> => {
    const profiles = manager.getRepository(VolunteerProfileEntity);
    const existing = await profiles.findOneBy({ userId: user.id });
    const fields = {
      realName: input.realName,
      phone: input.phone,
      skills: input.skills,
      tags: input.tags,
      team: input.team,
      bio: input.bio,
      ...(input.city !== undefined ? { city: input.city } : {}),
      updatedAt: now,
    };
    let created = false;
    if (!existing) {
      try {
        await profiles.insert({ userId: user.id, createdAt: now, ...fields });
        created = true;
      } catch (error) {
        // Two first saves at once (a double tap, on MySQL): the other one inserted the row; this one updates it.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    if (!created) await profiles.update({ userId: user.id }, fields);
    // Becoming a volunteer is a role change: audited like the others.
    if (created)
      await recordAudit(manager, { actorId: user.id, action: 'volunteer.register', target: `user:${user.id}`, details: { team: input.team }, at: now });
    return { profile: await getVolunteerProfile(manager, user.id), created };
  },
);

/** Completed services with the hours, events and organizations that certified them, oldest first. */
export async function serviceRecordOf(manager: EntityManager, userId: string): Promise<ServiceRecordItem[]> {
  const completed = await manager.getRepository(ShiftApplicationEntity).find({
    where: { userId, status: 'completed' },
    order: { completedAt: 'ASC', id: 'ASC' },
  });
  if (completed.length === 0) return [];
  const shifts = await manager.getRepository(ShiftEntity).findBy({ id: In(completed.map((a) => a.shiftId)) });
  const events = await manager.getRepository(EventEntity).findBy({ id: In(completed.map((a) => a.eventId)) });
  const organizations = await manager.getRepository(OrganizationEntity).findBy({ id: In([...new Set(events.map((e) => e.organizerId))]) });
  const shiftById = new Map(shifts.map((s) => [s.id, s]));
  const eventById = new Map(events.map((e) => [e.id, e]));
  const organizationById = new Map(organizations.map((o) => [o.id, o]));
  return completed.map((a) => {
    const event = eventById.get(a.eventId)!;
    const organization = organizationById.get(event.organizerId);
    return {
      applicationId: a.id,
      hours: a.hours ?? 0,
      completedAt: toCstIso(a.completedAt!),
      role: shiftById.get(a.shiftId)?.role ?? '',
      event: { id: event.id, title: event.title, startsAt: toCstIso(event.startsAt) },
      organization: { id: event.organizerId, name: organization?.name ?? '' },
    };
  });
}

export async function getVolunteerProfile(manager: EntityManager, userId: string): Promise<VolunteerProfileView> {
  const profile = await manager.getRepository(VolunteerProfileEntity).findOneBy({ userId });
  if (!profile) throw notFound('volunteer profile');
  const record = await serviceRecordOf(manager, userId);
  const open = await listApplicationsOf(manager, userId, { limit: PROFILE_APPLICATIONS, offset: 0, statuses: activeApplicationStatuses });
  return {
    userId,
    realName: profile.realName,
    phone: profile.phone,
    skills: profile.skills,
    tags: profile.tags,
    team: profile.team,
    city: profile.city ?? null,
    bio: profile.bio,
    totalHours: sumHours(record.map((r) => r.hours)),
    record,
    applications: open.items,
  };
}

/**
 * On account erasure: the profile (real name, phone) goes; completed services
 * stay as anonymous hours in the plan's progress; open applications end
 * (see withdrawOpenApplicationsOf).
 */
export async function eraseVolunteer(manager: EntityManager, userId: string, now: Date): Promise<{ hadProfile: boolean }> {
  await withdrawOpenApplicationsOf(manager, userId, now);
  // The certificate names the volunteer (masked): it stops verifying once the account is erased.
  await manager.getRepository(VolunteerCertificateEntity).delete({ userId });
  const deleted = await manager.getRepository(VolunteerProfileEntity).delete({ userId });
  return { hadProfile: (deleted.affected ?? 0) > 0 };
}

export interface IssuedCertificate {
  profile: VolunteerProfileView;
  serial: string;
  issuedAt: Date;
}

/** Names of the organizations that certified a record, each once, in the order they first appear. */
const organizationsOf = (record: ServiceRecordItem[]) => [...new Set(record.map((r) => r.organization.name).filter(Boolean))];

/**
 * The volunteer's certificate: refused (409) without certified hours; the serial is issued on the first
 * request and kept; the hours, services and organizations follow the record, and the issue date moves
 * only when they change (so the same record prints the same certificate).
 */
export const issueCertificate = transactional(async (manager: EntityManager, userId: string, now: Date): Promise<IssuedCertificate> => {
  const profile = await getVolunteerProfile(manager, userId);
  if (!(profile.totalHours > 0)) throw conflict('CERTIFICATE_NO_HOURS', { totalHours: profile.totalHours });
  const certificates = manager.getRepository(VolunteerCertificateEntity);
  const printed = { totalHours: profile.totalHours, serviceCount: profile.record.length, organizations: organizationsOf(profile.record) };
  const existing = await certificates.findOneBy({ userId });
  if (existing) {
    const same =
      existing.totalHours === printed.totalHours &&
      existing.serviceCount === printed.serviceCount &&
      JSON.stringify(existing.organizations) === JSON.stringify(printed.organizations);
    if (!same) await certificates.update({ userId }, { ...printed, issuedAt: now });
    return { profile, serial: existing.serial, issuedAt: same ? existing.issuedAt : now };
  }
  const year = Number(cstDateOf(now).slice(0, 4));
  // A serial already taken (1 in 2^40) or a second first request at once: try again, or read the other's.
  for (let attempt = 0; attempt < 5; attempt++) {
    const serial = makeSerial(year);
    try {
      await certificates.insert({ userId, serial, ...printed, issuedAt: now });
      return { profile, serial, issuedAt: now };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const other = await certificates.findOneBy({ userId });
      if (other) return { profile, serial: other.serial, issuedAt: other.issuedAt };
    }
  }
  throw conflict('CONFLICT');
});

/** What the public verification page shows: 404 for a serial never issued (or of an erased account). */
export async function checkCertificate(manager: EntityManager, serial: string): Promise<CertificateCheckView> {
  const normalised = serial.trim().toUpperCase();
  if (!SERIAL_PATTERN.test(normalised)) throw notFound('certificate');
  const certificate = await manager.getRepository(VolunteerCertificateEntity).findOneBy({ serial: normalised });
  if (!certificate) throw notFound('certificate');
  const profile = await manager.getRepository(VolunteerProfileEntity).findOneBy({ userId: certificate.userId });
  if (!profile) throw notFound('certificate');
  return {
    serial: certificate.serial,
    maskedName: maskName(profile.realName),
    totalHours: certificate.totalHours,
    serviceCount: certificate.serviceCount,
    organizations: certificate.organizations,
    issuedOn: cstDateOf(certificate.issuedAt),
  };
}
