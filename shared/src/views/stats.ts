// What `GET /organizations/:id/stats` returns (统计): an organization's published,
// not-cancelled events of one year, per month and in total, as the organizer's charts draw them.
import { z } from 'zod';

/** Check-ins per confirmed sign-up (0..1, three decimals); null with no sign-ups. */
const checkinRate = z.number().min(0).max(1).nullable();

const statsTallyShape = {
  events: z.number().int(),
  /** Seats the events offered (their capacities). */
  seats: z.number().int(),
  /** Confirmed sign-ups (people, a family counted once per sign-up). */
  signups: z.number().int(),
  checkins: z.number().int(),
  checkinRate,
  /** Volunteer hours recorded on completed shift applications. */
  volunteerHours: z.number(),
};

export const organizationStatsViewSchema = z
  .strictObject({
    organizationId: z.string(),
    organizationName: z.string(),
    year: z.number().int(),
    totals: z.strictObject(statsTallyShape),
    /** Every month of the year (China time), YYYY-MM, empty ones too. */
    months: z.array(z.strictObject({ month: z.string(), ...statsTallyShape })),
  })
  .meta({ id: 'OrganizationStatsView' });
export type OrganizationStatsView = z.infer<typeof organizationStatsViewSchema>;
