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
    /** When it falls as a sentence (每年11月（整月）, 每年5月30日（2017年起）, or how a notice sets it). */
    schedule: z.string(),
    /** A further fact from the catalogue (全国科普月: the law that made September the month), or null. */
    note: z.string().nullable(),
  })
  .meta({ id: 'CampaignView' });
export type CampaignView = z.infer<typeof campaignViewSchema>;
