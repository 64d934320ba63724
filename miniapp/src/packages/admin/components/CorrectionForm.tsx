// 更正: the admin's corrections of a stored plan (place, city, year, one task's units and their
// roles), sent as PATCH /plans/:id; the server keeps them over every later import of the text.
// A task is sent by its position in the outline shown (the corrected plan, splits and merges
// included), which is how the server reads it.
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PlanView } from '@kepu/shared';
import { correctPlan, type PlanCorrection, type UnitCorrection } from '@/services/admin';
import { toApiError } from '@/services/request';
import { asButton, labelled } from '@/utils/a11y';

interface Props {
  plan: PlanView;
  onSaved: (plan: PlanView) => void;
}

const roleChoices: { role: UnitCorrection['role']; label: string }[] = [
  { role: 'lead', label: '牵头' },
  { role: 'support', label: '配合' },
  { role: null, label: '未注明' },
];

/** A task as the chips name it: by its written number, with its position when another task has the same number. */
const taskChip = (tasks: PlanView['tasks'], index: number) => {
  const { number } = tasks[index]!;
  return tasks.filter((task) => task.number === number).length === 1 ? `任务${number}` : `第${index + 1}项（任务${number}）`;
};

const sameUnits = (a: UnitCorrection[], b: UnitCorrection[]) =>
  a.length === b.length && a.every((unit, i) => unit.name === b[i]!.name && unit.role === b[i]!.role);

export default function CorrectionForm({ plan, onSaved }: Props) {
  const [place, setPlace] = useState(plan.place ?? '');
  const [city, setCity] = useState(plan.city);
  const [year, setYear] = useState(String(plan.year));
  const [taskIndex, setTaskIndex] = useState<number | null>(null);
  const [units, setUnits] = useState<UnitCorrection[]>([]);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');

  const taskLabels = plan.tasks.map((task) => `${task.number}. ${task.title}`);
  const originalUnits = (index: number) => plan.tasks[index]!.responsibleUnits.map(({ name, role }) => ({ name, role }));

  const chooseTask = (index: number) => {
    setTaskIndex(index);
    setUnits(originalUnits(index));
  };
  const editUnit = (index: number, change: Partial<UnitCorrection>) => setUnits((list) => list.map((unit, i) => (i === index ? { ...unit, ...change } : unit)));

  const save = async () => {
    const correction: PlanCorrection = {};
    if (place.trim() && place.trim() !== (plan.place ?? '')) correction.place = place.trim();
    if (city.trim() && city.trim() !== plan.city) correction.city = city.trim();
    if (year.trim() && Number(year) !== plan.year) {
      if (!/^\d{4}$/.test(year.trim())) {
        setErrors({ year: '请填写四位年份，如 2024' });
        return;
      }
      correction.year = Number(year);
    }
    const cleaned = units.map((unit) => ({ ...unit, name: unit.name.trim() })).filter((unit) => unit.name);
    if (taskIndex !== null && !sameUnits(cleaned, originalUnits(taskIndex))) correction.tasks = [{ ordinal: taskIndex + 1, units: cleaned }];
    if (!Object.keys(correction).length) {
      setErrors({});
      setMessage('没有改动需要保存');
      return;
    }
    setBusy(true);
    setMessage('');
    try {
      const corrected = await correctPlan(plan.id, correction);
      setErrors({});
      setTaskIndex(null);
      setMessage('更正已保存，以后重新导入同一文本时仍会保留');
      onSaved(corrected);
    } catch (caught) {
      const error = toApiError(caught);
      setErrors(error.fieldMessages);
      setMessage(error.message);
    } finally {
      setBusy(false);
    }
  };

  const unitError = (i: number) => errors[`tasks.0.units.${i}.name`] ?? errors[`tasks.0.units.${i}`];

  return (
    <View className="card">
      <Text className="title">更正</Text>
      <Text className="block muted">识别有误时在这里更正；以后重新导入同一文件时，这些更正会保留。</Text>
      <View className="field admin-actions">
        <Text className="field__label">地区全称</Text>
        <Input
          className="input"
          value={place}
          maxlength={80}
          placeholder="如 浙江省湖州市安吉县"
          {...labelled('地区全称')}
          onInput={(e) => setPlace(e.detail.value)}
        />
        {errors.place ? <Text className="field__error">{errors.place}</Text> : null}
      </View>
      <View className="admin-fields">
        <View className="field">
          <Text className="field__label">归入城市</Text>
          <Input className="input" value={city} maxlength={20} {...labelled('更正城市')} onInput={(e) => setCity(e.detail.value)} />
          {errors.city ? <Text className="field__error">{errors.city}</Text> : null}
        </View>
        <View className="field">
          <Text className="field__label">年份</Text>
          <Input className="input" type="number" value={year} maxlength={4} {...labelled('更正年份')} onInput={(e) => setYear(e.detail.value)} />
          {errors.year ? <Text className="field__error">{errors.year}</Text> : null}
        </View>
      </View>
      <View className="field">
        <Text className="field__label">任务的责任单位</Text>
        <Text className="block muted">选择任务（拆分、合并之后的任务也在这里）：</Text>
        <View className="row admin-actions">
          {plan.tasks.map((task, i) => (
            <View key={i} className={`chip ${taskIndex === i ? 'chip--on' : ''}`} {...asButton(() => chooseTask(i), { pressed: taskIndex === i })}>
              {taskChip(plan.tasks, i)}
            </View>
          ))}
        </View>
        {taskIndex !== null ? <Text className="block">{taskLabels[taskIndex]}</Text> : null}
        {errors['tasks.0'] ? <Text className="field__error">{errors['tasks.0']}</Text> : null}
      </View>
      {taskIndex !== null ? (
        <View>
          {units.map((unit, i) => (
            <View key={i} className="admin-unit-edit">
              <Input
                className="input"
                value={unit.name}
                maxlength={80}
                placeholder="单位名称"
                {...labelled(`第 ${i + 1} 个单位`)}
                onInput={(e) => editUnit(i, { name: e.detail.value })}
              />
              {unitError(i) ? <Text className="field__error">{unitError(i)}</Text> : null}
              <View className="row admin-actions">
                {roleChoices.map((choice) => (
                  <View
                    key={choice.label}
                    className={`chip ${unit.role === choice.role ? 'chip--on' : ''}`}
                    {...asButton(() => editUnit(i, { role: choice.role }), { pressed: unit.role === choice.role })}
                  >
                    {choice.label}
                  </View>
                ))}
                <Button className="btn btn--danger" onClick={() => setUnits((list) => list.filter((_, j) => j !== i))}>
                  删除
                </Button>
              </View>
            </View>
          ))}
          <Button className="btn btn--ghost btn--block admin-actions" onClick={() => setUnits((list) => [...list, { name: '', role: null }])}>
            添加单位
          </Button>
        </View>
      ) : null}
      {message ? <Text className={`block admin-actions ${Object.keys(errors).length ? 'field__error' : ''}`}>{message}</Text> : null}
      <Button className="btn btn--block admin-actions" loading={busy} disabled={busy} onClick={() => void save()}>
        保存更正
      </Button>
    </View>
  );
}
