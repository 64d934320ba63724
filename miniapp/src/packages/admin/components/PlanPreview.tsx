// A parsed or stored plan as the admin checks it: warnings first, then the header, then the
// outline with each task's units (牵头/配合, 继承), audiences and campaigns with their dates.
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { CampaignView, DerivedEventView, PlanTaskView, PlanView } from '@kepu/shared';
import { formatDaySpan } from '@/utils/time';
import { levelNames, writtenDate } from '../planText';

export type PreviewPlan = Omit<PlanView, 'city' | 'year' | 'id'> & { city: string | null; year: number | null };

export interface PlanWarning {
  code: string;
  message: string;
  line?: number;
}

interface Props {
  plan: PreviewPlan;
  warnings?: PlanWarning[];
  needsReview?: boolean;
  derivedEvents?: DerivedEventView[];
  /** The campaign catalogue of the plan's year: dates for campaigns no derived event carries yet. */
  catalogue?: CampaignView[];
  /** Controls under each task (a stored plan's boundary corrections), given the task's position in the plan. */
  taskActions?: (index: number) => ReactNode;
}

function HeaderRow({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <View className="admin-row">
      <Text className="admin-row__label">{label}</Text>
      {value ? <Text className="admin-row__value">{value}</Text> : <Text className="admin-row__value admin-missing">未读出</Text>}
    </View>
  );
}

export function Warnings({ warnings, needsReview }: { warnings: PlanWarning[]; needsReview?: boolean }) {
  if (!warnings.length && !needsReview) return null;
  return (
    <View className="card admin-warnings">
      <Text className="title">{needsReview ? '需要核对' : '提示'}</Text>
      {warnings.map((warning, i) => (
        <Text key={`${warning.code}-${i}`} className="admin-warning">
          {warning.line ? `第 ${warning.line} 行：` : ''}
          {warning.message}
        </Text>
      ))}
    </View>
  );
}

const roleNames = { lead: '牵头', support: '配合' } as const;

function TaskUnits({ task }: { task: PlanTaskView }) {
  if (!task.responsibleUnits.length) return <Text className="block muted">未读出责任单位</Text>;
  return (
    <View className="admin-units">
      {task.responsibleUnits.map((unit, i) => (
        <View key={`${unit.name}-${i}`} className="admin-unit">
          <Text>{unit.name}</Text>
          {unit.role ? <Text className={`tag admin-badge ${unit.role === 'lead' ? '' : 'tag--ok'}`}>{roleNames[unit.role]}</Text> : null}
          {unit.inherited ? <Text className="tag tag--warn admin-badge">继承</Text> : null}
        </View>
      ))}
    </View>
  );
}

/** The campaign's dates in the plan's year as people write them; null when nobody knows them yet (日期待定). */
function campaignDates(code: string, plan: PreviewPlan, derived: DerivedEventView[], catalogue: CampaignView[]): string | null {
  if (plan.campaignsPending.some((c) => c.code === code)) return null;
  const known = derived.find((d) => d.campaignCode === code && d.startsOn) ?? catalogue.find((c) => c.code === code && c.startsOn);
  return known?.startsOn ? formatDaySpan(known.startsOn, known.endsOn) : null;
}

/** Tasks in order (with their position in the plan), grouped under the section path they sit in. */
function groupBySection(tasks: PlanTaskView[]): { path: string[]; tasks: { task: PlanTaskView; index: number }[] }[] {
  const groups: { path: string[]; tasks: { task: PlanTaskView; index: number }[] }[] = [];
  tasks.forEach((task, index) => {
    const last = groups[groups.length - 1];
    if (last && last.path.join('\n') === task.sectionPath.join('\n')) last.tasks.push({ task, index });
    else groups.push({ path: task.sectionPath, tasks: [{ task, index }] });
  });
  return groups;
}

export default function PlanPreview({ plan, warnings = [], needsReview, derivedEvents = [], catalogue = [], taskActions }: Props) {
  const period = plan.period ? `${plan.period.from}—${plan.period.to}年` : null;
  return (
    <View>
      <Warnings warnings={warnings} needsReview={needsReview} />
      <View className="card">
        <Text className="h1">{plan.title}</Text>
        {plan.script === 'traditional' ? <Text className="tag tag--warn">原文为繁体，已转为简体</Text> : null}
        <HeaderRow label="地区" value={[plan.place, plan.level ? levelNames[plan.level] : null].filter(Boolean).join(' · ')} />
        <HeaderRow label="归入城市" value={plan.city} />
        <HeaderRow label="文件类型" value={plan.kind} />
        <HeaderRow label="年份" value={plan.year ? `${plan.year}年` : null} />
        {period ? <HeaderRow label="实施期" value={period} /> : null}
        <HeaderRow label="印发单位" value={plan.issuer} />
        <HeaderRow label="印发日期" value={writtenDate(plan.issuedOn)} />
        <HeaderRow label="文号" value={plan.documentNumber} />
        <Text className="block muted admin-count">共 {plan.tasks.length} 项任务</Text>
      </View>
      {groupBySection(plan.tasks).map((group, g) => (
        <View key={g} className="card">
          {group.path.map((heading, level) => (
            <Text key={level} className={level === 0 ? 'title' : 'block admin-subsection'}>
              {heading}
            </Text>
          ))}
          {group.tasks.map(({ task, index }) => (
            <View key={`${task.number}-${index}`} className="admin-task">
              <Text className="block admin-task__title">
                {task.number}. {task.title}
              </Text>
              <TaskUnits task={task} />
              {task.audiences.length ? <Text className="block muted">面向：{task.audiences.join('、')}</Text> : null}
              {task.campaigns.map((campaign) => {
                const dates = campaignDates(campaign.code, plan, derivedEvents, catalogue);
                return (
                  <View key={campaign.code} className="admin-campaign">
                    <Text>{campaign.name}</Text>
                    {dates ? <Text className="muted">{dates}</Text> : <Text className="tag tag--warn admin-badge">日期待定</Text>}
                  </View>
                );
              })}
              {taskActions ? taskActions(index) : null}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
