// 报名: name, phone and party size, for oneself or a family member (代家人报名:
// a sign-up of its own, with its own code), after consent to the privacy
// notice. Name and phone start from the last booking and the profile. A party
// larger than the seats left is asked: take the seats left and wait with the
// rest, or all wait. The server validates; its field messages show inline.
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { SignupResultView, UserView } from '@kepu/shared';
import { placePartyAsked, type Seats, type WhenShort } from '@kepu/shared/rules/seats';
import PrivacyConsent from '@/components/PrivacyConsent';
import { signUpForEvent } from '@/services/events';
import { askToSubscribe } from '@/services/subscribe';
import { toApiError } from '@/services/request';
import { useFormSubmit } from '@/hooks/useFormSubmit';
import { asButton } from '@/utils/a11y';
import { givePrivacyConsent, hasPrivacyConsent } from '@/utils/privacy';

interface Props {
  eventId: string;
  user: UserView;
  seats: Seats;
  /** The name of my last booking for myself, to start from. */
  lastName?: string;
  /** Open on 代家人报名 (I am booked already). */
  startForOther?: boolean;
  onDone: (signup: SignupResultView) => void;
}

export default function SignupForm({ eventId, user, seats, lastName = '', startForOther = false, onDone }: Props) {
  const [forOther, setForOther] = useState(startForOther);
  const [name, setName] = useState(startForOther ? '' : lastName);
  const [phone, setPhone] = useState(startForOther ? '' : (user.phone ?? ''));
  const [partySize, setPartySize] = useState(1);
  const [consent, setConsent] = useState(hasPrivacyConsent());
  /** Set when the server asked how to place a party larger than the seats left. */
  const [asked, setAsked] = useState<number | null>(null);
  const { busy, errors, setErrors, submit: send } = useFormSubmit();
  // What the server will decide, so the family sees the question coming.
  const placement = placePartyAsked(seats, partySize);
  const full = !('ask' in placement) && placement.confirmed === 0;

  const switchMode = (other: boolean) => {
    setForOther(other);
    setName(other ? '' : lastName);
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
    await book();
  };

  /** The answer to "the party is larger than the seats left": some or all of it waits, so ask (in this tap) to be told of a promotion too. */
  const choose = async (whenShort: WhenShort) => {
    await askToSubscribe(whenShort === 'waitlist' ? ['signup.promoted', 'event.reminder', 'event.cancelled'] : ['signup.promoted']);
    await book(whenShort);
  };

  const book = async (whenShort?: WhenShort) => {
    const signup = await send(async () => {
      try {
        return await signUpForEvent(eventId, { name: name.trim(), phone: phone.trim(), partySize, forOther, ...(whenShort ? { whenShort } : {}) });
      } catch (caught) {
        const error = toApiError(caught);
        if (error.code === 'PARTY_EXCEEDS_SEATS') {
          setAsked(Number(error.details?.seatsLeft ?? 0));
          return undefined;
        }
        if (error.code !== 'VALIDATION_FAILED') void Taro.showToast({ title: error.message, icon: 'none' });
        throw error;
      }
    });
    if (signup) {
      setAsked(null);
      onDone(signup);
    }
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
      {forOther ? (
        <Text className="muted signup__hint">请填写参加者本人的姓名和手机号。每位家人单独一份报名、单独的签到码，都在你的“我的”页面，可以转给参加者。</Text>
      ) : null}

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
          <Button
            className="btn btn--ghost"
            disabled={partySize <= 1}
            onClick={() => {
              setPartySize(partySize - 1);
              setAsked(null);
            }}
          >
            减少
          </Button>
          <Text className="title signup__count">{partySize} 人</Text>
          <Button
            className="btn btn--ghost"
            disabled={partySize >= 5}
            onClick={() => {
              setPartySize(partySize + 1);
              setAsked(null);
            }}
          >
            增加
          </Button>
        </View>
        {errors.partySize ? <Text className="field__error">{errors.partySize}</Text> : null}
      </View>

      <PrivacyConsent checked={consent} onToggle={() => setConsent(!consent)} purpose="信息仅用于本次活动的报名与签到" />
      {errors.consent ? <Text className="field__error">{errors.consent}</Text> : null}

      {'ask' in placement && asked === null ? (
        <Text className="muted signup__hint">
          剩余 {placement.seatsLeft} 个名额，不够 {partySize} 人，提交后请选择先占剩余名额还是全部候补。
        </Text>
      ) : null}
      {asked !== null ? (
        <View className="signup__ask" role="alertdialog" aria-label="名额不足">
          <Text className="title">
            只剩 {asked} 个名额，不够 {partySize} 人
          </Text>
          <Button className="btn btn--block signup__submit" loading={busy} disabled={busy} onClick={() => void choose('split')}>
            先占 {asked} 个名额，其余 {partySize - asked} 人候补
          </Button>
          <Button className="btn btn--ghost btn--block signup__submit" disabled={busy} onClick={() => void choose('waitlist')}>
            {partySize} 人全部候补
          </Button>
          <Button className="btn btn--ghost btn--block signup__submit" disabled={busy} onClick={() => setAsked(null)}>
            修改人数
          </Button>
        </View>
      ) : (
        <Button className="btn btn--block signup__submit" loading={busy} disabled={busy} onClick={() => void submit()}>
          {full ? '提交候补报名' : '提交报名'}
        </Button>
      )}
    </View>
  );
}
