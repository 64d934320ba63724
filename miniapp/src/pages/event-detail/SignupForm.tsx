// 报名: name, phone and party size, for oneself or on someone's behalf (代报名),
// after consent to the privacy notice. The server validates; its field messages show inline.
import { Button, Checkbox, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { SignupView, UserView } from '@kepu/shared';
import { signUpForEvent } from '@/services/events';
import { askToSubscribe } from '@/services/subscribe';
import { useFormSubmit } from '@/hooks/useFormSubmit';
import { asButton } from '@/utils/a11y';
import { givePrivacyConsent, hasPrivacyConsent } from '@/utils/privacy';
import { routes } from '@/utils/routes';

interface Props {
  eventId: string;
  user: UserView;
  full: boolean;
  onDone: (signup: SignupView) => void;
}

export default function SignupForm({ eventId, user, full, onDone }: Props) {
  const [forOther, setForOther] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState(user.phone ?? '');
  const [partySize, setPartySize] = useState(1);
  const [consent, setConsent] = useState(hasPrivacyConsent());
  const { busy, errors, setErrors, submit: send } = useFormSubmit();

  const switchMode = (other: boolean) => {
    setForOther(other);
    setName('');
    setPhone(other ? '' : (user.phone ?? ''));
    setErrors({});
  };

  const submit = async () => {
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = '请填写姓名';
    if (!phone.trim()) missing.phone = '请填写手机号';
    if (!consent) missing.consent = '请先阅读并同意隐私说明';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    givePrivacyConsent();
    // In the same tap (WeChat asks only then): what to be told by WeChat besides the inbox.
    await askToSubscribe(full ? ['signup.promoted', 'event.reminder', 'event.cancelled'] : ['signup.confirmed', 'event.reminder', 'event.cancelled']);
    const signup = await send(() => signUpForEvent(eventId, { name: name.trim(), phone: phone.trim(), partySize }));
    if (signup) onDone(signup);
  };

  return (
    <View className="card">
      <Text className="title">{full ? '候补报名' : '我要报名'}</Text>
      {full ? <Text className="muted signup__hint">名额已满，报名后进入候补，有人取消时按顺序递补。</Text> : null}
      <View className="row signup__modes">
        <View className={`chip ${!forOther ? 'chip--on' : ''}`} {...asButton(() => switchMode(false), { pressed: !forOther })}>
          为自己报名
        </View>
        <View className={`chip ${forOther ? 'chip--on' : ''}`} {...asButton(() => switchMode(true), { pressed: forOther })}>
          代家人报名
        </View>
      </View>
      {forOther ? <Text className="muted signup__hint">请填写参加者本人的姓名和手机号，签到码仍在你的“我的”页面。</Text> : null}

      <View className="field">
        <Text className="field__label">{forOther ? '参加者姓名' : '姓名'}</Text>
        <Input className="input" value={name} maxlength={20} placeholder="请输入姓名" onInput={(e) => setName(e.detail.value)} />
        {errors.name ? <Text className="field__error">{errors.name}</Text> : null}
      </View>
      <View className="field">
        <Text className="field__label">{forOther ? '参加者手机号' : '手机号'}</Text>
        <Input className="input" type="number" value={phone} maxlength={11} placeholder="11位手机号" onInput={(e) => setPhone(e.detail.value)} />
        {errors.phone ? <Text className="field__error">{errors.phone}</Text> : null}
      </View>
      <View className="field">
        <Text className="field__label">人数（含本人，最多 5 人）</Text>
        <View className="row">
          <Button className="btn btn--ghost" disabled={partySize <= 1} onClick={() => setPartySize(partySize - 1)}>
            减少
          </Button>
          <Text className="title signup__count">{partySize} 人</Text>
          <Button className="btn btn--ghost" disabled={partySize >= 5} onClick={() => setPartySize(partySize + 1)}>
            增加
          </Button>
        </View>
        {errors.partySize ? <Text className="field__error">{errors.partySize}</Text> : null}
      </View>

      <View className="check" onClick={() => setConsent(!consent)}>
        <Checkbox value="consent" checked={consent} ariaLabel="同意隐私说明" nativeProps={{ 'aria-label': '同意隐私说明' }} />
        <Text>
          我已阅读并同意
          <Text
            className="link"
            onClick={(e) => {
              e.stopPropagation();
              void Taro.navigateTo({ url: routes.privacy() });
            }}
          >
            《隐私说明》
          </Text>
          ，信息仅用于本次活动的报名与签到
        </Text>
      </View>
      {errors.consent ? <Text className="field__error">{errors.consent}</Text> : null}

      <Button className="btn btn--block signup__submit" loading={busy} disabled={busy} onClick={() => void submit()}>
        {full ? '提交候补报名' : '提交报名'}
      </Button>
    </View>
  );
}
