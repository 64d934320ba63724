// What admins do to plans and campaigns: a dry run of a plan text and saving it, corrections of a
// stored plan (place, city, year, a task's units), the plan a text was filed as before, and a
// campaign's dates for a year the catalogue does not know.
import type { CampaignDates, CampaignView, CorrectPlan, ImportPlan, Page, PlanImportView, PlanSummaryView, PlanView } from '@kepu/shared';
import { request } from '@/services/request';

/** `PATCH /plans/:id` (shared schema); the pages name a task by its position (1-based `ordinal`). */
export type PlanCorrection = CorrectPlan;
/** A unit as the admin writes it in a correction. */
export type UnitCorrection = NonNullable<NonNullable<CorrectPlan['tasks']>[number]['units']>[number];

/** The dry run: the same parse as an import, nothing saved. quiet: the page shows every failure beside the form. */
export function previewPlanImport(input: ImportPlan): Promise<PlanImportView> {
  return request<PlanImportView>('/plans/import', { method: 'POST', query: { dryRun: 1 }, data: input, quiet: true });
}

export function importPlan(input: ImportPlan): Promise<PlanImportView> {
  return request<PlanImportView>('/plans/import', { method: 'POST', data: input, quiet: true });
}

export function correctPlan(id: string, correction: PlanCorrection): Promise<PlanView> {
  return request<PlanView>(`/plans/${encodeURIComponent(id)}`, { method: 'PATCH', data: correction, quiet: true });
}

/** The plan already stored for this place and year, if any: what a re-import would update. */
export async function findStoredPlan(city: string, year: number): Promise<PlanView | null> {
  const { items } = await request<Page<PlanSummaryView>>('/plans', { query: { city }, quiet: true });
  const summary = items.find((plan) => plan.city === city && plan.year === year);
  return summary ? request<PlanView>(`/plans/${encodeURIComponent(summary.id)}`, { quiet: true }) : null;
}

export function setCampaignDates(code: string, year: number, dates: CampaignDates): Promise<CampaignView> {
  return request<CampaignView>(`/campaigns/${encodeURIComponent(code)}/years/${year}`, { method: 'PUT', data: dates, quiet: true });
}
