// One horizontally scrolling row of chips; tapping the selected chip clears it.
import { ScrollView, Text, View } from '@tarojs/components';

interface Props<V extends string> {
  label: string;
  options: { value: V; label: string }[];
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  /** Rows whose "nothing selected" is itself an option (日期: 全部时间) never clear. */
  required?: boolean;
}

export default function FilterRow<V extends string>({ label, options, value, onChange, required }: Props<V>) {
  return (
    <View className="filter-row">
      <Text className="filter-row__label">{label}</Text>
      <ScrollView scrollX className="filter-row__scroll" enableFlex>
        <View className="filter-row__chips">
          {options.map((option) => {
            const on = option.value === value;
            return (
              <View key={option.value} className={`chip ${on ? 'chip--on' : ''}`} onClick={() => onChange(on && !required ? undefined : option.value)}>
                {on && !required ? `✓ ${option.label}` : option.label}
              </View>
            );
          })}
        </View>
      </ScrollView>
    </View>
  );
}
