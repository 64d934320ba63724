// 消息: what the user has been told (sign-up confirmed, promoted, reminders,
// changes, cancellations, volunteer decisions), newest first. Tapping one marks
// it read and opens its event; 全部已读 clears the badge.
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { NotificationView } from '@kepu/shared';
import ListFooter from '@/components/ListFooter';
import LoginPrompt from '@/components/LoginPrompt';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useOnReturn } from '@/hooks/useOnReturn';
import { usePagedList } from '@/hooks/usePagedList';
import { useSession } from '@/hooks/useSession';
import { useStore } from '@/hooks/useStore';
import { listNotifications, markNotificationsRead, refreshUnreadCount, unreadStore } from '@/services/notifications';
import { asButton } from '@/utils/a11y';
import { routes } from '@/utils/routes';
import { formatDateTime } from '@/utils/time';
import '../../inbox.scss';

export default function InboxPage() {
  const { user } = useSession();
  const unread = useStore(unreadStore);
  const list = usePagedList(user ? (cursor) => listNotifications(cursor) : null, [user?.id]);

  useOnReturn(() => void list.reload());
  usePullDownRefresh(() => {
    void Promise.all([list.reload(), refreshUnreadCount()]).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore();
  });

  const open = async (item: NotificationView) => {
    if (!item.readAt) {
      list.update((n) => n.id === item.id, { ...item, readAt: new Date().toISOString() });
      await markNotificationsRead({ ids: [item.id] }).catch(() => undefined);
    }
    if (item.eventId) void Taro.navigateTo({ url: routes.eventDetail(item.eventId) });
  };

  const readAll = async () => {
    try {
      await markNotificationsRead({ all: true });
      await list.reload();
    } catch {
      Taro.showToast({ title: '操作失败，请稍后再试', icon: 'none' });
    }
  };

  if (!user) {
    return (
      <PageShell>
        <LoginPrompt text="登录后查看报名、候补递补和活动变更等消息" />
      </PageShell>
    );
  }

  const state = renderState({
    loading: list.loading,
    error: list.error,
    empty: list.items.length === 0,
    emptyText: '还没有消息。报名成功、候补递补、活动提醒和变更都会出现在这里',
    onRetry: () => void list.reload(),
  });

  return (
    <PageShell>
      <View className="section row inbox-bar">
        <Text className="muted">{unread > 0 ? `${unread} 条未读` : '没有未读消息'}</Text>
        {unread > 0 ? (
          <Button className="btn btn--ghost" onClick={() => void readAll()}>
            全部已读
          </Button>
        ) : null}
      </View>
      {list.stale ? <Text className="section muted">网络不可用，以下是上次加载的消息</Text> : null}
      {state ??
        list.items.map((item) => (
          <View key={item.id} className={`card inbox-item ${item.readAt ? 'inbox-item--read' : ''}`} {...asButton(() => void open(item))}>
            <View className="inbox-item__main">
              <View className="row">
                {item.readAt ? null : <Text className="tag tag--warn">未读</Text>}
                <Text className="title">{item.title}</Text>
              </View>
              <Text className="inbox-item__body">{item.body}</Text>
              <Text className="inbox-item__time muted">
                {formatDateTime(item.createdAt)}
                {item.eventId ? ' · 查看活动 ›' : ''}
              </Text>
            </View>
          </View>
        ))}
      <ListFooter list={list} />
    </PageShell>
  );
}
