// 拆分任务 / 与下一项合并: moving a task boundary the importer got wrong, from the outline of a
// stored plan. A split is chosen among the task's sentence boundaries; both are sent as
// PATCH /plans/:id and kept over every later import of the same text.
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PlanView } from '@kepu/shared';
import { correctPlan } from '@/services/admin';
import { toApiError } from '@/services/request';
import { asButton, labelled } from '@/utils/a11y';
import { splitPoints, taskTarget } from '../planText';

interface Props {
  plan: PlanView;
  /** The task's position in the outline (0-based). */
  index: number;
  /** The corrected plan and what was done (the outline is drawn again, so the page says it). */
  onSaved: (plan: PlanView, done: string) => void;
}

/** The first words of the second part, as the admin sees the choice. */
const excerpt = (text: string, at: number) => {
  const rest = text.slice(at);
  return rest.length > 16 ? `${rest.slice(0, 16)}…` : rest;
};

export default function TaskBoundary({ plan, index, onSaved }: Props) {
  const task = plan.tasks[index]!;
  const isLast = index === plan.tasks.length - 1;
  const points = splitPoints(task.text);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<number | null>(null);
  const [number, setNumber] = useState(String(task.number + 1));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState(false);

  const send = async (correction: { split?: { before: string; number: number }; mergeWithNext?: true }, done: string) => {
    setBusy(true);
    setMessage('');
    try {
      const corrected = await correctPlan(plan.id, { tasks: [{ ...taskTarget(plan.tasks, index), ...correction }] });
      setFailed(false);
      setOpen(false);
      setChosen(null);
      onSaved(corrected, done);
    } catch (caught) {
      const error = toApiError(caught);
      setFailed(true);
      setMessage(Object.values(error.fieldMessages)[0] ?? error.message);
    } finally {
      setBusy(false);
    }
  };

  const split = () => {
    if (chosen === null) {
      setFailed(true);
      setMessage('请先选择从哪一句起拆开');
      return;
    }
    if (!/^\d{1,3}$/.test(number.trim()) || Number(number) < 1) {
      setFailed(true);
      setMessage('请填写新任务的编号，如 3');
      return;
    }
    void send({ split: { before: points[chosen]!.before, number: Number(number) } }, '已拆分，以后重新导入同一文本时仍会保留');
  };

  return (
    <View className="admin-boundary">
      <View className="row admin-boundary__actions">
        {points.length ? (
          <Button className="btn btn--ghost" disabled={busy} onClick={() => setOpen((was) => !was)}>
            {open ? '收起拆分' : '拆分任务'}
          </Button>
        ) : null}
        {!isLast ? (
          <Button
            className="btn btn--ghost"
            disabled={busy}
            loading={busy && !open}
            onClick={() => void send({ mergeWithNext: true }, '已与下一项合并，以后重新导入同一文本时仍会保留')}
          >
            与下一项合并
          </Button>
        ) : null}
      </View>
      {open ? (
        <View className="admin-boundary__panel">
          <Text className="block">从哪一句起是新的一项任务？</Text>
          {points.map((point, i) => (
            <View
              key={point.at}
              className={`chip admin-boundary__point ${chosen === i ? 'chip--on' : ''}`}
              {...asButton(() => setChosen(i), { pressed: chosen === i })}
            >
              从“{excerpt(task.text, point.at)}”起
            </View>
          ))}
          <View className="field">
            <Text className="field__label">新任务的编号</Text>
            <Input className="input" type="number" value={number} maxlength={3} {...labelled('新任务的编号')} onInput={(e) => setNumber(e.detail.value)} />
          </View>
          <Button className="btn btn--block" loading={busy} disabled={busy} onClick={split}>
            确认拆分
          </Button>
        </View>
      ) : null}
      {message && failed ? <Text className="block field__error">{message}</Text> : null}
    </View>
  );
}
