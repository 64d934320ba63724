// A year's campaigns as the app knows them: the catalogue's dates, and where the catalogue does not
// know a year's dates, those an admin set (campaign_years). Setting them is the plan-import module's
// use case, since it re-derives the plans' events.
import type { EntityManager } from 'typeorm';
import { campaignOccurrence, campaignsForYear, type CampaignOccurrence } from '../../campaigns';
import { CampaignYearEntity } from '../../db/entities/campaign-year.entity';

/** `code -> dates` an admin set for the year. */
export async function storedCampaignDates(manager: EntityManager, year: number): Promise<Map<string, { startsOn: string; endsOn: string }>> {
  const rows = await manager.getRepository(CampaignYearEntity).findBy({ year });
  return new Map(rows.map((row) => [row.code, { startsOn: row.startsOn, endsOn: row.endsOn }]));
}

/** The catalogue's occurrence with stored dates filling in unknown ones; null for an unknown code or year. */
export function withStoredDates(occurrence: CampaignOccurrence | null, stored: Map<string, { startsOn: string; endsOn: string }>): CampaignOccurrence | null {
  if (!occurrence || occurrence.startsOn !== null) return occurrence;
  const dates = stored.get(occurrence.code);
  return dates ? { ...occurrence, ...dates } : occurrence;
}

export async function campaignsOfYear(manager: EntityManager, year: number): Promise<CampaignOccurrence[]> {
  const stored = await storedCampaignDates(manager, year);
  const occurrences = campaignsForYear(year).map((o) => withStoredDates(o, stored)!);
  // Dated first, by start; undated last in catalogue order (as campaignsForYear sorts).
  return occurrences
    .map((occurrence, index) => ({ occurrence, index }))
    .sort((a, b) => {
      const [x, y] = [a.occurrence.startsOn, b.occurrence.startsOn];
      if (x === y) return a.index - b.index;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -1 : 1;
    })
    .map(({ occurrence }) => occurrence);
}

export async function campaignOccurrenceOf(manager: EntityManager, code: string, year: number): Promise<CampaignOccurrence | null> {
  return withStoredDates(campaignOccurrence(code, year), await storedCampaignDates(manager, year));
}
