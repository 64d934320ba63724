// 我的: my sign-ups (upcoming and past; mine and my family's, each named) with check-in QR and cancel, my
// profile, 大字模式, the volunteer, organizer and admin areas, and 设置 (account and erasure).
import { Button, Label, Switch, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import ListFooter from '@/components/ListFooter';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import ViewerChoice from '@/components/ViewerChoice';
import { useLargeText } from '@/hooks/useLargeText';
import { useOnReturn } from '@/hooks/useOnReturn';
import { usePagedList } from '@/hooks/usePagedList';
import { useSession } from '@/hooks/useSession';
import { useStore } from '@/hooks/useStore';
import { logout } from '@/services/auth';
import { cancelSignup } from '@/services/events';
import { listMySignups, updateMe } from '@/services/me';
import { refreshUnreadCount, unreadStore } from '@/services/notifications';
import { shareSignup } from '@/services/tickets';
import type { MySignupView } from '@kepu/shared';
import { asButton } from '@/utils/a11y';
import { confirmAction } from '@/utils/dialog';
import { setLargeText } from '@/utils/largeText';
import { routes } from '@/utils/routes';
import AttendeeSheet from './AttendeeSheet';
import CheckinSheet from './CheckinSheet';
import ProfileCard from './ProfileCard';
import SignupItem from './SignupItem';
import './index.scss';

type Tab = 'upcoming' | 'past';

export default function MePage() {
  const { user, hasRole } = useSession();
  const large = useLargeText();
  const [tab, setTab] = useState<Tab>('upcoming');
  const [qrFor, setQrFor] = useState<MySignupView | null>(null);
  const [editing, setEditing] = useState<MySignupView | null>(null);
  const signups = usePagedList(user ? (cursor) => listMySignups(cursor, 20, tab) : null, [user?.id, tab]);
  const unread = useStore(unreadStore);

  // Every show, the first too: the count (and the tab bar's badge) follows what arrived meanwhile.
  useDidShow(() => void refreshUnreadCount());

  // Sign-ups change on other pages (a new sign-up on a detail page): refresh on return.
  useOnReturn(() => void signups.reload());
  usePullDownRefresh(() => {
    void Promise.all([signups.reload(), refreshUnreadCount()]).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (signups.hasMore && !signups.moreError) void signups.loadMore();
  });

  const toggleLarge = (on: boolean) => {
    setLargeText(on);
    // Remember it on the account too; the device setting already applies if this fails.
    if (user) void updateMe({ largeText: on }, true).catch(() => undefined);
  };

  const cancel = async (signup: MySignupView) => {
    const confirmed = await confirmAction({
      title: '取消报名',
      content: `确定取消${signup.attendee.forOther ? `${signup.attendee.name}的` : ''}“${signup.event.title}”报名吗？`,
      confirmText: '取消报名',
      cancelText: '再想想',
      destructive: true,
    });
    if (!confirmed) return;
    try {
      // By id: a family member's booking is cancelled on its own.
      await cancelSignup(signup.id);
      signups.update((item) => item.id === signup.id, null);
      Taro.showToast({ title: '已取消报名', icon: 'none' });
    } catch {
      // the request wrapper showed the server's message
    }
  };

  /** 转发给家人: the link of the attendee's own code page, opened here to forward (share card, link or picture). */
  const forward = async (signup: MySignupView) => {
    try {
      const { token } = await shareSignup(signup.id);
      setQrFor(null);
      void Taro.navigateTo({ url: routes.ticket(token, 'owner') });
    } catch {
      // the request wrapper showed the server's message
    }
  };

  const state = renderState({
    loading: signups.loading,
    error: signups.error,
    empty: signups.items.length === 0,
    emptyText: tab === 'upcoming' ? '还没有即将参加的活动，去“活动”页看看吧' : '还没有参加过的活动',
    onRetry: () => void signups.reload(),
  });

  return (
    <PageShell>
      {user ? <ProfileCard user={user} key={user.id} /> : null}
      {user ? (
        <View className="card me-links">
          <View className="me-link list-row" {...asButton(() => void Taro.navigateTo({ url: routes.inbox() }))}>
            <Text>消息</Text>
            <View className="row">
              {unread > 0 ? <Text className="me-badge">{unread > 99 ? '99+' : unread} 条未读</Text> : <Text className="muted">报名、候补和活动变更通知</Text>}
              <Text>›</Text>
            </View>
          </View>
        </View>
      ) : (
        <View className="card">
          <Text className="title">登录后可报名活动、查看签到码</Text>
          <Button className="btn btn--block me-actions" onClick={() => void Taro.navigateTo({ url: routes.login() })}>
            登录
          </Button>
        </View>
      )}

      {/* A label: the whole row toggles the switch, and names it for screen readers. */}
      <Label className="card me-setting">
        <View className="me-setting__text">
          <Text className="title">大字模式</Text>
          <Text className="muted">放大文字和按钮，方便阅读和点按</Text>
        </View>
        <Switch checked={large} color="#0a58a8" ariaLabel="大字模式" onChange={(e) => toggleLarge(e.detail.value)} />
      </Label>

      <View className="card">
        <ViewerChoice />
      </View>

      {user ? (
        <View>
          <View className="row section me-tabs">
            <View className={`chip ${tab === 'upcoming' ? 'chip--on' : ''}`} {...asButton(() => setTab('upcoming'), { pressed: tab === 'upcoming' })}>
              即将参加
            </View>
            <View className={`chip ${tab === 'past' ? 'chip--on' : ''}`} {...asButton(() => setTab('past'), { pressed: tab === 'past' })}>
              已结束
            </View>
          </View>
          {signups.stale ? <Text className="section muted">网络不可用，以下是上次加载的报名</Text> : null}
          {state ??
            signups.items.map((signup) => (
              <SignupItem
                key={signup.id}
                signup={signup}
                upcoming={tab === 'upcoming'}
                onShowCode={() => setQrFor(signup)}
                onForward={() => void forward(signup)}
                onEdit={() => setEditing(signup)}
                onCancel={() => void cancel(signup)}
              />
            ))}
          <ListFooter list={signups} />

          <View className="card me-links">
            <View className="me-link list-row" onClick={() => void Taro.navigateTo({ url: routes.volunteerProfile() })}>
              <Text>志愿服务{hasRole('volunteer') ? '' : '（申请成为志愿者）'}</Text>
              <Text>›</Text>
            </View>
            {hasRole('volunteer') ? (
              <View className="me-link list-row" onClick={() => void Taro.navigateTo({ url: routes.volunteerShifts() })}>
                <Text>志愿岗位</Text>
                <Text>›</Text>
              </View>
            ) : null}
            {hasRole('organizer') ? (
              <View className="me-link list-row" onClick={() => void Taro.navigateTo({ url: routes.organizerEvents() })}>
                <Text>主办单位：活动管理</Text>
                <Text>›</Text>
              </View>
            ) : null}
            {hasRole('organizer') ? (
              <View className="me-link list-row" onClick={() => void Taro.navigateTo({ url: routes.organizerDuties() })}>
                <Text>主办单位：我的任务</Text>
                <Text>›</Text>
              </View>
            ) : null}
            {hasRole('organizer') ? (
              <View className="me-link list-row" onClick={() => void Taro.navigateTo({ url: routes.organizerStats() })}>
                <Text>主办单位：数据统计</Text>
                <Text>›</Text>
              </View>
            ) : null}
            {hasRole('reviewer') || hasRole('admin') ? (
              <View className="me-link list-row" onClick={() => void Taro.navigateTo({ url: routes.organizerReview() })}>
                <Text>活动审核</Text>
                <Text>›</Text>
              </View>
            ) : null}
            {hasRole('admin') ? (
              <View className="me-link list-row" onClick={() => void Taro.navigateTo({ url: routes.adminImport() })}>
                <Text>管理：导入工作要点</Text>
                <Text>›</Text>
              </View>
            ) : null}
            {hasRole('admin') ? (
              <View className="me-link list-row" onClick={() => void Taro.navigateTo({ url: routes.adminCampaigns() })}>
                <Text>管理：主题活动日期</Text>
                <Text>›</Text>
              </View>
            ) : null}
            {hasRole('admin') ? (
              <View className="me-link list-row" onClick={() => void Taro.navigateTo({ url: routes.adminNotifications() })}>
                <Text>管理：消息投递失败</Text>
                <Text>›</Text>
              </View>
            ) : null}
            {hasRole('admin') ? (
              <View className="me-link list-row" onClick={() => void Taro.navigateTo({ url: routes.adminOrganizations() })}>
                <Text>管理：单位与成员</Text>
                <Text>›</Text>
              </View>
            ) : null}
            {hasRole('admin') ? (
              <View className="me-link list-row" onClick={() => void Taro.navigateTo({ url: routes.adminUsers() })}>
                <Text>管理：用户、角色与登录码</Text>
                <Text>›</Text>
              </View>
            ) : null}
            {hasRole('admin') ? (
              <View className="me-link list-row" onClick={() => void Taro.navigateTo({ url: routes.adminAudit() })}>
                <Text>管理：审计日志</Text>
                <Text>›</Text>
              </View>
            ) : null}
            <View className="me-link list-row" onClick={() => void Taro.navigateTo({ url: routes.privacy() })}>
              <Text>隐私说明</Text>
              <Text>›</Text>
            </View>
            <View className="me-link list-row" onClick={() => void Taro.navigateTo({ url: routes.settings() })}>
              <Text>设置</Text>
              <View className="row">
                <Text className="muted">账号与安全</Text>
                <Text>›</Text>
              </View>
            </View>
          </View>

          <View className="section me-danger">
            <Button className="btn btn--ghost btn--block" onClick={() => logout()}>
              退出登录
            </Button>
          </View>
        </View>
      ) : (
        <View className="card me-links">
          <View className="me-link list-row" onClick={() => void Taro.navigateTo({ url: routes.privacy() })}>
            <Text>隐私说明</Text>
            <Text>›</Text>
          </View>
        </View>
      )}

      {editing ? (
        <AttendeeSheet
          signup={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            signups.update((item) => item.id === saved.id, { ...editing, name: saved.name, attendee: { ...editing.attendee, name: saved.name } });
            setEditing(null);
          }}
        />
      ) : null}
      {qrFor ? <CheckinSheet signup={qrFor} onClose={() => setQrFor(null)} onForward={() => void forward(qrFor)} /> : null}
    </PageShell>
  );
}
