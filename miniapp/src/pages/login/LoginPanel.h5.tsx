// In a browser the server decides how to sign in: with AUTH_MODE=dev its dev login picks a demo
// account (and nothing else is offered); in production (no WeChat login in a browser) an organizer
// or admin types the one-time login code an admin issued for them.
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { demoAccounts, getAuthOptions, loginAsDemo, loginWithCode } from '@/services/auth';
import { useRequest } from '@/hooks/useRequest';
import { renderState } from '@/components/StateView';
import { toApiError } from '@/services/request';
import { labelled } from '@/utils/a11y';

interface PanelProps {
  disabled: boolean;
  onLoggedIn: () => void;
}

function DemoAccounts({ disabled, onLoggedIn }: PanelProps) {
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

const reasons: Record<string, string> = {
  used: '这个登录码已经用过了，请向管理员重新获取',
  expired: '这个登录码已过期（15分钟内有效），请向管理员重新获取',
};

function CodeForm({ disabled, onLoggedIn }: PanelProps) {
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!code.trim()) {
      setError('请填写登录码');
      return;
    }
    setBusy(true);
    setError('');
    try {
      await loginWithCode(code);
      onLoggedIn();
    } catch (caught) {
      const failure = toApiError(caught);
      const reason = typeof failure.details?.reason === 'string' ? reasons[failure.details.reason] : undefined;
      setError(failure.fieldMessages.code ?? reason ?? failure.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="login-code">
      <Text className="title">用登录码登录</Text>
      <Text className="muted login__hint">网页版不能用微信登录。主办单位和管理员请向本平台管理员索取一次性登录码（15分钟内有效，只能用一次）。</Text>
      <View className="field">
        <Text className="field__label">登录码</Text>
        <Input
          className="input"
          value={code}
          maxlength={20}
          placeholder="如 ABCDE-FGH23"
          {...labelled('登录码')}
          onInput={(e) => setCode(e.detail.value)}
          onConfirm={() => void submit()}
        />
        {error ? <Text className="field__error">{error}</Text> : null}
      </View>
      <Button className="btn btn--block" disabled={disabled || busy} loading={busy} onClick={() => void submit()}>
        登录
      </Button>
    </View>
  );
}

export default function LoginPanel(props: PanelProps) {
  const options = useRequest(() => getAuthOptions(), []);
  const state = renderState({ loading: options.loading, error: options.error, onRetry: () => void options.reload() });
  if (state || !options.data) return state;
  return options.data.devLogin ? <DemoAccounts {...props} /> : <CodeForm {...props} />;
}
