// 消息: the inbox, its unread count (shown on 我的 and as the tab bar's badge),
// marking read, and the one-time WeChat subscriptions the app records.
import Taro from '@tarojs/taro';
import type {
  MarkedReadView,
  MarkNotificationsRead,
  NotificationDeliveryView,
  NotificationKind,
  NotificationTemplatesView,
  NotificationView,
  SubscribeNotifications,
  SubscriptionsView,
  UnreadCountView,
} from '@kepu/shared';
import { request, type Listing } from '@/services/request';
import { currentToken } from '@/services/session';
import { createStore } from '@/utils/store';
import { tabs } from '@/utils/routes';

/** How many unread messages the signed-in user has; 0 signed out. */
export const unreadStore = createStore(0);

/** 我的 is the fourth tab: its badge shows the unread count. */
const ME_TAB_INDEX = Object.keys(tabs).indexOf('me');

/** The tab bar's badge follows the count. Outside tab pages (or on old base libraries) the call fails: that is fine. */
function showBadge(count: number): void {
  const done =
    count > 0 ? Taro.setTabBarBadge?.({ index: ME_TAB_INDEX, text: count > 99 ? '99+' : String(count) }) : Taro.removeTabBarBadge?.({ index: ME_TAB_INDEX });
  void Promise.resolve(done).catch(() => undefined);
}

unreadStore.subscribe(showBadge);

export function listNotifications(cursor?: string | null, limit = 20): Promise<Listing<NotificationView>> {
  return request<Listing<NotificationView>>('/me/notifications', { query: { cursor: cursor ?? undefined, limit }, quiet: true });
}

/** Asks the server for the unread count and updates the badge; quiet, and 0 when signed out. */
export async function refreshUnreadCount(): Promise<number> {
  if (!currentToken()) {
    unreadStore.set(0);
    return 0;
  }
  try {
    const { count } = await request<UnreadCountView>('/me/notifications/unread-count', { quiet: true, loginOn401: false });
    unreadStore.set(count);
    return count;
  } catch {
    return unreadStore.get();
  }
}

export async function markNotificationsRead(input: MarkNotificationsRead): Promise<MarkedReadView> {
  const result = await request<MarkedReadView>('/me/notifications/read', { method: 'POST', data: input, quiet: true });
  unreadStore.set(result.count);
  return result;
}

let templates: Partial<Record<NotificationKind, string>> | null = null;
let loading: Promise<void> | null = null;

/** Fetches the template id of each kind once; pages call it when they load, so a tap finds them ready. Quiet. */
export function loadTemplates(): Promise<void> {
  if (templates) return Promise.resolve();
  loading ??= request<NotificationTemplatesView>('/notifications/templates', { quiet: true })
    .then((answer) => {
      templates = Object.fromEntries(answer.templates.map((t) => [t.kind, t.templateId]));
    })
    .catch(() => undefined)
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** What loadTemplates found, if it has finished: requestSubscribeMessage must run in the tap itself. */
export function loadedTemplates(): Partial<Record<NotificationKind, string>> | null {
  return templates;
}

export function recordSubscriptions(kinds: NotificationKind[]): Promise<SubscriptionsView> {
  const body: SubscribeNotifications = { kinds };
  return request<SubscriptionsView>('/me/subscriptions', { method: 'POST', data: body, quiet: true });
}

/** For tests: forget the fetched templates. */
export function forgetTemplates(): void {
  templates = null;
  loading = null;
}

// ---- For admins: deliveries that failed or wait to be retried ----

/** `failed`: the worker gave up; `retrying`: failed at least once and waiting for the next attempt. */
export type DeliveryFilter = 'failed' | 'retrying';

export function listDeliveries(filter: DeliveryFilter, cursor?: string | null, limit = 20): Promise<Listing<NotificationDeliveryView>> {
  return request<Listing<NotificationDeliveryView>>('/admin/notifications', {
    query: { status: filter === 'failed' ? 'failed' : 'pending', attempted: 1, cursor: cursor ?? undefined, limit },
    quiet: true,
  });
}

/** One more attempt at the next worker run (audited on the server). */
export function retryDelivery(id: string): Promise<NotificationDeliveryView> {
  return request<NotificationDeliveryView>(`/admin/notifications/${encodeURIComponent(id)}/retry`, { method: 'POST' });
}
