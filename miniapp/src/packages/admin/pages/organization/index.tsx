// 单位成员: one organization. The admin sets whether it is trusted (its events publish without
// review), sees its organizer members, adds one found by nickname or openid (never by phone),
// removes one, and issues a member a one-time login code for the H5 app.
import { Button, Label, Switch, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { LoginCodeView, UserSummary } from '@kepu/shared';
import { renderAccessGate } from '@/components/AccessGate';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { addMember, getOrganization, issueLoginCode, listMembers, removeMember, searchUsers, setOrganizationTrusted } from '@/services/admin';
import { toApiError } from '@/services/request';
import { readParam } from '@/utils/routes';
import LoginCodeCard from '../../components/LoginCodeCard';
import SearchBox from '../../components/SearchBox';
import '../../admin.scss';

const roleNames: Record<string, string> = { volunteer: '志愿者', organizer: '主办单位', reviewer: '审核员', admin: '管理员' };

function AddMember({ memberIds, onAdd }: { memberIds: Set<string>; onAdd: (user: UserSummary) => Promise<void> }) {
  const [typed, setTyped] = useState('');
  const [results, setResults] = useState<UserSummary[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');

  const search = async () => {
    const q = typed.trim();
    if (!q) {
      setError('请输入昵称或 openid 中的字');
      return;
    }
    setError('');
    try {
      setResults(await searchUsers(q));
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  };

  const add = async (found: UserSummary) => {
    setBusy(found.id);
    try {
      await onAdd(found);
    } finally {
      setBusy('');
    }
  };

  return (
    <View className="card">
      <Text className="title">添加成员</Text>
      <Text className="block muted">成员要先登录过一次小程序（或网页版）。按昵称或 openid 查找，不显示手机号。</Text>
      <SearchBox
        label="昵称或 openid"
        spokenLabel="查找用户"
        placeholder="如 张老师"
        maxlength={32}
        buttonText="查找"
        value={typed}
        onChange={setTyped}
        onSearch={() => void search()}
      />
      {error ? <Text className="field__error">{error}</Text> : null}
      {results && results.length === 0 ? <Text className="block muted admin-gap">没有找到“{typed.trim()}”</Text> : null}
      {(results ?? []).map((found) => {
        const extra = found.roles.filter((r) => r !== 'resident').map((r) => roleNames[r] ?? r);
        const already = memberIds.has(found.id);
        return (
          <View key={found.id} className="admin-list-row">
            <View className="admin-list-row__main">
              <Text className="title">{found.nickname}</Text>
              <Text className="block muted">{[extra.length ? extra.join('、') : '居民', ...found.organizations.map((o) => o.name)].join(' · ')}</Text>
            </View>
            <Button className="btn" disabled={already || Boolean(busy)} loading={busy === found.id} onClick={() => void add(found)}>
              {already ? '已是成员' : `添加${found.nickname}`}
            </Button>
          </View>
        );
      })}
    </View>
  );
}

export default function OrganizationPage() {
  const { params } = useRouter();
  const id = readParam(params.id);
  const { user, hasRole } = useSession();
  const allowed = hasRole('admin');
  const organization = useRequest(user && allowed && id ? () => getOrganization(id) : null, [user?.id, allowed, id]);
  const members = useRequest(user && allowed && id ? () => listMembers(id) : null, [user?.id, allowed, id]);
  const [issued, setIssued] = useState<LoginCodeView | null>(null);
  const [savingTrust, setSavingTrust] = useState(false);

  const gate = renderAccessGate({ signedIn: Boolean(user), allowed, refusal: '只有管理员可以管理单位成员。' });
  if (gate) return gate;

  const name = organization.data?.name ?? readParam(params.name);
  const list = members.data ?? [];

  const toggleTrusted = async (trusted: boolean) => {
    if (!organization.data) return;
    setSavingTrust(true);
    try {
      organization.setData(await setOrganizationTrusted(id, trusted));
      Taro.showToast({ title: trusted ? '已设为可信单位' : '已取消可信单位', icon: 'none' }).catch(() => undefined);
    } catch {
      // the request wrapper showed the server's message; the switch shows the stored value again
      organization.setData({ ...organization.data });
    } finally {
      setSavingTrust(false);
    }
  };

  const add = async (found: UserSummary) => {
    try {
      await addMember(id, found.id);
      Taro.showToast({ title: `已添加${found.nickname}`, icon: 'none' }).catch(() => undefined);
      await members.reload();
    } catch {
      // the request wrapper showed the server's message
    }
  };

  const remove = async (member: { userId: string; nickname: string }) => {
    const { confirm } = await Taro.showModal({
      title: '移除成员',
      content: `确定把${member.nickname}移出${name}吗？移出后不能再以本单位身份发布和管理活动。`,
      confirmText: '移除',
      confirmColor: '#b3261e',
      cancelText: '取消',
    });
    if (!confirm) return;
    try {
      await removeMember(id, member.userId);
      Taro.showToast({ title: `已移除${member.nickname}`, icon: 'none' }).catch(() => undefined);
      await members.reload();
    } catch {
      // the request wrapper showed the server's message
    }
  };

  const issue = async (member: { userId: string }) => {
    try {
      setIssued(await issueLoginCode(member.userId));
    } catch {
      // the request wrapper showed the server's message
    }
  };

  // Only until both first arrive: a reload after adding or removing keeps the page (and the search) in place.
  const loaded = organization.data !== null && members.data !== null;
  const state = renderState({
    loading: !loaded && (organization.loading || members.loading),
    error: organization.error ?? members.error,
    onRetry: () => void Promise.all([organization.reload(), members.reload()]),
  });

  return (
    <PageShell>
      {state ?? (
        <View>
          <View className="card">
            <Text className="h1">{name}</Text>
            <Text className="block muted">{organization.data?.city}</Text>
            <Label className="admin-switch">
              <View className="admin-list-row__main">
                <Text className="title">可信单位</Text>
                <Text className="block muted">可信单位发布的活动不经审核直接上线</Text>
              </View>
              <Switch
                checked={Boolean(organization.data?.trusted)}
                disabled={savingTrust}
                color="#0a58a8"
                ariaLabel="可信单位"
                onChange={(e) => void toggleTrusted(e.detail.value)}
              />
            </Label>
          </View>

          <View className="card">
            <Text className="title">组织者成员（{list.length}）</Text>
            {list.length === 0 ? <Text className="block muted">还没有成员。成员可以为本单位发布活动、签到、导出名单。</Text> : null}
            {list.map((member) => (
              <View key={member.userId} className="admin-list-row">
                <View className="admin-list-row__main">
                  <Text className="title">{member.nickname}</Text>
                  <Text className="block muted">{member.role === 'organizer' ? '组织者' : member.role}</Text>
                </View>
                <View className="admin-list-row__actions">
                  <Button className="btn btn--ghost" onClick={() => void issue(member)}>
                    {`给${member.nickname}签发登录码`}
                  </Button>
                  <Button className="btn btn--danger" onClick={() => void remove(member)}>
                    {`移除${member.nickname}`}
                  </Button>
                </View>
              </View>
            ))}
            {issued ? <LoginCodeCard issued={issued} /> : null}
          </View>

          <AddMember memberIds={new Set(list.map((m) => m.userId))} onAdd={add} />
        </View>
      )}
    </PageShell>
  );
}
