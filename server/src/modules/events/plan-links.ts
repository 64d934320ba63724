// Owns: finding the plan tasks an event's request names (依据). Does not own: storing the links
// (events.service) nor what they count for (plans/progress.service).
// A request names a task by its written number, by its position in the plan (`ordinal`), or both.
// Written numbers repeat when a plan numbers its tasks again in each section: a bare number two
// tasks share is refused with the candidates, so the caller can say which one it means.
import { In, type EntityManager } from 'typeorm';
import { AppError, validationFailed } from '../../core/errors';
import { PlanTaskEntity } from '../../db/entities/plan.entity';

/** A task as a request names it. */
export interface RequestedTask {
  planId: string;
  number?: number;
  ordinal?: number;
}

/** A task found: its plan, position and written number. */
export interface ResolvedTask {
  planId: string;
  ordinal: number;
  number: number;
}

/** The innermost heading of a task, to tell two tasks of one number apart. */
const sectionOf = (task: Pick<PlanTaskEntity, 'sectionPath'>) => task.sectionPath[task.sectionPath.length - 1] ?? '';

/**
 * 400 TASK_AMBIGUOUS: a bare written number several tasks of a plan share, with the candidates
 * (position, title, section) and what to send instead.
 */
export function ambiguousTask(path: string, matches: readonly Pick<PlanTaskEntity, 'planId' | 'ordinal' | 'number' | 'title' | 'sectionPath'>[]): AppError {
  const which = matches.map((t) => `第${t.ordinal}位“${t.title}”${sectionOf(t) ? `（${sectionOf(t)}）` : ''}`).join('、');
  const message = `工作要点中有${matches.length}项任务的序号都是${matches[0]!.number}：${which}。请加上 ordinal（任务在工作要点中的位置）指明是哪一项`;
  return new AppError(
    'TASK_AMBIGUOUS',
    400,
    {
      fields: [{ path, message }],
      candidates: matches.map((t) => ({ planId: t.planId, ordinal: t.ordinal, number: t.number, title: t.title, section: sectionOf(t) })),
    },
    message,
  );
}

/** The tasks the request names, in its order; 400 for a task the plan lacks or a number several tasks share. */
export async function resolvePlanTasks(manager: EntityManager, requested: readonly RequestedTask[]): Promise<ResolvedTask[]> {
  if (requested.length === 0) return [];
  const tasks = await manager.getRepository(PlanTaskEntity).find({
    where: { planId: In([...new Set(requested.map((r) => r.planId))]) },
    select: { planId: true, ordinal: true, number: true, title: true, sectionPath: true },
    order: { ordinal: 'ASC' },
  });
  return requested.map((link, i) => {
    const ofPlan = tasks.filter((t) => t.planId === link.planId);
    if (link.ordinal !== undefined) {
      const task = ofPlan.find((t) => t.ordinal === link.ordinal);
      if (!task) throw validationFailed([{ path: `planTasks.${i}.ordinal`, message: `工作要点中没有排在第${link.ordinal}位的任务` }]);
      if (link.number !== undefined && link.number !== task.number) {
        throw validationFailed([{ path: `planTasks.${i}.number`, message: `排在第${link.ordinal}位的任务序号是${task.number}，不是${link.number}` }]);
      }
      return { planId: link.planId, ordinal: task.ordinal, number: task.number };
    }
    const matches = ofPlan.filter((t) => t.number === link.number);
    if (matches.length === 0) throw validationFailed([{ path: `planTasks.${i}`, message: `工作要点中没有第${link.number}项任务` }]);
    if (matches.length > 1) throw ambiguousTask(`planTasks.${i}.number`, matches);
    return { planId: link.planId, ordinal: matches[0]!.ordinal, number: matches[0]!.number };
  });
}
