// The choices offered as filter chips. A UI selection of the importer's
// vocabulary: the most asked-for themes and audiences, not the whole list.
import { addDays, cstDate, daysInMonth, weekdayOf } from '@/utils/time';

export const themeChoices = ['健康', '应急', '防灾减灾', '生态环境', '航天', '食品安全', '数字素养', '科学家精神', '消防', '三农'];
export const audienceChoices = ['青少年', '老年人', '农民', '产业工人', '社区居民', '领导干部和公务员'];

export type DatePreset = 'all' | 'today' | 'weekend' | 'week' | 'month';
export const datePresets: { value: DatePreset; label: string }[] = [
  { value: 'all', label: '全部时间' },
  { value: 'today', label: '今天' },
  { value: 'weekend', label: '本周末' },
  { value: 'week', label: '未来7天' },
  { value: 'month', label: '本月' },
];

/** `from`/`to` (YYYY-MM-DD, inclusive) for a preset, counted from `now` in China. */
export function dateRange(preset: DatePreset, now: Date): { from?: string; to?: string } {
  const today = cstDate(now);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'weekend': {
      const weekday = weekdayOf(today);
      const saturday = weekday === 0 ? addDays(today, -1) : addDays(today, 6 - weekday);
      return { from: weekday === 0 ? today : saturday, to: addDays(saturday, 1) };
    }
    case 'week':
      return { from: today, to: addDays(today, 6) };
    case 'month': {
      const [year, month] = today.split('-').map(Number) as [number, number];
      return { from: today, to: `${today.slice(0, 8)}${daysInMonth(year, month)}` };
    }
    default:
      return {};
  }
}
