// Suggests the plan tasks an event carries out (依据): loads the city's current plans and their
// tasks, and lets the pure matcher (task-matcher.ts) rank them.
import { In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { cstDateOf, type TaskSuggestionView } from '@kepu/shared';
import { campaignByCode } from '../../campaigns';
import type { AuthUser } from '../../core/actor';
import { validationFailed } from '../../core/errors';
import { OrganizationEntity } from '../../db/entities/organization.entity';
import { PlanEntity, PlanTaskEntity } from '../../db/entities/plan.entity';
import { loadVisibleEvent } from '../events/events.service';
import { assertActsFor } from '../organizations/organizations.access';
import { suggestTasks, type EventProfile, type PlanTasks } from './task-matcher';
import type { EventEntity } from '../../db/entities/event.entity';

/** How many suggestions an answer holds. */
const SUGGESTIONS = 3;

export interface DraftEvent {
  title: string;
  description: string;
  audiences: string[];
  themes: string[];
  campaign?: string | null;
  organizerId: string;
}

/**
 * The city's plans in force in `year`: those of the latest plan year not after it (a 2026 event
 * carries out the 2026 plan, else the newest before); a city whose plans all start later gets its earliest.
 */
async function currentPlans(manager: EntityManager, city: string, year: number): Promise<PlanEntity[]> {
  const plans = manager.getRepository(PlanEntity);
  const latest = await plans.findOne({ where: { city, year: LessThanOrEqual(year) }, order: { year: 'DESC' } });
  const chosen = latest ?? (await plans.findOne({ where: { city }, order: { year: 'ASC' } }));
  return chosen ? plans.find({ where: { city, year: chosen.year }, order: { id: 'ASC' } }) : [];
}

/** The plans in force in a city and year with their tasks, as the matcher takes them. */
async function planTasksOf(manager: EntityManager, city: string, year: number): Promise<PlanTasks[]> {
  const plans = await currentPlans(manager, city, year);
  if (plans.length === 0) return [];
  const tasks = await manager.getRepository(PlanTaskEntity).find({ where: { planId: In(plans.map((p) => p.id)) }, order: { ordinal: 'ASC' } });
  return plans.map((plan) => ({ planId: plan.id, year: plan.year, tasks: tasks.filter((t) => t.planId === plan.id) }));
}

async function suggestForCity(manager: EntityManager, city: string, year: number, event: EventProfile): Promise<TaskSuggestionView[]> {
  return suggestTasks(event, await planTasksOf(manager, city, year), SUGGESTIONS);
}

const profileOf = (event: EventEntity): EventProfile => ({
  title: event.title,
  description: event.description,
  audiences: event.audiences,
  themes: event.themes,
  campaign: event.campaignCode,
  organizerId: event.organizerId,
});
const yearOf = (event: EventEntity) => Number(cstDateOf(event.startsAt).slice(0, 4));

/** For a saved event: whoever may see it may see what it could carry out. */
export async function suggestTasksForEvent(manager: EntityManager, eventId: string, user: AuthUser | null): Promise<TaskSuggestionView[]> {
  const event = await loadVisibleEvent(manager, eventId, user);
  return suggestForCity(manager, event.city, yearOf(event), profileOf(event));
}

/**
 * For several saved events at once (the review queue): each as suggestTasksForEvent answers it
 * (404 for one the caller may not see), the plans of each city and year read once.
 */
export async function suggestTasksForEvents(
  manager: EntityManager,
  eventIds: string[],
  user: AuthUser | null,
): Promise<{ eventId: string; items: TaskSuggestionView[] }[]> {
  const plansOf = new Map<string, Promise<PlanTasks[]>>();
  const answers: { eventId: string; items: TaskSuggestionView[] }[] = [];
  for (const eventId of [...new Set(eventIds)]) {
    const event = await loadVisibleEvent(manager, eventId, user);
    const key = `${event.city}:${yearOf(event)}`;
    if (!plansOf.has(key)) plansOf.set(key, planTasksOf(manager, event.city, yearOf(event)));
    answers.push({ eventId, items: suggestTasks(profileOf(event), await plansOf.get(key)!, SUGGESTIONS) });
  }
  return answers;
}

/** For an event being written: the organizer's organization gives the city, today the year. */
export async function suggestTasksForDraft(manager: EntityManager, user: AuthUser, draft: DraftEvent, now: Date): Promise<TaskSuggestionView[]> {
  assertActsFor(user, draft.organizerId);
  const organization = await manager.getRepository(OrganizationEntity).findOneBy({ id: draft.organizerId });
  if (!organization) throw validationFailed([{ path: 'organizerId', message: '主办单位不存在' }]);
  if (draft.campaign && !campaignByCode(draft.campaign)) throw validationFailed([{ path: 'campaign', message: '未知的主题活动' }]);
  return suggestForCity(manager, organization.city, Number(cstDateOf(now).slice(0, 4)), draft);
}
