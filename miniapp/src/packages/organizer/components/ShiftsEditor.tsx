// Adds volunteer shifts (岗位) to a saved event.
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { createShift } from '@/services/organizer';
import { useFormSubmit } from '@/hooks/useFormSubmit';
import type { Shift } from '@/services/types';
import { formatRange } from '@/utils/time';
import DateTimeField from './DateTimeField';

export default function ShiftsEditor({ eventId, defaultStart, defaultEnd }: { eventId: string; defaultStart: string; defaultEnd: string }) {
  const [role, setRole] = useState('');
  const [startsAt, setStartsAt] = useState(defaultStart);
  const [endsAt, setEndsAt] = useState(defaultEnd);
  const [slots, setSlots] = useState('2');
  const [added, setAdded] = useState<Shift[]>([]);
  const { busy, errors, submit } = useFormSubmit();

  const add = async () => {
    const shift = await submit(() => createShift(eventId, { role: role.trim(), startsAt, endsAt, slots: Number(slots) || 0 }));
    if (!shift) return;
    setAdded([...added, shift]);
    setRole('');
    Taro.showToast({ title: '岗位已添加', icon: 'none' });
  };

  return (
    <View className="card">
      <Text className="title">志愿岗位</Text>
      {added.map((shift) => (
        <Text key={shift.id} className="org-line">{shift.role} · {formatRange(shift.startsAt, shift.endsAt)} · {shift.slots} 人</Text>
      ))}
      <View className="field org-actions">
        <Text className="field__label">岗位名称</Text>
        <Input className="input" value={role} maxlength={30} placeholder="如：展区讲解、签到引导" onInput={(e) => setRole(e.detail.value)} />
        {errors.role ? <Text className="field__error">{errors.role}</Text> : null}
      </View>
      <DateTimeField label="开始" value={startsAt} onChange={setStartsAt} error={errors.startsAt} />
      <DateTimeField label="结束" value={endsAt} onChange={setEndsAt} error={errors.endsAt} />
      <View className="field">
        <Text className="field__label">需要人数</Text>
        <Input className="input" type="number" value={slots} maxlength={4} onInput={(e) => setSlots(e.detail.value)} />
        {errors.slots ? <Text className="field__error">{errors.slots}</Text> : null}
      </View>
      <Button className="btn btn--ghost btn--block" loading={busy} disabled={busy} onClick={() => void add()}>添加岗位</Button>
    </View>
  );
}
