// Work plans (工作要点): the list, one plan with its tasks, and its progress.
import { request, type Listing } from '@/services/request';
import type { PlanDetail, PlanProgress, PlanSummary } from '@/services/types';

export function listPlans(cursor?: string | null): Promise<Listing<PlanSummary>> {
  return request<Listing<PlanSummary>>('/plans', { query: { cursor: cursor ?? undefined, limit: 20 }, quiet: true });
}

export function getPlan(id: string): Promise<PlanDetail> {
  return request<PlanDetail>(`/plans/${encodeURIComponent(id)}`, { quiet: true });
}

export function getPlanProgress(id: string): Promise<PlanProgress> {
  return request<PlanProgress>(`/plans/${encodeURIComponent(id)}/progress`, { quiet: true });
}
