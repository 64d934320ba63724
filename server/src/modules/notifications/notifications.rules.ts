// Pure rules of notifications: what each kind says (inbox title and body, the
// WeChat subscribe message's fields within WeChat's limits), when a reminder
// is due, and how delivery retries back off and when it gives up.
import type { NotificationKind } from '@kepu/shared';
import type { TemplateSlot, WechatTemplate } from '../../config';

export const reminderKinds: readonly NotificationKind[] = ['event.reminder', 'shift.reminder'];

/** Delivery attempts before a notification is marked failed (kept for admins with its last error). */
export const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 3_600_000;

/** Wait after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min … at most an hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1), LONGEST_RETRY_MS);
}

export type AfterFailure = { status: 'failed' } | { status: 'pending'; nextAttemptAt: Date };

/** What a failed attempt leaves: another try after the backoff, or, after MAX_ATTEMPTS, failed. */
export function afterFailure(failedAttempts: number, now: Date): AfterFailure {
  if (failedAttempts >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(failedAttempts)) };
}

/** A reminder is due `leadMs` before the start, or at once when the start is closer than that. */
export function reminderDueAt(startsAt: Date, leadMs: number, now: Date): Date {
  return new Date(Math.max(now.getTime(), startsAt.getTime() - leadMs));
}

/** A reminder is worth sending only before what it reminds of has started. */
export function reminderStillDue(startsAt: Date, now: Date): boolean {
  return now.getTime() < startsAt.getTime();
}

/** One reminder per sign-up (or application) and start time: a moved event gets a new one, a repeat none. */
export function reminderKey(kind: NotificationKind, subjectId: string, startsAt: Date): string {
  return `${kind}:${subjectId}:${startsAt.getTime()}`;
}

export function reminderKeyPrefix(kind: NotificationKind, subjectId: string): string {
  return `${kind}:${subjectId}:`;
}

/** How WeChat answered a send. */
export type WechatVerdict = 'retry' | 'spent' | 'fatal';

/**
 * 43101: the user has no subscription left (refused, or used up elsewhere): the inbox has it, done.
 * 40003/40037/41030/47003/47001: a bad openid, template, page or field: retrying cannot help.
 * Anything else (system busy -1, rate limits, network): try again later.
 */
export function wechatVerdict(errcode: number | null): WechatVerdict {
  if (errcode === 43101) return 'spent';
  if (errcode !== null && [40003, 40037, 41030, 47001, 47003].includes(errcode)) return 'fatal';
  return 'retry';
}

const CST_OFFSET_MS = 8 * 3600_000;

function cstParts(iso: string | Date) {
  const shifted = new Date(new Date(iso).getTime() + CST_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    year: shifted.getUTCFullYear(),
    month: pad(shifted.getUTCMonth() + 1),
    day: pad(shifted.getUTCDate()),
    monthNumber: shifted.getUTCMonth() + 1,
    dayNumber: shifted.getUTCDate(),
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
  };
}

/** WeChat's time.DATA: 24-hour time with the date, `2026年11月25日 12:00` (China Standard Time). */
export function wechatTime(iso: string | Date): string {
  const p = cstParts(iso);
  return `${p.year}年${p.month}月${p.day}日 ${p.time}`;
}

/** The inbox's short time: `11月25日 12:00`. */
export function inboxTime(iso: string | Date): string {
  const p = cstParts(iso);
  return `${p.monthNumber}月${p.dayNumber}日 ${p.time}`;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** Cuts text to `max` characters (code points), marking the cut with …. */
function cut(text: string, max: number): string {
  const chars = [...text.replace(CONTROL, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Fits a value to its keyword's type, as WeChat checks it: thing 20 characters, phrase 5 Chinese
 * characters, name 10, character_string/number/letter 32, symbol 5; time and date as written by wechatTime.
 */
export function fitKeyword(keyword: string, value: string): string {
  const type = keyword.replace(/\d+$/, '');
  switch (type) {
    case 'thing':
      return cut(value, 20) || '—';
    case 'phrase':
      return [...value.replace(/[^\u4e00-\u9fff]/g, '')].slice(0, 5).join('') || '通知';
    case 'name':
      return cut(value, 10);
    case 'symbol':
      return [...value].slice(0, 5).join('');
    case 'character_string':
      return value.replace(/[^\x21-\x7e]/g, '').slice(0, 32);
    case 'number':
      return value.replace(/[^\d.]/g, '').slice(0, 32);
    case 'letter':
      return value.replace(/[^A-Za-z]/g, '').slice(0, 32);
    default:
      // time and date: the caller passes wechatTime's format, which both accept.
      return value;
  }
}

/** What the stored payload of a notification may hold (each kind fills some). */
export interface NotificationPayload {
  eventId?: string;
  title?: string;
  startsAt?: string;
  venue?: string;
  reason?: string | null;
  role?: string;
  changed?: string[];
  planTitle?: string;
}

function payloadOf(raw: Record<string, unknown>): NotificationPayload {
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  return {
    eventId: text('eventId'),
    title: text('title'),
    startsAt: text('startsAt'),
    venue: text('venue'),
    reason: text('reason') ?? null,
    role: text('role'),
    changed: Array.isArray(raw.changed) ? raw.changed.filter((c): c is string => typeof c === 'string') : undefined,
    planTitle: text('planTitle'),
  };
}

interface Wording {
  title: string;
  body: string;
  /** The subscribe message's short status (phrase: ≤ 5 Chinese characters) and note (thing: ≤ 20). */
  status: string;
  note: string;
}

function wordingOf(kind: string, p: NotificationPayload): Wording {
  const name = `「${p.title ?? '活动'}」`;
  const when = p.startsAt ? inboxTime(p.startsAt) : '';
  const where = p.venue ? `，地点：${p.venue}` : '';
  const at = when ? `，时间：${when}` : '';
  switch (kind) {
    case 'signup.confirmed':
      return { title: '报名成功', body: `你已报名${name}${at}${where}。请凭签到码入场。`, status: '报名成功', note: '请按时到场，凭签到码入场' };
    case 'signup.promoted':
      return { title: '候补成功', body: `${name}有名额空出，你已从候补转为报名成功${at}${where}。`, status: '候补成功', note: '已为你保留名额，请按时到场' };
    case 'event.reminder':
      return { title: '活动即将开始', body: `你报名的${name}将于 ${when} 开始${where}。`, status: '即将开始', note: '活动即将开始，请按时到场' };
    case 'event.changed': {
      const what = [p.changed?.includes('time') ? '时间' : '', p.changed?.includes('venue') ? '地点' : ''].filter(Boolean).join('和') || '安排';
      return { title: '活动有变更', body: `${name}的${what}有调整，现为${at.slice(1)}${where}。`, status: '已变更', note: `活动${what}有调整，请留意` };
    }
    case 'event.cancelled':
      return {
        title: '活动已取消',
        body: `很抱歉，${name}已取消${p.reason ? `，原因：${p.reason}` : ''}。`,
        status: '已取消',
        note: p.reason ? `取消原因：${p.reason}` : '活动已取消',
      };
    case 'application.approved':
      return { title: '岗位申请已通过', body: `你申请的${name}${p.role ?? ''}岗位已通过${at}。`, status: '已通过', note: `${p.role ?? '志愿'}岗位申请已通过` };
    case 'application.rejected':
      return {
        title: '岗位申请未通过',
        body: `你申请的${name}${p.role ?? ''}岗位未通过${p.reason ? `，原因：${p.reason}` : ''}。`,
        status: '未通过',
        note: p.reason ? `原因：${p.reason}` : `${p.role ?? '志愿'}岗位申请未通过`,
      };
    case 'shift.reminder':
      return {
        title: '志愿服务即将开始',
        body: `你在${name}的${p.role ?? ''}岗位将于 ${when} 开始${where}，请提前到岗。`,
        status: '即将开始',
        note: '请提前到岗',
      };
    case 'event.plan_task_changed':
      return {
        title: '活动关联的计划任务有变',
        body: `${name}关联的${p.planTitle ? `《${p.planTitle}》` : '计划'}任务已调整，请检查活动信息。`,
        status: '有变更',
        note: '关联的计划任务已调整',
      };
    default:
      return { title: '新消息', body: p.title ? `关于${name}的新消息。` : '你有一条新消息。', status: '通知', note: '你有一条新消息' };
  }
}

/** The inbox's title and body of a notification, in Chinese. */
export function renderNotification(kind: string, payload: Record<string, unknown>): { title: string; body: string } {
  const { title, body } = wordingOf(kind, payloadOf(payload));
  return { title, body };
}

/** The `data` of a subscribe message: each slot the template maps, fitted to its keyword's limits. */
export function wechatData(kind: string, payload: Record<string, unknown>, fields: WechatTemplate['fields']): Record<string, { value: string }> {
  const p = payloadOf(payload);
  const wording = wordingOf(kind, p);
  const shiftKind = kind.startsWith('application.') || kind === 'shift.reminder';
  const values: Record<TemplateSlot, string> = {
    title: p.title ?? wording.title,
    time: p.startsAt ? wechatTime(p.startsAt) : '',
    place: (shiftKind ? p.role : p.venue) ?? '',
    note: wording.note,
    status: wording.status,
  };
  const data: Record<string, { value: string }> = {};
  for (const [slot, keyword] of Object.entries(fields) as [TemplateSlot, string][]) {
    const value = values[slot];
    // An empty value fails WeChat's check: leave the keyword out instead (it shows blank).
    if (value) data[keyword] = { value: fitKeyword(keyword, value) };
  }
  return data;
}

/** The mini-program page a subscribe message opens: the event, with the notice to mark read. */
export function wechatPage(notificationId: string, eventId: string | null): string {
  return eventId ? `pages/event-detail/index?id=${eventId}&notice=${notificationId}` : `packages/inbox/pages/list/index?notice=${notificationId}`;
}

/** A recipient's nickname as the admins' delivery list shows it: enough to tell rows apart (张*明, 小*). */
export function maskNickname(nickname: string): string {
  const chars = [...nickname.trim()];
  if (chars.length <= 1) return chars.length ? `${chars[0]}*` : '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 3))}${chars[chars.length - 1]}`;
}

/** What WeChat's error codes mean for an admin: what went wrong and what to do. */
const wechatErrorTexts: Record<number, string> = {
  [-1]: '微信系统繁忙，稍后重试即可',
  40001: '微信访问令牌无效或已过期，请检查 WX_APPID 和 WX_SECRET',
  40003: '收件人的微信身份无效（可能已注销或不是本小程序的用户）',
  40013: 'WX_APPID 无效，请检查配置',
  40014: '微信访问令牌无效，稍后重试即可',
  40037: '订阅消息模板 ID 无效，请检查 WX_TEMPLATE_… 配置',
  40125: 'WX_SECRET 无效，请检查配置',
  41030: '消息要打开的小程序页面不存在，请确认小程序已发布当前版本',
  42001: '微信访问令牌已过期，稍后重试即可',
  43101: '用户的订阅次数已用完，消息只在站内送达',
  45009: '超过了微信的调用次数限制，稍后重试',
  47001: '发送给微信的内容格式有误',
  47003: '模板字段不符合微信要求（字段名或长度），请检查 WX_TEMPLATE_… 的字段配置',
};

/**
 * The worker's last error (`subscribe/send 47003: …`, `stable_token: …`,
 * `WeChat unreachable: …`) in plain Chinese; null when there was none. The
 * inbox copy is never affected: these are about the WeChat message only.
 */
export function deliveryErrorText(lastError: string | null): string | null {
  if (!lastError) return null;
  if (lastError.startsWith('WeChat unreachable')) return '连不上微信服务器（网络中断或超时），稍后重试即可';
  if (lastError.startsWith('stable_token')) return '取不到微信访问令牌，请检查 WX_APPID、WX_SECRET 和 WX_API_BASE';
  const errcode = /^subscribe\/send (-?\d+)/.exec(lastError)?.[1];
  if (errcode === undefined) return '发送失败，原因不明，可稍后重试';
  return wechatErrorTexts[Number(errcode)] ?? `微信返回错误码 ${errcode}，请对照微信文档查看原因`;
}
