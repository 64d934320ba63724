// Owns: 我的任务 (duties per unit) — for one organization and one year, the tasks of the plans in
// force that name it, the organization's own events linked to each, and which are still empty.
// Does not own: plan progress for everyone (plans.service.ts), nor which units a task names (the importer).
import { In, type EntityManager } from 'typeorm';
import { toCstIso, type DutyEventView, type DutyTaskView, type OrganizationDutiesView } from '@kepu/shared';
import type { AuthUser } from '../../core/actor';
import { notFound } from '../../core/errors';
import { EventEntity, EventPlanTaskEntity } from '../../db/entities/event.entity';
import { OrganizationEntity } from '../../db/entities/organization.entity';
import { PlanEntity, PlanTaskEntity } from '../../db/entities/plan.entity';
import { assertActsFor } from '../organizations/organizations.access';
import { matchDuty, plansInForce } from './duties.rules';

/** Plans of other places an organization can be named in: they write the place out (唐山市科协). */
const WIDER_LEVELS = ['national', 'province'];

/** Links are read for this many events at a time, well under SQLite's bound-parameter limit. */
const CHUNK = 500;

/**
 * The organization's duties in `year`: for each plan in force (its city's, and national or
 * provincial ones naming it), the tasks it leads or supports and those shared by every member
 * unit (各成员单位), each with the organization's events linked to it that start in the year.
 * A task is idle while none of them is published.
 */
export async function getOrganizationDuties(manager: EntityManager, user: AuthUser, organizationId: string, year: number): Promise<OrganizationDutiesView> {
  assertActsFor(user, organizationId);
  const organization = await manager.getRepository(OrganizationEntity).findOneBy({ id: organizationId });
  if (!organization) throw notFound('organization');

  const candidates = await manager
    .getRepository(PlanEntity)
    .createQueryBuilder('p')
    .select(['p.id', 'p.city', 'p.year', 'p.title', 'p.level', 'p.periodFrom', 'p.periodTo'])
    .where('p.city = :city', { city: organization.city })
    .orWhere('p.level IN (:...levels)', { levels: WIDER_LEVELS })
    .getMany();
  const inForce = plansInForce(candidates, year);
  const planIds = inForce.map(({ plan }) => plan.id);
  const tasks = planIds.length ? await manager.getRepository(PlanTaskEntity).find({ where: { planId: In(planIds) }, order: { ordinal: 'ASC' } }) : [];

  const events = await eventsByTask(manager, organization.id, planIds, year);
  const plans = inForce.map(({ plan, carriedOver }) => {
    const duties: DutyTaskView[] = [];
    for (const task of tasks) {
      if (task.planId !== plan.id) continue;
      const match = matchDuty(task.responsibleUnits, organization, plan.city);
      if (!match) continue;
      const linked = events.get(`${plan.id}:${task.ordinal}`) ?? [];
      duties.push({
        number: task.number,
        ordinal: task.ordinal,
        title: task.title,
        section: task.sectionPath[task.sectionPath.length - 1] ?? '',
        ...match,
        events: linked,
        idle: !linked.some((e) => e.status === 'published'),
      });
    }
    return {
      id: plan.id,
      title: plan.title,
      city: plan.city,
      year: plan.year,
      level: plan.level,
      period: plan.periodFrom !== null && plan.periodTo !== null ? { from: plan.periodFrom, to: plan.periodTo } : null,
      carriedOver,
      tasks: duties,
    };
  });
  return {
    organization: { id: organization.id, name: organization.name, city: organization.city },
    year,
    // A plan of another place is listed only when it names the organization.
    // Its own city's plans first; a plan of another place only when it names the organization.
    plans: [...plans.filter((p) => p.city === organization.city), ...plans.filter((p) => p.city !== organization.city && p.tasks.length > 0)],
  };
}

/** The organization's events starting in `year` linked to tasks of these plans, by `planId:ordinal` (the task's position), soonest first. */
async function eventsByTask(manager: EntityManager, organizerId: string, planIds: string[], year: number): Promise<Map<string, DutyEventView[]>> {
  const byTask = new Map<string, DutyEventView[]>();
  if (planIds.length === 0) return byTask;
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const events = await manager
    .getRepository(EventEntity)
    .createQueryBuilder('e')
    .select(['e.id', 'e.title', 'e.startsAt', 'e.status'])
    .where('e.organizerId = :organizerId', { organizerId })
    .andWhere('e.startsAt >= :from AND e.startsAt < :to', { from, to })
    .andWhere('e.id IN (SELECT l.eventId FROM event_plan_tasks l WHERE l.planId IN (:...planIds))', { planIds })
    .orderBy('e.startsAt', 'ASC')
    .addOrderBy('e.id', 'ASC')
    .getMany();
  const links: EventPlanTaskEntity[] = [];
  for (let i = 0; i < events.length; i += CHUNK) {
    const ids = events.slice(i, i + CHUNK).map((e) => e.id);
    links.push(
      ...(await manager
        .getRepository(EventPlanTaskEntity)
        .find({ select: { eventId: true, planId: true, taskOrdinal: true }, where: { eventId: In(ids), planId: In(planIds) } })),
    );
  }
  const tasksOf = new Map<string, string[]>();
  for (const link of links) tasksOf.set(link.eventId, [...(tasksOf.get(link.eventId) ?? []), `${link.planId}:${link.taskOrdinal}`]);
  for (const event of events) {
    const view: DutyEventView = { id: event.id, title: event.title, startsAt: toCstIso(event.startsAt), status: event.status };
    for (const key of tasksOf.get(event.id) ?? []) byTask.set(key, [...(byTask.get(key) ?? []), view]);
  }
  return byTask;
}
