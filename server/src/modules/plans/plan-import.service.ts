// The importPlan use case: parse and derive (pure), then apply in one
// transaction unless it is a dry run. Shared by the CLI and the HTTP route.
import type { Transactions } from '../../core/transaction';
import type { DerivedEvent, FiledPlan } from '../../importer/types';
import { applyImport, previewPlanView, type ImportResult } from './plan-import.apply';
import { deriveCampaignEvents, NotAPlanError, parsePlan } from '../../importer';

export function parseAndDerive(text: string | Uint8Array, overrides: { city?: string; year?: number } = {}): { parsed: FiledPlan; derived: DerivedEvent[] } {
  // parsePlan throws NotAPlanError, an AppError the HTTP layer renders as 422.
  const parsed = parsePlan(text, overrides);
  // Saving needs a place and a year. Until the v1.1 answer (needsReview, PLAN_INCOMPLETE) is wired
  // into the route, a plan without them is refused as before, with the reason.
  const { city, year } = parsed;
  if (city === null) throw new NotAPlanError('noCity', { title: parsed.title, warnings: parsed.warnings });
  if (year === null) throw new NotAPlanError('noYear', { title: parsed.title, warnings: parsed.warnings });
  const filed = { ...parsed, city, year };
  return { parsed: filed, derived: deriveCampaignEvents(filed) };
}

export function dryRunImport(text: string, overrides: { city?: string; year?: number } = {}): ImportResult {
  const { parsed, derived } = parseAndDerive(text, overrides);
  return {
    plan: previewPlanView(parsed),
    derivedEvents: derived.map((d) => ({ ...d, eventId: null, published: false })),
    created: false,
    changed: false,
  };
}

/** Opens its own transaction like every write use case, but only after parsing: a long text is not parsed under locks. */
export async function importPlan(
  tx: Transactions,
  text: string,
  overrides: { city?: string; year?: number },
  now: Date,
): Promise<ImportResult> {
  const { parsed, derived } = parseAndDerive(text, overrides);
  return tx.run((manager) => applyImport(manager, parsed, derived, now));
}
