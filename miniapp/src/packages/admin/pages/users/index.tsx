// 用户、角色与登录码: find an account by nickname or openid (never phones), grant or withdraw the
// reviewer and admin roles, and issue a one-time login code so the person can sign in on H5.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { LoginCodeView, Role, UserSummary } from '@kepu/shared';
import { renderAccessGate } from '@/components/AccessGate';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { issueLoginCode, searchUsers, setUserRoles } from '@/services/admin';
import LoginCodeCard from '../../components/LoginCodeCard';
import SearchBox from '../../components/SearchBox';
import '../../admin.scss';

const roleNames: Record<Role, string> = { resident: '居民', volunteer: '志愿者', organizer: '主办单位', reviewer: '审核员', admin: '管理员' };

export default function UsersPage() {
  const { user, hasRole } = useSession();
  const allowed = hasRole('admin');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [issued, setIssued] = useState<LoginCodeView | null>(null);
  const [busy, setBusy] = useState('');
  const users = useRequest(user && allowed ? () => searchUsers(q) : null, [user?.id, allowed, q]);

  const gate = renderAccessGate({ signedIn: Boolean(user), allowed, refusal: '只有管理员可以管理用户角色。' });
  if (gate) return gate;

  const toggle = async (found: UserSummary, role: 'reviewer' | 'admin') => {
    const has = found.roles.includes(role);
    if (has) {
      const { confirm } = await Taro.showModal({
        title: `收回${roleNames[role]}角色`,
        content: `确定收回${found.nickname}的${roleNames[role]}角色吗？`,
        confirmText: '收回',
        confirmColor: '#b3261e',
        cancelText: '取消',
      });
      if (!confirm) return;
    }
    setBusy(`${found.id}:${role}`);
    try {
      const changed = await setUserRoles(found.id, { [role]: !has });
      users.setData((users.data ?? []).map((u) => (u.id === found.id ? { ...u, roles: changed.roles } : u)));
      Taro.showToast({ title: `${has ? '已收回' : '已授予'}${found.nickname}${roleNames[role]}角色`, icon: 'none' }).catch(() => undefined);
    } catch {
      // the request wrapper showed the server's message (e.g. the last admin)
    } finally {
      setBusy('');
    }
  };

  const issue = async (found: UserSummary) => {
    setBusy(`${found.id}:code`);
    try {
      setIssued(await issueLoginCode(found.id));
    } catch {
      // the request wrapper showed the server's message
    } finally {
      setBusy('');
    }
  };

  const items = users.data ?? [];
  const state = renderState({
    loading: users.loading,
    error: users.error,
    empty: items.length === 0,
    emptyText: q ? `没有找到“${q}”` : '还没有用户',
    onRetry: () => void users.reload(),
  });

  return (
    <PageShell>
      <View className="section">
        <SearchBox
          label="昵称或 openid"
          spokenLabel="查找用户"
          placeholder="如 张老师"
          maxlength={32}
          buttonText="查找"
          value={typed}
          onChange={setTyped}
          onSearch={() => setQ(typed.trim())}
        />
        <Text className="block muted">登录码让主办单位和管理员在网页版登录（网页版不能用微信登录）：15分钟内有效，只能用一次。</Text>
      </View>
      {state ??
        items.map((found) => (
          <View key={found.id} className="card">
            <Text className="title">{found.nickname}</Text>
            <Text className="block muted">{found.roles.map((r) => roleNames[r]).join('、')}</Text>
            {found.organizations.length ? <Text className="block muted">{found.organizations.map((o) => o.name).join('、')}</Text> : null}
            <View className="admin-list-row__actions admin-gap">
              {(['reviewer', 'admin'] as const).map((role) => (
                <Button
                  key={role}
                  className={`btn ${found.roles.includes(role) ? 'btn--danger' : 'btn--ghost'}`}
                  disabled={Boolean(busy)}
                  loading={busy === `${found.id}:${role}`}
                  onClick={() => void toggle(found, role)}
                >
                  {found.roles.includes(role) ? `收回${roleNames[role]}` : `设为${roleNames[role]}`}
                </Button>
              ))}
              <Button className="btn btn--ghost" disabled={Boolean(busy)} loading={busy === `${found.id}:code`} onClick={() => void issue(found)}>
                签发登录码
              </Button>
            </View>
            {issued?.userId === found.id ? <LoginCodeCard issued={issued} /> : null}
          </View>
        ))}
    </PageShell>
  );
}
