// 我的申请与记录: each shift I applied for, its decision, and the hours recorded.
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import LoginPrompt from '@/components/LoginPrompt';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { getMyVolunteerProfile } from '@/services/volunteer';
import { formatRange } from '@/utils/time';
import '../../volunteer.scss';

const statusNames: Record<string, { label: string; tone: string }> = {
  applied: { label: '待确认', tone: 'tag--warn' },
  approved: { label: '已录用', tone: 'tag--ok' },
  rejected: { label: '未录用', tone: 'tag--warn' },
  completed: { label: '已完成', tone: 'tag--ok' },
};

export default function ApplicationsPage() {
  const { user } = useSession();
  const profile = useRequest(user ? getMyVolunteerProfile : null, [user?.id]);
  usePullDownRefresh(() => {
    void profile.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!user) return <PageShell><LoginPrompt /></PageShell>;
  const entries = profile.data?.record ?? profile.data?.applications ?? [];
  const state = renderState({
    loading: profile.loading,
    error: profile.error,
    empty: entries.length === 0,
    emptyText: '还没有申请过志愿岗位',
    onRetry: () => void profile.reload(),
  });

  return (
    <PageShell>
      {profile.data ? (
        <View className="card">
          <Text className="title">累计志愿服务 {profile.data.totalHours ?? 0} 小时</Text>
        </View>
      ) : null}
      {state ??
        entries.map((entry) => {
          const status = statusNames[entry.status] ?? { label: entry.status, tone: '' };
          return (
            <View key={entry.id} className="card">
              <Text className="title">{entry.shift?.event?.title ?? '志愿岗位'}</Text>
              {entry.shift ? <Text className="vol-line">{entry.shift.role} · {formatRange(entry.shift.startsAt, entry.shift.endsAt)}</Text> : null}
              <View className="vol-line">
                <Text className={`tag ${status.tone}`}>{status.label}</Text>
                {entry.hours ? <Text className="tag tag--ok">服务 {entry.hours} 小时</Text> : null}
              </View>
            </View>
          );
        })}
    </PageShell>
  );
}
