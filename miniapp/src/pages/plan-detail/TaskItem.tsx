// One numbered task of a plan: its title, and when opened its text, responsible
// units, audiences, themes, campaigns and what has been done about it.
import { Text, View } from '@tarojs/components';
import type { PlanTaskView, TaskProgressView } from '@kepu/shared';
import { asButton } from '@/utils/a11y';
import VolunteerNeedMark from './VolunteerNeedMark';

interface Props {
  task: PlanTaskView;
  progress?: TaskProgressView;
  open: boolean;
  onToggle: () => void;
  onCampaign: (code: string) => void;
  /** Campaigns whose dates for the plan's year nobody has set yet (日期待定): no event of theirs yet. */
  pendingCampaigns?: ReadonlySet<string>;
  /** Opens the events counted for the task. */
  onEvents: () => void;
}

export default function TaskItem({ task, progress, open, onToggle, onCampaign, pendingCampaigns, onEvents }: Props) {
  return (
    <View id={`task-${task.number}`} className={`task ${open ? 'task--open' : ''}`}>
      <View className="task__head" hoverClass="pressed" {...asButton(onToggle, { expanded: open })}>
        <Text className="task__number">{task.number}.</Text>
        <Text className="task__title">{task.title}</Text>
        {task.volunteerNeed ? <VolunteerNeedMark /> : null}
        {progress ? progress.idle ? <Text className="tag tag--warn">暂无活动</Text> : <Text className="tag tag--ok">{progress.published} 场活动</Text> : null}
      </View>
      {open ? (
        <View className="task__body">
          <Text className="task__text" userSelect>
            {task.text}
          </Text>
          {task.volunteerNeed ? <VolunteerNeedMark long /> : null}
          {task.responsibleUnits.length ? <Text className="block muted">责任单位：{task.responsibleUnits.map((u) => u.name).join('、')}</Text> : null}
          <View className="task__tags">
            {task.audiences.map((a) => (
              <Text key={`a-${a}`} className="tag">
                {a}
              </Text>
            ))}
            {task.themes.map((t) => (
              <Text key={`t-${t}`} className="tag">
                {t}
              </Text>
            ))}
          </View>
          {task.campaigns.length ? (
            <View className="task__campaigns">
              <Text className="block muted">相关品牌活动（点按查看活动）：</Text>
              <View className="row">
                {task.campaigns.map((c) => (
                  <View key={c.code} className="chip" {...asButton(() => onCampaign(c.code))}>
                    {c.name}
                    {pendingCampaigns?.has(c.code) ? '（日期待定）' : ''} ›
                  </View>
                ))}
              </View>
            </View>
          ) : null}
          {progress ? (
            <Text className="block muted">
              活动 {progress.events} 场，报名 {progress.signups} 人次，签到 {progress.checkins} 人次，志愿服务 {progress.volunteerHours} 小时
            </Text>
          ) : null}
          {progress && !progress.idle ? (
            <View className="chip task__events" {...asButton(onEvents)}>
              查看 {progress.events} 场活动 ›
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
