// What organizers and reviewers do to events: drafts, submission, review,
// cancellation, the sign-up sheet, check-ins, shifts and volunteer decisions.
import type { CreateEvent, EventStatus, EventView, ReviewEvent, UpdateEvent } from '@kepu/shared';
import { request, type Listing } from '@/services/request';
import type { EventSignupRow, Shift, ShiftInput } from '@/services/types';

const eventPath = (id: string) => `/events/${encodeURIComponent(id)}`;

export function listOrganizationEvents(organizerId: string, status: EventStatus, cursor?: string | null): Promise<Listing<EventView>> {
  return request<Listing<EventView>>('/events', { query: { organizerId, status, cursor: cursor ?? undefined, limit: 20 }, quiet: true });
}

export function listPendingReview(cursor?: string | null): Promise<Listing<EventView>> {
  return request<Listing<EventView>>('/events', { query: { status: 'pending', cursor: cursor ?? undefined, limit: 20 }, quiet: true });
}

export function getEditableEvent(id: string): Promise<EventView> {
  return request<EventView>(eventPath(id), { quiet: true });
}

export function createEvent(draft: CreateEvent): Promise<EventView> {
  return request<EventView>('/events', { method: 'POST', data: draft });
}

export function updateEvent(id: string, patch: UpdateEvent): Promise<EventView> {
  return request<EventView>(eventPath(id), { method: 'PATCH', data: patch });
}

export function submitEvent(id: string): Promise<EventView> {
  return request<EventView>(`${eventPath(id)}/submit`, { method: 'POST' });
}

export function reviewEvent(id: string, decision: ReviewEvent): Promise<EventView> {
  return request<EventView>(`${eventPath(id)}/review`, { method: 'POST', data: decision });
}

export function cancelEvent(id: string, reason: string): Promise<EventView> {
  return request<EventView>(`${eventPath(id)}/cancel`, { method: 'POST', data: { reason } });
}

export async function listEventSignups(id: string, unmask = false): Promise<EventSignupRow[]> {
  const body = await request<{ items: EventSignupRow[] } | EventSignupRow[]>(`${eventPath(id)}/signups`, {
    query: { format: 'json', unmask: unmask ? 1 : undefined },
    quiet: true,
  });
  return Array.isArray(body) ? body : (body?.items ?? []);
}

export function checkInAttendee(eventId: string, code: string): Promise<{ signupId?: string; name?: string; checkedInAt?: string }> {
  return request(`${eventPath(eventId)}/checkins`, { method: 'POST', data: { code } });
}

export function createShift(eventId: string, shift: ShiftInput): Promise<Shift> {
  return request<Shift>(`${eventPath(eventId)}/shifts`, { method: 'POST', data: shift });
}
