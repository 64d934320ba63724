// Reads plans, their tasks and how far each task has been carried out.
// Writing plans is the plan-import module's job.
import type { EntityManager } from 'typeorm';
import { type CityView, type PlanProgressView, type PlanSummaryView, type PlanView, type ProgressTally } from '@kepu/shared';
import { campaignOccurrence } from '../../campaigns';
import { storedCampaignDates, withStoredDates } from '../campaigns/campaign-dates';
import { sumHours } from '../volunteers/hours';
import { notFound } from '../../core/errors';
import { EventEntity } from '../../db/entities/event.entity';
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

/** Tallies of the events that carry out exactly one set of a plan's tasks. */
interface TaskSetTally extends ProgressTally {
  tasks: Set<number>;
}

// One row per distinct set of task numbers the plan's events carry out (as many rows as
// there are task combinations, not events): each event sits in exactly one set, so a
// unit naming several of its tasks still counts it once. Cancelled events don't count.
// The inner GROUP BY walks the plan's links in event order (ix_event_plan_tasks_plan_event)
// and reads each event by its primary key: sign-ups, check-ins and certified hours (in
// cents, so no float drift builds up) are tallies on the event row that triggers keep
// (1765000000000-ProgressCounters), so no sign-up or application row is read here.
const PROGRESS_BY_TASK_SET = `
SELECT per_event.tasks AS tasks, COUNT(*) AS events, SUM(per_event.published) AS published,
       SUM(per_event.signups) AS signups, SUM(per_event.checkins) AS checkins, SUM(per_event.cents) AS cents
FROM (
  SELECT GROUP_CONCAT(l.taskNumber) AS tasks,
         MAX(CASE WHEN e.status = 'published' THEN 1 ELSE 0 END) AS published,
         MAX(e.confirmedSignupCount) AS signups,
         MAX(e.checkedInCount) AS checkins,
         MAX(e.volunteerCents) AS cents
  FROM event_plan_tasks l
  JOIN events e ON e.id = l.eventId
  WHERE l.planId = ? AND e.status <> 'cancelled'
  GROUP BY l.eventId
) per_event
GROUP BY per_event.tasks`;

async function progressByTaskSet(manager: EntityManager, planId: string): Promise<TaskSetTally[]> {
  const rows: { tasks: string | Buffer; events: unknown; published: unknown; signups: unknown; checkins: unknown; cents: unknown }[] = await manager.query(
    PROGRESS_BY_TASK_SET,
    [planId],
  );
  return rows.map((row) => ({
    tasks: new Set(String(row.tasks).split(',').map(Number)),
    events: Number(row.events),
    published: Number(row.published ?? 0),
    signups: Number(row.signups ?? 0),
    checkins: Number(row.checkins ?? 0),
    volunteerHours: Number(row.cents ?? 0) / 100,
  }));
}

/** How far each task and each responsible unit has got: events linked, sign-ups, check-ins. */
export async function getPlanProgress(manager: EntityManager, id: string): Promise<PlanProgressView> {
  const plan = await manager.getRepository(PlanEntity).findOneBy({ id });
  if (!plan) throw notFound('plan');
  const tasks = (await manager.getRepository(PlanTaskEntity).findBy({ planId: id })).sort((a, b) => a.ordinal - b.ordinal);
  const sets = await progressByTaskSet(manager, id);

  // Each event sits in exactly one task set, so summing the sets that meet a group of tasks counts every event once.
  const tallyTasks = (numbers: number[]): ProgressTally => {
    const tally: ProgressTally = { events: 0, published: 0, signups: 0, checkins: 0, volunteerHours: 0 };
    for (const set of sets) {
      if (!numbers.some((n) => set.tasks.has(n))) continue;
      tally.events += set.events;
      tally.published += set.published;
      tally.signups += set.signups;
      tally.checkins += set.checkins;
      tally.volunteerHours = sumHours([tally.volunteerHours, set.volunteerHours]);
    }
    return tally;
  };

  const taskViews = tasks.map((task) => {
    const tally = tallyTasks([task.number]);
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
  const units = [...unitTasks.entries()].map(([name, entry]) => ({
    name,
    organizationId: entry.organizationId,
    tasks: entry.tasks,
    ...tallyTasks(entry.tasks),
  }));
  return { tasks: taskViews, units, idleTasks: taskViews.filter((t) => t.idle).map((t) => t.number) };
}
