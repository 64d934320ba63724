// What the 科技志愿服务 endpoints return: shifts, applications to them, an
// organizer's applicant rows, and a volunteer's profile with its service record.
import { z } from 'zod';
import { eventStatuses } from '../states';
import { isoDateView, isoTimeView } from './common';

export const applicationStatuses = ['applied', 'approved', 'rejected', 'withdrawn', 'completed', 'cancelled'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

const placeView = z.strictObject({ name: z.string(), address: z.string() });

export const shiftViewSchema = z
  .strictObject({
    id: z.string(),
    eventId: z.string(),
    event: z.strictObject({ id: z.string(), title: z.string(), city: z.string(), startsAt: isoTimeView, venue: placeView }),
    role: z.string(),
    description: z.string(),
    startsAt: isoTimeView,
    endsAt: isoTimeView,
    slots: z.number().int(),
    approvedCount: z.number().int(),
    skills: z.array(z.string()),
    /** The signed-in volunteer's own application to it, if any; absent for anonymous callers. */
    myApplication: z
      .strictObject({ id: z.string(), status: z.enum(applicationStatuses) })
      .nullable()
      .optional(),
    /** With sort=match for a signed-in volunteer: the volunteer's skills it suits and why it is listed first. */
    match: z.strictObject({ score: z.number().int(), skills: z.array(z.string()), reason: z.string().nullable() }).optional(),
  })
  .meta({ id: 'ShiftView' });
export type ShiftView = z.infer<typeof shiftViewSchema>;

export const applicationViewSchema = z
  .strictObject({
    id: z.string(),
    shiftId: z.string(),
    status: z.enum(applicationStatuses),
    hours: z.number().nullable(),
    decisionReason: z.string().nullable(),
    appliedAt: isoTimeView,
    decidedAt: isoTimeView.nullable(),
    completedAt: isoTimeView.nullable(),
  })
  .meta({ id: 'ApplicationView' });
export type ApplicationView = z.infer<typeof applicationViewSchema>;

const shiftOfApplication = z.strictObject({ id: z.string(), role: z.string(), startsAt: isoTimeView, endsAt: isoTimeView });

/** `GET /events/:id/volunteers?format=json` items: phone masked unless unmasked on purpose. */
export const applicantRowSchema = applicationViewSchema
  .extend({
    volunteer: z.strictObject({
      userId: z.string(),
      realName: z.string(),
      /** Empty once the volunteer erased their account. */
      phone: z.string(),
      skills: z.array(z.string()),
      team: z.string().nullable(),
    }),
    shift: shiftOfApplication,
  })
  .meta({ id: 'ApplicantRow' });
export type ApplicantRow = z.infer<typeof applicantRowSchema>;

/** `GET /me/applications` items: an application with its shift and event. */
export const myApplicationViewSchema = applicationViewSchema
  .extend({
    shift: shiftOfApplication,
    event: z.strictObject({ id: z.string(), title: z.string(), startsAt: isoTimeView, venue: placeView, status: z.enum(eventStatuses) }),
  })
  .meta({ id: 'MyApplicationView' });
export type MyApplicationView = z.infer<typeof myApplicationViewSchema>;

/** One completed service: the hours and who certified them. */
export const serviceRecordItemSchema = z
  .strictObject({
    applicationId: z.string(),
    hours: z.number(),
    completedAt: isoTimeView,
    role: z.string(),
    event: z.strictObject({ id: z.string(), title: z.string(), startsAt: isoTimeView }),
    organization: z.strictObject({ id: z.string(), name: z.string() }),
  })
  .meta({ id: 'ServiceRecordItem' });
export type ServiceRecordItem = z.infer<typeof serviceRecordItemSchema>;

/** `GET /me/volunteer`, `PUT /me/volunteer`. */
export const volunteerProfileViewSchema = z
  .strictObject({
    userId: z.string(),
    realName: z.string(),
    phone: z.string(),
    skills: z.array(z.string()),
    tags: z.array(z.string()),
    team: z.string().nullable(),
    /** Where the volunteer serves: the shift list shows this city's shifts first. */
    city: z.string().nullable(),
    bio: z.string(),
    totalHours: z.number(),
    record: z.array(serviceRecordItemSchema),
    /** Open applications (applied or approved); the full history is GET /me/applications. */
    applications: z.array(myApplicationViewSchema),
  })
  .meta({ id: 'VolunteerProfileView' });
export type VolunteerProfileView = z.infer<typeof volunteerProfileViewSchema>;

/** `GET /certificates/:serial`: what anyone may check about a certificate (the name masked, no phone). */
export const certificateCheckViewSchema = z
  .strictObject({
    serial: z.string(),
    maskedName: z.string(),
    totalHours: z.number(),
    serviceCount: z.number().int(),
    organizations: z.array(z.string()),
    issuedOn: isoDateView,
  })
  .meta({ id: 'CertificateCheckView' });
export type CertificateCheckView = z.infer<typeof certificateCheckViewSchema>;

/** `GET /me/volunteer-needs`: plan tasks calling for 科技志愿服务 that the organizer's units lead or whose events they run. */
export const volunteerNeedViewSchema = z
  .strictObject({
    planId: z.string(),
    planTitle: z.string(),
    taskNumber: z.number().int(),
    /** The task's position in the plan, 1-based (numbers repeat when numbering restarts per section). */
    taskOrdinal: z.number().int(),
    taskTitle: z.string(),
    /** The organizer's events linked to the task, each with how many shifts it has opened. */
    events: z.array(z.strictObject({ id: z.string(), title: z.string(), startsAt: isoTimeView, shiftCount: z.number().int() })),
  })
  .meta({ id: 'VolunteerNeedView' });
export type VolunteerNeedView = z.infer<typeof volunteerNeedViewSchema>;
