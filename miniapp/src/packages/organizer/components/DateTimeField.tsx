// A date and a time picked separately, combined into a +08:00 ISO time; the
// date reads as people write it (12月6日 周日).
import { Picker, Text, View } from '@tarojs/components';
import { cstParts, formatDay } from '@/utils/time';

interface Props {
  label: string;
  value: string | null;
  onChange: (iso: string) => void;
  error?: string;
  optional?: boolean;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

export default function DateTimeField({ label, value, onChange, error, optional }: Props) {
  const parts = value ? cstParts(value) : null;
  const date = parts ? `${parts.year}-${pad(parts.month)}-${pad(parts.day)}` : '';
  const time = parts ? `${pad(parts.hour)}:${pad(parts.minute)}` : '';
  return (
    <View className="field">
      <Text className="field__label">
        {label}
        {optional ? '（选填）' : ''}
      </Text>
      <View className="org-row-inline">
        <Picker mode="date" value={date} onChange={(e) => onChange(`${e.detail.value}T${time || '09:00'}:00+08:00`)}>
          <View className="picker-box">{date ? formatDay(date) : '选择日期'}</View>
        </Picker>
        <Picker mode="time" value={time || '09:00'} onChange={(e) => date && onChange(`${date}T${e.detail.value}:00+08:00`)}>
          <View className="picker-box">{time || '选择时间'}</View>
        </Picker>
      </View>
      {error ? <Text className="field__error">{error}</Text> : null}
    </View>
  );
}
