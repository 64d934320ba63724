// In a browser (development and the demo) the server's dev login picks a demo account.
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { demoAccounts, loginAsDemo } from '@/services/auth';

export default function LoginPanel({ disabled, onLoggedIn }: { disabled: boolean; onLoggedIn: () => void }) {
  const [busy, setBusy] = useState('');
  const login = async (openid: string) => {
    setBusy(openid);
    try {
      await loginAsDemo(openid);
      onLoggedIn();
    } catch {
      // the request wrapper showed the server's message (e.g. dev login is off)
    } finally {
      setBusy('');
    }
  };
  return (
    <View>
      <Text className="title">选择演示账号</Text>
      <Text className="muted login__hint">网页版用于演示，选择一个身份登录：</Text>
      {demoAccounts.map((account) => (
        <Button
          key={account.openid}
          className="btn btn--ghost btn--block login__account"
          disabled={disabled || Boolean(busy)}
          loading={busy === account.openid}
          onClick={() => void login(account.openid)}
        >
          {account.label}
        </Button>
      ))}
    </View>
  );
}
