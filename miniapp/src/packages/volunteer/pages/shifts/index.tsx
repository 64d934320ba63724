// 志愿岗位: shifts still taking volunteers in the volunteer's city (their profile's, else
// the city being browsed; a switch shows another), those suiting their skills first with
// the reason, filterable by skill; apply with one tap. Rows are slimmed and paged.
import { Picker, ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { VolunteerSkill } from '@kepu/shared';
import ListFooter from '@/components/ListFooter';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import ShiftCard, { toShiftRow } from '@/components/ShiftCard';
import { usePagedList } from '@/hooks/usePagedList';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { listCities } from '@/services/events';
import { prepareSubscribe } from '@/services/subscribe';
import { getMyVolunteerProfile, listOpenShifts, volunteerSkills } from '@/services/volunteer';
import { asButton } from '@/utils/a11y';
import { keys, readStored } from '@/utils/storage';
import '../../volunteer.scss';

export default function ShiftsPage() {
  const { user } = useSession();
  const [skill, setSkill] = useState<VolunteerSkill | undefined>();
  // null: the volunteer's own city; a name: the city they switched to.
  const [chosenCity, setChosenCity] = useState<string | null>(null);
  const profile = useRequest(user ? getMyVolunteerProfile : null, [user?.id]);
  const cities = useRequest(listCities, []);
  const ownCity = profile.data?.city || readStored<string>(keys.city, '');
  const city = chosenCity ?? ownCity;
  const matching = Boolean(profile.data);
  const ready = !profile.loading;
  // Signed in, each shift carries my own application: reload when the user changes.
  const shifts = usePagedList(
    ready ? (cursor) => listOpenShifts({ skill, city: city || undefined, sort: matching ? 'match' : undefined }, cursor) : null,
    [skill, user?.id, city, matching, ready],
    toShiftRow,
  );
  // The subscribe-message templates, ready before the tap that applies.
  useEffect(() => void prepareSubscribe(), []);

  usePullDownRefresh(() => {
    void shifts.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (shifts.hasMore && !shifts.moreError) void shifts.loadMore();
  });

  const cityList = cities.data ?? [];
  const where = city ? `${city}` : '';
  const state = renderState({
    loading: shifts.loading || !ready,
    error: shifts.error,
    empty: shifts.items.length === 0,
    emptyText: skill ? `${where}暂时没有需要“${skill}”的岗位` : `${where}暂时没有招募中的志愿岗位`,
    onRetry: () => void shifts.reload(),
  });

  return (
    <PageShell>
      <View className="section vol-city">
        {cityList.length > 0 ? (
          <Picker
            mode="selector"
            range={cityList}
            value={Math.max(0, cityList.indexOf(city))}
            onChange={(e) => setChosenCity(cityList[Number(e.detail.value)] ?? null)}
          >
            <View className="chip city-chip" aria-label={`城市：${city || '请选择'}，点按切换城市`}>
              城市：{city || '请选择'} ▾
            </View>
          </Picker>
        ) : null}
        {chosenCity !== null && chosenCity !== ownCity && ownCity ? (
          <View className="chip" {...asButton(() => setChosenCity(null))}>
            回到{ownCity}
          </View>
        ) : null}
        <Text className="block muted vol-city__note">
          {chosenCity === null && profile.data?.city ? '按志愿者资料中的服务城市' : '切换城市可查看其他城市的岗位'}
          {matching ? '；与你技能相符的岗位排在前面' : ''}
        </Text>
      </View>
      <ScrollView scrollX className="vol-filter">
        <View className="vol-filter__chips">
          {volunteerSkills.map((s) => (
            <View
              key={s}
              className={`chip ${skill === s ? 'chip--on' : ''}`}
              {...asButton(() => setSkill(skill === s ? undefined : s), { pressed: skill === s })}
            >
              {skill === s ? `✓ ${s}` : s}
            </View>
          ))}
        </View>
      </ScrollView>
      {shifts.stale ? <View className="section muted">网络不可用，以下是上次加载的岗位</View> : null}
      {state ?? shifts.items.map((row) => <ShiftCard key={row.id} shift={row} showEvent onChange={(next) => shifts.update((r) => r.id === next.id, next)} />)}
      <ListFooter list={shifts} />
    </PageShell>
  );
}
