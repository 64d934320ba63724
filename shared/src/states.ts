// The closed sets of states the contract names. Free of zod, so rules, views
// and the mini-program can all import them.

export const eventKinds = ['campaign', 'activity'] as const;
export type EventKind = (typeof eventKinds)[number];

export const eventStatuses = ['draft', 'pending', 'published', 'rejected', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];
