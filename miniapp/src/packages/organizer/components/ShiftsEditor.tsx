// 志愿岗位 of a saved event: the shifts it has, and a form to add one (role,
// times, slots, skills wanted). The server validates; its field messages show inline.
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ShiftView, VolunteerSkill } from '@kepu/shared';
import { renderState } from '@/components/StateView';
import { useFormSubmit } from '@/hooks/useFormSubmit';
import { useRequest } from '@/hooks/useRequest';
import { createShift } from '@/services/organizer';
import { listEventShifts, volunteerSkills } from '@/services/volunteer';
import { asButton, labelled } from '@/utils/a11y';
import { routes } from '@/utils/routes';
import { formatRange } from '@/utils/time';
import DateTimeField from './DateTimeField';

interface Props {
  eventId: string;
  eventTitle: string;
  defaultStart: string;
  defaultEnd: string;
}

async function loadShifts(eventId: string): Promise<ShiftView[]> {
  return (await listEventShifts(eventId)).items;
}

export default function ShiftsEditor({ eventId, eventTitle, defaultStart, defaultEnd }: Props) {
  const shifts = useRequest(() => loadShifts(eventId), [eventId]);
  const [role, setRole] = useState('');
  const [startsAt, setStartsAt] = useState(defaultStart);
  const [endsAt, setEndsAt] = useState(defaultEnd);
  const [slots, setSlots] = useState('2');
  const [skills, setSkills] = useState<VolunteerSkill[]>([]);
  const [timesTouched, setTimesTouched] = useState(false);
  const { busy, errors, submit } = useFormSubmit();

  // The event's times arrive after the first render (and change when the organizer edits them):
  // a new shift starts from them until its own times are picked.
  useEffect(() => {
    if (timesTouched) return;
    setStartsAt(defaultStart);
    setEndsAt(defaultEnd);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [defaultStart, defaultEnd]);

  const toggleSkill = (skill: VolunteerSkill) => setSkills(skills.includes(skill) ? skills.filter((s) => s !== skill) : [...skills, skill]);

  const add = async () => {
    const shift = await submit(() => createShift(eventId, { role: role.trim(), description: '', startsAt, endsAt, slots: Number(slots) || 0, skills }));
    if (!shift) return;
    shifts.setData([...(shifts.data ?? []), shift]);
    setRole('');
    setSkills([]);
    Taro.showToast({ title: '岗位已添加', icon: 'none' });
  };

  const list = shifts.data ?? [];
  return (
    <View className="card">
      <Text className="title">志愿岗位</Text>
      {renderState({ loading: shifts.loading, error: shifts.error, onRetry: () => void shifts.reload() }) ??
        (list.length ? (
          <View>
            {list.map((shift) => (
              <View key={shift.id} className="org-shift">
                <Text className="org-line">
                  {shift.role} · {formatRange(shift.startsAt, shift.endsAt)}
                </Text>
                <Text className="org-line muted">
                  需要 {shift.slots} 人，已通过 {shift.approvedCount} 人{shift.skills.length ? `；技能：${shift.skills.join('、')}` : ''}
                </Text>
              </View>
            ))}
            <Button
              className="btn btn--ghost btn--block org-actions"
              onClick={() => void Taro.navigateTo({ url: routes.organizerVolunteers(eventId, eventTitle) })}
            >
              审核志愿者、记录时长
            </Button>
          </View>
        ) : (
          <Text className="org-line muted">还没有岗位。添加岗位后，志愿者可以在活动页和“志愿岗位”里申请。</Text>
        ))}

      <Text className="field__label org-actions">添加岗位</Text>
      <View className="field">
        <Text className="field__label">岗位名称</Text>
        <Input
          className="input"
          value={role}
          maxlength={30}
          placeholder="如：展区讲解、签到引导"
          {...labelled('岗位名称')}
          onInput={(e) => setRole(e.detail.value)}
        />
        {errors.role ? <Text className="field__error">{errors.role}</Text> : null}
      </View>
      <DateTimeField
        label="开始"
        value={startsAt}
        onChange={(value) => {
          setTimesTouched(true);
          setStartsAt(value);
        }}
        error={errors.startsAt}
      />
      <DateTimeField
        label="结束"
        value={endsAt}
        onChange={(value) => {
          setTimesTouched(true);
          setEndsAt(value);
        }}
        error={errors.endsAt}
      />
      <View className="field">
        <Text className="field__label">需要人数</Text>
        <Input className="input" type="number" value={slots} maxlength={3} {...labelled('需要人数')} onInput={(e) => setSlots(e.detail.value)} />
        {errors.slots ? <Text className="field__error">{errors.slots}</Text> : null}
      </View>
      <View className="field">
        <Text className="field__label">需要的技能（选填）</Text>
        <View>
          {volunteerSkills.map((skill) => {
            const on = skills.includes(skill);
            return (
              <View key={skill} className={`chip ${on ? 'chip--on' : ''}`} {...asButton(() => toggleSkill(skill), { pressed: on })}>
                {on ? `✓ ${skill}` : skill}
              </View>
            );
          })}
        </View>
        {errors.skills ? <Text className="field__error">{errors.skills}</Text> : null}
      </View>
      <Button className="btn btn--ghost btn--block" loading={busy} disabled={busy} onClick={() => void add()}>
        添加岗位
      </Button>
    </View>
  );
}
