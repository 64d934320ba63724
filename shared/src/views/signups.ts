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
  })
  .meta({ id: 'MySignupView' });
export type MySignupView = z.infer<typeof mySignupViewSchema>;

/** `GET /me/signups/:id/checkin-code`: the signed text of the QR code. */
export const checkinCodeViewSchema = z.strictObject({ code: z.string(), expiresAt: isoTimeView }).meta({ id: 'CheckinCodeView' });
export type CheckinCodeView = z.infer<typeof checkinCodeViewSchema>;

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
