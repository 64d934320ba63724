// The closed sets of states the contract names. Free of zod, so rules, views
// and the mini-program can all import them.

export const eventKinds = ['campaign', 'activity'] as const;
export type EventKind = (typeof eventKinds)[number];

export const eventStatuses = ['draft', 'pending', 'published', 'rejected', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/**
 * What a user can be told (v1.1). Each lands in the in-app inbox; a WeChat
 * subscribe message goes out too when the user accepted one of that kind.
 */
export const notificationKinds = [
  'signup.confirmed',
  'signup.promoted',
  'event.reminder',
  'event.changed',
  'event.cancelled',
  'application.approved',
  'application.rejected',
  'shift.reminder',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** A notification's delivery: waiting (or due), delivered, given up after retries, or withdrawn (a reminder no longer due). */
export const notificationStatuses = ['pending', 'sent', 'failed', 'cancelled'] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

/** Who is looking (谁在看): what a user may say they are, so home puts what suits them first. */
export const viewerAudiences = ['老年人', '家长', '学生', '其他'] as const;
export type ViewerAudience = (typeof viewerAudiences)[number];
