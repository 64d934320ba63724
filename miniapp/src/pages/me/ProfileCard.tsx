// Nickname and phone, edited in place. The phone pre-fills sign-up forms.
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { UserView } from '@kepu/shared';
import { updateMe } from '@/services/me';
import { useFormSubmit } from '@/hooks/useFormSubmit';
import { labelled } from '@/utils/a11y';

const roleNames: Record<string, string> = { resident: '居民', volunteer: '志愿者', organizer: '主办单位', reviewer: '审核员', admin: '管理员' };

export default function ProfileCard({ user }: { user: UserView }) {
  const [editing, setEditing] = useState(false);
  const [nickname, setNickname] = useState(user.nickname);
  const [phone, setPhone] = useState(user.phone ?? '');
  const { busy, errors, submit } = useFormSubmit();

  const save = async () => {
    const saved = await submit(() => updateMe({ nickname: nickname.trim(), phone: phone.trim() || null }));
    if (saved) setEditing(false);
  };

  if (!editing) {
    return (
      <View className="card">
        <Text className="h1">{user.nickname}</Text>
        <Text className="me-line muted">{user.roles.map((role) => roleNames[role] ?? role).join('、')}</Text>
        {user.organizations.length ? <Text className="me-line muted">{user.organizations.map((o) => o.name).join('、')}</Text> : null}
        <Text className="me-line">手机号：{user.phone || '未填写'}</Text>
        <Button className="btn btn--ghost me-actions" onClick={() => setEditing(true)}>
          编辑资料
        </Button>
      </View>
    );
  }
  return (
    <View className="card">
      <View className="field">
        <Text className="field__label">昵称</Text>
        <Input className="input" value={nickname} maxlength={32} {...labelled('昵称')} onInput={(e) => setNickname(e.detail.value)} />
        {errors.nickname ? <Text className="field__error">{errors.nickname}</Text> : null}
      </View>
      <View className="field">
        <Text className="field__label">手机号（报名时自动填入）</Text>
        <Input className="input" type="number" maxlength={11} value={phone} {...labelled('手机号')} onInput={(e) => setPhone(e.detail.value)} />
        {errors.phone ? <Text className="field__error">{errors.phone}</Text> : null}
      </View>
      <View className="row">
        <Button className="btn" loading={busy} disabled={busy} onClick={() => void save()}>
          保存
        </Button>
        <Button className="btn btn--ghost" onClick={() => setEditing(false)}>
          取消
        </Button>
      </View>
    </View>
  );
}
