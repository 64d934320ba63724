// 数据统计: my organization's year in numbers: the totals, charts per month (events,
// sign-ups beside check-ins, check-in rate, volunteer hours) and the same numbers as a table.
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import type { OrganizationStatsView } from '@kepu/shared';
import ChartCard from '@/charts/ChartCard';
import DataTable from '@/charts/DataTable';
import { organizationStatsCharts } from '@/charts/specs';
import { renderAccessGate } from '@/components/AccessGate';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { getOrganizationStats } from '@/services/stats';
import { cstParts } from '@/utils/time';
import OrganizationPicker from '../../components/OrganizationPicker';
import '../../organizer.scss';
import './index.scss';

const thisYear = () => cstParts(new Date())?.year ?? new Date().getFullYear();
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

function Totals({ stats }: { stats: OrganizationStatsView }) {
  const t = stats.totals;
  const items: [string, string][] = [
    ['活动', `${t.events} 场`],
    ['名额', String(t.seats)],
    ['报名', `${t.signups} 人次`],
    ['签到', `${t.checkins} 人次`],
    ['签到率', percent(t.checkinRate)],
    ['志愿服务', `${t.volunteerHours} 小时`],
  ];
  return (
    <View className="card">
      <Text className="title">{stats.year} 年合计</Text>
      <Text className="block muted">只计已发布、未取消的活动，按活动开始时间归入月份</Text>
      <View className="stats-totals">
        {items.map(([label, value]) => (
          <View key={label} className="stats-total">
            <Text className="stats-total__value">{value}</Text>
            <Text className="stats-total__label muted">{label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function StatsBody({ stats }: { stats: OrganizationStatsView }) {
  const specs = useMemo(() => organizationStatsCharts(stats), [stats]);
  return (
    <View>
      <Totals stats={stats} />
      {specs.map((spec) => (
        <ChartCard key={spec.title} spec={spec} />
      ))}
      <View className="card">
        <Text className="title">数据表</Text>
        <Text className="block muted">与上方图表相同的数字。</Text>
        <DataTable
          caption={`${stats.year} 年每月数据`}
          columns={['月份', '活动', '报名', '签到', '签到率', '志愿时长']}
          rows={[
            ...stats.months.map((m) => ({
              key: m.month,
              cells: [`${Number(m.month.slice(5))}月`, m.events, m.signups, m.checkins, percent(m.checkinRate), m.volunteerHours],
            })),
            {
              key: 'total',
              cells: ['合计', stats.totals.events, stats.totals.signups, stats.totals.checkins, percent(stats.totals.checkinRate), stats.totals.volunteerHours],
            },
          ]}
        />
      </View>
    </View>
  );
}

export default function OrganizerStatsPage() {
  const { user, hasRole } = useSession();
  const organizations = user?.organizations ?? [];
  const [organizerId, setOrganizerId] = useState(organizations[0]?.id ?? '');
  const [year, setYear] = useState(thisYear);
  const stats = useRequest(organizerId ? () => getOrganizationStats(organizerId, year) : null, [organizerId, year]);

  usePullDownRefresh(() => {
    void stats.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const gate = renderAccessGate({
    signedIn: Boolean(user),
    allowed: hasRole('organizer') && Boolean(organizerId),
    refusal: '你还不是任何主办单位的组织者，请联系管理员添加。',
  });
  if (gate) return gate;

  const data = stats.data;
  const state = renderState({ loading: stats.loading && !data, error: stats.error, onRetry: () => void stats.reload() });

  return (
    <PageShell>
      <OrganizationPicker organizations={organizations} value={organizerId} onChange={setOrganizerId} />
      <View className="section stats-year">
        <Button className="btn btn--ghost stats-year__step" onClick={() => setYear(year - 1)}>
          ‹ {year - 1}年
        </Button>
        <Text className="title stats-year__now">{year}年</Text>
        <Button className="btn btn--ghost stats-year__step" onClick={() => setYear(year + 1)}>
          {year + 1}年 ›
        </Button>
      </View>
      {state ?? (data ? <StatsBody stats={data} /> : null)}
    </PageShell>
  );
}
