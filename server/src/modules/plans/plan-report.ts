// The year-end execution report of a plan (年度执行情况报告): one workbook with the
// progress breakdowns and every counted event, written with exceljs like the other
// exports. Each sheet opens with a Chinese title row, then a bold header row;
// numbers are numbers, times are date cells (China wall-clock time: a spreadsheet has
// no time zones), rates are percentages.
import type ExcelJS from 'exceljs';
import type { EntityManager } from 'typeorm';
import type { PlanProgressView } from '@kepu/shared';
import { campaignOccurrence } from '../../campaigns';
import { forbidden } from '../../core/errors';
import type { AuthUser } from '../../core/actor';
import type { PlanTaskEntity } from '../../db/entities/plan.entity';
import { neutralise } from '../../exports/table';
import { getPlanProgress, listReportEvents, loadPlan, progressWindow, REPORT_EVENT_LIMIT, type ReportEventRow } from './progress.service';

type Cell = string | number | Date | null;
interface Column {
  header: string;
  width: number;
  /** Excel number format of the column's values. */
  format?: string;
}

const CST_OFFSET_MS = 8 * 3_600_000;
/** The China wall-clock time as a date cell (exceljs writes a Date's UTC fields). */
const wallClock = (date: Date) => new Date(date.getTime() + CST_OFFSET_MS);

const PERCENT = '0.0%';
const HOURS = '0.00';
const DATE_TIME = 'yyyy-mm-dd hh:mm';

function addSheet(workbook: ExcelJS.Workbook, name: string, title: string, columns: Column[], rows: Cell[][]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = columns.map((c) => ({ width: c.width, ...(c.format ? { style: { numFmt: c.format } } : {}) }));
  const titleRow = sheet.addRow([title]);
  titleRow.font = { bold: true, size: 14 };
  titleRow.height = 24;
  sheet.mergeCells(1, 1, 1, columns.length);
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (const row of rows) sheet.addRow(row.map((value) => (typeof value === 'string' ? neutralise(value) : value)));
}

const tallyColumns: Column[] = [
  { header: '活动场次', width: 10 },
  { header: '提供名额', width: 10 },
  { header: '报名人数', width: 10 },
  { header: '签到人数', width: 10 },
  { header: '到场率', width: 10, format: PERCENT },
  { header: '志愿服务时长（小时）', width: 14, format: HOURS },
];
type Tally = PlanProgressView['audiences'][number];
const tallyCells = (t: Omit<Tally, 'audience'>): Cell[] => [t.events, t.seats, t.signups, t.checkins, t.attendanceRate, t.volunteerHours];

const roleLabel = { lead: '牵头', support: '参与', mixed: '牵头/参与' } as const;

export interface PlanReport {
  fileName: string;
  asciiName: string;
  body: Buffer;
}

/** Admins, and members of an organization named as one of the plan's responsible units. */
export function canReadReport(user: AuthUser, unitOrganizationIds: (string | null)[]): boolean {
  return user.roles.includes('admin') || unitOrganizationIds.some((id) => id !== null && user.organizationIds.includes(id));
}

/** The heading's own marker (二、, （二）, 第二部分), to tell apart tasks numbered again in each section. */
const SECTION_MARKER = /^(?:第[一二三四五六七八九十百〇零]+部分|[一二三四五六七八九十百〇零]+、|（[一二三四五六七八九十百〇零]+）)/;

/**
 * How the report names each task (by position): its written number, or, for a number two tasks
 * share (numbering restarts per section), the section's marker before it (二、1), else its position.
 */
export function taskLabels(tasks: readonly Pick<PlanTaskEntity, 'ordinal' | 'number' | 'sectionPath'>[]): Map<number, string | number> {
  const count = new Map<number, number>();
  for (const task of tasks) count.set(task.number, (count.get(task.number) ?? 0) + 1);
  return new Map<number, string | number>(
    tasks.map((task): [number, string | number] => {
      if (count.get(task.number) === 1) return [task.ordinal, task.number];
      const marker = task.sectionPath.map((s) => SECTION_MARKER.exec(s.trim())?.[0]).find(Boolean);
      return [task.ordinal, marker ? `${marker}${task.number}` : `第${task.ordinal}位（${task.number}）`];
    }),
  );
}

export async function buildPlanReport(manager: EntityManager, user: AuthUser, planId: string, year: number | undefined, now: Date): Promise<PlanReport> {
  const { plan, tasks } = await loadPlan(manager, planId);
  if (
    !canReadReport(
      user,
      tasks.flatMap((t) => t.responsibleUnits.map((u) => u.organizationId)),
    )
  )
    throw forbidden('plan-report');
  const window = progressWindow(plan, year);
  const [progress, events]: [PlanProgressView, ReportEventRow[]] = await Promise.all([
    getPlanProgress(manager, planId, year),
    listReportEvents(manager, planId, window),
  ]);
  const label = taskLabels(tasks);
  const span = window.fromYear === window.toYear ? `${window.fromYear}年` : `${window.fromYear}—${window.toYear}年`;
  const heading = (what: string) => `${plan.title}（${span}）${what}`;

  // Loaded with the first report: exceljs is some 17 MB of memory most processes never need.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = '科普汇';
  workbook.created = now;

  const t = progress.totals;
  addSheet(
    workbook,
    '总览',
    heading('执行情况总览'),
    [
      { header: '项目', width: 24 },
      { header: '数值', width: 40 },
    ],
    [
      ['工作要点', plan.title],
      ['城市', plan.city],
      ['发文单位', plan.issuer ?? ''],
      ['统计期间', `${progress.window.from} 至 ${progress.window.to}`],
      ['任务总数', t.tasks],
      ['已开展活动的任务', t.activeTasks],
      ['尚无活动的任务', t.tasks - t.activeTasks],
      ['活动场次', t.events],
      ['提供名额', t.seats],
      ['报名人数', t.signups],
      ['签到人数', t.checkins],
      ['到场率', t.attendanceRate],
      ['志愿服务时长（小时）', t.volunteerHours],
      ['生成时间', wallClock(now)],
    ],
  );
  // Per-row formats on the overview's mixed column.
  const overview = workbook.getWorksheet('总览')!;
  overview.getCell('B14').numFmt = PERCENT;
  overview.getCell('B15').numFmt = HOURS;
  overview.getCell('B16').numFmt = DATE_TIME;

  addSheet(
    workbook,
    '任务',
    heading('任务落实情况'),
    [
      { header: '序号', width: 6 },
      { header: '任务', width: 40 },
      { header: '所属部分', width: 24 },
      { header: '责任单位', width: 30 },
      ...tallyColumns,
      { header: '状态', width: 10 },
    ],
    progress.tasks.map((task, i) => [
      label.get(task.ordinal) ?? task.number,
      task.title,
      task.section ?? '',
      tasks[i]!.responsibleUnits.map((u) => u.name).join('、'),
      ...tallyCells(task),
      task.idle ? '尚无活动' : '已开展',
    ]),
  );

  addSheet(
    workbook,
    '单位',
    heading('责任单位落实情况'),
    [
      { header: '单位', width: 24 },
      { header: '角色', width: 10 },
      { header: '负责任务', width: 24 },
      ...tallyColumns,
      { header: '本单位尚无活动的任务', width: 24 },
      { header: '说明', width: 30 },
    ],
    progress.units.map((unit) => [
      unit.name,
      roleLabel[unit.role],
      unit.tasks.join('、'),
      ...tallyCells(unit),
      unit.idleTasks.join('、'),
      [unit.collective ? '集体表述，不计入其他单位的活动' : '', unit.writtenAs.length > 1 ? `文中写作：${unit.writtenAs.join('、')}` : '']
        .filter(Boolean)
        .join('；'),
    ]),
  );

  addSheet(
    workbook,
    '人群',
    heading('服务人群'),
    [{ header: '人群', width: 20 }, ...tallyColumns],
    progress.audiences.map((row) => [row.audience, ...tallyCells(row)]),
  );

  addSheet(
    workbook,
    '区县',
    heading('区县分布'),
    [{ header: '区县', width: 20 }, ...tallyColumns],
    progress.districts.map((row) => [row.district || '未填写', ...tallyCells(row)]),
  );

  addSheet(
    workbook,
    '活动明细',
    heading(events.length >= REPORT_EVENT_LIMIT ? `活动明细（前 ${REPORT_EVENT_LIMIT} 场）` : '活动明细'),
    [
      { header: '活动', width: 36 },
      { header: '主办单位', width: 20 },
      { header: '开始时间', width: 18, format: DATE_TIME },
      { header: '结束时间', width: 18, format: DATE_TIME },
      { header: '区县', width: 12 },
      { header: '主题活动', width: 16 },
      { header: '服务人群', width: 20 },
      { header: '落实任务', width: 12 },
      { header: '提供名额', width: 10 },
      { header: '报名人数', width: 10 },
      { header: '签到人数', width: 10 },
      { header: '志愿服务时长（小时）', width: 14, format: HOURS },
    ],
    events.map((e) => [
      e.title,
      e.organizer,
      wallClock(e.startsAt),
      wallClock(e.endsAt),
      e.district,
      e.campaignCode ? (campaignOccurrence(e.campaignCode, wallClock(e.startsAt).getUTCFullYear())?.name ?? e.campaignCode) : '',
      e.audiences.join('、'),
      e.tasks.flatMap((ordinal) => label.get(ordinal) ?? []).join('、'),
      e.capacity,
      e.signups,
      e.checkins,
      e.volunteerHours,
    ]),
  );

  const fileName = `${plan.city}${span}${plan.kind ?? '工作要点'}执行情况报告.xlsx`;
  return {
    fileName,
    asciiName: `plan-report-${window.fromYear}${window.toYear !== window.fromYear ? `-${window.toYear}` : ''}.xlsx`,
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

/** attachment; an ASCII fallback name, and the Chinese one per RFC 5987 (filename*=UTF-8''…). */
export function contentDisposition(report: Pick<PlanReport, 'fileName' | 'asciiName'>): string {
  const encoded = encodeURIComponent(report.fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${report.asciiName}"; filename*=UTF-8''${encoded}`;
}
