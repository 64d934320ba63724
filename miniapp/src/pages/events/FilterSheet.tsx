// Every filter of the list in one bottom sheet, all options in sight (chips
// wrap, nothing scrolls sideways). Choices stay a draft until 查看 N 场, and N
// is the server's count for the draft, so the button says what the list will show.
import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import Sheet from '@/components/Sheet';
import { useRequest } from '@/hooks/useRequest';
import { countEvents } from '@/services/events';
import { asButton } from '@/utils/a11y';
import { audienceChoices, datePresets, themeChoices } from '@/utils/filters';
import { sheetFilterCount, toQuery, withoutSheetFilters, type Filters } from './filters';

interface Option<V extends string> {
  value: V;
  label: string;
}

interface Props {
  city: string;
  value: Filters;
  now: Date;
  campaignOptions: Option<string>[];
  districts: string[];
  districtsLoading: boolean;
  onApply: (filters: Filters) => void;
  onClose: () => void;
}

const toOptions = (values: string[]) => values.map((value) => ({ value, label: value }));
const kindOptions: Option<'activity' | 'campaign'>[] = [
  { value: 'activity', label: '科普活动' },
  { value: 'campaign', label: '品牌活动日程' },
];

/** One group of chips; tapping the selected chip clears it unless the group always has a choice. */
function Group<V extends string>({
  label,
  options,
  value,
  onChange,
  required,
}: {
  label: string;
  options: Option<V>[];
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  required?: boolean;
}) {
  return (
    <View className="sheet-group filter-group" role="group" aria-label={label}>
      <Text className="sheet-group__label">{label}</Text>
      <View className="chip-wrap">
        {options.map((option) => {
          const on = option.value === value;
          return (
            <View
              key={option.value}
              className={`chip ${on ? 'chip--on' : ''}`}
              {...asButton(() => onChange(on && !required ? undefined : option.value), { pressed: on })}
            >
              {on && !required ? `✓ ${option.label}` : option.label}
            </View>
          );
        })}
      </View>
    </View>
  );
}

/** Waits this long after the last tap before counting, so quick taps cost one request. */
const COUNT_DELAY_MS = 250;

export default function FilterSheet({ city, value, now, campaignOptions, districts, districtsLoading, onApply, onClose }: Props) {
  const [draft, setDraft] = useState<Filters>(value);
  const key = JSON.stringify(toQuery(city, draft, now));
  const [countedKey, setCountedKey] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setCountedKey(key), COUNT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key]);
  const count = useRequest(() => countEvents(JSON.parse(countedKey)), [countedKey]);
  const settled = countedKey === key && !count.loading;
  const n = count.data ?? 0;

  const patch = (next: Partial<Filters>) => setDraft((previous) => ({ ...previous, ...next }));
  // The chosen district stays an option even if none of its events is left.
  const districtOptions = toOptions(draft.district && !districts.includes(draft.district) ? [...districts, draft.district] : districts);

  const footer = (
    <View className="row filter-sheet__actions">
      <Button className="btn btn--ghost" disabled={sheetFilterCount(draft) === 0} onClick={() => setDraft(withoutSheetFilters(draft))}>
        清除
      </Button>
      <Button className="btn filter-sheet__apply" disabled={!settled || Boolean(count.error) || n === 0} onClick={() => onApply(draft)}>
        {count.error ? '无法统计，请重试' : !settled ? '正在统计…' : n === 0 ? '没有符合条件的活动' : `查看 ${n} 场`}
      </Button>
    </View>
  );

  return (
    <Sheet title="筛选活动" onClose={onClose} footer={footer} className="filter-sheet">
      <Group label="日期" required options={datePresets} value={draft.date} onChange={(date) => patch({ date: date ?? 'all' })} />
      <Group label="主题" options={toOptions(themeChoices)} value={draft.theme} onChange={(theme) => patch({ theme })} />
      <Group label="人群" options={toOptions(audienceChoices)} value={draft.audience} onChange={(audience) => patch({ audience })} />
      <View className="sheet-group">
        {districtsLoading ? null : districtOptions.length ? (
          <Group label={`区县（${city}）`} options={districtOptions} value={draft.district} onChange={(district) => patch({ district })} />
        ) : (
          <Text className="muted">{city}暂无按区县登记的活动</Text>
        )}
      </View>
      <Group label="活动类型" options={kindOptions} value={draft.kind} onChange={(kind) => patch({ kind })} />
      {campaignOptions.length ? <Group label="品牌活动" options={campaignOptions} value={draft.campaign} onChange={(campaign) => patch({ campaign })} /> : null}
      {count.error ? (
        <Button className="btn btn--ghost btn--block" onClick={() => void count.reload()}>
          重新统计
        </Button>
      ) : null}
    </Sheet>
  );
}
