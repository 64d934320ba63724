// What an organizer can do with one of its events in 活动管理: the one next
// step the card shows as its button, and the rest for the 更多 menu. Pure, with
// the clock passed in, so the rule is tested without a page.
import type { EventStatus } from '@kepu/shared';
import { cstDate } from '@/utils/time';

export type EventAction = 'submit' | 'edit' | 'view' | 'checkin' | 'signups' | 'volunteers' | 'exportSignups' | 'exportVolunteers' | 'cancel';

export const actionLabels: Record<EventAction, string> = {
  submit: '提交审核',
  edit: '编辑',
  view: '查看',
  checkin: '签到',
  signups: '报名名单',
  volunteers: '志愿者',
  exportSignups: '导出名单',
  exportVolunteers: '导出志愿者名单',
  cancel: '取消活动',
};

/** A published event's edit page also holds its shifts (岗位). */
export function actionLabel(action: EventAction, status: EventStatus): string {
  return action === 'edit' && status === 'published' ? '岗位与编辑' : actionLabels[action];
}

export interface EventActions {
  primary: EventAction;
  /** In the order the 更多 menu lists them; a destructive one (取消活动) last. */
  more: EventAction[];
}

interface ActionableEvent {
  status: EventStatus;
  startsAt: string;
  endsAt: string;
}

/**
 * draft: 提交审核 (edit in 更多); rejected: 编辑, since the reviewer asked for a
 * change first; pending and cancelled: 查看; published: 签到 from the day it
 * starts, 报名名单 before, 导出名单 once it has ended.
 */
export function eventActions(event: ActionableEvent, now: Date): EventActions {
  switch (event.status) {
    case 'draft':
      return { primary: 'submit', more: ['edit', 'view'] };
    case 'rejected':
      return { primary: 'edit', more: ['submit', 'view'] };
    case 'pending':
      return { primary: 'view', more: [] };
    case 'cancelled':
      return { primary: 'view', more: ['signups'] };
    case 'published': {
      const ended = new Date(event.endsAt).getTime() <= now.getTime();
      if (ended) return { primary: 'exportSignups', more: ['signups', 'volunteers', 'exportVolunteers', 'checkin', 'view'] };
      const startsToday = cstDate(event.startsAt) <= cstDate(now);
      const rest: EventAction[] = ['checkin', 'signups', 'volunteers', 'edit', 'exportSignups', 'view'];
      const primary: EventAction = startsToday ? 'checkin' : 'signups';
      return { primary, more: [...rest.filter((action) => action !== primary), 'cancel'] };
    }
  }
}
