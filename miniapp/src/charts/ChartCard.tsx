// One chart as a card: its title, a sentence with what it shows (the text alternative a
// screen reader reads; the picture itself is hidden from it), and the canvas. The page
// repeats the numbers in an ARIA table.
import { Text, View } from '@tarojs/components';
import { useLargeText } from '@/hooks/useLargeText';
import ChartSurface from './ChartSurface';
import { chartHeight } from './draw';
import { hasData, type ChartSpec } from './specs';
import './charts.scss';

export default function ChartCard({ spec }: { spec: ChartSpec }) {
  const large = useLargeText();
  return (
    <View className="card chart">
      <Text className="title">{spec.title}</Text>
      <Text className="chart__summary muted">{spec.summary}</Text>
      {hasData(spec) ? (
        <View className="chart__canvas" aria-hidden>
          <ChartSurface spec={spec} large={large} height={chartHeight(spec, large)} />
        </View>
      ) : spec.emptyText ? (
        <Text className="block muted">{spec.emptyText}</Text>
      ) : null}
    </View>
  );
}
