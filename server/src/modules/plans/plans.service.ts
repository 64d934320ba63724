// Reads plans and their tasks (how far each has been carried out: progress.service.ts).
// Writing plans is the plan-import module's job.
import type { EntityManager } from 'typeorm';
import { type CityView, type PlanSummaryView, type PlanView } from '@kepu/shared';
import { campaignOccurrence } from '../../campaigns';
import { storedCampaignDates, withStoredDates } from '../campaigns/campaign-dates';
import { nearestVenueKmByCity } from '../events/event-list';
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
        ordinal: t.ordinal,
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

/** Cities with plans or published events, by name; with `near` (lat,lng), nearest first with `distanceKm`. */
export async function listCities(manager: EntityManager, near: string | undefined, now: Date): Promise<CityView[]> {
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
  const byName = [...cities.values()].sort((a, b) => a.city.localeCompare(b.city, 'zh-CN'));
  if (!near) return byName;
  // Nearest first; cities with nothing upcoming at a known place keep their order, after them.
  const [lat, lng] = near.split(',').map(Number) as [number, number];
  const km = await nearestVenueKmByCity(manager, lat, lng, now);
  const order = (entry: CityView) => entry.distanceKm ?? Number.MAX_VALUE;
  return byName.map((entry) => ({ ...entry, distanceKm: km.get(entry.city) ?? null })).sort((a, b) => order(a) - order(b));
}

// Progress: progress.service.ts.
export { getPlanProgress } from './progress.service';
