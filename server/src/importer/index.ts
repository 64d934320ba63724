// Owns: the importer's pure entry points: parsePlan (normalise -> segment -> extract), NotAPlanError and the CLI summary.
// Does not own: saving anything (the apply step) or campaign dates (derive.ts asks the shared catalogue).
import { errorMessages, type PlanSectionNode } from '@kepu/shared';
import { type DerivedEvent, type ParsedPlan } from './types';
import { AppError } from '../core/errors';
import { extractTask } from './extract';
import { normalisePlanText } from './normalise';
import { leadingPlace, segmentPlan } from './segment';

export { deriveCampaignEvents } from './derive';
export { normalisePlanText } from './normalise';
export { segmentPlan } from './segment';
export type { PlanHeader, SegmentedPlan, SegmentedTask } from './segment';
export { extractTask } from './extract';

/** A plan needs at least this many numbered tasks; fewer means the text is something else. */
const MIN_TASKS = 3;

export type NotAPlanReason = 'noTitle' | 'noYear' | 'noCity' | 'tooFewTasks';

const reasonMessages: Record<NotAPlanReason, string> = {
  noTitle: '没有找到“××年××市全民科学素质行动工作要点”这样的标题',
  noYear: '标题中没有年份，请指定年份',
  noCity: '标题和发文单位中都没有城市，请指定城市',
  tooFewTasks: `编号任务（如“1.”）少于${MIN_TASKS}项`,
};

/** The text is not a work plan the importer can read: rendered as 422 NOT_A_PLAN. */
export class NotAPlanError extends AppError {
  constructor(
    readonly reason: NotAPlanReason,
    details: Record<string, unknown> = {},
  ) {
    super('NOT_A_PLAN', 422, { reason, ...details }, `${errorMessages.NOT_A_PLAN}：${reasonMessages[reason]}`);
    this.name = 'NotAPlanError';
  }
}

export interface PlanOverrides {
  city?: string;
  year?: number;
}

/**
 * Reads a plan from plain text. `overrides` fill in (and win over) the city and year when the
 * title does not give them. Throws NotAPlanError when there is no plan title, no year, no city
 * or fewer than three numbered tasks.
 */
export function parsePlan(raw: string, overrides: PlanOverrides = {}): ParsedPlan {
  const { header, sections, tasks } = segmentPlan(normalisePlanText(raw));
  if (!header.title) throw new NotAPlanError('noTitle');
  const year = overrides.year ?? header.year;
  if (year === null) throw new NotAPlanError('noYear', { title: header.title });
  const city = overrides.city ?? header.city ?? (header.issuer ? leadingPlace(header.issuer) : null);
  if (!city) throw new NotAPlanError('noCity', { title: header.title });
  if (tasks.length < MIN_TASKS) throw new NotAPlanError('tooFewTasks', { title: header.title, taskCount: tasks.length });

  return {
    title: header.title,
    city,
    year,
    issuer: header.issuer,
    issuedOn: header.issuedOn,
    documentNumber: header.documentNumber,
    sections,
    tasks: tasks.map((task) => extractTask(task, year)),
  };
}

/** A readable summary of a parse for the CLI: the header, every task, then the derived events. */
export function summarisePlan(plan: ParsedPlan, derived: DerivedEvent[]): string {
  const none = '—';
  const list = (items: string[]) => (items.length > 0 ? items.join('、') : none);
  const sectionCount = countSections(plan.sections);
  const lines = [
    `计划 Plan: ${plan.title}`,
    `城市 City: ${plan.city}    年份 Year: ${plan.year}`,
    `发文单位 Issuer: ${plan.issuer ?? none}    日期 Issued: ${plan.issuedOn ?? none}    文号 No.: ${plan.documentNumber ?? none}`,
    `章节 Sections: ${sectionCount}（一级 top-level ${plan.sections.length}）    任务 Tasks: ${plan.tasks.length}`,
    '',
    '任务 Tasks:',
    ...plan.tasks.map(
      (task) =>
        `  ${task.number}. ${task.title}\n` +
        `     责任单位 Units: ${list(task.responsibleUnits)}\n` +
        `     品牌活动 Campaigns: ${list(task.campaigns.map((c) => c.name))}`,
    ),
    '',
    `派生活动 Derived events: ${derived.length}`,
    ...derived.map((event) => {
      const dates = event.startsOn ? (event.endsOn && event.endsOn !== event.startsOn ? `${event.startsOn} ~ ${event.endsOn}` : event.startsOn) : '日期未公布 (not published)';
      return `  ${event.title}    ${dates}    任务 Tasks ${event.taskNumbers.join(', ')}    主办 Organizer: ${event.organizerName}`;
    }),
  ];
  return lines.join('\n');
}

function countSections(sections: PlanSectionNode[]): number {
  return sections.reduce((n, section) => n + 1 + countSections(section.sections), 0);
}
