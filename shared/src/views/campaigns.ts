// What `GET /campaigns?year=` returns: a national campaign's name and dates in one year.
import { z } from 'zod';
import { isoDateView } from './common';

export const campaignViewSchema = z
  .strictObject({
    code: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    themes: z.array(z.string()),
    year: z.number().int(),
    /** Null when the catalogue does not know that year's dates. */
    startsOn: isoDateView.nullable(),
    endsOn: isoDateView.nullable(),
  })
  .meta({ id: 'CampaignView' });
export type CampaignView = z.infer<typeof campaignViewSchema>;
