// What the inbox, the subscription call, the template list and the admins'
// delivery view answer.
import { z } from 'zod';
import { notificationKinds, notificationStatuses } from '../states';
import { isoTimeView } from './common';

/** One message in a user's inbox. `kind` may also be an older, internal kind (event.plan_task_changed). */
export const notificationViewSchema = z
  .strictObject({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    eventId: z.string().optional(),
    createdAt: isoTimeView,
    readAt: isoTimeView.nullable(),
  })
  .meta({ id: 'NotificationView' });
export type NotificationView = z.infer<typeof notificationViewSchema>;

export const unreadCountViewSchema = z.strictObject({ count: z.number().int().min(0) }).meta({ id: 'UnreadCountView' });
export type UnreadCountView = z.infer<typeof unreadCountViewSchema>;

export const markedReadViewSchema = z.strictObject({ marked: z.number().int().min(0), count: z.number().int().min(0) }).meta({ id: 'MarkedReadView' });
export type MarkedReadView = z.infer<typeof markedReadViewSchema>;

/** The one-time WeChat subscriptions a user holds, per kind, after recording new ones. */
export const subscriptionsViewSchema = z
  .strictObject({ available: z.array(z.strictObject({ kind: z.enum(notificationKinds), count: z.number().int().min(0) })) })
  .meta({ id: 'SubscriptionsView' });
export type SubscriptionsView = z.infer<typeof subscriptionsViewSchema>;

/** The subscribe-message template id configured for each kind (kinds without one are left out). */
export const notificationTemplatesViewSchema = z
  .strictObject({ templates: z.array(z.strictObject({ kind: z.enum(notificationKinds), templateId: z.string() })) })
  .meta({ id: 'NotificationTemplatesView' });
export type NotificationTemplatesView = z.infer<typeof notificationTemplatesViewSchema>;

/** A notification as its delivery went, for admins. */
export const notificationDeliveryViewSchema = z
  .strictObject({
    id: z.string(),
    userId: z.string(),
    kind: z.string(),
    eventId: z.string().nullable(),
    status: z.enum(notificationStatuses),
    /** Where it went: the inbox only, or WeChat too. Null until delivered. */
    channel: z.enum(['inbox', 'wechat']).nullable(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    /** v1.1: the kind as the inbox titles it (报名成功, 活动已取消 …). */
    kindLabel: z.string(),
    /** v1.1: the recipient's nickname, masked (the admin needs to tell rows apart, not to contact them). */
    recipient: z.string(),
    /** v1.1: the event it is about, by its title now; null for notices about no event or one since deleted. */
    event: z.strictObject({ id: z.string(), title: z.string() }).nullable(),
    /** v1.1: the last error in plain Chinese (what went wrong and what to do), null when there was none. */
    lastErrorText: z.string().nullable(),
    /** v1.1: whether `POST /admin/notifications/:id/retry` may send it again (failed, or waiting for its next attempt). */
    retryable: z.boolean(),
    dueAt: isoTimeView,
    nextAttemptAt: isoTimeView.nullable(),
    sentAt: isoTimeView.nullable(),
    createdAt: isoTimeView,
  })
  .meta({ id: 'NotificationDeliveryView' });
export type NotificationDeliveryView = z.infer<typeof notificationDeliveryViewSchema>;
