// Which city to browse: the nearest city with events, from the device position
// when the user allows it, or any city from the list. Shown on first open and
// in the city switch of every tab that filters by city.
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CityView } from '@kepu/shared';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { listCityViews } from '@/services/events';
import { asButton } from '@/utils/a11y';
import { toNearParam } from '@/utils/near';
import { locate } from '@/utils/location';
import './CityChooser.scss';

interface Props {
  current: string;
  onChoose: (city: string) => void;
}

type Suggestion = { state: 'idle' | 'locating' | 'failed' | 'none' } | { state: 'found'; city: CityView };

const kmText = (km: number) => (km < 1 ? '不到 1 公里' : `约 ${km < 10 ? km.toFixed(1) : Math.round(km)} 公里`);

export default function CityChooser({ current, onChoose }: Props) {
  const cities = useRequest(() => listCityViews(), []);
  const [suggestion, setSuggestion] = useState<Suggestion>({ state: 'idle' });

  const suggest = async () => {
    setSuggestion({ state: 'locating' });
    try {
      const near = toNearParam(await locate());
      const nearest = (await listCityViews({ near })).find((city) => city.distanceKm !== null && city.distanceKm !== undefined);
      setSuggestion(nearest ? { state: 'found', city: nearest } : { state: 'none' });
    } catch {
      setSuggestion({ state: 'failed' });
    }
  };

  const list = cities.data ?? [];
  const state = renderState({
    loading: cities.loading,
    error: cities.error,
    empty: list.length === 0,
    emptyText: '还没有城市发布活动',
    onRetry: () => void cities.reload(),
  });

  return (
    <View className="city-chooser">
      <View className="city-chooser__locate">
        {suggestion.state === 'found' ? (
          <View className="city-suggestion">
            <Text className="muted">离你最近的有活动的城市</Text>
            <Text className="h1">{suggestion.city.city}</Text>
            <Text className="muted">最近的活动场馆{kmText(suggestion.city.distanceKm ?? 0)}</Text>
            <Button className="btn btn--block city-suggestion__btn" onClick={() => onChoose(suggestion.city.city)}>
              就选{suggestion.city.city}
            </Button>
          </View>
        ) : (
          <Button className="btn btn--block" loading={suggestion.state === 'locating'} onClick={() => void suggest()}>
            {suggestion.state === 'locating' ? '正在定位…' : '用我的位置找最近的城市'}
          </Button>
        )}
        {suggestion.state === 'failed' ? <Text className="field__error">无法获取位置，请从下面的列表中选择城市</Text> : null}
        {suggestion.state === 'none' ? <Text className="muted block">附近暂时没有即将举办的活动，请从下面的列表中选择</Text> : null}
      </View>
      <Text className="sheet-group__label city-chooser__label">全部城市</Text>
      {state ?? (
        <View className="city-list">
          {list.map((city) => {
            const on = city.city === current;
            return (
              <View key={city.city} className={`list-row city-row ${on ? 'city-row--on' : ''}`} {...asButton(() => onChoose(city.city), { pressed: on })}>
                <Text className="city-row__name">
                  {on ? '✓ ' : ''}
                  {city.city}
                </Text>
                <Text className="muted">{city.events ? `${city.events} 场活动` : '暂无活动'} ›</Text>
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}
