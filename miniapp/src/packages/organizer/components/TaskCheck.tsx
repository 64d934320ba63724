// For reviewers: does the task the organizer chose (依据) match what the event is about?
// Compares the event's planTasks with the matcher's suggestions for it, which the review
// queue reads for all its events in one request (undefined until they arrive).
import { Text, View } from '@tarojs/components';
import type { EventView, TaskSuggestionView } from '@kepu/shared';

export default function TaskCheck({ event, suggestions }: { event: Pick<EventView, 'id' | 'planTasks'>; suggestions: TaskSuggestionView[] | undefined }) {
  if (!suggestions) return null;
  const [best] = suggestions;
  const chosen = event.planTasks;
  const chosenText = chosen.map((t) => `第${t.number}项 ${t.title}`).join('；');
  const matches = chosen.some((t) => suggestions.some((s) => s.planId === t.planId && s.ordinal === t.ordinal));

  if (chosen.length === 0) {
    return best ? (
      <Text className="task-check task-check--differs">
        未选择依据任务。建议：第{best.number}项 {best.title}（{best.reason}）
      </Text>
    ) : null;
  }
  return (
    <View>
      <Text className="task-check">依据：{chosenText}</Text>
      {matches ? (
        <Text className="task-check task-check--ok">✓ 与建议一致</Text>
      ) : best ? (
        <Text className="task-check task-check--differs">
          与活动内容关联不明显。建议：第{best.number}项 {best.title}（{best.reason}）
        </Text>
      ) : (
        <Text className="task-check task-check--differs">系统未找到与活动内容相关的任务，请核对依据。</Text>
      )}
    </View>
  );
}
