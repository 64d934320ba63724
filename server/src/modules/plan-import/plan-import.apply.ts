// The plan import's database step: stores a plan the pure importer parsed (with the admin's
// corrections over it), its organizations and the campaign events it implies. Idempotent: the
// same text changes nothing; an edited text updates the plan in place and says what changed:
// events linked to a task that changed or disappeared are flagged to their organizers, events of
// a campaign the plan no longer names are cancelled as an organizer would cancel them.
import { createHash, randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { cstEndOfDay, cstStartOfDay, type PlanImportView, type PlanView } from '@kepu/shared';
import type { AuthUser } from '../../core/actor';
import { canonicalUnitName } from '../../importer';
import { type DerivedEvent, type FiledPlan, type ParsedPlan } from '../../importer/types';
import { COLLECTIVE_UNIT } from '../../importer/vocabulary';
import { EventEntity, EventPlanTaskEntity } from '../../db/entities/event.entity';
import { newEventRow } from '../events/event.row';
import { canCancel } from '../events/events.rules';
import { cancelEvent } from '../events/events.service';
import { enqueueNotificationOnce } from '../notifications/notifications.service';
import { MembershipEntity, OrganizationEntity } from '../../db/entities/organization.entity';
import { PlanEntity, PlanTaskEntity, type PlanCorrections } from '../../db/entities/plan.entity';
import { pendingCampaigns, toPlanView } from '../plans/plans.service';
import { needsVolunteers } from '../plans/volunteer-need';
import { compareTasks, followTasks } from './task-changes';

type Changes = NonNullable<PlanImportView['changes']>;

/** The route's answer (shared's PlanImportView, with the plan as stored) and whether anything was written, for the CLI. */
export interface ImportResult extends Omit<PlanImportView, 'plan'> {
  plan: PlanView;
  changed: boolean;
}

/** Where the document itself (or the import's city/year) files the plan, and what the admin corrected. */
export interface ImportSource {
  text: string;
  originCity: string;
  originYear: number;
  corrections: PlanCorrections | null;
}

/** Who cancels the events of a dropped campaign when no one is signed in (the CLI, start-up seeding). */
const SYSTEM_ACTOR: AuthUser = { id: 'system', nickname: '系统', roles: ['admin'], organizationIds: [] };

const DROPPED_CAMPAIGN_REASON = '工作要点修订后不再包含该主题活动';

/** The plan a document filed before: by where the document itself filed it, else by its current place and year. */
export async function findFiledPlan(
  manager: EntityManager,
  originCity: string,
  originYear: number,
  city = originCity,
  year = originYear,
): Promise<PlanEntity | null> {
  const plans = manager.getRepository(PlanEntity);
  return (await plans.findOneBy({ originCity, originYear })) ?? (await plans.findOneBy({ city, year }));
}

export function fingerprint(plan: FiledPlan, derived: DerivedEvent[]): string {
  return createHash('sha256').update(JSON.stringify({ plan, derived })).digest('hex');
}

const unique = (numbers: number[]) => [...new Set(numbers)].sort((a, b) => a - b);

/** The organizations of a city, one per unit however its name is written. */
async function organizationsOf(manager: EntityManager, city: string, now: Date) {
  const repo = manager.getRepository(OrganizationEntity);
  const byCanonical = new Map((await repo.findBy({ city })).map((o) => [canonicalUnitName(o.name), o]));
  return async (name: string, kind: string): Promise<OrganizationEntity> => {
    const key = canonicalUnitName(name);
    const existing = byCanonical.get(key);
    if (existing) return existing;
    const organization = repo.create({ id: randomUUID(), city, name: name.slice(0, 80), kind, trusted: false, createdAt: now });
    await repo.insert(organization);
    byCanonical.set(key, organization);
    return organization;
  };
}

/** The view of a plan before it is stored (dry runs): no ids yet; city and year null when unread. */
export function previewPlanView(parsed: ParsedPlan, campaignsPending: PlanImportView['plan']['campaignsPending']): PlanImportView['plan'] {
  return {
    id: '',
    city: parsed.city,
    year: parsed.year,
    title: parsed.title,
    issuer: parsed.issuer,
    issuedOn: parsed.issuedOn,
    taskCount: parsed.tasks.length,
    documentNumber: parsed.documentNumber,
    place: parsed.place,
    level: parsed.level,
    kind: parsed.kind,
    period: parsed.period,
    script: parsed.script,
    sections: parsed.sections,
    tasks: parsed.tasks.map((t, index) => ({
      ...t,
      ordinal: index + 1,
      responsibleUnits: t.responsibleUnits.map((u) => ({ ...u, organizationId: null })),
      volunteerNeed: needsVolunteers(t),
    })),
    campaignsPending,
  };
}

export async function applyImport(
  manager: EntityManager,
  actor: AuthUser | null,
  parsed: FiledPlan,
  derived: DerivedEvent[],
  source: ImportSource,
  now: Date,
): Promise<ImportResult> {
  const plans = manager.getRepository(PlanEntity);
  const taskRepo = manager.getRepository(PlanTaskEntity);
  const linkRepo = manager.getRepository(EventPlanTaskEntity);
  const hash = fingerprint(parsed, derived);
  const existing = await findFiledPlan(manager, source.originCity, source.originYear, parsed.city, parsed.year);
  const verdict = { needsReview: parsed.needsReview, warnings: parsed.warnings };

  if (existing && existing.textHash === hash) {
    // Plans stored before v1.1 learn their source text, so corrections can be re-applied to it.
    if (existing.sourceText === null) await plans.update({ id: existing.id }, { sourceText: source.text });
    const tasks = await taskRepo.findBy({ planId: existing.id });
    const events = await manager.getRepository(EventEntity).findBy({ derivedKey: In(derived.map((d) => `${existing.id}:${d.campaignCode}`)) });
    const idOf = new Map(events.map((e) => [e.derivedKey, e.id]));
    return {
      plan: toPlanView(existing, tasks, await pendingCampaigns(manager, existing.year, tasks)),
      derivedEvents: derived.map((d) => ({
        ...d,
        eventId: idOf.get(`${existing.id}:${d.campaignCode}`) ?? null,
        published: idOf.has(`${existing.id}:${d.campaignCode}`),
      })),
      created: false,
      changed: false,
      ...verdict,
      changes: { tasksAdded: [], tasksRemoved: [], tasksChanged: [], eventsAffected: [] },
    };
  }

  // Organizations: the issuer and every named responsible unit of the city, one per unit however written.
  const organization = await organizationsOf(manager, parsed.city, now);
  const orgIdOf = new Map<string, string>();
  if (parsed.issuer) orgIdOf.set(parsed.issuer, (await organization(parsed.issuer, 'issuer')).id);
  for (const task of parsed.tasks) {
    for (const { name: unit } of task.responsibleUnits) {
      if (!orgIdOf.has(unit)) orgIdOf.set(unit, (await organization(unit, COLLECTIVE_UNIT.test(unit) ? 'collective' : 'unit')).id);
    }
  }

  const plan = existing ?? plans.create({ id: randomUUID(), createdAt: now });
  Object.assign(plan, {
    city: parsed.city,
    year: parsed.year,
    title: parsed.title.slice(0, 120),
    issuer: parsed.issuer?.slice(0, 80) ?? null,
    issuedOn: parsed.issuedOn,
    documentNumber: parsed.documentNumber?.slice(0, 40) ?? null,
    place: parsed.place?.slice(0, 80) ?? null,
    level: parsed.level,
    kind: parsed.kind?.slice(0, 40) ?? null,
    periodFrom: parsed.period?.from ?? null,
    periodTo: parsed.period?.to ?? null,
    script: parsed.script,
    needsReview: parsed.needsReview,
    warnings: parsed.warnings,
    corrections: source.corrections,
    sourceText: source.text,
    originCity: source.originCity,
    originYear: source.originYear,
    textHash: hash,
    sections: parsed.sections,
    taskCount: parsed.tasks.length,
    updatedAt: now,
  });
  await plans.save(plan);

  // What changed since the stored plan, task by task.
  const oldTasks = existing ? (await taskRepo.findBy({ planId: plan.id })).sort((a, b) => a.ordinal - b.ordinal) : [];
  const { added, removed, changed: changedTasks } = compareTasks(oldTasks, parsed.tasks);
  const tasksAdded = added.map((t) => t.number);

  await taskRepo.delete({ planId: plan.id });
  const taskRows = parsed.tasks.map((t, index) =>
    taskRepo.create({
      id: randomUUID(),
      planId: plan.id,
      ordinal: index + 1,
      number: t.number,
      title: t.title.slice(0, 200),
      text: t.text,
      sectionPath: t.sectionPath,
      responsibleUnits: t.responsibleUnits.map(({ name, role, inherited }) => ({ name, organizationId: orgIdOf.get(name) ?? null, role, inherited })),
      audiences: t.audiences,
      themes: t.themes,
      campaigns: t.campaigns,
    }),
  );
  // Chunked so a long plan stays under SQLite's bound-parameter limit. Copies: insert() writes
  // re-read column values back into the objects it is given, and the answer is built from taskRows.
  for (let i = 0; i < taskRows.length; i += 50) await taskRepo.insert(taskRows.slice(i, i + 50).map((row) => ({ ...row })));

  const eventsAffected = new Set<string>();
  if (existing) {
    const followed = followTasks(oldTasks, taskRows);
    const gone = new Set(oldTasks.filter((_, i) => followed[i] === undefined).map((t) => t.ordinal));
    for (const id of await flagLinkedEvents(manager, plan, changedTasks, removed, gone, now)) eventsAffected.add(id);
    await carryLinks(manager, plan.id, oldTasks, taskRows, followed);
  }

  const derivedResults: ImportResult['derivedEvents'] = [];
  const keptKeys: string[] = [];
  for (const d of derived) {
    const key = `${plan.id}:${d.campaignCode}`;
    if (!d.startsOn || !d.endsOn) {
      derivedResults.push({ ...d, eventId: null, published: false });
      continue;
    }
    keptKeys.push(key);
    const organizer = await organization(d.organizerName, 'unit');
    const event = await upsertCampaignEvent(manager, key, d, organizer.id, now);
    await linkRepo.delete({ eventId: event.id, planId: plan.id });
    // The tasks naming the campaign, by position: their written numbers may repeat.
    const tasks = taskRows.filter((t) => t.campaigns.some((c) => c.code === d.campaignCode));
    if (tasks.length) await linkRepo.insert(tasks.map((t) => ({ eventId: event.id, planId: plan.id, taskOrdinal: t.ordinal, taskNumber: t.number })));
    derivedResults.push({ ...d, eventId: event.id, published: true });
  }
  // A campaign the edited plan no longer names: its event is cancelled as its organizer would
  // (sign-ups and volunteers told); one already over is only withdrawn.
  const stale = await staleCampaignEvents(manager, plan.id, keptKeys);
  for (const event of stale) {
    if (canCancel(event, now)) await cancelEvent.within(manager, actor ?? SYSTEM_ACTOR, event.id, { reason: DROPPED_CAMPAIGN_REASON }, now);
    else await manager.getRepository(EventEntity).update({ id: event.id }, { status: 'cancelled', cancelReason: DROPPED_CAMPAIGN_REASON, updatedAt: now });
    eventsAffected.add(event.id);
  }

  const changes: Changes = {
    tasksAdded: unique(tasksAdded),
    tasksRemoved: unique(removed.map((t) => t.number)),
    tasksChanged: unique(changedTasks.map((t) => t.number)),
    eventsAffected: [...eventsAffected].sort(),
  };
  return {
    plan: toPlanView(plan, taskRows, await pendingCampaigns(manager, plan.year, taskRows)),
    derivedEvents: derivedResults,
    created: !existing,
    changed: true,
    ...verdict,
    ...(existing ? { changes } : {}),
  };
}

/** The derived events of a plan whose campaign the new parse no longer carries with dates (still open ones). */
function staleCampaignEvents(manager: EntityManager, planId: string, keptKeys: string[]): Promise<EventEntity[]> {
  return manager
    .getRepository(EventEntity)
    .createQueryBuilder('e')
    .where('e.derivedKey LIKE :prefix', { prefix: `${planId}:%` })
    .andWhere(keptKeys.length ? 'e.derivedKey NOT IN (:...kept)' : '1=1', { kept: keptKeys })
    .andWhere('e.status != :cancelled', { cancelled: 'cancelled' })
    .getMany();
}

const keptCampaignKeys = (planId: string, derived: DerivedEvent[]) => derived.filter((d) => d.startsOn && d.endsOn).map((d) => `${planId}:${d.campaignCode}`);

/** Organizers' events (not plan-derived, not cancelled) linked to any of these stored tasks of the plan, with the links. */
async function eventsLinkedTo(manager: EntityManager, planId: string, touched: { ordinal: number }[]) {
  if (touched.length === 0) return { events: [], links: [] };
  const links = await manager.getRepository(EventPlanTaskEntity).findBy({ planId, taskOrdinal: In(unique(touched.map((t) => t.ordinal))) });
  if (links.length === 0) return { events: [], links };
  const events = await manager.getRepository(EventEntity).findBy({ id: In([...new Set(links.map((l) => l.eventId))]) });
  return { events: events.filter((event) => event.derivedKey === null && event.status !== 'cancelled'), links };
}

/**
 * What importing `parsed` over the stored plan would change, read without writing anything (a dry
 * run): the same task comparison and the same events as applyImport would flag or cancel.
 */
export async function previewChanges(manager: EntityManager, existing: PlanEntity, parsed: FiledPlan, derived: DerivedEvent[]): Promise<Changes> {
  if (existing.textHash === fingerprint(parsed, derived)) return { tasksAdded: [], tasksRemoved: [], tasksChanged: [], eventsAffected: [] };
  const oldTasks = (await manager.getRepository(PlanTaskEntity).findBy({ planId: existing.id })).sort((a, b) => a.ordinal - b.ordinal);
  const { added, removed, changed } = compareTasks(oldTasks, parsed.tasks);
  const { events } = await eventsLinkedTo(manager, existing.id, [...changed, ...removed]);
  const stale = await staleCampaignEvents(manager, existing.id, keptCampaignKeys(existing.id, derived));
  return {
    tasksAdded: unique(added.map((t) => t.number)),
    tasksRemoved: unique(removed.map((t) => t.number)),
    tasksChanged: unique(changed.map((t) => t.number)),
    eventsAffected: [...new Set([...events, ...stale].map((event) => event.id))].sort(),
  };
}

/**
 * Events an organizer linked to a task whose text changed or that disappeared: flagged, and the
 * organization's members told (carryLinks then drops the links to tasks that disappeared).
 * Plan-derived events are re-derived instead.
 */
async function flagLinkedEvents(
  manager: EntityManager,
  plan: PlanEntity,
  changed: PlanTaskEntity[],
  removed: PlanTaskEntity[],
  gone: Set<number>,
  now: Date,
): Promise<string[]> {
  const touched = [...changed, ...removed];
  const { events, links } = await eventsLinkedTo(manager, plan.id, touched);
  if (links.length === 0) return [];
  const flagged: string[] = [];
  for (const event of events) {
    const tasks = touched.filter((t) => links.some((l) => l.eventId === event.id && l.taskOrdinal === t.ordinal));
    await manager.getRepository(EventEntity).update({ id: event.id }, { planTaskChanged: true, updatedAt: now });
    const members = await manager.getRepository(MembershipEntity).findBy({ organizationId: event.organizerId });
    await enqueueNotificationOnce(
      manager,
      members.map((m) => m.userId),
      'event.plan_task_changed',
      {
        eventId: event.id,
        title: event.title,
        planId: plan.id,
        planTitle: plan.title,
        tasks: tasks.map((t) => ({ number: t.number, title: t.title, removed: gone.has(t.ordinal) })),
      },
      now,
    );
    flagged.push(event.id);
  }
  return flagged;
}

/**
 * The plan's links follow their tasks into the new outline (followTasks: an unchanged text
 * wherever it moved, else the same written number and place among the tasks of that number);
 * links to a task that disappeared are dropped rather than left on whatever task takes its
 * place. Links stored with no task (negative positions, migration 1766700000000) are left alone.
 */
async function carryLinks(
  manager: EntityManager,
  planId: string,
  oldTasks: PlanTaskEntity[],
  newTasks: PlanTaskEntity[],
  followed: (number | undefined)[],
): Promise<void> {
  const target = new Map(oldTasks.map((task, i) => [task.ordinal, followed[i] === undefined ? undefined : newTasks[followed[i]!]]));
  const moving = oldTasks.filter((t) => {
    const next = target.get(t.ordinal);
    return !next || next.ordinal !== t.ordinal || next.number !== t.number;
  });
  if (moving.length === 0) return;
  const linkRepo = manager.getRepository(EventPlanTaskEntity);
  const ordinals = moving.map((t) => t.ordinal);
  const links = await linkRepo.find({ where: { planId, taskOrdinal: In(ordinals) }, select: { eventId: true, taskOrdinal: true } });
  await linkRepo.delete({ planId, taskOrdinal: In(ordinals) });
  const carried = links.flatMap((link) => {
    const next = target.get(link.taskOrdinal);
    return next ? [{ eventId: link.eventId, planId, taskOrdinal: next.ordinal, taskNumber: next.number }] : [];
  });
  for (let i = 0; i < carried.length; i += 100) await linkRepo.insert(carried.slice(i, i + 100));
}

async function upsertCampaignEvent(manager: EntityManager, key: string, d: DerivedEvent, organizerId: string, now: Date): Promise<EventEntity> {
  const repo = manager.getRepository(EventEntity);
  const existing = await repo.findOneBy({ derivedKey: key });
  const fields = {
    title: d.title.slice(0, 80),
    description: d.description,
    campaignCode: d.campaignCode,
    organizerId,
    city: d.city,
    audiences: d.audiences,
    themes: d.themes,
    startsAt: cstStartOfDay(d.startsOn!),
    endsAt: cstEndOfDay(d.endsOn!),
    status: 'published' as const,
    cancelReason: null,
    updatedAt: now,
  };
  if (existing) {
    Object.assign(existing, fields, { publishedAt: existing.publishedAt ?? now });
    return repo.save(existing);
  }
  const event = newEventRow(
    {
      kind: 'campaign',
      source: 'plan',
      derivedKey: key,
      venueName: `${d.city}全市`.slice(0, 60),
      ...fields,
      // A campaign is a period that activities belong to, not something to book a seat for.
      capacity: 0,
    },
    now,
  );
  await repo.insert(event);
  return event;
}
