// Payloads of the inbox and of WeChat subscriptions.
import { z } from 'zod';
import { notificationKinds, notificationStatuses } from '../states';
import { idSchema, pageQuerySchema } from './common';

/** `{ids: [...]}` marks those read; `{all: true}` marks the whole inbox. */
export const markNotificationsReadSchema = z.union([z.strictObject({ ids: z.array(idSchema).min(1).max(100) }), z.strictObject({ all: z.literal(true) })]);
export type MarkNotificationsRead = z.infer<typeof markNotificationsReadSchema>;

/** The kinds the user accepted in requestSubscribeMessage: each acceptance allows one message of that kind. */
export const subscribeNotificationsSchema = z.strictObject({
  kinds: z.array(z.enum(notificationKinds, { error: '未知的消息类型' })).max(notificationKinds.length * 2),
});
export type SubscribeNotifications = z.infer<typeof subscribeNotificationsSchema>;

export const notificationDeliveryQuerySchema = pageQuerySchema.extend({
  status: z.enum(notificationStatuses).optional(),
  /** `1`: only notifications that failed at least once (with `status=pending`: those waiting to be retried). */
  attempted: z.literal('1').optional(),
});
export type NotificationDeliveryQuery = z.infer<typeof notificationDeliveryQuerySchema>;
