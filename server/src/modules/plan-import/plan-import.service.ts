// The importPlan use case: parse (pure, in a worker thread, outside any transaction), then, in one transaction,
// lay the admin's stored corrections over the parse, derive the campaign events (with the
// campaign dates admins set), store, and audit. Shared by the CLI, the start-up seeding and the
// HTTP route; correcting a plan and setting a campaign's dates re-run it on the stored text.
import type { EntityManager } from 'typeorm';
import type { CorrectPlan, PlanImportView } from '@kepu/shared';
import type { AuthUser } from '../../core/actor';
import { AppError, conflict, notFound, validationFailed } from '../../core/errors';
import { findForUpdate, transactional, type Transactions } from '../../core/transaction';
import { campaignOccurrence, type CampaignOccurrence } from '../../campaigns';
import { deriveCampaignEvents, parsePlan, type PlanOverrides } from '../../importer';
import { parsePlanOffThread } from '../../importer/off-thread';
import type { DerivedEvent, FiledPlan, ParsedPlan } from '../../importer/types';
import { recordAudit } from '../audit/audit.service';
import { CampaignYearEntity } from '../../db/entities/campaign-year.entity';
import { storedCampaignDates } from '../campaigns/campaign-dates';
import { PlanEntity, PlanTaskEntity } from '../../db/entities/plan.entity';
import { getPlan, pendingCampaigns } from '../plans/plans.service';
import { appendCorrections, applyCorrections, resolveCorrections } from './corrections';
import { applyImport, findFiledPlan, previewChanges, previewPlanView, type ImportResult } from './plan-import.apply';

type StoredDates = Map<string, { startsOn: string; endsOn: string }>;

/** The derived events, with the dates admins set where the catalogue knows none. */
export function deriveWithDates(plan: ParsedPlan, stored: StoredDates): DerivedEvent[] {
  return deriveCampaignEvents(plan).map((d) => (d.startsOn ? d : { ...d, ...(stored.get(d.campaignCode) ?? {}) }));
}

/** Saving needs a place and a year: from the text, the body, or a correction. */
function filed(plan: ParsedPlan): FiledPlan {
  const { city, year } = plan;
  if (city === null || year === null) {
    throw new AppError('PLAN_INCOMPLETE', 422, { missing: [...(city === null ? ['city'] : []), ...(year === null ? ['year'] : [])], warnings: plan.warnings });
  }
  return { ...plan, city, year };
}

/** Pure parse and derive (catalogue dates only): the CLI's summary. Throws NotAPlanError (422) for a text with no sign of a plan. */
export function parseAndDerive(text: string | Uint8Array, overrides: PlanOverrides = {}): { parsed: ParsedPlan; derived: DerivedEvent[] } {
  const parsed = parsePlan(text, overrides);
  return { parsed, derived: deriveCampaignEvents(parsed) };
}

/**
 * The same parse as an import, nothing saved: works for a plan whose place or year is unread. On a
 * re-import (a plan this document filed before) the stored corrections are laid over it as the
 * import would, and `changes` says what confirming would do, affected events included.
 */
export async function dryRunImport(manager: EntityManager, text: string, overrides: PlanOverrides = {}): Promise<PlanImportView> {
  const parsed = await parsePlanOffThread(text, overrides);
  const existing = parsed.city !== null && parsed.year !== null ? await findFiledPlan(manager, parsed.city, parsed.year) : null;
  const plan = existing ? applyCorrections(parsed, existing.corrections) : parsed;
  const stored = plan.year === null ? new Map() : await storedCampaignDates(manager, plan.year);
  const derived = deriveWithDates(plan, stored);
  return {
    plan: previewPlanView(plan, await pendingCampaigns(manager, plan.year, plan.tasks)),
    derivedEvents: derived.map((d) => ({ ...d, eventId: null, published: false })),
    created: false,
    changed: false,
    needsReview: plan.needsReview,
    warnings: plan.warnings,
    ...(existing && plan.city !== null && plan.year !== null && { changes: await previewChanges(manager, existing, filed(plan), derived) }),
  };
}

/** Stores a parse: finds the plan the document filed before, lays its corrections over the parse, applies. */
const storeParsedPlan = transactional(
  async (manager: EntityManager, actor: AuthUser | null, text: string, parsed: ParsedPlan, now: Date): Promise<ImportResult> => {
    const origin = filed(parsed);
    const existing = await findFiledPlan(manager, origin.city, origin.year);
    const corrections = existing?.corrections ?? null;
    const corrected = filed(applyCorrections(parsed, corrections));
    const derived = deriveWithDates(corrected, await storedCampaignDates(manager, corrected.year));
    const result = await applyImport(manager, actor, corrected, derived, { text, originCity: origin.city, originYear: origin.year, corrections }, now);
    // Every import someone asks for is audited; a start-up re-import that changed nothing is not.
    if (actor || result.changed) {
      await recordAudit(manager, {
        actorId: actor?.id ?? null,
        action: 'plan.import',
        target: `plan:${result.plan.id}`,
        at: now,
        details: {
          city: corrected.city,
          year: corrected.year,
          created: result.created,
          changed: result.changed,
          needsReview: result.needsReview,
          ...(result.changes && { changes: result.changes }),
        },
      });
    }
    return result;
  },
);

/** Opens its own transaction, but only after parsing: a long text is not parsed under locks. */
export async function importPlan(tx: Transactions, actor: AuthUser | null, text: string, overrides: PlanOverrides, now: Date): Promise<ImportResult> {
  const parsed = await parsePlanOffThread(text, overrides);
  return storeParsedPlan(tx, actor, text, parsed, now);
}

/** The stored plan's text parsed again as it was first filed, for a re-run after a correction or new campaign dates. */
function reparse(plan: PlanEntity): Promise<ParsedPlan> {
  return parsePlanOffThread(plan.sourceText!, { city: plan.originCity ?? plan.city, year: plan.originYear ?? plan.year });
}

/**
 * `PATCH /plans/:id`: the admin's correction, addressed to the outline the admin sees (the stored,
 * corrected plan), stored after the earlier ones as a patch over the parse and applied now.
 */
export const correctPlan = transactional(async (manager: EntityManager, actor: AuthUser, id: string, patch: CorrectPlan, now: Date) => {
  const plan = await findForUpdate(manager, PlanEntity, id);
  if (!plan) throw notFound('plan');
  if (plan.sourceText === null) throw conflict('CONFLICT', { why: 'noSourceText' }, '该计划是旧版本导入的，请先重新导入原文再更正');
  const parsed = await reparse(plan);
  const { tasks: requested, ...header } = patch;
  const { steps, problems } = resolveCorrections(applyCorrections(parsed, plan.corrections), requested ?? []);
  if (problems.length) throw validationFailed(problems);
  plan.corrections = appendCorrections(plan.corrections, header, steps);
  await manager.getRepository(PlanEntity).save(plan);
  await recordAudit(manager, { actorId: actor.id, action: 'plan.correct', target: `plan:${plan.id}`, details: { ...patch }, at: now });
  await storeParsedPlan.within(manager, actor, plan.sourceText, parsed, now);
  return getPlan(manager, plan.id);
});

/**
 * `PUT /campaigns/:code/years/:year`: dates for a year the catalogue does not know. The plans of
 * that year naming the campaign are imported again, so their derived events appear.
 */
export const setCampaignDates = transactional(
  async (
    manager: EntityManager,
    actor: AuthUser,
    code: string,
    year: number,
    dates: { startsOn: string; endsOn: string },
    now: Date,
  ): Promise<CampaignOccurrence> => {
    const occurrence = campaignOccurrence(code, year);
    if (!occurrence) throw notFound('campaign');
    if (occurrence.startsOn !== null) throw conflict('CAMPAIGN_DATES_KNOWN', { startsOn: occurrence.startsOn, endsOn: occurrence.endsOn });
    await manager.getRepository(CampaignYearEntity).save({ code, year, ...dates, updatedBy: actor.id, updatedAt: now });
    await recordAudit(manager, { actorId: actor.id, action: 'campaign.dates', target: `campaign:${code}:${year}`, details: { ...dates }, at: now });
    const plans = await manager.getRepository(PlanEntity).findBy({ year });
    for (const plan of plans) {
      if (plan.sourceText === null) continue;
      const tasks = await manager.getRepository(PlanTaskEntity).find({ where: { planId: plan.id }, select: { campaigns: true } });
      if (!tasks.some((t) => t.campaigns.some((c) => c.code === code))) continue;
      await storeParsedPlan.within(manager, actor, plan.sourceText, await reparse(plan), now);
    }
    return { ...occurrence, ...dates };
  },
);
