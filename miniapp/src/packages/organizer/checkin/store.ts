// What the check-in page keeps on the device per event: the last kit and the
// check-ins made offline, waiting to be uploaded. Both survive a restart.
import type { CheckinKitView } from '@kepu/shared';
import { readStored, removeStored, writeStored } from '@/utils/storage';

/** signupId: who, as checked on the device; code: sent when there is one, so the server checks the signature again. */
export interface QueuedCheckin {
  signupId: string;
  code?: string;
  at: string;
}

const kitKey = (eventId: string) => `kepu.checkinKit:${eventId}`;
const queueKey = (eventId: string) => `kepu.checkinQueue:${eventId}`;

export function readKit(eventId: string): CheckinKitView | null {
  return readStored<CheckinKitView | null>(kitKey(eventId), null);
}

export function writeKit(kit: CheckinKitView): void {
  writeStored(kitKey(kit.eventId), kit);
}

export function readQueue(eventId: string): QueuedCheckin[] {
  return readStored<QueuedCheckin[]>(queueKey(eventId), []);
}

export function writeQueue(eventId: string, queue: QueuedCheckin[]): void {
  if (queue.length === 0) removeStored(queueKey(eventId));
  else writeStored(queueKey(eventId), queue);
}
