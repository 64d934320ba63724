// What a reviewer must see again when an organization that is not trusted
// changes its published event. Free of zod: the mini-program imports it too.

/**
 * The fields whose change goes back to review: what residents read (title,
 * description, tags, campaign, cover picture), when and where it happens, and how many come.
 * The rest (the sign-up window, the plan tasks it carries out) applies at once.
 */
export const reviewedEventFields = [
  'title',
  'description',
  'city',
  'district',
  'venue',
  'startsAt',
  'endsAt',
  'capacity',
  'audiences',
  'themes',
  'campaign',
  'coverImageId',
] as const;
export type ReviewedEventField = (typeof reviewedEventFields)[number];
