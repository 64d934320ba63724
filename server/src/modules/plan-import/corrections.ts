// Owns: the admin's corrections of a plan as a patch over the parse (place, city, year, a task's
// units, a task boundary), merging a new correction into the stored patch, and re-applying the patch to a later
// parse of the same document, so that re-importing it changes nothing.
import { extractTask } from '../../importer';
import type { ParsedPlan, ParsedTask, ParsedUnit } from '../../importer/types';
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
  const tasks: ParsedTask[] = [...parsed.tasks];
  const boundaries: { index: number; correction: TaskCorrection }[] = [];
  for (const correction of corrections.tasks ?? []) {
    const index = taskIndexOf(parsed, correction);
    if (typeof index !== 'number') continue;
    if (correction.units) tasks[index] = { ...tasks[index]!, responsibleUnits: correction.units.map(({ name, role }) => ({ name, role, inherited: false })) };
    if (correction.split || correction.mergeWithNext) boundaries.push({ index, correction });
  }
  // Positions refer to the parse: change boundaries from the last task back, so earlier positions hold.
  for (const { index, correction } of boundaries.sort((a, b) => b.index - a.index)) {
    const year = parsed.year;
    if (correction.split) {
      const parts = splitTask(tasks[index]!, correction.split, year);
      if (parts) tasks.splice(index, 1, ...parts);
    }
    if (correction.mergeWithNext && index + 1 < tasks.length) tasks.splice(index, 2, mergeTasks(tasks[index]!, tasks[index + 1]!, year));
  }
  return {
    ...parsed,
    ...(corrections.place !== undefined && { place: corrections.place }),
    ...(corrections.city !== undefined && { city: corrections.city }),
    ...(corrections.year !== undefined && { year: corrections.year }),
    tasks,
  };
}

/** Where a split falls in a task's text: after its start, never at it; null when the text is not there. */
export function splitPosition(task: Pick<ParsedTask, 'text'>, before: string): number | null {
  const at = task.text.indexOf(before);
  return at > 0 ? at : null;
}

const ownUnits = (task: ParsedTask): ParsedUnit[] => task.responsibleUnits.filter((unit) => !unit.inherited);
const inheritedUnits = (task: ParsedTask): ParsedUnit[] => task.responsibleUnits.filter((unit) => unit.inherited);

/**
 * Two tasks from one: each part is read again (title, audiences, themes, campaigns from its own
 * text). The task's own units closed the whole text, so they stay with the second part; units
 * inherited from the section go to both.
 */
function splitTask(task: ParsedTask, split: NonNullable<TaskCorrection['split']>, year: number | null): [ParsedTask, ParsedTask] | null {
  const at = splitPosition(task, split.before);
  if (at === null) return null;
  const common = { sectionPath: task.sectionPath, inheritedUnits: inheritedUnits(task) };
  return [
    extractTask({ ...common, number: task.number, text: task.text.slice(0, at) }, year),
    extractTask({ ...common, number: split.number, text: task.text.slice(at), units: ownUnits(task) }, year),
  ];
}

/** One task from two: the first's number and place, both texts, both tasks' own units (once each). */
function mergeTasks(first: ParsedTask, second: ParsedTask, year: number | null): ParsedTask {
  const units = [...ownUnits(first), ...ownUnits(second).filter((unit) => !ownUnits(first).some((mine) => mine.name === unit.name))];
  return extractTask(
    { number: first.number, text: first.text + second.text, sectionPath: first.sectionPath, units, inheritedUnits: inheritedUnits(first) },
    year,
  );
}
