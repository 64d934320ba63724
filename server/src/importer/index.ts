// Owns: the importer's pure entry points: parsePlan (decode -> clean -> normalise -> segment -> extract,
// then the verdict), NotAPlanError and the CLI summary.
// Does not own: saving anything (the apply step) or campaign dates (derive.ts asks the catalogue).
import { errorMessages, type PlanSectionNode } from '@kepu/shared';
import { type DerivedEvent, type ParsedPlan, type PlanWarning } from './types';
import { AppError } from '../core/errors';
import { cleanPlanText } from './clean';
import { decodePlanInput } from './decode';
import { extractTaskWithNotes } from './extract';
import { normalisePlanText } from './normalise';
import { segmentPlan } from './segment';

export { deriveCampaignEvents } from './derive';
export { normalisePlanText } from './normalise';
export { cleanPlanText } from './clean';
export { decodePlanBytes, decodePlanInput } from './decode';
export { segmentPlan, leadingPlace } from './segment';
export type { PlanHeader, SegmentedPlan, SegmentedTask } from './segment';
export { extractTask } from './extract';
export { canonicalUnitName } from './units';

/** Fewer numbered tasks than this is worth a warning: the outline may have been misread. */
const FEW_TASKS = 3;

export type NotAPlanReason = 'noTitle' | 'noYear' | 'noCity' | 'tooFewTasks' | 'notAPlan';

const reasonMessages: Record<NotAPlanReason, string> = {
  noTitle: '没有找到“××年××市全民科学素质行动工作要点”这样的标题',
  noYear: '没有读出年份，请指定年份',
  noCity: '没有读出地区，请指定城市',
  tooFewTasks: `编号任务（如“1.”）少于${FEW_TASKS}项`,
  notAPlan: '没有找到工作要点或实施方案的标题，也没有找到成体系的任务',
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
 * Reads a plan from text or file bytes (UTF-8 with or without BOM, else GB18030; traditional script
 * converted). `overrides` fill in (and win over) the city and year. Anything that is a plan comes
 * back, with `needsReview` and warnings where something could not be read; NotAPlanError only when
 * the text shows no sign of a plan (no plan title, and no subject with numbered tasks), or is an
 * activity notice.
 */
export function parsePlan(input: string | Uint8Array, overrides: PlanOverrides = {}): ParsedPlan {
  const { text: decoded, script } = decodePlanInput(input);
  const cleaned = cleanPlanText(decoded);
  const normalised = normalisePlanText(cleaned.text);
  const segmented = segmentPlan(normalised, cleaned.metadata);
  const { header, sections, signs } = segmented;
  const warnings: PlanWarning[] = [...segmented.warnings];

  const looksLikePlan = signs.planTitle || (!signs.activityNotice && signs.subject && segmented.tasks.length >= FEW_TASKS);
  if (!looksLikePlan) throw new NotAPlanError(signs.planTitle ? 'tooFewTasks' : 'notAPlan', { taskCount: segmented.tasks.length });

  const year = overrides.year ?? header.year;
  const place = header.place;
  const city = overrides.city ?? place;
  let title = header.title;
  if (!title) {
    title = `${year ?? ''}${year ? '年' : ''}${place && place !== '全国' ? place : ''}全民科学素质工作要点`;
    warnings.push({ code: 'TITLE_FROM_PREAMBLE', message: `没有找到计划标题，已按正文拼出“${title}”，请核对` });
  }
  if (!city) warnings.push({ code: 'NO_PLACE', message: '没有读出计划所属地区，请指定城市' });
  if (year === null) warnings.push({ code: 'NO_YEAR', message: '没有读出计划年份，请指定年份' });

  const tasks = segmented.tasks.map((task) => {
    const { task: parsed, unclosedBracket } = extractTaskWithNotes(task, year);
    if (unclosedBracket) {
      warnings.push({ code: 'UNCLOSED_BRACKET', message: `第${parsed.number}项任务末尾的责任单位括号没有闭合，已按单位读取，请核对`, line: task.line });
    }
    return parsed;
  });
  if (tasks.length === 0) warnings.push({ code: 'NO_TASKS', message: '没有找到任务，请核对正文的编号结构' });
  else if (tasks.length < FEW_TASKS) warnings.push({ code: 'FEW_TASKS', message: `只找到${tasks.length}项任务，请核对正文的编号结构` });
  if (script === 'traditional') warnings.push({ code: 'TRADITIONAL', message: '原文为繁体字，已转换为简体' });
  const mojibake = /[?？]{2,}|\uFFFD/.exec(normalised);
  if (mojibake) {
    warnings.push({
      code: 'MOJIBAKE',
      message: '文本中有乱码（如“??”），可能是编码错误，请核对原文',
      line: normalised.slice(0, mojibake.index).split('\n').length,
    });
  }

  return {
    title,
    place,
    city,
    level: header.level,
    kind: header.kind,
    period: header.period,
    year,
    script,
    issuer: header.issuer,
    issuedOn: header.issuedOn,
    documentNumber: header.documentNumber,
    sections,
    tasks,
    // Converting the script is information, not something to correct.
    needsReview: warnings.some((warning) => warning.code !== 'TRADITIONAL'),
    warnings,
  };
}

/** A readable summary of a parse for the CLI: the header, every task, then the derived events. */
export function summarisePlan(plan: ParsedPlan, derived: DerivedEvent[]): string {
  const none = '—';
  const list = (items: string[]) => (items.length > 0 ? items.join('、') : none);
  const sectionCount = countSections(plan.sections);
  const lines = [
    `计划 Plan: ${plan.title}`,
    `城市 City: ${plan.city ?? none}    年份 Year: ${plan.year ?? none}`,
    `发文单位 Issuer: ${plan.issuer ?? none}    日期 Issued: ${plan.issuedOn ?? none}    文号 No.: ${plan.documentNumber ?? none}`,
    `章节 Sections: ${sectionCount}（一级 top-level ${plan.sections.length}）    任务 Tasks: ${plan.tasks.length}`,
    ...(plan.warnings.length > 0 ? ['', '需要核对 Warnings:', ...plan.warnings.map((w) => `  ${w.line ? `第${w.line}行 ` : ''}${w.message}`)] : []),
    '',
    '任务 Tasks:',
    ...plan.tasks.map(
      (task) =>
        `  ${task.number}. ${task.title}\n` +
        `     责任单位 Units: ${list(task.responsibleUnits.map((unit) => unit.name + (unit.role === 'lead' ? '（牵头）' : unit.role === 'support' ? '（配合）' : '')))}\n` +
        `     品牌活动 Campaigns: ${list(task.campaigns.map((c) => c.name))}`,
    ),
    '',
    `派生活动 Derived events: ${derived.length}`,
    ...derived.map((event) => {
      const dates = event.startsOn
        ? event.endsOn && event.endsOn !== event.startsOn
          ? `${event.startsOn} ~ ${event.endsOn}`
          : event.startsOn
        : '日期未公布 (not published)';
      return `  ${event.title}    ${dates}    任务 Tasks ${event.taskNumbers.join(', ')}    主办 Organizer: ${event.organizerName}`;
    }),
  ];
  return lines.join('\n');
}

function countSections(sections: PlanSectionNode[]): number {
  return sections.reduce((n, section) => n + 1 + countSections(section.sections), 0);
}
