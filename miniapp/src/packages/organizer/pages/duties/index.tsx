// 我的任务: the plan tasks my organization leads or supports in a year, what it has posted
// against each and which are still empty (待落实), with 发布活动 opening the event form on that task.
// Tasks only a phrase for every member unit (各成员单位) names are shown apart: shared, not our own duty.
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import type { DutyEventView, DutyPlanView, DutyTaskView, EventStatus, OrganizationDutiesView } from '@kepu/shared';
import { renderAccessGate } from '@/components/AccessGate';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useOnReturn } from '@/hooks/useOnReturn';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { getOrganizationDuties } from '@/services/duties';
import { asButton } from '@/utils/a11y';
import { routes } from '@/utils/routes';
import { cstParts, formatDateTime } from '@/utils/time';
import OrganizationPicker from '../../components/OrganizationPicker';
import '../../organizer.scss';
import './index.scss';

const statusLabels: Record<EventStatus, string> = {
  draft: '草稿',
  pending: '审核中',
  published: '已发布',
  rejected: '未通过',
  cancelled: '已取消',
};
const statusTone: Record<EventStatus, string> = {
  draft: '',
  pending: 'tag--warn',
  published: 'tag--ok',
  rejected: 'tag--warn',
  cancelled: '',
};

const thisYear = () => cstParts(new Date())?.year ?? new Date().getFullYear();

const levelNames: Record<string, string> = { national: '国家', province: '省级', city: '市级', county: '县级' };

export default function OrganizerDutiesPage() {
  const { user, hasRole } = useSession();
  const organizations = user?.organizations ?? [];
  const [organizerId, setOrganizerId] = useState(organizations[0]?.id ?? '');
  const [year, setYear] = useState(thisYear);
  const duties = useRequest(organizerId ? () => getOrganizationDuties(organizerId, year) : null, [organizerId, year]);

  // Back from the event form: what was posted shows at once.
  useOnReturn(() => void duties.reload());
  usePullDownRefresh(() => {
    void duties.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const gate = renderAccessGate({
    signedIn: Boolean(user),
    allowed: hasRole('organizer') && Boolean(organizerId),
    refusal: '你还不是任何主办单位的组织者，请联系管理员添加。',
  });
  if (gate) return gate;

  const data = duties.data;
  const state = renderState({ loading: duties.loading && !data, error: duties.error, onRetry: () => void duties.reload() });

  return (
    <PageShell>
      <OrganizationPicker organizations={organizations} value={organizerId} onChange={setOrganizerId} />
      <View className="section duties-year">
        <Button className="btn btn--ghost duties-year__step" onClick={() => setYear(year - 1)}>
          ‹ {year - 1}年
        </Button>
        <Text className="title duties-year__now">{year}年</Text>
        <Button className="btn btn--ghost duties-year__step" onClick={() => setYear(year + 1)}>
          {year + 1}年 ›
        </Button>
      </View>
      {state ?? (data ? <DutiesBody duties={data} /> : null)}
    </PageShell>
  );
}

function DutiesBody({ duties }: { duties: OrganizationDutiesView }) {
  if (duties.plans.length === 0)
    return (
      <View className="card">
        <Text className="block">{duties.year}年没有适用于本单位的工作要点（所在城市在这一年及以前尚未导入工作要点）。</Text>
      </View>
    );
  const own = duties.plans.flatMap((p) => p.tasks.filter((t) => !t.collective));
  const idle = own.filter((t) => t.idle).length;
  return (
    <View>
      <View className="card duties-summary">
        <Text className="block">
          {duties.organization.name}：牵头 {own.filter((t) => t.role === 'lead').length} 项，配合 {own.filter((t) => t.role === 'support').length} 项
        </Text>
        <Text className={`block duties-summary__idle ${idle ? 'duties-summary__idle--some' : ''}`}>
          {idle ? `待落实 ${idle} 项：${duties.year}年还没有已发布的活动` : `每项任务${duties.year}年都已有发布的活动`}
        </Text>
      </View>
      {duties.plans.map((plan) => (
        <PlanDuties key={plan.id} plan={plan} duties={duties} />
      ))}
    </View>
  );
}

function PlanDuties({ plan, duties }: { plan: DutyPlanView; duties: OrganizationDutiesView }) {
  const groups: { key: string; title: string; note?: string; tasks: DutyTaskView[] }[] = [
    { key: 'lead', title: '牵头的任务', tasks: plan.tasks.filter((t) => t.role === 'lead') },
    { key: 'support', title: '配合的任务', tasks: plan.tasks.filter((t) => t.role === 'support') },
    {
      key: 'shared',
      title: '全体成员单位的任务',
      note: '工作要点只写了“各成员单位”等，由全体成员单位共同落实，不算作本单位牵头或配合的任务；本单位为此发布的活动同样列在这里。',
      tasks: plan.tasks.filter((t) => t.collective),
    },
  ];
  const inferred = plan.tasks.some((t) => !t.collective && !t.roleWritten);
  return (
    <View className="duties-plan">
      <View className="section">
        <Text className="h1 block">{plan.title}</Text>
        <Text className="muted block">
          {plan.level && plan.city !== duties.organization.city ? `${levelNames[plan.level] ?? ''}工作要点 · ` : ''}
          {plan.carriedOver
            ? `${duties.year}年尚无新的工作要点，沿用${plan.year}年的任务`
            : plan.period
              ? `${plan.period.from}—${plan.period.to}年`
              : `${plan.year}年`}
        </Text>
        {inferred ? <Text className="muted block">这份工作要点未写明牵头、配合的任务，按惯例以排在第一位的单位为牵头单位。</Text> : null}
      </View>
      {plan.tasks.length === 0 ? (
        <View className="card">
          <Text className="block">本单位在这份工作要点中没有署名的任务。</Text>
        </View>
      ) : null}
      {groups
        .filter((g) => g.tasks.length > 0)
        .map((group) => (
          <View key={group.key} className="duties-group">
            <Text className="title section block">
              {group.title}（{group.tasks.length}项）
            </Text>
            {group.note ? <Text className="muted section block">{group.note}</Text> : null}
            {group.tasks.map((task) => (
              <TaskCard key={task.ordinal} task={task} plan={plan} duties={duties} />
            ))}
          </View>
        ))}
    </View>
  );
}

function TaskCard({ task, plan, duties }: { task: DutyTaskView; plan: DutyPlanView; duties: OrganizationDutiesView }) {
  // Shared tasks are nobody's own: no 待落实 alarm, only a plain note.
  const alarm = task.idle && !task.collective;
  const post = () =>
    void Taro.navigateTo({
      url: routes.organizerEditForTask({
        planId: plan.id,
        task: task.number,
        ordinal: task.ordinal,
        organizerId: duties.organization.id,
        city: duties.organization.city,
      }),
    });
  return (
    <View className={`card duty ${alarm ? 'duty--idle' : ''}`}>
      <View className="duty__head">
        <Text className="title duty__title">
          第{task.number}项 {task.title}
        </Text>
        {alarm ? <Text className="tag tag--warn">待落实</Text> : null}
      </View>
      {task.section ? <Text className="muted block">{task.section}</Text> : null}
      <Text className="muted block duty__unit">
        {task.collective
          ? `原文署名：${task.unitName}`
          : `原文署名：${task.unitName}（${task.role === 'lead' ? '牵头' : '配合'}${task.roleWritten ? '' : '，按署名顺序'}）`}
      </Text>
      {task.events.length > 0 ? (
        <View className="duty__events">
          <Text className="block duty__events-title">
            本单位{duties.year}年的活动（{task.events.length}场）
          </Text>
          {task.events.map((event) => (
            <EventRow key={event.id} event={event} />
          ))}
        </View>
      ) : (
        <Text className={`block duty__empty ${alarm ? 'duty__empty--alarm' : ''}`}>本单位{duties.year}年还没有对应的活动</Text>
      )}
      {task.idle && task.events.length > 0 ? <Text className={`block duty__empty ${alarm ? 'duty__empty--alarm' : ''}`}>还没有已发布的活动</Text> : null}
      <View className="org-actions">
        <Button className={`btn btn--block ${alarm ? '' : 'btn--ghost'}`} onClick={post}>
          发布活动
        </Button>
      </View>
    </View>
  );
}

function EventRow({ event }: { event: DutyEventView }) {
  // Drafts and events in review open in the form; published and cancelled ones as the public sees them.
  const open = () =>
    void Taro.navigateTo({ url: event.status === 'published' || event.status === 'cancelled' ? routes.eventDetail(event.id) : routes.organizerEdit(event.id) });
  return (
    <View className="list-row duty-event" {...asButton(open)}>
      <View className="duty-event__what">
        <Text className="block">{event.title}</Text>
        <Text className="muted block">{formatDateTime(event.startsAt)}</Text>
      </View>
      <Text className={`tag ${statusTone[event.status]}`}>{statusLabels[event.status]}</Text>
    </View>
  );
}
