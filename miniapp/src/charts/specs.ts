// Chart specs: what each chart of plan progress and 单位统计 shows, as plain data built by
// pure functions from the API's answers (tested without a canvas). draw.ts turns a spec
// into an F2 chart; the page shows the summary as text and the numbers in a table.
import type { OrganizationStatsView, PlanProgressView } from '@kepu/shared';

export interface ChartDatum {
  /** The category as drawn on the axis (shortened when long). */
  label: string;
  /** The category's full name (summary and table use it). */
  name: string;
  value: number;
  /** Which series a grouped chart puts it in (报名 / 签到). */
  series?: string;
  /** The value as written at the end of a bar: "3 场", "2/4 项". */
  valueText: string;
}

export interface ChartSpec {
  /** bars: horizontal, one row per category; columns: vertical (months); line: a rate over months. */
  kind: 'bars' | 'columns' | 'line';
  title: string;
  /** One sentence a screen reader hears instead of the picture. */
  summary: string;
  data: ChartDatum[];
  /** Every category of the axis, in order, when some have no value (months without a rate). */
  categories?: string[];
  /** Series of a grouped chart, in legend order. */
  series?: string[];
  /** The top of the value axis (1 for shares); the largest value otherwise. */
  max?: number;
  /** Values are shares 0..1, drawn as percentages. */
  percent?: boolean;
  /** Said instead of the picture when there is nothing to draw; '' when the summary already says so. */
  emptyText: string;
}

/** Two colours with at least 4.5:1 against white that also differ for red-green colour blindness. */
export const CHART_COLORS = ['#0a58a8', '#b54708'] as const;

/** A long category name cut for the axis; the full name stays in the table. */
export function shortLabel(name: string, max: number): string {
  const chars = [...name];
  return chars.length <= max ? name : `${chars.slice(0, max - 1).join('')}…`;
}

const monthLabel = (month: string) => `${Number(month.slice(5))}月`;
const percentText = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
/** A bar's name is written above it across the card: only very long names are cut. */
const BAR_LABEL_CHARS = 16;

/** The plan's four charts: completion by section, monthly activity, audiences reached, units ranked by activity. */
export function progressCharts(progress: PlanProgressView): ChartSpec[] {
  const ranked = progress.units
    .filter((u) => !u.collective)
    .sort((a, b) => b.events - a.events || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, 10);
  const activeMonths = progress.months.filter((m) => m.events > 0).length;
  const busiest = [...progress.months].sort((a, b) => b.events - a.events)[0];
  return [
    {
      kind: 'bars',
      title: '各部分完成情况',
      summary: `共 ${progress.sections.length} 个部分；条形为已有活动的任务占该部分任务的比例。${progress.sections
        .map((s) => `${s.section} ${s.activeTasks}/${s.tasks} 项`)
        .join('，')}`,
      max: 1,
      percent: true,
      data: progress.sections.map((s) => ({
        label: shortLabel(s.section, BAR_LABEL_CHARS),
        name: s.section,
        value: s.tasks ? s.activeTasks / s.tasks : 0,
        valueText: `${s.activeTasks}/${s.tasks} 项`,
      })),
      emptyText: '这份工作要点没有分部分',
    },
    {
      kind: 'columns',
      title: '每月活动场次',
      summary:
        busiest && busiest.events > 0
          ? `${activeMonths} 个月有活动，最多的是 ${monthLabel(busiest.month)}（${busiest.events} 场）。`
          : '这一年还没有计入的活动。',
      data: progress.months.map((m) => ({ label: monthLabel(m.month), name: m.month, value: m.events, valueText: `${m.events} 场` })),
      emptyText: '这一年还没有计入的活动',
    },
    {
      kind: 'bars',
      title: '服务人群',
      summary: `覆盖 ${progress.audiences.length} 类人群（一场活动面向多类人群时分别计入）。${progress.audiences
        .map((a) => `${a.audience} ${a.events} 场`)
        .join('，')}`,
      data: progress.audiences.map((a) => ({
        label: shortLabel(a.audience, BAR_LABEL_CHARS),
        name: a.audience,
        value: a.events,
        valueText: `${a.events} 场`,
      })),
      emptyText: '还没有标明服务人群的活动',
    },
    {
      kind: 'bars',
      title: '责任单位活动排名',
      summary: `按各单位自己发布的活动场次排列，前 ${ranked.length} 个单位；“各成员单位”等集体表述不参与排名。${ranked
        .map((u) => `${u.name} ${u.events} 场`)
        .join('，')}`,
      data: ranked.map((u) => ({ label: shortLabel(u.name, BAR_LABEL_CHARS), name: u.name, value: u.events, valueText: `${u.events} 场` })),
      emptyText: '还没有责任单位',
    },
  ];
}

/** 单位统计's four charts: events, sign-ups beside check-ins, check-in rate and volunteer hours, per month. */
export function organizationStatsCharts(stats: OrganizationStatsView): ChartSpec[] {
  const months = stats.months;
  const t = stats.totals;
  const none = t.events === 0;
  const peak = <K extends 'events' | 'signups' | 'volunteerHours'>(key: K) => [...months].sort((a, b) => b[key] - a[key])[0]!;
  const rated = months.filter((m) => m.checkinRate !== null);
  return [
    {
      kind: 'columns',
      title: '每月活动场次',
      summary: none
        ? `${stats.year} 年还没有已发布的活动。`
        : `${stats.year} 年共 ${t.events} 场，最多的是 ${monthLabel(peak('events').month)}（${peak('events').events} 场）。`,
      data: months.map((m) => ({ label: monthLabel(m.month), name: m.month, value: m.events, valueText: `${m.events} 场` })),
      emptyText: '',
    },
    {
      kind: 'columns',
      title: '每月报名与签到',
      summary: none
        ? '这一年还没有报名。'
        : `共报名 ${t.signups} 人次，签到 ${t.checkins} 人次；报名最多的是 ${monthLabel(peak('signups').month)}（${peak('signups').signups} 人次）。`,
      series: ['报名', '签到'],
      data: months.flatMap((m) => [
        { label: monthLabel(m.month), name: m.month, series: '报名', value: m.signups, valueText: `${m.signups} 人次` },
        { label: monthLabel(m.month), name: m.month, series: '签到', value: m.checkins, valueText: `${m.checkins} 人次` },
      ]),
      emptyText: '',
    },
    {
      kind: 'line',
      title: '每月签到率',
      summary:
        rated.length === 0
          ? '还没有可计算签到率的月份（签到率 = 签到 ÷ 报名）。'
          : `全年签到率 ${percentText(t.checkinRate)}（签到 ÷ 报名）；${rated.map((m) => `${monthLabel(m.month)} ${percentText(m.checkinRate)}`).join('，')}。`,
      max: 1,
      percent: true,
      categories: months.map((m) => monthLabel(m.month)),
      data: rated.map((m) => ({ label: monthLabel(m.month), name: m.month, value: m.checkinRate ?? 0, valueText: percentText(m.checkinRate) })),
      emptyText: '',
    },
    {
      kind: 'columns',
      title: '每月志愿服务时长',
      summary:
        t.volunteerHours === 0
          ? '还没有记录的志愿服务时长。'
          : `共 ${t.volunteerHours} 小时，最多的是 ${monthLabel(peak('volunteerHours').month)}（${peak('volunteerHours').volunteerHours} 小时）。`,
      data: months.map((m) => ({ label: monthLabel(m.month), name: m.month, value: m.volunteerHours, valueText: `${m.volunteerHours} 小时` })),
      emptyText: '',
    },
  ];
}

/** Whether a spec has anything to draw: counts that are all zero draw nothing; shares of 0% still do. */
export function hasData(spec: ChartSpec): boolean {
  return spec.data.length > 0 && (spec.percent === true || spec.data.some((d) => d.value > 0));
}
