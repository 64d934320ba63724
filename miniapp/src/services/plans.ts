// Work plans (工作要点): the list, one plan with its tasks, its progress, and the tasks an event may carry out.
import type { EventTaskSuggestionsView, EventView, PlanProgressView, PlanSummaryView, PlanView, TaskSuggestionsView } from '@kepu/shared';
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

/** The suggestions of several saved events in one request (the review queue), by event id. */
export async function getTaskSuggestionsForEvents(eventIds: string[]): Promise<Map<string, TaskSuggestionsView['items']>> {
  const found = new Map<string, TaskSuggestionsView['items']>();
  // The server takes at most 50 events a request.
  for (let i = 0; i < eventIds.length; i += 50) {
    const chunk = eventIds.slice(i, i + 50).join(',');
    const answer = await request<EventTaskSuggestionsView>('/plans/task-suggestions', { query: { eventIds: chunk }, quiet: true });
    for (const entry of answer.items) found.set(entry.eventId, entry.items);
  }
  return found;
}
