// 修改参加者: correct whom a booking is for (a family member's name or phone).
// The phone is never shown back (我的 has no phones): left empty, it stays as it is.
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MySignupView, SignupView } from '@kepu/shared';
import { updateSignup } from '@/services/events';
import { toApiError } from '@/services/request';
import { labelled } from '@/utils/a11y';

interface Props {
  signup: MySignupView;
  onClose: () => void;
  onSaved: (saved: SignupView) => void;
}

export default function AttendeeSheet({ signup, onClose, onSaved }: Props) {
  const [name, setName] = useState(signup.attendee.name);
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const patch = { ...(name.trim() && name.trim() !== signup.attendee.name ? { name: name.trim() } : {}), ...(phone ? { phone } : {}) };
    if (!name.trim()) return setErrors({ name: '请填写姓名' });
    if (!patch.name && !patch.phone) return onClose();
    setBusy(true);
    try {
      const saved = await updateSignup(signup.id, patch);
      Taro.showToast({ title: '参加者已修改', icon: 'none' }).catch(() => undefined);
      onSaved(saved);
    } catch (caught) {
      const error = toApiError(caught);
      const fields = error.fieldMessages;
      setErrors(Object.keys(fields).length ? fields : { form: error.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="sheet-mask" onClick={onClose}>
      <View className="sheet" onClick={(e) => e.stopPropagation()}>
        <Text className="title">修改参加者</Text>
        <Text className="muted sheet__attendee">{signup.event.title}</Text>
        <View className="field">
          <Text className="field__label">参加者姓名</Text>
          <Input className="input" value={name} maxlength={20} {...labelled('参加者姓名')} onInput={(e) => setName(e.detail.value)} />
          {errors.name ? <Text className="field__error">{errors.name}</Text> : null}
        </View>
        <View className="field">
          <Text className="field__label">参加者手机号（不修改请留空）</Text>
          <Input
            className="input"
            type="number"
            value={phone}
            maxlength={11}
            placeholder="新的11位手机号"
            {...labelled('参加者手机号')}
            onInput={(e) => setPhone(e.detail.value)}
          />
          {errors.phone ? <Text className="field__error">{errors.phone}</Text> : null}
        </View>
        {errors.form ? <Text className="field__error">{errors.form}</Text> : null}
        <View className="row sheet__actions">
          <Button className="btn btn--ghost" onClick={onClose}>
            取消
          </Button>
          <Button className="btn" loading={busy} disabled={busy} onClick={() => void save()}>
            保存
          </Button>
        </View>
      </View>
    </View>
  );
}
