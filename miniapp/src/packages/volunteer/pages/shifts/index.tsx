// 志愿岗位: shifts still taking volunteers, soonest first, filterable by skill;
// apply with one tap. Rows are slimmed and paged, so page data stays small.
import { ScrollView, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { VolunteerSkill } from '@kepu/shared';
import ListFooter from '@/components/ListFooter';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import ShiftCard, { toShiftRow } from '@/components/ShiftCard';
import { usePagedList } from '@/hooks/usePagedList';
import { useSession } from '@/hooks/useSession';
import { prepareSubscribe } from '@/services/subscribe';
import { listOpenShifts, volunteerSkills } from '@/services/volunteer';
import { asButton } from '@/utils/a11y';
import '../../volunteer.scss';

export default function ShiftsPage() {
  const { user } = useSession();
  const [skill, setSkill] = useState<VolunteerSkill | undefined>();
  // Signed in, each shift carries my own application: reload when the user changes.
  const shifts = usePagedList((cursor) => listOpenShifts({ skill }, cursor), [skill, user?.id], toShiftRow);
  // The subscribe-message templates, ready before the tap that applies.
  useEffect(() => void prepareSubscribe(), []);

  usePullDownRefresh(() => {
    void shifts.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (shifts.hasMore && !shifts.moreError) void shifts.loadMore();
  });

  const state = renderState({
    loading: shifts.loading,
    error: shifts.error,
    empty: shifts.items.length === 0,
    emptyText: skill ? `暂时没有需要“${skill}”的岗位` : '暂时没有招募中的志愿岗位',
    onRetry: () => void shifts.reload(),
  });

  return (
    <PageShell>
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
