// Reads plans, their tasks and how far each task has been carried out.
// Writing plans is the plan-import module's job.
import type { EntityManager } from 'typeorm';
import { type CityView, type PlanProgressView, type PlanSummaryView, type PlanView, type ProgressTally } from '@kepu/shared';
import { campaignOccurrence } from '../../campaigns';
import { storedCampaignDates, withStoredDates } from '../campaigns/campaign-dates';
import { sumHours } from '../volunteers/hours';
import { needsVolunteers } from './volunteer-need';
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
        volunteerNeed: needsVolunteers(t),
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

// Progress reads only the plan's links, which carry their event's status and tallies
// (kept by triggers, 1765000000000-ProgressCounters): cancelled events don't count,
// hours are summed in cents so no float drift builds up.
// - Per task: one GROUP BY over ix_event_plan_tasks_progress (planId, taskNumber, status,
//   tallies), read from the index alone.
// - Events carrying out several of the plan's tasks: found by walking the plan's links
//   in event order (ix_event_plan_tasks_plan_event, no sort), then their links by the same
//   index, which carries the copies too. CROSS JOIN makes SQLite keep that join order
//   (its planner would otherwise scan the plan's links again); MariaDB reads it as JOIN.
//   A unit naming several tasks of such an event must count it once, so these events
//   make task sets of their own; every other event sits in the set of its one task.
const PROGRESS_BY_TASK = `
SELECT l.taskNumber AS task, COUNT(*) AS events, SUM(CASE WHEN l.eventStatus = 'published' THEN 1 ELSE 0 END) AS published,
       SUM(l.confirmedSignupCount) AS signups, SUM(l.checkedInCount) AS checkins, SUM(l.volunteerCents) AS cents
FROM event_plan_tasks l
WHERE l.planId = ? AND l.eventStatus <> 'cancelled'
GROUP BY l.taskNumber`;

// MariaDB would group the links through ix_event_plan_tasks_progress (it holds the key
// too) with a temporary table and a sort, ~0.5 s at 100,000: the hint names the ordered index.
const byEventOrder = { mysql: 'FORCE INDEX (ix_event_plan_tasks_plan_event)', sqlite: 'INDEXED BY ix_event_plan_tasks_plan_event' };
const linksOfMultiTaskEvents = (hint: string) => `
SELECT l.eventId AS eventId, l.taskNumber AS task, l.eventStatus AS status,
       l.confirmedSignupCount AS signups, l.checkedInCount AS checkins, l.volunteerCents AS cents
FROM (SELECT m.eventId FROM event_plan_tasks m ${hint} WHERE m.planId = ? GROUP BY m.eventId HAVING COUNT(*) > 1) multi
CROSS JOIN event_plan_tasks l ON l.eventId = multi.eventId AND l.planId = ?
WHERE l.eventStatus <> 'cancelled'`;

/** Tallies in whole numbers (hours in cents) while they are added and taken away. */
interface CentTally {
  events: number;
  published: number;
  signups: number;
  checkins: number;
  cents: number;
}

function addTally(into: CentTally, from: CentTally, sign: 1 | -1): void {
  into.events += sign * from.events;
  into.published += sign * from.published;
  into.signups += sign * from.signups;
  into.checkins += sign * from.checkins;
  into.cents += sign * from.cents;
}

async function progressByTaskSet(manager: EntityManager, planId: string): Promise<TaskSetTally[]> {
  type Row = Record<'events' | 'published' | 'signups' | 'checkins' | 'cents' | 'task', unknown>;
  const hint = manager.connection.driver.options.type === 'mysql' ? byEventOrder.mysql : byEventOrder.sqlite;
  // Both at once (two pooled connections on MariaDB). A write between them cannot skew a
  // task's sums, which come from the first alone; a unit's may be off by that write until the next read.
  const [perTask, multiLinks]: [Row[], (Omit<Row, 'events' | 'published'> & { eventId: string; status: string })[]] = await Promise.all([
    manager.query(PROGRESS_BY_TASK, [planId]),
    manager.query(linksOfMultiTaskEvents(hint), [planId, planId]),
  ]);

  // Each multi-task event once, with its tasks; every link of it carries the same tallies.
  const multi = new Map<string, { tasks: number[]; tally: CentTally }>();
  for (const link of multiLinks) {
    const entry = multi.get(link.eventId) ?? {
      tasks: [],
      tally: {
        events: 1,
        published: link.status === 'published' ? 1 : 0,
        signups: Number(link.signups),
        checkins: Number(link.checkins),
        cents: Number(link.cents),
      },
    };
    entry.tasks.push(Number(link.task));
    multi.set(link.eventId, entry);
  }
  const sets = new Map<string, { tasks: number[]; tally: CentTally }>();
  for (const row of perTask) {
    const tally = {
      events: Number(row.events),
      published: Number(row.published ?? 0),
      signups: Number(row.signups ?? 0),
      checkins: Number(row.checkins ?? 0),
      cents: Number(row.cents ?? 0),
    };
    sets.set(String(Number(row.task)), { tasks: [Number(row.task)], tally });
  }
  for (const { tasks, tally } of multi.values()) {
    // Taken out of each of its tasks' sums (which leaves the single-task events there), counted in its own set.
    for (const task of tasks) addTally(sets.get(String(task))!.tally, tally, -1);
    const key = [...tasks].sort((a, b) => a - b).join(',');
    const set = sets.get(key) ?? { tasks, tally: { events: 0, published: 0, signups: 0, checkins: 0, cents: 0 } };
    addTally(set.tally, tally, 1);
    sets.set(key, set);
  }
  return [...sets.values()].map(({ tasks, tally }) => ({
    tasks: new Set(tasks),
    events: tally.events,
    published: tally.published,
    signups: tally.signups,
    checkins: tally.checkins,
    volunteerHours: tally.cents / 100,
  }));
}

/** How far each task and each responsible unit has got: events linked, sign-ups, check-ins. */
export async function getPlanProgress(manager: EntityManager, id: string): Promise<PlanProgressView> {
  const [plan, planTasks, sets] = await Promise.all([
    manager.getRepository(PlanEntity).findOneBy({ id }),
    manager.getRepository(PlanTaskEntity).findBy({ planId: id }),
    progressByTaskSet(manager, id),
  ]);
  if (!plan) throw notFound('plan');
  const tasks = planTasks.sort((a, b) => a.ordinal - b.ordinal);

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
