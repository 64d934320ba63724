// 活动 (home): this city's science events. On first open it asks for the city
// (nearest from the device position, or from the list). Then: 我的下一场 for a
// signed-in resident, the city switch, 附近 (sorted by distance), the filter
// sheet with the count of matches, keyword search, infinite scroll.
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import CityChooser from '@/components/CityChooser';
import CitySwitch from '@/components/CitySwitch';
import EventCard, { toEventCardRow } from '@/components/EventCard';
import ListFooter from '@/components/ListFooter';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import ViewerChoice from '@/components/ViewerChoice';
import { usePagedList } from '@/hooks/usePagedList';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { useStore } from '@/hooks/useStore';
import { listCampaigns } from '@/services/campaigns';
import { listDistricts, listEvents } from '@/services/events';
import { listMySignups, updateMe } from '@/services/me';
import { asButton } from '@/utils/a11y';
import { chooseCity, cityStore } from '@/utils/city';
import { toNearParam } from '@/utils/near';
import { locate } from '@/utils/location';
import { cstDate } from '@/utils/time';
import { keys, readStored, removeStored } from '@/utils/storage';
import { setViewer, viewerStore } from '@/utils/viewer';
import CampaignBanner, { pickCampaign } from './CampaignBanner';
import FilterSheet from './FilterSheet';
import NextSignupCard from './NextSignupCard';
import Recommended from './Recommended';
import SearchBar from './SearchBar';
import { noFilters, sheetFilterCount, toQuery, type Filters } from './filters';
import './index.scss';

/** First open: no city yet. Nothing is assumed: the resident says where they are. */
function FirstRun() {
  return (
    <PageShell className="first-run">
      <View className="section">
        <Text className="h1">欢迎使用科普汇</Text>
        <Text className="muted block">先选择你所在的城市，看看身边的科普活动。以后可以随时在页面顶部切换。</Text>
      </View>
      <View className="card">
        <CityChooser current="" onChoose={chooseCity} />
      </View>
      <View className="card">
        <ViewerChoice />
      </View>
    </PageShell>
  );
}

export default function EventsPage() {
  const city = useStore(cityStore);
  return city ? <CityEvents city={city} /> : <FirstRun />;
}

function CityEvents({ city }: { city: string }) {
  const { user } = useSession();
  const viewer = useStore(viewerStore);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [locating, setLocating] = useState(false);
  const now = useMemo(() => new Date(), []);

  const campaigns = useRequest(() => listCampaigns(now.getFullYear()), []);
  const districts = useRequest(() => listDistricts({ city }).then((items) => items.map((item) => item.district)), [city]);
  const nextSignup = useRequest(
    user
      ? () => listMySignups(null, 1, 'upcoming').then((page) => page.items.find((item) => item.status === 'confirmed' || item.status === 'waitlisted') ?? null)
      : null,
    [user?.id],
  );

  // One answer on the device and the account: the device's wins, an account's fills an empty device.
  useEffect(() => {
    if (!user) return;
    if (!viewer && user.audience) setViewer(user.audience);
    else if (viewer && user.audience !== viewer) void updateMe({ audience: viewer }, true).catch(() => undefined);
  }, [user, viewer]);

  const query = toQuery(city, filters, now);
  const queryKey = JSON.stringify(query);
  const list = usePagedList((cursor) => listEvents(query, cursor), [queryKey], toEventCardRow);

  const pick = campaigns.data ? pickCampaign(campaigns.data, now) : null;
  const campaignOptions = (campaigns.data ?? [])
    .filter((c) => c.endsOn && c.endsOn >= cstDate(now))
    .sort((a, b) => (a.startsOn ?? '').localeCompare(b.startsOn ?? ''))
    .slice(0, 12)
    .map((c) => ({ value: c.code, label: c.name }));

  useDidShow(() => {
    // Another page (a plan's task, a campaign in 日历) may have asked for a campaign filter.
    const pending = readStored<{ campaign?: string } | null>(keys.pendingFilter, null);
    if (pending?.campaign) {
      removeStored(keys.pendingFilter);
      setFilters((previous) => ({ ...previous, campaign: pending.campaign }));
    }
    if (user) void nextSignup.reload();
  });
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore();
  });
  useShareAppMessage(() => ({ title: `${city}科普活动`, path: '/pages/events/index' }));

  const patch = (next: Partial<Filters>) => setFilters((previous) => ({ ...previous, ...next }));

  const switchCity = (chosen: string) => {
    chooseCity(chosen);
    // A district (and a position) of another city means nothing here.
    patch({ district: undefined });
  };

  const toggleNear = async () => {
    if (filters.near) {
      patch({ near: undefined });
      return;
    }
    setLocating(true);
    try {
      patch({ near: toNearParam(await locate()) });
    } catch {
      Taro.showToast({ title: '无法获取位置，请在设置中允许定位后重试', icon: 'none' });
    } finally {
      setLocating(false);
    }
  };

  const activeCount = sheetFilterCount(filters);
  const state = renderState({
    loading: list.loading,
    error: list.error,
    empty: list.items.length === 0,
    emptyText: filters.q || activeCount ? '没有符合条件的活动，换个条件试试' : '这里暂时还没有活动',
    onRetry: () => void list.reload(),
  });

  return (
    <PageShell>
      {nextSignup.data ? <NextSignupCard signup={nextSignup.data} /> : null}
      <View className="events-head">
        <View className="row events-head__top">
          <CitySwitch city={city} onChoose={switchCity} />
          <View className={`chip ${filters.near ? 'chip--on' : ''}`} {...asButton(() => void toggleNear(), { pressed: Boolean(filters.near) })}>
            {locating ? '定位中…' : filters.near ? '✓ 附近优先' : '附近'}
          </View>
          <View className={`chip ${activeCount ? 'chip--on' : ''}`} {...asButton(() => setSheetOpen(true), { expanded: sheetOpen })}>
            筛选{activeCount ? `（${activeCount}）` : ''}
          </View>
        </View>
        <SearchBar value={filters.q} onSearch={(q) => patch({ q })} />
      </View>

      {pick ? <CampaignBanner pick={pick} city={city} /> : null}

      {/* Only on the unfiltered list: a filter or 附近 is a question of its own. */}
      {viewer && viewer !== '其他' && !filters.near && !filters.q && !activeCount ? (
        <Recommended city={city} viewer={viewer} signedIn={Boolean(user) && user?.audience === viewer} />
      ) : null}
      {filters.near ? <Text className="section muted">按离你的距离由近到远排列</Text> : null}
      {list.stale ? <Text className="section muted offline-note">网络不可用，以下是上次加载的活动</Text> : null}
      {state ?? (
        <View>
          {list.items.map((event) => (
            <EventCard key={event.id} event={event} />
          ))}
        </View>
      )}
      <ListFooter list={list} />

      {sheetOpen ? (
        <FilterSheet
          city={city}
          value={filters}
          now={now}
          campaignOptions={campaignOptions}
          districts={districts.data ?? []}
          districtsLoading={districts.loading}
          onClose={() => setSheetOpen(false)}
          onApply={(next) => {
            setFilters(next);
            setSheetOpen(false);
          }}
        />
      ) : null}
    </PageShell>
  );
}
