import type { OrganizationStatsView, PlanProgressView } from '@kepu/shared';
import { CHART_COLORS, hasData, organizationStatsCharts, progressCharts, shortLabel } from './specs';

const tally = (events: number, signups = 0, checkins = 0, volunteerHours = 0) => ({
  events,
  seats: events * 10,
  signups,
  checkins,
  volunteerHours,
});
const months = (year: number, fill: Record<number, ReturnType<typeof tally>>) =>
  Array.from({ length: 12 }, (_, i) => {
    const t = fill[i + 1] ?? tally(0);
    return { month: `${year}-${String(i + 1).padStart(2, '0')}`, ...t };
  });

function progress(): PlanProgressView {
  const unit = (name: string, events: number, collective = false) => ({
    name,
    organizationId: collective ? null : `org-${name}`,
    writtenAs: [name],
    role: 'lead' as const,
    collective,
    tasks: [1],
    ...tally(events),
    published: events,
    attendanceRate: null,
    idleTasks: [],
  });
  return {
    year: 2025,
    window: { from: '2025-01-01', to: '2025-12-31' },
    totals: { ...tally(4, 6, 3, 3.75), attendanceRate: 0.5, tasks: 4, activeTasks: 3 },
    tasks: [],
    units: [unit('市教育局', 1), unit('各成员单位', 9, true), unit('市科协', 2)],
    idleTasks: [4],
    sections: [
      { section: '一、提升重点人群科学素质', tasks: 2, activeTasks: 2, taskEvents: 4 },
      { section: '二、做强群众性示范科普活动', tasks: 2, activeTasks: 1, taskEvents: 1 },
    ],
    audiences: [{ audience: '青少年', ...tally(3), attendanceRate: null }],
    districts: [],
    campaigns: [],
    months: months(2025, { 3: tally(2), 9: tally(1) }).map((m) => ({ ...m, attendanceRate: null })),
  };
}

describe('chart specs of plan progress', () => {
  test('completion by section is a share per section, written as tasks with events of all tasks', () => {
    const [sections] = progressCharts(progress());
    expect(sections!.kind).toBe('bars');
    expect(sections!.percent).toBe(true);
    expect(sections!.max).toBe(1);
    expect(sections!.data.map((d) => [d.name, d.value, d.valueText])).toEqual([
      ['一、提升重点人群科学素质', 1, '2/2 项'],
      ['二、做强群众性示范科普活动', 0.5, '1/2 项'],
    ]);
    // The name is written above its bar whole (only names over 16 characters are cut); the summary keeps it too.
    expect(sections!.data[0]!.label).toBe('一、提升重点人群科学素质');
    expect(sections!.summary).toContain('一、提升重点人群科学素质 2/2 项');
  });

  test('monthly activity has every month and names the busiest', () => {
    const monthly = progressCharts(progress())[1]!;
    expect(monthly.kind).toBe('columns');
    expect(monthly.data).toHaveLength(12);
    expect(monthly.data[2]).toEqual({ label: '3月', name: '2025-03', value: 2, valueText: '2 场' });
    expect(monthly.summary).toBe('2 个月有活动，最多的是 3月（2 场）。');
  });

  test('units are ranked by their own events, collective phrases left out', () => {
    const units = progressCharts(progress())[3]!;
    expect(units.data.map((d) => [d.name, d.value])).toEqual([
      ['市科协', 2],
      ['市教育局', 1],
    ]);
  });
});

describe('chart specs of 单位统计', () => {
  const stats: OrganizationStatsView = {
    organizationId: 'org-1',
    organizationName: '唐山市科协',
    year: 2023,
    totals: { ...tally(3, 3, 1, 3.75), checkinRate: 0.333 },
    months: months(2023, { 1: tally(1, 0, 0, 1.25), 3: tally(2, 3, 1, 2.5) }).map((m) => ({
      ...m,
      checkinRate: m.signups ? Math.round((m.checkins / m.signups) * 1000) / 1000 : null,
    })),
  };

  test('sign-ups and check-ins are two series per month, in the legend order', () => {
    const [events, signups, rate, hours] = organizationStatsCharts(stats);
    expect(events!.summary).toBe('2023 年共 3 场，最多的是 3月（2 场）。');
    expect(signups!.series).toEqual(['报名', '签到']);
    expect(signups!.data).toHaveLength(24);
    expect(signups!.data.filter((d) => d.name === '2023-03').map((d) => [d.series, d.value])).toEqual([
      ['报名', 3],
      ['签到', 1],
    ]);
    // The rate is drawn only for months with sign-ups, as a share.
    expect(rate!.kind).toBe('line');
    expect(rate!.percent).toBe(true);
    expect(rate!.data).toEqual([{ label: '3月', name: '2023-03', value: 0.333, valueText: '33%' }]);
    // …on an axis of all twelve months.
    expect(rate!.categories).toHaveLength(12);
    expect(rate!.categories![0]).toBe('1月');
    expect(rate!.summary).toContain('全年签到率 33%');
    expect(hours!.data[0]).toMatchObject({ value: 1.25, valueText: '1.25 小时' });
  });

  test('a year without events draws nothing and says so', () => {
    const empty: OrganizationStatsView = {
      ...stats,
      totals: { ...tally(0), checkinRate: null },
      months: months(2023, {}).map((m) => ({ ...m, checkinRate: null })),
    };
    const specs = organizationStatsCharts(empty);
    expect(specs.map(hasData)).toEqual([false, false, false, false]);
    // The summary says so, once (no second empty-state line under it).
    expect(specs[0]!.summary).toBe('2023 年还没有已发布的活动。');
    expect(specs.map((s) => s.emptyText)).toEqual(['', '', '', '']);
  });
});

describe('chart helpers', () => {
  test('short labels keep short names and cut long ones with an ellipsis', () => {
    expect(shortLabel('青少年', 7)).toBe('青少年');
    expect(shortLabel('市卫生健康委员会办公室', 7)).toBe('市卫生健康委…');
    expect(shortLabel('唐山市路北区科学技术协会青少年科技教育中心', 16)).toBe('唐山市路北区科学技术协会青少年…');
  });

  test('the two series colours reach 4.5:1 against white', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const color of CHART_COLORS) expect(1.05 / (luminance(color) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
});
