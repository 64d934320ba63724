// 落实进度: how far a plan has got in its year, for the leading group and the
// responsible units: completion by section, monthly activity, audiences reached and
// units ranked by activity (F2 charts, src/charts), the same numbers as a table,
// each task opening its events, and the year-end report (XLSX) for those allowed it.
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import type { PlanProgressView } from '@kepu/shared';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { openFile } from '@/services/download';
import { getPlan, getPlanProgress, planReportPath } from '@/services/plans';
import { asButton } from '@/utils/a11y';
import { readParam, routes } from '@/utils/routes';
import { formatFullDate } from '@/utils/time';
import ChartCard from '@/charts/ChartCard';
import DataTable, { type TableRow } from '@/charts/DataTable';
import { progressCharts } from '@/charts/specs';
import '../../progress.scss';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** The breakdowns the charts draw, as table rows: name, events, sign-ups, check-ins, attendance. */
function tallyRows<T extends { events: number; signups: number; checkins: number; attendanceRate: number | null }>(
  items: T[],
  name: (item: T) => string,
): TableRow[] {
  return items.map((item) => ({ key: name(item), cells: [name(item), item.events, item.signups, item.checkins, percent(item.attendanceRate)] }));
}
const tallyColumns = (first: string) => [first, '活动', '报名', '签到', '到场率'];

function Charts({ progress }: { progress: PlanProgressView }) {
  const specs = useMemo(() => progressCharts(progress), [progress]);
  return (
    <View>
      {specs.map((spec) => (
        <ChartCard key={spec.title} spec={spec} />
      ))}
    </View>
  );
}

function Tables({ progress }: { progress: PlanProgressView }) {
  return (
    <View className="card">
      <Text className="title">数据表</Text>
      <Text className="block muted">与上方图表相同的数字。</Text>
      <DataTable
        caption="各部分完成情况"
        columns={['部分', '任务', '已有活动', '活动']}
        rows={progress.sections.map((s) => ({ key: s.section, cells: [s.section, s.tasks, s.activeTasks, s.taskEvents] }))}
      />
      <DataTable caption="每月活动" columns={tallyColumns('月份')} rows={tallyRows(progress.months, (m) => m.month)} />
      <DataTable caption="服务人群" columns={tallyColumns('人群')} rows={tallyRows(progress.audiences, (a) => a.audience)} />
      <DataTable caption="区县" columns={tallyColumns('区县')} rows={tallyRows(progress.districts, (d) => d.district || '未填写')} />
      <DataTable caption="责任单位" columns={tallyColumns('单位')} rows={tallyRows(progress.units, (u) => `${u.name}${u.collective ? '（集体表述）' : ''}`)} />
    </View>
  );
}

export default function PlanProgressPage() {
  const { params } = useRouter();
  const id = readParam(params.id);
  const [year, setYear] = useState<number | undefined>(params.year ? Number(params.year) : undefined);
  const { user } = useSession();
  const plan = useRequest(() => getPlan(id), [id]);
  const progress = useRequest(() => getPlanProgress(id, year), [id, year]);
  const [downloading, setDownloading] = useState(false);

  usePullDownRefresh(() => {
    void progress.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const state =
    renderState({ loading: plan.loading, error: plan.error, onRetry: () => void plan.reload() }) ??
    renderState({ loading: progress.loading, error: progress.error, onRetry: () => void progress.reload() });
  if (state || !plan.data || !progress.data) return <PageShell>{state}</PageShell>;
  const p = progress.data;
  const shownYear = p.year;
  const t = p.totals;
  const unitIds = new Set(p.units.map((u) => u.organizationId).filter(Boolean));
  const mayDownload = Boolean(user && (user.roles.includes('admin') || user.organizations.some((o) => unitIds.has(o.id))));

  const download = async () => {
    setDownloading(true);
    try {
      await openFile(planReportPath(id, year), `${plan.data!.city}${shownYear}年执行情况报告.xlsx`, 'xlsx');
    } catch {
      // the download showed the server's message
    } finally {
      setDownloading(false);
    }
  };

  return (
    <PageShell>
      <View className="card">
        <Text className="h1">{plan.data.title}</Text>
        <Text className="block muted">
          统计期间 {formatFullDate(p.window.from)} 至 {formatFullDate(p.window.to)}，只计已发布、未取消的活动
        </Text>
        <Text className="block">
          已有活动的任务 {t.activeTasks} / {t.tasks} 项
        </Text>
        <Text className="block">
          活动 {t.events} 场 · 名额 {t.seats} · 报名 {t.signups} · 签到 {t.checkins} · 到场率 {percent(t.attendanceRate)} · 志愿服务 {t.volunteerHours} 小时
        </Text>
        <View className="progress-actions">
          <Button className="btn btn--ghost" onClick={() => setYear(shownYear - 1)}>
            上一年（{shownYear - 1}）
          </Button>
          <Button className="btn btn--ghost" onClick={() => setYear(shownYear + 1)}>
            下一年（{shownYear + 1}）
          </Button>
        </View>
        {mayDownload ? (
          <Button className="btn btn--block progress-download" loading={downloading} disabled={downloading} onClick={() => void download()}>
            下载年度报告
          </Button>
        ) : null}
      </View>

      <Charts progress={p} />

      <View className="card">
        <Text className="title">任务进度</Text>
        <Text className="block muted">点按任务查看计入的活动。</Text>
        {p.tasks.map((task) => (
          <View
            key={task.ordinal}
            className="progress-task"
            hoverClass="pressed"
            {...asButton(() => void Taro.navigateTo({ url: routes.taskEvents(id, task.number, year, task.title, task.ordinal) }))}
          >
            <Text className="progress-task__title">
              {task.number}. {task.title}
            </Text>
            {task.idle ? <Text className="tag tag--warn">暂无活动</Text> : <Text className="tag tag--ok">{task.events} 场活动 ›</Text>}
          </View>
        ))}
      </View>

      <Tables progress={p} />
    </PageShell>
  );
}
