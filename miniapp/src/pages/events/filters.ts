// What the 活动 list is filtered by, and the query it sends for that.
import type { EventCountQuery } from '@kepu/shared';
import { dateRange, type DatePreset } from '@/utils/filters';

export interface Filters {
  campaign?: string;
  theme?: string;
  audience?: string;
  district?: string;
  kind?: 'activity' | 'campaign';
  date: DatePreset;
  q: string;
  /** `lat,lng` (GCJ-02) while 附近 is on. */
  near?: string;
}

export const noFilters: Filters = { date: 'all', q: '' };

/** The choices of the sheet (not search or 附近) that are set. */
export function sheetFilterCount(filters: Filters): number {
  return [filters.campaign, filters.theme, filters.audience, filters.district, filters.kind, filters.date !== 'all' ? filters.date : undefined].filter(Boolean)
    .length;
}

/** The sheet's choices cleared; search and 附近 stay. */
export function withoutSheetFilters(filters: Filters): Filters {
  return { date: 'all', q: filters.q, near: filters.near };
}

export function toQuery(city: string, filters: Filters, now: Date): EventCountQuery {
  return {
    city: city || undefined,
    campaign: filters.campaign,
    theme: filters.theme,
    audience: filters.audience,
    district: filters.district,
    kind: filters.kind,
    q: filters.q || undefined,
    near: filters.near,
    ...dateRange(filters.date, now),
  };
}
