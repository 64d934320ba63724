// What the event endpoints return: an event with its venue, organizer, plan
// tasks and seat counts, and a recurring series' occurrences.
import { z } from 'zod';
import { eventKinds, eventStatuses } from '../states';
import { isoTimeView } from './common';

export const venueViewSchema = z
  .strictObject({
    name: z.string(),
    address: z.string(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
  })
  .meta({ id: 'VenueView' });
export type VenueView = z.infer<typeof venueViewSchema>;

export const eventViewSchema = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    kind: z.enum(eventKinds),
    /** Shared by the occurrences of a recurring series. */
    seriesId: z.string().nullable(),
    campaign: z.strictObject({ code: z.string(), name: z.string() }).nullable(),
    planTasks: z.array(z.strictObject({ planId: z.string(), number: z.number().int(), title: z.string() })),
    organizer: z.strictObject({ id: z.string(), name: z.string() }),
    city: z.string(),
    audiences: z.array(z.string()),
    themes: z.array(z.string()),
    district: z.string(),
    venue: venueViewSchema,
    startsAt: isoTimeView,
    endsAt: isoTimeView,
    capacity: z.number().int(),
    confirmedCount: z.number().int(),
    waitlistCount: z.number().int(),
    signupOpensAt: isoTimeView.nullable(),
    signupClosesAt: isoTimeView.nullable(),
    status: z.enum(eventStatuses),
    source: z.enum(['plan', 'organizer']),
    isDemo: z.boolean(),
    /** Why a reviewer rejected it (shown to its organizer). */
    reviewReason: z.string().nullable(),
    cancelReason: z.string().nullable(),
    /** A plan task the event carries out changed or disappeared in a re-import: its organizer should check the link. */
    planTaskChanged: z.boolean(),
    /** Only in lists sorted by `near`. */
    distanceKm: z.number().optional(),
  })
  .meta({ id: 'EventView' });
export type EventView = z.infer<typeof eventViewSchema>;

/** `POST /events/series`, `POST /series/:id/submit`: every occurrence of the series. */
export const eventSeriesViewSchema = z.strictObject({ seriesId: z.string(), items: z.array(eventViewSchema) });
export type EventSeriesView = z.infer<typeof eventSeriesViewSchema>;
