// 活动 (home): this city's science events with campaign, theme, audience,
// district and date filters, keyword search, 附近 sort and infinite scroll.
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import EventCard, { toEventCardRow } from '@/components/EventCard';
import ListFooter from '@/components/ListFooter';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { usePagedList } from '@/hooks/usePagedList';
import { useRequest } from '@/hooks/useRequest';
import { listCampaigns } from '@/services/campaigns';
import { listCities, listEvents, type EventFilters } from '@/services/events';
import { asButton } from '@/utils/a11y';
import { audienceChoices, datePresets, dateRange, themeChoices, type DatePreset } from '@/utils/filters';
import { cstDate } from '@/utils/time';
import { keys, readStored, removeStored, writeStored } from '@/utils/storage';
import CampaignBanner, { pickCampaign } from './CampaignBanner';
import FilterRow from './FilterRow';
import './index.scss';

interface Filters {
  campaign?: string;
  theme?: string;
  audience?: string;
  district?: string;
  date: DatePreset;
  q: string;
  /** `lat,lng` while 附近 is on. */
  near?: string;
}

const toOptions = (values: string[]) => values.map((value) => ({ value, label: value }));

export default function EventsPage() {
  const [city, setCity] = useState<string>(() => readStored(keys.city, ''));
  const [filters, setFilters] = useState<Filters>({ date: 'all', q: '' });
  const [keyword, setKeyword] = useState('');
  const [showFilters, setShowFilters] = useState(false);
  const [locating, setLocating] = useState(false);
  const now = useMemo(() => new Date(), []);

  const cities = useRequest(listCities, []);
  const campaigns = useRequest(() => listCampaigns(now.getFullYear()), []);
  const cityList = cities.data ?? [];
  // Until the user picks, the first city with content is theirs.
  const activeCity = city || cityList[0] || '';
  useEffect(() => {
    // Other tabs (日历) read the remembered city.
    if (!city && activeCity) writeStored(keys.city, activeCity);
  }, [city, activeCity]);

  const query: EventFilters = {
    city: activeCity || undefined,
    campaign: filters.campaign,
    theme: filters.theme,
    audience: filters.audience,
    district: filters.district,
    q: filters.q || undefined,
    near: filters.near,
    ...dateRange(filters.date, now),
  };
  const queryKey = JSON.stringify(query);
  const ready = !cities.loading;
  const list = usePagedList(ready ? (cursor) => listEvents(query, cursor) : null, [queryKey, ready], toEventCardRow);

  // Districts are whatever this city's events name; the selected one stays even when off-page.
  const districts = useMemo(() => {
    const seen = new Set(list.items.map((item) => item.district).filter(Boolean));
    if (filters.district) seen.add(filters.district);
    return [...seen];
  }, [list.items, filters.district]);

  const pick = campaigns.data ? pickCampaign(campaigns.data, now) : null;
  const campaignOptions = (campaigns.data ?? [])
    .filter((c) => c.endsOn && c.endsOn >= cstDate(now))
    .sort((a, b) => (a.startsOn ?? '').localeCompare(b.startsOn ?? ''))
    .slice(0, 12)
    .map((c) => ({ value: c.code, label: c.name }));

  useDidShow(() => {
    // Another page (a plan's task) may have asked for a campaign filter.
    const pending = readStored<{ campaign?: string } | null>(keys.pendingFilter, null);
    if (pending?.campaign) {
      removeStored(keys.pendingFilter);
      setFilters((previous) => ({ ...previous, campaign: pending.campaign }));
    }
  });
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore();
  });
  useShareAppMessage(() => ({ title: `${activeCity}科普活动`, path: '/pages/events/index' }));

  const patch = (next: Partial<Filters>) => setFilters((previous) => ({ ...previous, ...next }));

  const chooseCity = (index: number) => {
    const chosen = cityList[index];
    if (!chosen) return;
    writeStored(keys.city, chosen);
    setCity(chosen);
    patch({ district: undefined });
  };

  const toggleNear = async () => {
    if (filters.near) {
      patch({ near: undefined });
      return;
    }
    setLocating(true);
    try {
      const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
      patch({ near: `${latitude.toFixed(5)},${longitude.toFixed(5)}` });
    } catch {
      Taro.showToast({ title: '无法获取位置，请在设置中允许定位后重试', icon: 'none' });
    } finally {
      setLocating(false);
    }
  };

  const activeCount = [filters.campaign, filters.theme, filters.audience, filters.district, filters.date !== 'all' ? 1 : undefined].filter(Boolean).length;
  const state = renderState({
    loading: list.loading || cities.loading,
    error: list.error,
    empty: list.items.length === 0,
    emptyText: filters.q || activeCount ? '没有符合条件的活动，换个条件试试' : '这里暂时还没有活动',
    onRetry: () => void list.reload(),
  });

  return (
    <PageShell>
      <View className="events-head">
        <View className="row events-head__top">
          {cityList.length > 0 ? (
            <Picker mode="selector" range={cityList} value={Math.max(0, cityList.indexOf(activeCity))} onChange={(e) => chooseCity(Number(e.detail.value))}>
              <View className="chip city-chip">城市：{activeCity || '请选择'} ▾</View>
            </Picker>
          ) : null}
          <View className={`chip ${filters.near ? 'chip--on' : ''}`} {...asButton(() => void toggleNear(), { pressed: Boolean(filters.near) })}>
            {locating ? '定位中…' : filters.near ? '✓ 附近优先' : '附近'}
          </View>
          <View className={`chip ${activeCount ? 'chip--on' : ''}`} {...asButton(() => setShowFilters(!showFilters), { pressed: activeCount > 0 })}>
            筛选{activeCount ? `（${activeCount}）` : ''} {showFilters ? '▴' : '▾'}
          </View>
        </View>
        <View className="search">
          <Input
            className="input search__input"
            type="text"
            confirmType="search"
            placeholder="搜索活动、场馆或主办单位"
            value={keyword}
            maxlength={50}
            onInput={(e) => setKeyword(e.detail.value)}
            onConfirm={() => patch({ q: keyword.trim() })}
          />
          <Button className="btn search__btn" onClick={() => patch({ q: keyword.trim() })}>
            搜索
          </Button>
        </View>
      </View>

      {pick ? (
        <CampaignBanner
          pick={pick}
          selected={filters.campaign === pick.campaign.code}
          onToggle={() => patch({ campaign: filters.campaign === pick.campaign.code ? undefined : pick.campaign.code })}
        />
      ) : null}

      {showFilters ? (
        <View className="card filters">
          <FilterRow label="日期" required options={datePresets} value={filters.date} onChange={(date) => patch({ date: date ?? 'all' })} />
          {campaignOptions.length ? (
            <FilterRow label="品牌活动" options={campaignOptions} value={filters.campaign} onChange={(campaign) => patch({ campaign })} />
          ) : null}
          <FilterRow label="主题" options={toOptions(themeChoices)} value={filters.theme} onChange={(theme) => patch({ theme })} />
          <FilterRow label="人群" options={toOptions(audienceChoices)} value={filters.audience} onChange={(audience) => patch({ audience })} />
          {districts.length ? (
            <FilterRow label="区县" options={toOptions(districts)} value={filters.district} onChange={(district) => patch({ district })} />
          ) : null}
          {activeCount ? (
            <Button
              className="btn btn--ghost"
              onClick={() => patch({ campaign: undefined, theme: undefined, audience: undefined, district: undefined, date: 'all' })}
            >
              清除筛选
            </Button>
          ) : null}
        </View>
      ) : null}

      {list.stale ? <Text className="section muted offline-note">网络不可用，以下是上次加载的活动</Text> : null}
      {state ?? (
        <View>
          {list.items.map((event) => (
            <EventCard key={event.id} event={event} />
          ))}
        </View>
      )}
      <ListFooter list={list} />
    </PageShell>
  );
}
