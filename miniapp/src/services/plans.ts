// Work plans (工作要点): the list, one plan with its tasks, its progress, and the tasks an event may carry out.
import type { EventView, PlanProgressView, PlanSummaryView, PlanView, TaskSuggestionsView } from '@kepu/shared';
import { request, type Listing } from '@/services/request';

export function listPlans(cursor?: string | null): Promise<Listing<PlanSummaryView>> {
  return request<Listing<PlanSummaryView>>('/plans', { query: { cursor: cursor ?? undefined, limit: 20 }, quiet: true });
}

export function getPlan(id: string): Promise<PlanView> {
  return request<PlanView>(`/plans/${encodeURIComponent(id)}`, { quiet: true });
}

export function getPlanProgress(id: string, year?: number): Promise<PlanProgressView> {
  return request<PlanProgressView>(`/plans/${encodeURIComponent(id)}/progress`, { query: { year }, quiet: true });
}

/** The published events counted for a task (its number, and its position when known) in the plan's year (or `year`). */
export function listTaskEvents(
  planId: string,
  task: { number: number; ordinal?: number },
  year: number | undefined,
  cursor?: string | null,
): Promise<Listing<EventView>> {
  return request<Listing<EventView>>(`/plans/${encodeURIComponent(planId)}/tasks/${task.number}/events`, {
    query: { year, ordinal: task.ordinal, cursor: cursor ?? undefined, limit: 20 },
    quiet: true,
  });
}

/** The year-end report (XLSX): admins and members of the plan's responsible units. */
export function planReportPath(planId: string, year?: number): string {
  return `/plans/${encodeURIComponent(planId)}/report.xlsx${year ? `?year=${year}` : ''}`;
}

/** A city's plans, newest year first. */
export async function listCityPlans(city: string): Promise<PlanSummaryView[]> {
  return (await request<Listing<PlanSummaryView>>('/plans', { query: { city }, quiet: true })).items;
}

/** What an event being written shares with the plan tasks of its organizer's city. */
export interface TaskSuggestionDraft {
  title: string;
  description: string;
  audiences: string[];
  themes: string[];
  campaign: string | null;
  organizerId: string;
}

export async function suggestTasks(draft: TaskSuggestionDraft): Promise<TaskSuggestionsView['items']> {
  return (await request<TaskSuggestionsView>('/plans/task-suggestions', { method: 'POST', data: draft, quiet: true })).items;
}

export async function getTaskSuggestions(eventId: string): Promise<TaskSuggestionsView['items']> {
  return (await request<TaskSuggestionsView>(`/events/${encodeURIComponent(eventId)}/task-suggestions`, { quiet: true })).items;
}
