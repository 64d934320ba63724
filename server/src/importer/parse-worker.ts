// The body of a parsing worker thread (see off-thread.ts): parses the text it
// is given and posts back the plan, or why the text is not a plan.
import { parentPort, workerData } from 'node:worker_threads';
import { NotAPlanError, parsePlan, type PlanOverrides } from './index';

const { input, overrides } = workerData as { input: string | Uint8Array; overrides: PlanOverrides };
try {
  parentPort!.postMessage({ ok: true, plan: parsePlan(input, overrides) });
} catch (error) {
  if (!(error instanceof NotAPlanError)) throw error;
  const { reason: _reason, ...details } = error.details ?? {};
  parentPort!.postMessage({ ok: false, reason: error.reason, details });
}
