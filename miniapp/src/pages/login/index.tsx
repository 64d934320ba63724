// 登录: consent to the privacy notice first, then WeChat login (weapp), or on H5 a
// demo account (AUTH_MODE=dev) or a one-time login code an admin issued. Returns to the page that sent the user here.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '@/components/PageShell';
import PrivacyConsent from '@/components/PrivacyConsent';
import { givePrivacyConsent, hasPrivacyConsent } from '@/utils/privacy';
import { tabs } from '@/utils/routes';
import LoginPanel from './LoginPanel';
import './index.scss';

export default function LoginPage() {
  const [consent, setConsent] = useState(hasPrivacyConsent());

  const toggleConsent = () => {
    if (!consent) givePrivacyConsent();
    setConsent(!consent);
  };

  const done = () => {
    Taro.showToast({ title: '登录成功', icon: 'none' });
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.switchTab({ url: tabs.me });
  };

  return (
    <PageShell>
      <View className="card">
        <Text className="h1">登录科普汇</Text>
        <Text className="login__hint">登录后可以报名活动、领取签到码、参加志愿服务。</Text>
        <PrivacyConsent checked={consent} onToggle={toggleConsent} />
        {!consent ? <Text className="field__error">请先阅读并同意隐私说明</Text> : null}
        <View className="login__panel">
          <LoginPanel disabled={!consent} onLoggedIn={done} />
        </View>
      </View>
    </PageShell>
  );
}
