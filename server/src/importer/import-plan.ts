// The importPlan use case: parse and derive (pure), then apply in one
// transaction unless it is a dry run. Shared by the CLI and the HTTP route.
import type { Transactions } from '../core/transaction';
import type { DerivedEvent, ParsedPlan } from './types';
import { applyImport, previewPlanView, type ImportResult } from './apply';
import { deriveCampaignEvents, parsePlan } from './index';

export function parseAndDerive(text: string, overrides: { city?: string; year?: number } = {}): { parsed: ParsedPlan; derived: DerivedEvent[] } {
  // parsePlan throws NotAPlanError, an AppError the HTTP layer renders as 422.
  const parsed = parsePlan(text, overrides);
  return { parsed, derived: deriveCampaignEvents(parsed) };
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
