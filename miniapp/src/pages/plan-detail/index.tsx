// 工作要点详情: a plan's sections and numbered tasks, the progress of each task,
// the responsible units, and links from campaigns to their events.
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { getPlan, getPlanProgress } from '@/services/plans';
import type { PlanTaskView, TaskProgressView } from '@kepu/shared';
import { keys, writeStored } from '@/utils/storage';
import { routes, tabs } from '@/utils/routes';
import { formatFullDate } from '@/utils/time';
import TaskItem from './TaskItem';
import './index.scss';

interface Group {
  key: string;
  heading: string;
  subheading: string;
  /** Each with its position in the plan: numbers repeat when a plan numbers its tasks again in each section. */
  tasks: { task: PlanTaskView; index: number }[];
}

/** Consecutive tasks under the same headings, in document order. */
function groupBySection(tasks: PlanTaskView[]): Group[] {
  const groups: Group[] = [];
  tasks.forEach((task, index) => {
    const key = task.sectionPath.join('|');
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.tasks.push({ task, index });
    else
      groups.push({ key: `${key}#${index}`, heading: task.sectionPath[0] ?? '', subheading: task.sectionPath.slice(1).join(' › '), tasks: [{ task, index }] });
  });
  return groups;
}

export default function PlanDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const focusTask = Number(params.task) || null;
  const plan = useRequest(() => getPlan(id), [id]);
  const progress = useRequest(() => getPlanProgress(id), [id]);
  /** The open task's position in the plan; until one is tapped, the task the link named (by number). */
  const [tapped, setTapped] = useState<number | null | undefined>(undefined);
  const focusIndex = focusTask === null ? -1 : (plan.data?.tasks.findIndex((task) => task.number === focusTask) ?? -1);
  const open = tapped === undefined ? (focusIndex >= 0 ? focusIndex : null) : tapped;
  const [showUnits, setShowUnits] = useState(false);

  const groups = useMemo(() => groupBySection(plan.data?.tasks ?? []), [plan.data]);
  const progressByTask = useMemo(() => {
    const map = new Map<number, TaskProgressView>();
    for (const task of progress.data?.tasks ?? []) map.set(task.ordinal, task);
    return map;
  }, [progress.data]);

  const pendingCampaigns = useMemo(() => new Set((plan.data?.campaignsPending ?? []).map((c) => c.code)), [plan.data]);

  useEffect(() => {
    if (plan.data && focusTask) {
      Taro.nextTick(() => void Taro.pageScrollTo({ selector: `#task-${focusTask}`, duration: 0 }).catch(() => undefined));
    }
  }, [plan.data, focusTask]);

  const showCampaign = (code: string) => {
    writeStored(keys.pendingFilter, { campaign: code });
    void Taro.switchTab({ url: tabs.events });
  };

  const state = renderState({ loading: plan.loading, error: plan.error, onRetry: () => void plan.reload() });
  if (state || !plan.data) return <PageShell>{state}</PageShell>;
  const p = plan.data;
  const total = p.tasks.length;
  const idle = progress.data?.idleTasks.length ?? 0;
  const covered = progress.data ? total - idle : 0;
  let previousHeading = '';

  return (
    <PageShell>
      <View className="card">
        <Text className="h1">{p.title}</Text>
        <Text className="block muted">{[p.issuer, p.documentNumber, p.issuedOn ? formatFullDate(p.issuedOn) : null].filter(Boolean).join(' · ')}</Text>
      </View>

      <View className="card">
        <Text className="title">落实进度</Text>
        {progress.error ? (
          <View>
            <Text className="field__error">{progress.error.message}</Text>
            <Button className="btn btn--ghost" onClick={() => void progress.reload()}>
              重试
            </Button>
          </View>
        ) : progress.loading ? (
          <Text className="muted">加载中…</Text>
        ) : (
          <View>
            <Text className="block">
              {progress.data!.year} 年已有活动的任务 {covered} / {total} 项
            </Text>
            <View className="progress plan-progress">
              <View className="progress__bar" style={{ width: `${total ? Math.round((covered / total) * 100) : 0}%` }} />
            </View>
            {idle ? <Text className="block muted">尚无活动的任务：第 {progress.data!.idleTasks.join('、')} 项</Text> : null}
            <Button className="btn btn--block plan-charts" onClick={() => void Taro.navigateTo({ url: routes.planProgress(id) })}>
              查看图表与年度报告
            </Button>
            {progress.data!.units.length ? (
              <Button className="btn btn--ghost plan-units-toggle" onClick={() => setShowUnits(!showUnits)}>
                {showUnits ? '收起责任单位' : `查看责任单位（${progress.data!.units.length}）`}
              </Button>
            ) : null}
            {showUnits
              ? progress.data!.units.map((unit) => (
                  <View key={unit.name} className="plan-unit">
                    <Text className="block">{unit.name}</Text>
                    <Text className="block muted">
                      负责第 {unit.tasks.join('、')} 项 · 活动 {unit.events} 场 · 报名 {unit.signups} · 签到 {unit.checkins}
                    </Text>
                  </View>
                ))
              : null}
          </View>
        )}
      </View>

      {groups.map((group) => {
        const showHeading = group.heading !== previousHeading;
        previousHeading = group.heading;
        return (
          <View key={group.key} className="card plan-group">
            {showHeading && group.heading ? <Text className="title">{group.heading}</Text> : null}
            {group.subheading ? <Text className="block plan-sub">{group.subheading}</Text> : null}
            {group.tasks.map(({ task, index }) => (
              <TaskItem
                key={index}
                task={task}
                progress={progressByTask.get(task.ordinal)}
                open={open === index}
                onToggle={() => setTapped(open === index ? null : index)}
                onCampaign={showCampaign}
                pendingCampaigns={pendingCampaigns}
                onEvents={() => void Taro.navigateTo({ url: routes.taskEvents(id, task.number, undefined, task.title, task.ordinal) })}
              />
            ))}
          </View>
        );
      })}
    </PageShell>
  );
}
