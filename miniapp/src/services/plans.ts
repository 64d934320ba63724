// Work plans (工作要点): the list, one plan with its tasks, and its progress.
import type { PlanProgressView, PlanSummaryView, PlanView } from '@kepu/shared';
import { request, type Listing } from '@/services/request';

export function listPlans(cursor?: string | null): Promise<Listing<PlanSummaryView>> {
  return request<Listing<PlanSummaryView>>('/plans', { query: { cursor: cursor ?? undefined, limit: 20 }, quiet: true });
}

export function getPlan(id: string): Promise<PlanView> {
  return request<PlanView>(`/plans/${encodeURIComponent(id)}`, { quiet: true });
}

export function getPlanProgress(id: string): Promise<PlanProgressView> {
  return request<PlanProgressView>(`/plans/${encodeURIComponent(id)}/progress`, { quiet: true });
}
