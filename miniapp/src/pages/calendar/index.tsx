// 日历: a month of this city's campaigns and events; tap a day for its events.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import CityChooser from '@/components/CityChooser';
import CitySwitch from '@/components/CitySwitch';
import EventCard, { toEventCardRow } from '@/components/EventCard';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { useStore } from '@/hooks/useStore';
import { listCampaigns } from '@/services/campaigns';
import { listEvents } from '@/services/events';
import { chooseCity, cityStore } from '@/utils/city';
import { keys, writeStored } from '@/utils/storage';
import { addDays, cstDate, cstParts, dayBounds, daysInMonth, formatDaySpan } from '@/utils/time';
import { tabs } from '@/utils/routes';
import MonthGrid from './MonthGrid';
import './index.scss';

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Event counts per day of a month: the calendar keeps counts, not events. */
async function countEventsByDay(city: string, year: number, month: number): Promise<{ counts: Record<string, number>; partial: boolean }> {
  const last = daysInMonth(year, month);
  const page = await listEvents(
    { city: city || undefined, from: dayBounds(`${year}-${pad(month)}-01`).from, to: dayBounds(`${year}-${pad(month)}-${pad(last)}`).to },
    null,
    100,
  );
  const counts: Record<string, number> = {};
  for (const event of page.items) {
    const day = cstDate(event.startsAt);
    counts[day] = (counts[day] ?? 0) + 1;
  }
  return { counts, partial: Boolean(page.nextCursor) };
}

export default function CalendarPage() {
  const today = useMemo(() => cstDate(new Date()), []);
  const start = cstParts(new Date())!;
  const [year, setYear] = useState(start.year);
  const [month, setMonth] = useState(start.month);
  const [selected, setSelected] = useState(today);
  // One city for every tab: a switch here shows on 活动 too.
  const city = useStore(cityStore);

  // Nothing to count until the city is chosen.
  const counts = useRequest(city ? () => countEventsByDay(city, year, month) : null, [city, year, month]);
  const campaigns = useRequest(() => listCampaigns(year), [year]);
  const dayEvents = useRequest(city ? () => listEvents({ city, ...dayBounds(selected) }, null, 50).then((page) => page.items.map(toEventCardRow)) : null, [
    city,
    selected,
  ]);

  const monthStart = `${year}-${pad(month)}-01`;
  const monthEnd = `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;
  const monthCampaigns = (campaigns.data ?? []).filter((c) => c.startsOn && c.endsOn && c.startsOn <= monthEnd && c.endsOn >= monthStart);
  const campaignDays = useMemo(() => {
    const days = new Set<string>();
    for (const c of monthCampaigns) {
      for (let day = c.startsOn! < monthStart ? monthStart : c.startsOn!; day <= c.endsOn! && day <= monthEnd; day = addDays(day, 1)) days.add(day);
    }
    return days;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [campaigns.data, year, month]);
  const selectedCampaigns = monthCampaigns.filter((c) => c.startsOn! <= selected && selected <= c.endsOn!);

  const shiftMonth = (delta: number) => {
    const index = year * 12 + (month - 1) + delta;
    const nextYear = Math.floor(index / 12);
    const nextMonth = (index % 12) + 1;
    setYear(nextYear);
    setMonth(nextMonth);
    setSelected(nextYear === start.year && nextMonth === start.month ? today : `${nextYear}-${pad(nextMonth)}-01`);
  };

  const showCampaign = (code: string) => {
    writeStored(keys.pendingFilter, { campaign: code });
    void Taro.switchTab({ url: tabs.events });
  };

  const dayState = renderState({
    loading: dayEvents.loading,
    error: dayEvents.error,
    empty: (dayEvents.data ?? []).length === 0,
    emptyText: '这一天没有活动',
    onRetry: () => void dayEvents.reload(),
  });

  return (
    <PageShell>
      <View className="row cal-nav">
        <Button className="btn btn--ghost" onClick={() => shiftMonth(-1)}>
          上个月
        </Button>
        <Text className="title">
          {year}年{month}月
        </Text>
        <Button className="btn btn--ghost" onClick={() => shiftMonth(1)}>
          下个月
        </Button>
      </View>
      {city ? (
        <View className="row section cal-city">
          <CitySwitch city={city} onChoose={chooseCity} />
          <Text className="muted">浅蓝底色为品牌活动日</Text>
        </View>
      ) : (
        <View className="card">
          <Text className="title">选择城市，查看当地的活动日历</Text>
          <CityChooser current="" onChoose={chooseCity} />
        </View>
      )}
      <View className="card">
        <MonthGrid
          year={year}
          month={month}
          today={today}
          selected={selected}
          eventCounts={counts.data?.counts ?? {}}
          campaignDays={campaignDays}
          onSelect={setSelected}
        />
        {counts.error ? <Text className="field__error">{counts.error.message}</Text> : null}
        {counts.data?.partial ? <Text className="muted">本月活动较多，只统计了前 100 场</Text> : null}
      </View>

      {monthCampaigns.length ? (
        <View className="card">
          <Text className="title">本月品牌活动</Text>
          {monthCampaigns.map((c) => (
            <View
              key={c.code}
              className={`list-row cal-campaign ${selectedCampaigns.includes(c) ? 'cal-campaign--on' : ''}`}
              onClick={() => showCampaign(c.code)}
            >
              <Text>{c.name}</Text>
              <Text className="muted">{formatDaySpan(c.startsOn, c.endsOn)} ›</Text>
            </View>
          ))}
        </View>
      ) : null}

      <Text className="section title">
        {Number(selected.slice(5, 7))}月{Number(selected.slice(8))}日的活动
      </Text>
      {dayState ?? (dayEvents.data ?? []).map((event) => <EventCard key={event.id} event={event} />)}
    </PageShell>
  );
}
