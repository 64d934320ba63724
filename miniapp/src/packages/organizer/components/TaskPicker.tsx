// 依据任务: which tasks of the city's work plan the event carries out. The matcher's suggestions
// (with why) come first, a tap selects one; the plan's whole task list follows, folded.
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { PlanView, TaskSuggestionView } from '@kepu/shared';
import { useRequest } from '@/hooks/useRequest';
import { getPlan, listCityPlans, suggestTasks, type TaskSuggestionDraft } from '@/services/plans';
import { asButton } from '@/utils/a11y';

/** A task as the form sends it: its written number and, when known, its position in the plan (numbers may repeat per section). */
export interface TaskRef {
  planId: string;
  number: number;
  ordinal?: number;
}

interface Props {
  city: string;
  /** What the suggestions are computed from; null while the organizer has no organization. */
  draft: TaskSuggestionDraft | null;
  value: TaskRef[];
  onChange: (value: TaskRef[]) => void;
}

/** Suggestions follow the form after the organizer stops typing for this long. */
const DEBOUNCE_MS = 600;

const same = (a: TaskRef, b: TaskRef) =>
  a.planId === b.planId && (a.ordinal !== undefined && b.ordinal !== undefined ? a.ordinal === b.ordinal : a.number === b.number);

/** A heading's own marker: 二、, （二）, 第二部分. */
const SECTION_MARKER = /^(?:第[一二三四五六七八九十百〇零]+部分|[一二三四五六七八九十百〇零]+、|（[一二三四五六七八九十百〇零]+）)/;

/** 第1项; when the plan numbers its tasks again in each section, with the section's marker: 二、第1项. */
export function taskLabel(tasks: PlanView['tasks'] | undefined, ref: TaskRef): string {
  const task = tasks?.find((t) => same({ planId: ref.planId, number: t.number, ordinal: t.ordinal }, ref));
  if (!task || tasks!.filter((t) => t.number === task.number).length < 2) return `第${ref.number}项`;
  const marker = task.sectionPath.map((s) => SECTION_MARKER.exec(s.trim())?.[0]).find(Boolean);
  return `${marker ?? ''}第${task.number}项`;
}

export default function TaskPicker({ city, draft, value, onChange }: Props) {
  const [suggestions, setSuggestions] = useState<TaskSuggestionView[]>([]);
  const [open, setOpen] = useState(false);
  const key = draft ? JSON.stringify(draft) : '';

  useEffect(() => {
    // Read back from the key: the draft is compared by value, a new object with the same fields asks nothing new.
    const wanted = key ? (JSON.parse(key) as TaskSuggestionDraft) : null;
    if (!wanted || wanted.title.trim().length < 2) {
      setSuggestions([]);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      suggestTasks(wanted)
        .then((items) => current && setSuggestions(items))
        .catch(() => current && setSuggestions([]));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);

  // The city's current plan: the newest.
  const plan = useRequest(
    city.trim()
      ? async () => {
          const [newest] = await listCityPlans(city.trim());
          return newest ? getPlan(newest.id) : null;
        }
      : null,
    [city.trim()],
  );

  // Only the reference goes into the form: a suggestion's score and reason are not part of the event.
  const toggle = ({ planId, number, ordinal }: TaskRef) => {
    const ref = { planId, number, ordinal };
    onChange(value.some((v) => same(v, ref)) ? value.filter((v) => !same(v, ref)) : [...value, ref]);
  };
  const chosen = (task: TaskRef) => value.some((v) => same(v, task));
  const tasks = plan.data?.tasks ?? [];
  // A chosen task of another plan (a provincial one, or an earlier year's, chosen in 我的任务): its plan is read for the title.
  const otherPlanIds = plan.loading ? '' : [...new Set(value.map((v) => v.planId).filter((id) => id !== plan.data?.id))].sort().join(',');
  const otherPlans = useRequest(otherPlanIds ? () => Promise.all(otherPlanIds.split(',').map((id) => getPlan(id))) : null, [otherPlanIds]);
  const tasksOf = (planId: string) => [plan.data, ...(otherPlans.data ?? [])].find((p) => p?.id === planId)?.tasks;
  const titleOf = (task: TaskRef) => tasksOf(task.planId)?.find((t) => same({ planId: task.planId, number: t.number, ordinal: t.ordinal }, task))?.title;
  const labelOf = (task: TaskRef) => taskLabel(tasksOf(task.planId), task);

  return (
    <View className="field task-picker">
      <Text className="field__label">依据任务（工作要点）</Text>
      {suggestions.length > 0 ? (
        <View className="task-suggestions">
          <Text className="muted block">根据活动内容推荐，点按即可选择：</Text>
          {suggestions.map((s) => (
            <View
              key={`${s.planId}-${s.ordinal}`}
              className={`task-suggestion ${chosen(s) ? 'task-suggestion--on' : ''}`}
              {...asButton(() => toggle(s), { pressed: chosen(s) })}
            >
              <Text className="task-suggestion__title">
                {chosen(s) ? '✓ ' : ''}
                {labelOf(s)} {s.title}
              </Text>
              <Text className="task-suggestion__reason">{s.reason}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text className="muted block">
          {draft && draft.title.trim().length >= 2 ? '暂无匹配的任务，可在下方全部任务中选择。' : '填写活动名称后，这里会推荐相关任务。'}
        </Text>
      )}
      {value.length > 0 ? (
        <Text className="block task-picker__chosen">已选：{value.map((t) => `${labelOf(t)}${titleOf(t) ? ` ${titleOf(t)}` : ''}`).join('；')}</Text>
      ) : null}
      {tasks.length > 0 ? (
        <View>
          <View className="task-picker__toggle link" {...asButton(() => setOpen(!open), { expanded: open })}>
            {open ? '收起全部任务 ▴' : `全部任务（${plan.data!.year}年，共${tasks.length}项） ▾`}
          </View>
          {open
            ? tasks.map((t) => {
                const ref = { planId: plan.data!.id, number: t.number, ordinal: t.ordinal };
                return (
                  <View
                    key={t.ordinal}
                    className={`task-option ${chosen(ref) ? 'task-option--on' : ''}`}
                    {...asButton(() => toggle(ref), { pressed: chosen(ref) })}
                  >
                    {chosen(ref) ? '✓ ' : ''}
                    {labelOf(ref)} {t.title}
                  </View>
                );
              })
            : null}
        </View>
      ) : null}
    </View>
  );
}
