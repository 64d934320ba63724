// Pure rules of an event's life: which status changes are allowed and what
// an edit may do. No database, no clock of its own. Who may see an event is
// an access rule (organizations.access.ts).
import type { EventStatus } from '@kepu/shared';

/** Drafts and rejected events are edited freely; pending and published ones too, within limits below. */
export function canEdit(status: EventStatus): boolean {
  return status !== 'cancelled';
}

export function canSubmit(status: EventStatus): boolean {
  return status === 'draft' || status === 'rejected';
}

export function canReview(status: EventStatus): boolean {
  return status === 'pending';
}

/** An event that has ended happened: cancelling it would tell people it did not, and void unrecorded volunteer hours. */
export function canCancel(event: { status: EventStatus; endsAt: Date }, now: Date): boolean {
  return event.status !== 'cancelled' && event.endsAt.getTime() > now.getTime();
}

/**
 * A published event is public as a reviewer approved it: when an organization
 * that is not trusted changes it, the change waits for a reviewer and the
 * approved version stays public. Drafts and rejected events are private; a
 * pending one is in review already (the decision names the version seen).
 */
export function editGoesToReview(status: EventStatus, editorTrusted: boolean): boolean {
  return status === 'published' && !editorTrusted;
}

/** After an edit, a rejected event goes back to draft so it can be resubmitted. */
export function statusAfterEdit(status: EventStatus): EventStatus {
  return status === 'rejected' ? 'draft' : status;
}

/** Capacity can grow at any time but never drop below the seats already confirmed. */
export function capacityAllowed(newCapacity: number, confirmedSeats: number): boolean {
  return newCapacity >= confirmedSeats;
}

export type NoticeWorthyChange = 'time' | 'venue';

/** What changed that people already coming must be told: when it happens and where. */
export function noticeWorthyChanges(
  before: { startsAt: Date; endsAt: Date; venueName: string; venueAddress: string },
  after: { startsAt: Date; endsAt: Date; venueName: string; venueAddress: string },
): NoticeWorthyChange[] {
  const changes: NoticeWorthyChange[] = [];
  if (before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime()) changes.push('time');
  if (before.venueName !== after.venueName || before.venueAddress !== after.venueAddress) changes.push('venue');
  return changes;
}
