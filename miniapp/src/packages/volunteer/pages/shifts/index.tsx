// 志愿岗位: open shifts from today on, filterable by skill; apply with one tap.
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import ListFooter from '@/components/ListFooter';
import LoginPrompt from '@/components/LoginPrompt';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { usePagedList } from '@/hooks/usePagedList';
import { useSession } from '@/hooks/useSession';
import { applyForShift, listOpenShifts } from '@/services/volunteer';
import { routes } from '@/utils/routes';
import { cstDate, formatRange } from '@/utils/time';
import '../../volunteer.scss';

const skillFilters = ['科普讲解', '应急救护', '医疗健康', '信息技术', '活动组织'];

export default function ShiftsPage() {
  const { user } = useSession();
  const [skill, setSkill] = useState<string | undefined>();
  const [applied, setApplied] = useState<Record<string, boolean>>({});
  const from = useMemo(() => cstDate(new Date()), []);
  const shifts = usePagedList(user ? (cursor) => listOpenShifts({ from, skill }, cursor) : null, [user?.id, skill]);

  usePullDownRefresh(() => {
    void shifts.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (shifts.hasMore && !shifts.moreError) void shifts.loadMore();
  });

  if (!user) return <PageShell><LoginPrompt text="登录后查看志愿岗位" /></PageShell>;

  const apply = async (shiftId: string) => {
    try {
      await applyForShift(shiftId);
      setApplied({ ...applied, [shiftId]: true });
      Taro.showToast({ title: '已提交申请，等待主办单位确认', icon: 'none' });
    } catch {
      // the request wrapper showed the server's message (e.g. no volunteer profile yet)
    }
  };

  const state = renderState({
    loading: shifts.loading,
    error: shifts.error,
    empty: shifts.items.length === 0,
    emptyText: '暂时没有开放的志愿岗位',
    onRetry: () => void shifts.reload(),
  });

  return (
    <PageShell>
      <View className="section">
        {skillFilters.map((s) => (
          <View key={s} className={`chip ${skill === s ? 'chip--on' : ''}`} onClick={() => setSkill(skill === s ? undefined : s)}>
            {skill === s ? `✓ ${s}` : s}
          </View>
        ))}
      </View>
      {state ??
        shifts.items.map((shift) => (
          <View key={shift.id} className="card">
            <Text className="title">{shift.role}</Text>
            {shift.event ? (
              <Text className="vol-line link" onClick={() => void Taro.navigateTo({ url: routes.eventDetail(shift.event!.id) })}>
                {shift.event.title}
              </Text>
            ) : null}
            <Text className="vol-line">{formatRange(shift.startsAt, shift.endsAt)}</Text>
            {shift.event?.venue ? <Text className="vol-line muted">{shift.event.venue.name}</Text> : null}
            <Text className="vol-line muted">
              需要 {shift.slots} 人{shift.approvedCount !== undefined ? `，已确认 ${shift.approvedCount} 人` : ''}
            </Text>
            <Button className="btn vol-actions" disabled={applied[shift.id]} onClick={() => void apply(shift.id)}>
              {applied[shift.id] ? '已申请' : '申请这个岗位'}
            </Button>
          </View>
        ))}
      <ListFooter list={shifts} />
    </PageShell>
  );
}
