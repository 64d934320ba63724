// Reads plans, their tasks and how far each task has been carried out.
// Writing plans is the plan-import module's job.
import { In, type EntityManager } from 'typeorm';
import { type CityView, type PlanProgressView, type PlanSummaryView, type PlanView, type ProgressTally } from '@kepu/shared';
import { campaignOccurrence } from '../../campaigns';
import { storedCampaignDates, withStoredDates } from '../campaigns/campaign-dates';
import { sumHours } from '../volunteers/hours';
import { notFound } from '../../core/errors';
import { EventEntity, EventPlanTaskEntity } from '../../db/entities/event.entity';
import { SignupEntity } from '../../db/entities/signup.entity';
import { ShiftApplicationEntity } from '../../db/entities/volunteer.entities';
import { PlanEntity, PlanTaskEntity } from '../../db/entities/plan.entity';

export function toPlanSummary(plan: PlanEntity): PlanSummaryView {
  return { id: plan.id, city: plan.city, year: plan.year, title: plan.title, issuer: plan.issuer, issuedOn: plan.issuedOn, taskCount: plan.taskCount };
}

type PendingCampaign = PlanView['campaignsPending'][number];

/** Tasks in document order: a task's place in `tasks[]` is its ordinal (what PATCH /plans/:id takes when numbers repeat). */
export function toPlanView(plan: PlanEntity, tasks: PlanTaskEntity[], campaignsPending: PendingCampaign[]): PlanView {
  return {
    ...toPlanSummary(plan),
    documentNumber: plan.documentNumber,
    place: plan.place,
    level: plan.level,
    kind: plan.kind,
    period: plan.periodFrom !== null && plan.periodTo !== null ? { from: plan.periodFrom, to: plan.periodTo } : null,
    script: plan.script,
    sections: plan.sections,
    tasks: [...tasks]
      .sort((a, b) => a.ordinal - b.ordinal)
      .map((t) => ({
        number: t.number,
        title: t.title,
        text: t.text,
        sectionPath: t.sectionPath,
        responsibleUnits: t.responsibleUnits.map((u) => ({
          name: u.name,
          organizationId: u.organizationId,
          role: u.role ?? null,
          inherited: u.inherited ?? false,
        })),
        audiences: t.audiences,
        themes: t.themes,
        campaigns: t.campaigns,
      })),
    campaignsPending,
  };
}

/** Campaigns the tasks name whose dates for the year neither the catalogue nor an admin knows (日期待定). */
export async function pendingCampaigns(
  manager: EntityManager,
  year: number | null,
  tasks: { campaigns: { code: string; name: string }[] }[],
): Promise<PendingCampaign[]> {
  if (year === null) return [];
  const stored = await storedCampaignDates(manager, year);
  const named = new Map<string, string>();
  for (const task of tasks) for (const { code, name } of task.campaigns) if (!named.has(code)) named.set(code, name);
  return [...named].flatMap(([code, name]) => {
    const occurrence = withStoredDates(campaignOccurrence(code, year), stored);
    return occurrence?.startsOn ? [] : [{ code, name: occurrence?.name ?? name }];
  });
}

export async function listPlans(manager: EntityManager, city?: string): Promise<PlanSummaryView[]> {
  const plans = await manager.getRepository(PlanEntity).find({ where: city ? { city } : {}, order: { year: 'DESC', city: 'ASC' } });
  return plans.map(toPlanSummary);
}

export async function getPlan(manager: EntityManager, id: string): Promise<PlanView> {
  const plan = await manager.getRepository(PlanEntity).findOneBy({ id });
  if (!plan) throw notFound('plan');
  const tasks = await manager.getRepository(PlanTaskEntity).findBy({ planId: id });
  return toPlanView(plan, tasks, await pendingCampaigns(manager, plan.year, tasks));
}

export async function listCities(manager: EntityManager): Promise<CityView[]> {
  const planRows: { city: string; n: string | number }[] = await manager
    .getRepository(PlanEntity)
    .createQueryBuilder('p')
    .select('p.city', 'city')
    .addSelect('COUNT(*)', 'n')
    .groupBy('p.city')
    .getRawMany();
  const eventRows: { city: string; n: string | number }[] = await manager
    .getRepository(EventEntity)
    .createQueryBuilder('e')
    .select('e.city', 'city')
    .addSelect('COUNT(*)', 'n')
    .where('e.status = :s', { s: 'published' })
    .groupBy('e.city')
    .getRawMany();
  const cities = new Map<string, CityView>();
  for (const row of planRows) cities.set(row.city, { city: row.city, plans: Number(row.n), events: 0 });
  for (const row of eventRows) {
    const entry = cities.get(row.city) ?? { city: row.city, plans: 0, events: 0 };
    entry.events = Number(row.n);
    cities.set(row.city, entry);
  }
  return [...cities.values()].sort((a, b) => a.city.localeCompare(b.city, 'zh-CN'));
}

/** How far each task and each responsible unit has got: events linked, sign-ups, check-ins. */
export async function getPlanProgress(manager: EntityManager, id: string): Promise<PlanProgressView> {
  const plan = await manager.getRepository(PlanEntity).findOneBy({ id });
  if (!plan) throw notFound('plan');
  const tasks = (await manager.getRepository(PlanTaskEntity).findBy({ planId: id })).sort((a, b) => a.ordinal - b.ordinal);
  const links = await manager.getRepository(EventPlanTaskEntity).findBy({ planId: id });
  const eventIds = [...new Set(links.map((l) => l.eventId))];
  const events = eventIds.length ? await manager.getRepository(EventEntity).find({ where: { id: In(eventIds) }, select: { id: true, status: true } }) : [];
  const statusOf = new Map(events.map((e) => [e.id, e.status]));
  const stats: { eventId: string; signups: string | number; checkins: string | number }[] = eventIds.length
    ? await manager
        .getRepository(SignupEntity)
        .createQueryBuilder('s')
        .select('s.eventId', 'eventId')
        .addSelect("SUM(CASE WHEN s.status = 'confirmed' THEN 1 ELSE 0 END)", 'signups')
        .addSelect('SUM(CASE WHEN s.checkedInAt IS NOT NULL THEN 1 ELSE 0 END)', 'checkins')
        .where('s.eventId IN (:...ids)', { ids: eventIds })
        .groupBy('s.eventId')
        .getRawMany()
    : [];
  const statsOf = new Map(stats.map((s) => [s.eventId, { signups: Number(s.signups), checkins: Number(s.checkins) }]));
  // Certified volunteer hours per event (completed applications only).
  const hours: { eventId: string; hours: string | number | null }[] = eventIds.length
    ? await manager
        .getRepository(ShiftApplicationEntity)
        .createQueryBuilder('a')
        .select('a.eventId', 'eventId')
        .addSelect('SUM(a.hours)', 'hours')
        .where('a.eventId IN (:...ids)', { ids: eventIds })
        .andWhere('a.status = :completed', { completed: 'completed' })
        .groupBy('a.eventId')
        .getRawMany()
    : [];
  const hoursOf = new Map(hours.map((h) => [h.eventId, Number(h.hours ?? 0)]));

  const tallyEvents = (ids: Set<string>): ProgressTally => {
    const tally: ProgressTally = { events: 0, published: 0, signups: 0, checkins: 0, volunteerHours: 0 };
    for (const eventId of ids) {
      const status = statusOf.get(eventId);
      if (!status || status === 'cancelled') continue;
      tally.events += 1;
      if (status === 'published') tally.published += 1;
      tally.signups += statsOf.get(eventId)?.signups ?? 0;
      tally.checkins += statsOf.get(eventId)?.checkins ?? 0;
      tally.volunteerHours = sumHours([tally.volunteerHours, hoursOf.get(eventId) ?? 0]);
    }
    return tally;
  };
  const eventsOfTask = (n: number) => new Set(links.filter((l) => l.taskNumber === n).map((l) => l.eventId));

  const taskViews = tasks.map((task) => {
    const tally = tallyEvents(eventsOfTask(task.number));
    return { number: task.number, title: task.title, ...tally, idle: tally.published === 0 };
  });

  const unitTasks = new Map<string, { organizationId: string | null; tasks: number[] }>();
  for (const task of tasks) {
    for (const unit of task.responsibleUnits) {
      const entry = unitTasks.get(unit.name) ?? { organizationId: unit.organizationId, tasks: [] };
      entry.tasks.push(task.number);
      unitTasks.set(unit.name, entry);
    }
  }
  const units = [...unitTasks.entries()].map(([name, entry]) => {
    const ids = new Set(entry.tasks.flatMap((n) => [...eventsOfTask(n)]));
    return { name, organizationId: entry.organizationId, tasks: entry.tasks, ...tallyEvents(ids) };
  });
  return { tasks: taskViews, units, idleTasks: taskViews.filter((t) => t.idle).map((t) => t.number) };
}
