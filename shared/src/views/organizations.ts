// What the organization endpoints return: organizations, memberships and members.
import { z } from 'zod';

export const organizationViewSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    city: z.string(),
    /** How it came to be: `issuer` or `unit` of a plan, `custom` when an admin added it. */
    kind: z.string(),
    /** Trusted organizations publish without review. */
    trusted: z.boolean(),
  })
  .meta({ id: 'OrganizationView' });
export type OrganizationView = z.infer<typeof organizationViewSchema>;

/** `POST /organizations/:id/members`. */
export const membershipViewSchema = z
  .strictObject({
    id: z.string(),
    organizationId: z.string(),
    userId: z.string(),
    role: z.string(),
  })
  .meta({ id: 'MembershipView' });
export type MembershipView = z.infer<typeof membershipViewSchema>;

/** `GET /organizations/:id/members` items. */
export const memberViewSchema = z.strictObject({ userId: z.string(), nickname: z.string(), role: z.string() }).meta({ id: 'MemberView' });
export type MemberView = z.infer<typeof memberViewSchema>;

/** `DELETE /organizations/:id/members/:userId`. */
export const memberRemovedViewSchema = z.strictObject({ removed: z.literal(true) });
export type MemberRemovedView = z.infer<typeof memberRemovedViewSchema>;

/** `GET /organizations/:id/history`: what a reviewer weighs besides the event itself. */
export const organizationHistoryViewSchema = z
  .strictObject({
    organizationId: z.string(),
    /** Events of it that went public (published, or cancelled after publishing). */
    published: z.number().int(),
    rejected: z.number().int(),
    pending: z.number().int(),
    /** The latest rejections with their reasons, newest first (at most 3). */
    recentRejections: z.array(z.strictObject({ eventId: z.string(), title: z.string(), reason: z.string().nullable() })),
  })
  .meta({ id: 'OrganizationHistoryView' });
export type OrganizationHistoryView = z.infer<typeof organizationHistoryViewSchema>;

/** `GET /organizations/:id/venues` items, `POST /organizations/:id/venues`: a saved venue (常用场馆). */
export const organizationVenueViewSchema = z
  .strictObject({
    id: z.string(),
    organizationId: z.string(),
    name: z.string(),
    address: z.string(),
    district: z.string(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    /** Last saved or used by an event; the list is most recent first. */
    updatedAt: z.string(),
  })
  .meta({ id: 'OrganizationVenueView' });
export type OrganizationVenueView = z.infer<typeof organizationVenueViewSchema>;

/** `DELETE /organizations/:id/venues/:venueId`. */
export const venueRemovedViewSchema = z.strictObject({ removed: z.literal(true) });
export type VenueRemovedView = z.infer<typeof venueRemovedViewSchema>;
