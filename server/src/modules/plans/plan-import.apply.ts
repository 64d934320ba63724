// The plan import's database step: stores a plan the pure importer parsed, its organizations
// and the campaign events it implies. Idempotent: the same text changes
// nothing; an edited text updates the plan and its events in place.
import { createHash, randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { cstEndOfDay, cstStartOfDay, type PlanImportView, type PlanView } from '@kepu/shared';
import { type DerivedEvent, type FiledPlan } from '../../importer/types';
import { COLLECTIVE_UNIT } from '../../importer/vocabulary';
import { EventEntity, EventPlanTaskEntity } from '../../db/entities/event.entity';
import { newEventRow } from '../events/event.row';
import { OrganizationEntity } from '../../db/entities/organization.entity';
import { PlanEntity, PlanTaskEntity } from '../../db/entities/plan.entity';
import { toPlanView } from './plans.service';

/** The route's answer (shared's PlanImportView) and whether anything was written, for the CLI. */
export interface ImportResult extends PlanImportView {
  changed: boolean;
}

export function fingerprint(plan: FiledPlan, derived: DerivedEvent[]): string {
  return createHash('sha256').update(JSON.stringify({ plan, derived })).digest('hex');
}

async function ensureOrganization(manager: EntityManager, city: string, name: string, kind: string, now: Date): Promise<OrganizationEntity> {
  const repo = manager.getRepository(OrganizationEntity);
  const existing = await repo.findOneBy({ city, name });
  if (existing) return existing;
  const organization = repo.create({ id: randomUUID(), city, name, kind, trusted: false, createdAt: now });
  await repo.insert(organization);
  return organization;
}

/** The view of a plan before it is stored (dry runs): no ids yet. */
export function previewPlanView(parsed: FiledPlan): PlanView {
  return {
    id: '', city: parsed.city, year: parsed.year, title: parsed.title, issuer: parsed.issuer, issuedOn: parsed.issuedOn,
    taskCount: parsed.tasks.length, documentNumber: parsed.documentNumber, sections: parsed.sections,
    tasks: parsed.tasks.map((t) => ({ ...t, responsibleUnits: t.responsibleUnits.map(({ name }) => ({ name, organizationId: null })) })),
  };
}

export async function applyImport(manager: EntityManager, parsed: FiledPlan, derived: DerivedEvent[], now: Date): Promise<ImportResult> {
  const plans = manager.getRepository(PlanEntity);
  const hash = fingerprint(parsed, derived);
  const existing = await plans.findOneBy({ city: parsed.city, year: parsed.year });

  if (existing && existing.textHash === hash) {
    const tasks = await manager.getRepository(PlanTaskEntity).findBy({ planId: existing.id });
    const events = await manager.getRepository(EventEntity).findBy({ derivedKey: In(derived.map((d) => `${existing.id}:${d.campaignCode}`)) });
    const idOf = new Map(events.map((e) => [e.derivedKey, e.id]));
    return {
      plan: toPlanView(existing, tasks),
      derivedEvents: derived.map((d) => ({ ...d, eventId: idOf.get(`${existing.id}:${d.campaignCode}`) ?? null, published: idOf.has(`${existing.id}:${d.campaignCode}`) })),
      created: false,
      changed: false,
    };
  }

  // Organizations: the issuer and every named responsible unit of the city.
  const orgByName = new Map<string, OrganizationEntity>();
  if (parsed.issuer) orgByName.set(parsed.issuer, await ensureOrganization(manager, parsed.city, parsed.issuer, 'issuer', now));
  for (const task of parsed.tasks) {
    for (const { name: unit } of task.responsibleUnits) {
      if (!orgByName.has(unit)) orgByName.set(unit, await ensureOrganization(manager, parsed.city, unit, COLLECTIVE_UNIT.test(unit) ? 'collective' : 'unit', now));
    }
  }

  const plan = existing ?? plans.create({ id: randomUUID(), city: parsed.city, year: parsed.year, createdAt: now });
  Object.assign(plan, {
    title: parsed.title, issuer: parsed.issuer, issuedOn: parsed.issuedOn, documentNumber: parsed.documentNumber,
    textHash: hash, sections: parsed.sections, taskCount: parsed.tasks.length, updatedAt: now,
  });
  await plans.save(plan);

  const taskRepo = manager.getRepository(PlanTaskEntity);
  await taskRepo.delete({ planId: plan.id });
  const taskRows = parsed.tasks.map((t) => taskRepo.create({
    id: randomUUID(), planId: plan.id, number: t.number, title: t.title.slice(0, 200), text: t.text, sectionPath: t.sectionPath,
    responsibleUnits: t.responsibleUnits.map(({ name }) => ({ name, organizationId: orgByName.get(name)?.id ?? null })),
    audiences: t.audiences, themes: t.themes, campaigns: t.campaigns,
  }));
  // Chunked so a long plan stays under SQLite's bound-parameter limit.
  for (let i = 0; i < taskRows.length; i += 50) await taskRepo.insert(taskRows.slice(i, i + 50));

  const derivedResults: ImportResult['derivedEvents'] = [];
  const keptKeys: string[] = [];
  for (const d of derived) {
    const key = `${plan.id}:${d.campaignCode}`;
    if (!d.startsOn || !d.endsOn) {
      derivedResults.push({ ...d, eventId: null, published: false });
      continue;
    }
    keptKeys.push(key);
    const organizer = orgByName.get(d.organizerName) ?? (await ensureOrganization(manager, parsed.city, d.organizerName, 'unit', now));
    const event = await upsertCampaignEvent(manager, key, d, organizer.id, now);
    await manager.getRepository(EventPlanTaskEntity).delete({ eventId: event.id, planId: plan.id });
    if (d.taskNumbers.length) {
      await manager.getRepository(EventPlanTaskEntity).insert(d.taskNumbers.map((n) => ({ eventId: event.id, planId: plan.id, taskNumber: n })));
    }
    derivedResults.push({ ...d, eventId: event.id, published: true });
  }
  // A campaign the edited plan no longer names: its event is withdrawn, not deleted.
  const stale = await manager.getRepository(EventEntity).createQueryBuilder('e')
    .where('e.derivedKey LIKE :prefix', { prefix: `${plan.id}:%` })
    .andWhere(keptKeys.length ? 'e.derivedKey NOT IN (:...kept)' : '1=1', { kept: keptKeys })
    .andWhere('e.status != :cancelled', { cancelled: 'cancelled' })
    .getMany();
  for (const event of stale) {
    await manager.getRepository(EventEntity).update({ id: event.id }, { status: 'cancelled', cancelReason: '工作要点修订后不再包含该主题活动', updatedAt: now });
  }

  return { plan: toPlanView(plan, taskRows), derivedEvents: derivedResults, created: !existing, changed: true };
}

async function upsertCampaignEvent(manager: EntityManager, key: string, d: DerivedEvent, organizerId: string, now: Date): Promise<EventEntity> {
  const repo = manager.getRepository(EventEntity);
  const existing = await repo.findOneBy({ derivedKey: key });
  const fields = {
    title: d.title.slice(0, 80), description: d.description, campaignCode: d.campaignCode, organizerId, city: d.city,
    audiences: d.audiences, themes: d.themes, startsAt: cstStartOfDay(d.startsOn!), endsAt: cstEndOfDay(d.endsOn!),
    status: 'published' as const, cancelReason: null, updatedAt: now,
  };
  if (existing) {
    Object.assign(existing, fields, { publishedAt: existing.publishedAt ?? now });
    return repo.save(existing);
  }
  const event = newEventRow({
    kind: 'campaign', source: 'plan', derivedKey: key, venueName: `${d.city}全市`, ...fields,
    // A campaign is a period that activities belong to, not something to book a seat for.
    capacity: 0,
  }, now);
  await repo.insert(event);
  return event;
}

