// A month of days: campaign days shaded, a count of events on each day.
import { Text, View } from '@tarojs/components';
import { asButton } from '@/utils/a11y';
import { daysInMonth, weekdayOf } from '@/utils/time';

interface Props {
  year: number;
  month: number;
  today: string;
  selected: string;
  eventCounts: Record<string, number>;
  campaignDays: Set<string>;
  onSelect: (date: string) => void;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const weekdayNames = ['日', '一', '二', '三', '四', '五', '六'];

export default function MonthGrid({ year, month, today, selected, eventCounts, campaignDays, onSelect }: Props) {
  const first = `${year}-${pad(month)}-01`;
  const blanks = weekdayOf(first);
  const days = Array.from({ length: daysInMonth(year, month) }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`);
  return (
    <View className="month">
      {weekdayNames.map((name) => (
        <Text key={name} className="month__head">
          {name}
        </Text>
      ))}
      {Array.from({ length: blanks }, (_, i) => (
        <View key={`blank-${i}`} className="month__cell month__cell--blank" />
      ))}
      {days.map((date) => {
        const count = eventCounts[date] ?? 0;
        const classes = ['month__cell'];
        if (campaignDays.has(date)) classes.push('month__cell--campaign');
        if (date === today) classes.push('month__cell--today');
        if (date === selected) classes.push('month__cell--selected');
        return (
          <View key={date} className={classes.join(' ')} {...asButton(() => onSelect(date), { pressed: date === selected })}>
            <Text className="month__day">{Number(date.slice(8))}</Text>
            <Text className="month__count">{count ? `${count}场` : ' '}</Text>
          </View>
        );
      })}
    </View>
  );
}
