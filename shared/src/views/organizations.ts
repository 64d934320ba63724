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
