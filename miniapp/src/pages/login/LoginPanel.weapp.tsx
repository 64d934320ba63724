// WeChat login: wx.login gives a one-time code that the server exchanges for the openid.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { loginWithWechatCode } from '@/services/auth';
import { ApiError } from '@/services/request';

export default function LoginPanel({ disabled, onLoggedIn }: { disabled: boolean; onLoggedIn: () => void }) {
  const [busy, setBusy] = useState(false);
  const login = async () => {
    setBusy(true);
    try {
      const { code } = await Taro.login();
      await loginWithWechatCode(code);
      onLoggedIn();
    } catch (caught) {
      // A failed request already toasted; a failed wx.login did not.
      if (!(caught instanceof ApiError)) Taro.showToast({ title: '微信登录失败，请重试', icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View>
      <Button className="btn btn--block" disabled={disabled || busy} loading={busy} onClick={() => void login()}>
        微信一键登录
      </Button>
      <Text className="muted login__hint">仅获取微信的匿名标识，不读取你的头像和手机号。</Text>
    </View>
  );
}
