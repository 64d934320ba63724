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

/**
 * The fields of a change an organization that is not trusted proposed for its
 * published event, each with its proposed value; fields it leaves alone are absent.
 */
export const eventChangesViewSchema = z
  .strictObject({
    title: z.string().optional(),
    description: z.string().optional(),
    city: z.string().optional(),
    district: z.string().optional(),
    audiences: z.array(z.string()).optional(),
    themes: z.array(z.string()).optional(),
    venue: venueViewSchema.optional(),
    startsAt: isoTimeView.optional(),
    endsAt: isoTimeView.optional(),
    capacity: z.number().int().optional(),
    campaign: z.strictObject({ code: z.string(), name: z.string() }).nullable().optional(),
    /** A new cover (null: the cover removed), with where to see it. */
    coverImageId: z.string().nullable().optional(),
    coverUrl: z.string().nullable().optional(),
  })
  .meta({ id: 'EventChangesView' });
export type EventChangesView = z.infer<typeof eventChangesViewSchema>;

/** A proposed change to a published event: awaiting review, or the last one a reviewer rejected (with the reason). */
export const eventRevisionViewSchema = z
  .strictObject({
    id: z.string(),
    status: z.enum(['pending', 'rejected']),
    proposedAt: isoTimeView,
    changes: eventChangesViewSchema,
    /** Why the reviewer rejected it; null while it is pending. */
    reason: z.string().nullable(),
    decidedAt: isoTimeView.nullable(),
  })
  .meta({ id: 'EventRevisionView' });
export type EventRevisionView = z.infer<typeof eventRevisionViewSchema>;

/**
 * Another event booked at the same venue (the same venue name in the same city,
 * or within about 100 m) at an overlapping time, from any organization: what an
 * organizer and a reviewer need to sort it out, and nothing personal.
 */
export const venueConflictViewSchema = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    organization: z.strictObject({ id: z.string(), name: z.string() }),
    venue: z.string(),
    startsAt: isoTimeView,
    endsAt: isoTimeView,
    /** `pending` (awaiting review) or `published`. */
    status: z.enum(eventStatuses),
  })
  .meta({ id: 'VenueConflict' });
export type VenueConflictView = z.infer<typeof venueConflictViewSchema>;

/** `GET /events/:id/conflicts`. */
export const venueConflictsViewSchema = z.strictObject({ items: z.array(venueConflictViewSchema) });
export type VenueConflictsView = z.infer<typeof venueConflictsViewSchema>;

export const eventViewSchema = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    kind: z.enum(eventKinds),
    /** Shared by the occurrences of a recurring series. */
    seriesId: z.string().nullable(),
    campaign: z.strictObject({ code: z.string(), name: z.string() }).nullable(),
    /** `ordinal`: the task's position in its plan, which names it when two tasks share a written number. */
    planTasks: z.array(z.strictObject({ planId: z.string(), number: z.number().int(), ordinal: z.number().int(), title: z.string() })),
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
    /** The uploaded cover (POST /uploads), null without one. */
    coverImageId: z.string().nullable(),
    /**
     * The cover at phone width and as a thumbnail for cards: the uploaded one, else a campaign
     * event's campaign artwork, else null. Paths on the API's host (/api/v1/...) unless absolute.
     */
    coverUrl: z.string().nullable(),
    coverThumbnailUrl: z.string().nullable(),
    /** Grows with every edit; a reviewer's decision names the version they looked at (`POST /events/:id/review {version}`). */
    version: z.number().int(),
    /**
     * Only in the event's detail (and the review queue) for its organizers, reviewers and admins:
     * a change awaiting review, or the last one rejected. The fields above stay the approved ones
     * until a reviewer approves the change. Absent in lists; null for everyone else.
     */
    revision: eventRevisionViewSchema.nullable().optional(),
    /** Only in lists sorted by `near`. */
    distanceKm: z.number().optional(),
    /** Only in the answers of create, edit, submit and review: other events at the same venue at an overlapping time. */
    conflicts: z.array(venueConflictViewSchema).optional(),
  })
  .meta({ id: 'EventView' });
export type EventView = z.infer<typeof eventViewSchema>;

/** `GET /events/recommended` items: an event of the list and why it suits the user (为老年人推荐), null when it is not specially for them. */
export const recommendedEventViewSchema = eventViewSchema.extend({ reason: z.string().nullable() }).meta({ id: 'RecommendedEventView' });
export type RecommendedEventView = z.infer<typeof recommendedEventViewSchema>;

/** `GET /events/count`: how many published events the filters match. */
export const eventCountViewSchema = z.strictObject({ count: z.number().int() }).meta({ id: 'EventCountView' });
export type EventCountView = z.infer<typeof eventCountViewSchema>;

/**
 * `GET /organizations/:id/events/counts`: how many of the organization's events
 * that have not ended are in each state (the tabs of 活动管理), and all of them.
 */
export const organizationEventCountsViewSchema = z
  .strictObject({
    all: z.number().int(),
    draft: z.number().int(),
    pending: z.number().int(),
    published: z.number().int(),
    rejected: z.number().int(),
    cancelled: z.number().int(),
  })
  .meta({ id: 'OrganizationEventCountsView' });
export type OrganizationEventCountsView = z.infer<typeof organizationEventCountsViewSchema>;

/** `GET /events/districts` items: a district of the city and how many of its events have not ended. */
export const districtViewSchema = z.strictObject({ district: z.string(), events: z.number().int() }).meta({ id: 'DistrictView' });
export type DistrictView = z.infer<typeof districtViewSchema>;

/** `POST /events/series`, `POST /series/:id/submit`: every occurrence of the series. */
export const eventSeriesViewSchema = z.strictObject({ seriesId: z.string(), items: z.array(eventViewSchema) });
export type EventSeriesView = z.infer<typeof eventSeriesViewSchema>;
