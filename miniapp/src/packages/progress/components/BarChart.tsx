// A bar chart drawn with Views: no chart library, so it runs the same in weapp and H5
// and costs nothing in the main package. The bars are decoration for sighted readers
// only; each bar's label and value are plain text beside it, and the page
// repeats every number in a table for screen readers.
import { Text, View } from '@tarojs/components';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** What the value means, shown after the bar: "3 场", "2/4 项". */
  valueText: string;
}

interface Props {
  title: string;
  /** One sentence a screen reader hears instead of the bars. */
  summary: string;
  bars: Bar[];
  /** The value a full bar stands for (default: the largest). */
  max?: number;
  /** Columns (months) instead of rows. */
  vertical?: boolean;
  emptyText?: string;
}

export default function BarChart({ title, summary, bars, max, vertical = false, emptyText = '暂无数据' }: Props) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const share = (value: number) => `${Math.round((Math.min(value, top) / top) * 100)}%`;
  return (
    <View className="card chart">
      <Text className="title">{title}</Text>
      <Text className="chart__summary muted">{summary}</Text>
      {bars.length === 0 ? (
        <Text className="block muted">{emptyText}</Text>
      ) : vertical ? (
        <View className="chart__columns">
          {bars.map((bar) => (
            <View key={bar.key} className="chart__column">
              <Text className="chart__column-value">{bar.value || ''}</Text>
              <View className="chart__column-track">
                <View className="chart__column-fill" style={{ height: share(bar.value) }} />
              </View>
              <Text className="chart__column-label">{bar.label}</Text>
            </View>
          ))}
        </View>
      ) : (
        <View className="chart__rows">
          {bars.map((bar) => (
            <View key={bar.key} className="chart__row">
              <View className="chart__row-head">
                <Text className="chart__row-label">{bar.label}</Text>
                <Text className="chart__row-value">{bar.valueText}</Text>
              </View>
              <View className="chart__track">
                <View className="chart__fill" style={{ width: share(bar.value) }} />
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
