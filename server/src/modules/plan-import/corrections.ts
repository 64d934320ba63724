// Owns: the admin's corrections of a plan as a patch over the parse (place, city, year, a task's
// units), merging a new correction into the stored patch, and re-applying the patch to a later
// parse of the same document, so that re-importing it changes nothing.
import type { ParsedPlan } from '../../importer/types';
import type { PlanCorrections, TaskCorrection } from '../../db/entities/plan.entity';

/** Finds the corrected task: by position, else by written number when only one task has it. */
export function taskIndexOf(plan: Pick<ParsedPlan, 'tasks'>, target: TaskCorrection): number | 'ambiguous' | null {
  if (target.ordinal !== undefined) return target.ordinal >= 1 && target.ordinal <= plan.tasks.length ? target.ordinal - 1 : null;
  const matches = plan.tasks.flatMap((task, index) => (task.number === target.number ? [index] : []));
  if (matches.length > 1) return 'ambiguous';
  return matches[0] ?? null;
}

/** The patch with `next` laid over `stored`: a task correction replaces an earlier one of the same task. */
export function mergeCorrections(stored: PlanCorrections | null, next: PlanCorrections): PlanCorrections {
  const sameTask = (a: TaskCorrection, b: TaskCorrection) =>
    a.ordinal !== undefined ? a.ordinal === b.ordinal : b.ordinal === undefined && a.number === b.number;
  const tasks = [...(stored?.tasks ?? [])];
  for (const correction of next.tasks ?? []) {
    const at = tasks.findIndex((t) => sameTask(t, correction));
    if (at >= 0) tasks[at] = { ...tasks[at], ...correction };
    else tasks.push(correction);
  }
  const merged: PlanCorrections = { ...stored, ...next };
  if (tasks.length) merged.tasks = tasks;
  else delete merged.tasks;
  return merged;
}

/** The parse with the admin's corrections over it. A task the document no longer has is left alone. */
export function applyCorrections<P extends ParsedPlan>(parsed: P, corrections: PlanCorrections | null): P {
  if (!corrections) return parsed;
  const tasks = [...parsed.tasks];
  for (const correction of corrections.tasks ?? []) {
    const index = taskIndexOf(parsed, correction);
    if (typeof index !== 'number' || !correction.units) continue;
    tasks[index] = { ...tasks[index]!, responsibleUnits: correction.units.map(({ name, role }) => ({ name, role, inherited: false })) };
  }
  return {
    ...parsed,
    ...(corrections.place !== undefined && { place: corrections.place }),
    ...(corrections.city !== undefined && { city: corrections.city }),
    ...(corrections.year !== undefined && { year: corrections.year }),
    tasks,
  };
}
