// Parsing a long plan costs up to a second of CPU. On the server's only thread
// that would stall every other request (health checks, residents' lists), so
// the HTTP path parses in a worker thread. The parse itself is the same pure
// parsePlan; a worker is started per import (imports are rare, admin-only).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { NotAPlanError, parsePlan, type NotAPlanReason, type PlanOverrides } from './index';
import type { ParsedPlan } from './types';

const workerFile = join(__dirname, 'parse-worker.js');

type WorkerAnswer = { ok: true; plan: ParsedPlan } | { ok: false; reason: NotAPlanReason; details: Record<string, unknown> };

export function parsePlanOffThread(input: string | Uint8Array, overrides: PlanOverrides = {}): Promise<ParsedPlan> {
  // Running from the TypeScript sources (the jest suites) there is no compiled worker: parse here.
  if (!existsSync(workerFile)) return Promise.resolve().then(() => parsePlan(input, overrides));
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { input, overrides } });
    worker.once('message', (answer: WorkerAnswer) => {
      if (answer.ok) resolve(answer.plan);
      else reject(new NotAPlanError(answer.reason, answer.details));
    });
    worker.once('error', reject);
  });
}
