// What the sign-up endpoints return: a sign-up, my sign-ups with their event,
// a check-in code, and the rows of an organizer's sign-up sheet.
import { z } from 'zod';
import { eventStatuses } from '../states';
import { isoTimeView } from './common';

export const signupStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof signupStatuses)[number];

/** A sign-up as its owner sees it: after signing up, cancelling, or being checked in. */
export const signupViewSchema = z
  .strictObject({
    id: z.string(),
    eventId: z.string(),
    status: z.enum(signupStatuses),
    /** 1 for the first in the queue; only while waitlisted. */
    waitlistPosition: z.number().int().min(1).optional(),
    partySize: z.number().int(),
    /** The attendee's name as given when signing up. */
    name: z.string(),
    checkedInAt: isoTimeView.nullable(),
  })
  .meta({ id: 'SignupView' });
export type SignupView = z.infer<typeof signupViewSchema>;

/**
 * `POST /events/:id/signups` with `whenShort: 'split'`: the sign-up holding the
 * seats that were left, and `remainder`, the waitlisted sign-up of the rest of
 * the party (promoted, and cancelled, on its own).
 */
export const signupResultViewSchema = signupViewSchema.extend({ remainder: signupViewSchema.optional() }).meta({ id: 'SignupResultView' });
export type SignupResultView = z.infer<typeof signupResultViewSchema>;

/** `GET /me/signups` items: a sign-up with what the list shows of its event. */
export const mySignupViewSchema = signupViewSchema
  .extend({
    event: z.strictObject({
      id: z.string(),
      title: z.string(),
      startsAt: isoTimeView,
      endsAt: isoTimeView,
      venue: z.strictObject({ name: z.string(), address: z.string() }),
      status: z.enum(eventStatuses),
    }),
    /** v1.1: whom the booking is for: the account holder or a family member. */
    attendee: z.strictObject({ name: z.string(), forOther: z.boolean() }),
  })
  .meta({ id: 'MySignupView' });
export type MySignupView = z.infer<typeof mySignupViewSchema>;

/** `GET /me/signups/:id/checkin-code`: the signed text of the QR code. */
export const checkinCodeViewSchema = z
  .strictObject({
    /** base64url(payload) + '.' + base64url(Ed25519 signature over the payload's bytes). */
    code: z.string(),
    /** 6 digits read out at the door; valid at this event only. */
    shortCode: z.string().regex(/^\d{6}$/),
    expiresAt: isoTimeView,
  })
  .meta({ id: 'CheckinCodeView' });
export type CheckinCodeView = z.infer<typeof checkinCodeViewSchema>;

/** `POST /me/signups/:id/share`: the link token of a sign-up's check-in code page, forwarded to the attendee. */
export const ticketShareViewSchema = z
  .strictObject({
    /** Unguessable; the same until the sign-up is cancelled. */
    token: z.string(),
    /** When the event ends: the link works until then. */
    expiresAt: isoTimeView,
  })
  .meta({ id: 'TicketShareView' });
export type TicketShareView = z.infer<typeof ticketShareViewSchema>;

/**
 * `GET /tickets/:token` (no sign-in): what the forwarded check-in code page
 * shows, and nothing more: no phone, no booker, no other attendee.
 */
export const ticketViewSchema = z
  .strictObject({
    event: z.strictObject({
      title: z.string(),
      startsAt: isoTimeView,
      endsAt: isoTimeView,
      venue: z.strictObject({ name: z.string(), address: z.string() }),
    }),
    /** The attendee's name, masked (陈*国). */
    attendeeName: z.string(),
    partySize: z.number().int(),
    status: z.enum(['confirmed', 'waitlisted']),
    /** Null while waitlisted: there is no code to show until a seat frees up. */
    code: z.string().nullable(),
    shortCode: z
      .string()
      .regex(/^\d{6}$/)
      .nullable(),
    checkedInAt: isoTimeView.nullable(),
    /** When the link stops working: the event's end. */
    expiresAt: isoTimeView,
  })
  .meta({ id: 'TicketView' });
export type TicketView = z.infer<typeof ticketViewSchema>;

/** `GET /events/:id/signups?format=json` items: phone masked unless unmasked on purpose. */
export const eventSignupRowSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    phone: z.string(),
    partySize: z.number().int(),
    status: z.enum(signupStatuses),
    waitlistPosition: z.number().int().min(1).nullable(),
    checkedInAt: isoTimeView.nullable(),
    createdAt: isoTimeView,
  })
  .meta({ id: 'EventSignupRow' });
export type EventSignupRow = z.infer<typeof eventSignupRowSchema>;

/** A sign-up as the organizer's device keeps it for checking in offline. */
export const checkinKitSignupSchema = z.strictObject({
  id: z.string(),
  /** Masked (张*三) */
  name: z.string(),
  /** Masked (138****5678): the last four digits find a resident in the list. */
  phone: z.string(),
  partySize: z.number().int(),
  status: z.enum(signupStatuses),
  checkedInAt: isoTimeView.nullable(),
  /** hex SHA-256 of `${shortCodeSalt}:${shortCode}`, so a typed short code is checked offline without the codes in plain sight. */
  shortCodeHash: z.string(),
});
export type CheckinKitSignup = z.infer<typeof checkinKitSignupSchema>;

/** `GET /events/:id/checkin-kit`: what the organizer's device needs to check people in without the network. */
export const checkinKitViewSchema = z
  .strictObject({
    eventId: z.string(),
    /** base64 of the raw 32-byte Ed25519 public key of this event. */
    publicKey: z.string(),
    shortCodeSalt: z.string(),
    generatedAt: isoTimeView,
    signups: z.array(checkinKitSignupSchema),
  })
  .meta({ id: 'CheckinKitView' });
export type CheckinKitView = z.infer<typeof checkinKitViewSchema>;

/** One result per uploaded item, in order: checked in now, already checked in (by this or another device), or refused. */
export const checkinBatchResultSchema = z.strictObject({
  signupId: z.string().nullable(),
  result: z.enum(['checked-in', 'already-checked-in', 'refused']),
  /** The error code of a refused item (INVALID_CHECKIN_CODE, NOT_CONFIRMED …). */
  error: z.string().optional(),
  checkedInAt: isoTimeView.nullable(),
});
export type CheckinBatchResult = z.infer<typeof checkinBatchResultSchema>;
export const checkinBatchViewSchema = z.strictObject({ results: z.array(checkinBatchResultSchema) }).meta({ id: 'CheckinBatchView' });
export type CheckinBatchView = z.infer<typeof checkinBatchViewSchema>;
