// What admins do to plans and campaigns: a dry run of a plan text (with what importing it again would
// change) and saving it, corrections of a stored plan (place, city, year, a task's units, a task
// boundary), and a campaign's dates for a year the catalogue does not know.
import type { CampaignDates, CampaignView, CorrectPlan, ImportPlan, PlanImportView, PlanView } from '@kepu/shared';
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

export function setCampaignDates(code: string, year: number, dates: CampaignDates): Promise<CampaignView> {
  return request<CampaignView>(`/campaigns/${encodeURIComponent(code)}/years/${year}`, { method: 'PUT', data: dates, quiet: true });
}
