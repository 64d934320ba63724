// Owns: the admin's corrections of a plan as a patch over the parse (place, city, year, a task's
// units, a task boundary). Task corrections are a sequence: each addresses the outline as it was
// when it was made (the parse with every earlier correction applied), by position, and carries an
// anchor (a hash of the task's text then), so that re-applying the sequence to a later parse of the
// document finds each task again (or says, as a warning, that it no longer can) and never lays a
// correction over a different task. Re-importing the same text thus changes nothing.
import { createHash } from 'node:crypto';
import { extractTask } from '../../importer';
import type { ParsedPlan, ParsedTask, ParsedUnit, PlanWarning } from '../../importer/types';
import type { PlanCorrections, TaskCorrection } from '../../db/entities/plan.entity';

/** A task correction as a request names it: by position or written number in the outline the admin sees. */
export type RequestedTaskCorrection = Omit<TaskCorrection, 'anchor'>;

/** Finds the corrected task: by position, else by written number when only one task has it. */
export function taskIndexOf(plan: Pick<ParsedPlan, 'tasks'>, target: Pick<TaskCorrection, 'ordinal' | 'number'>): number | 'ambiguous' | null {
  if (target.ordinal !== undefined) return target.ordinal >= 1 && target.ordinal <= plan.tasks.length ? target.ordinal - 1 : null;
  const matches = plan.tasks.flatMap((task, index) => (task.number === target.number ? [index] : []));
  if (matches.length > 1) return 'ambiguous';
  return matches[0] ?? null;
}

/** What a correction was made on: the task's text (and, for a merge, the next task's too), hashed. */
export function anchorOf(tasks: readonly Pick<ParsedTask, 'text'>[], index: number, correction: Pick<TaskCorrection, 'mergeWithNext'>): string {
  const texts = correction.mergeWithNext ? [tasks[index]?.text ?? '', tasks[index + 1]?.text ?? ''] : [tasks[index]?.text ?? ''];
  return createHash('sha256').update(texts.join('\u0000')).digest('hex').slice(0, 16);
}

/**
 * Where a stored correction applies in the outline as it is now: at its position when the task
 * there is the one it was made on, else wherever that one task has moved (a task added or removed
 * before it); null when the task is gone, changed or no longer unique. A correction stored without
 * an anchor is found by its position or number alone.
 */
export function locate(tasks: readonly ParsedTask[], correction: TaskCorrection): number | null {
  if (correction.anchor === undefined) {
    const index = taskIndexOf({ tasks: tasks as ParsedTask[] }, correction);
    return typeof index === 'number' ? index : null;
  }
  const at = correction.ordinal !== undefined ? correction.ordinal - 1 : -1;
  if (at >= 0 && at < tasks.length && anchorOf(tasks, at, correction) === correction.anchor) return at;
  const matches = tasks.flatMap((_, index) => (anchorOf(tasks, index, correction) === correction.anchor ? [index] : []));
  return matches.length === 1 ? matches[0]! : null;
}

/** Why a correction cannot be applied to the task at `index`, or null when it can. */
export function correctionProblem(tasks: readonly ParsedTask[], index: number, correction: RequestedTaskCorrection): { field: string; message: string } | null {
  if (correction.split && splitPosition(tasks[index]!, correction.split.before) === null) {
    return { field: 'split.before', message: '这项任务的正文中（开头之后）没有这段文字' };
  }
  if (correction.mergeWithNext && index >= tasks.length - 1) return { field: 'mergeWithNext', message: '这是最后一项任务，没有下一项可以合并' };
  return null;
}

/** The outline with one correction applied to the task at `index` (units first, then the boundary); null when it cannot apply. */
export function applyTaskCorrection(tasks: readonly ParsedTask[], index: number, correction: TaskCorrection, year: number | null): ParsedTask[] | null {
  if (correctionProblem(tasks, index, correction)) return null;
  const next = [...tasks];
  if (correction.units) next[index] = { ...next[index]!, responsibleUnits: correction.units.map(({ name, role }) => ({ name, role, inherited: false })) };
  if (correction.split) next.splice(index, 1, ...splitTask(next[index]!, correction.split, year)!);
  if (correction.mergeWithNext) next.splice(index, 2, mergeTasks(next[index]!, next[index + 1]!, year));
  return next;
}

const what = (correction: TaskCorrection) =>
  [correction.units && '责任单位', correction.split && '拆分', correction.mergeWithNext && '与下一项合并'].filter(Boolean).join('、');

/** The warning for a stored correction the text no longer has a place for. */
function notApplied(correction: TaskCorrection): PlanWarning {
  const task = correction.task ? `第${correction.task.number}项“${correction.task.title}”` : `第${correction.ordinal ?? correction.number}项任务`;
  return {
    code: 'CORRECTION_NOT_APPLIED',
    message: `之前对${task}的更正（${what(correction)}）没有套用：这项任务在原文中已改动或不存在，请核对后重新更正`,
  };
}

/**
 * The parse with the admin's corrections over it, in the order they were made. A task correction
 * whose task the text no longer has (changed, gone, or no longer unique) is not applied anywhere
 * else: it is reported as a warning and the plan needs review.
 */
export function applyCorrections<P extends ParsedPlan>(parsed: P, corrections: PlanCorrections | null): P {
  if (!corrections) return parsed;
  let tasks: ParsedTask[] = parsed.tasks;
  const warnings: PlanWarning[] = [];
  for (const correction of corrections.tasks ?? []) {
    const index = locate(tasks, correction);
    const next = index === null ? null : applyTaskCorrection(tasks, index, correction, parsed.year);
    if (next) tasks = next;
    else warnings.push(notApplied(correction));
  }
  return {
    ...parsed,
    ...(corrections.place !== undefined && { place: corrections.place }),
    ...(corrections.city !== undefined && { city: corrections.city }),
    ...(corrections.year !== undefined && { year: corrections.year }),
    tasks,
    ...(warnings.length && { warnings: [...parsed.warnings, ...warnings], needsReview: true }),
  };
}

export interface ResolvedCorrections {
  /** The requested task corrections, each by position in the outline as it was when applied, with its anchor. */
  steps: TaskCorrection[];
  /** What cannot be applied, by request path. */
  problems: { path: string; message: string }[];
  /** The outline with the requested corrections applied. */
  tasks: ParsedTask[];
}

/**
 * A request's task corrections against the outline the admin sees (the corrected plan), in the
 * order given: each addresses the outline as the ones before it in the request left it.
 */
export function resolveCorrections(current: Pick<ParsedPlan, 'tasks' | 'year'>, requested: readonly RequestedTaskCorrection[]): ResolvedCorrections {
  let tasks: ParsedTask[] = current.tasks;
  const steps: TaskCorrection[] = [];
  const problems: ResolvedCorrections['problems'] = [];
  requested.forEach((correction, i) => {
    const index = taskIndexOf({ tasks }, correction);
    if (index === null) return void problems.push({ path: `tasks.${i}`, message: '没有这项任务' });
    if (index === 'ambiguous') return void problems.push({ path: `tasks.${i}.number`, message: '有多项任务用这个编号，请用 ordinal 指定' });
    const problem = correctionProblem(tasks, index, correction);
    if (problem) return void problems.push({ path: `tasks.${i}.${problem.field}`, message: problem.message });
    const { number: _number, ordinal: _ordinal, ...change } = correction;
    const target = tasks[index]!;
    const step: TaskCorrection = {
      ordinal: index + 1,
      anchor: anchorOf(tasks, index, correction),
      task: { number: target.number, title: target.title.slice(0, 40) },
      ...change,
    };
    tasks = applyTaskCorrection(tasks, index, step, current.year)!;
    steps.push(step);
  });
  return { steps, problems, tasks };
}

const isBoundary = (correction: TaskCorrection) => Boolean(correction.split || correction.mergeWithNext);

/**
 * The stored patch with a request's corrections after it. A units correction replaces an earlier
 * units-only correction of the same task when no boundary has moved since (the outline, and so
 * the positions, are the same), so correcting one task's units again does not grow the patch.
 */
export function appendCorrections(stored: PlanCorrections | null, header: Omit<PlanCorrections, 'tasks'>, steps: readonly TaskCorrection[]): PlanCorrections {
  const tasks = [...(stored?.tasks ?? [])];
  for (const step of steps) {
    if (step.units && !isBoundary(step)) {
      const lastBoundary = tasks.reduce((last, c, i) => (isBoundary(c) ? i : last), -1);
      const earlier = tasks.findIndex((c, i) => i > lastBoundary && !isBoundary(c) && c.ordinal === step.ordinal && c.anchor === step.anchor);
      if (earlier >= 0) tasks.splice(earlier, 1);
    }
    tasks.push(step);
  }
  const merged: PlanCorrections = { ...stored, ...header };
  if (tasks.length) merged.tasks = tasks;
  else delete merged.tasks;
  return merged;
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
