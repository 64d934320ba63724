// What organizers and reviewers do to events: drafts, submission, review,
// cancellation, the sign-up sheet, check-ins, shifts and volunteer decisions.
import type {
  ApplicantRow,
  ApplicationDecision,
  ApplicationView,
  CancelEvent,
  Checkin,
  CheckinBatch,
  CheckinBatchView,
  CheckinKitView,
  CompleteApplication,
  CreateEvent,
  CreateEventSeries,
  CreateShift,
  EventSeriesView,
  EventSignupRow,
  EventStatus,
  EventView,
  OrganizationEventCountsView,
  OrganizationHistoryView,
  OrganizationVenueView,
  Page,
  ReviewEvent,
  ShiftView,
  SignupView,
  UpdateEvent,
  VenueConflictsView,
} from '@kepu/shared';
import { openFile } from '@/services/download';
import { request, type Listing } from '@/services/request';

const eventPath = (id: string) => `/events/${encodeURIComponent(id)}`;

export function listOrganizationEvents(organizerId: string, status: EventStatus, cursor?: string | null): Promise<Listing<EventView>> {
  return request<Listing<EventView>>('/events', { query: { organizerId, status, cursor: cursor ?? undefined, limit: 20 }, quiet: true });
}

/** How many of the organization's events not ended yet are in each state (the tabs of 活动管理). */
export function getOrganizationEventCounts(organizerId: string): Promise<OrganizationEventCountsView> {
  return request<OrganizationEventCountsView>(`/organizations/${encodeURIComponent(organizerId)}/events/counts`, { quiet: true });
}

export function listPendingReview(cursor?: string | null): Promise<Listing<EventView>> {
  return request<Listing<EventView>>('/events', { query: { status: 'pending', cursor: cursor ?? undefined, limit: 20 }, quiet: true });
}

/** Other events booked at the event's venue at an overlapping time (any organization). */
export function getVenueConflicts(id: string): Promise<VenueConflictsView> {
  return request<VenueConflictsView>(`${eventPath(id)}/conflicts`, { quiet: true });
}

/** Changes to published events awaiting review, longest waiting first; each item's `revision` holds the change. */
export function listRevisionsForReview(cursor?: string | null): Promise<Listing<EventView>> {
  return request<Listing<EventView>>('/event-revisions', { query: { cursor: cursor ?? undefined, limit: 20 }, quiet: true });
}

/** Ids of the organization's events whose change awaits review (the first 100 are plenty to mark a list). */
export async function eventsWithChangeAwaitingReview(organizerId: string): Promise<Set<string>> {
  const page = await request<Listing<EventView>>('/event-revisions', { query: { organizerId, limit: 100 }, quiet: true });
  return new Set(page.items.map((event) => event.id));
}

export function getEditableEvent(id: string): Promise<EventView> {
  return request<EventView>(eventPath(id), { quiet: true });
}

export function createEvent(draft: CreateEvent): Promise<EventView> {
  return request<EventView>('/events', { method: 'POST', data: draft });
}

/** Every occurrence of a recurring series as its own draft (each with its seats and its venue conflicts). */
export function createEventSeries(series: CreateEventSeries): Promise<EventSeriesView> {
  return request<EventSeriesView>('/events/series', { method: 'POST', data: series });
}

/** Submits every draft occurrence of the series (a trusted organization's are published at once). */
export function submitSeries(seriesId: string): Promise<EventSeriesView> {
  return request<EventSeriesView>(`/series/${encodeURIComponent(seriesId)}/submit`, { method: 'POST' });
}

const venuesPath = (organizationId: string) => `/organizations/${encodeURIComponent(organizationId)}/venues`;

/** The organization's saved venues (常用场馆), most recently used first. */
export async function listSavedVenues(organizationId: string): Promise<OrganizationVenueView[]> {
  return (await request<Page<OrganizationVenueView>>(venuesPath(organizationId), { quiet: true })).items;
}

export function updateEvent(id: string, patch: UpdateEvent): Promise<EventView> {
  return request<EventView>(eventPath(id), { method: 'PATCH', data: patch });
}

export function submitEvent(id: string): Promise<EventView> {
  return request<EventView>(`${eventPath(id)}/submit`, { method: 'POST' });
}

/** `decision.version`: the version the reviewer saw; the server answers 409 EVENT_CHANGED if the event changed since. */
export function reviewEvent(id: string, decision: ReviewEvent): Promise<EventView> {
  return request<EventView>(`${eventPath(id)}/review`, { method: 'POST', data: decision });
}

export function cancelEvent(id: string, reason: string): Promise<EventView> {
  return request<EventView>(`${eventPath(id)}/cancel`, { method: 'POST', data: { reason } satisfies CancelEvent });
}

export async function listEventSignups(id: string, unmask = false): Promise<EventSignupRow[]> {
  const body = await request<Page<EventSignupRow>>(`${eventPath(id)}/signups`, {
    query: { format: 'json', unmask: unmask ? 1 : undefined },
    quiet: true,
  });
  return body.items;
}

export function checkInAttendee(eventId: string, target: Checkin): Promise<SignupView> {
  // quiet: the check-in page shows each result, success or failure, in its own list.
  return request<SignupView>(`${eventPath(eventId)}/checkins`, { method: 'POST', data: target satisfies Checkin, quiet: true });
}

/** The public key and the (masked) list, kept on the device for checking in without the network. */
export function getCheckinKit(eventId: string): Promise<CheckinKitView> {
  return request<CheckinKitView>(`${eventPath(eventId)}/checkin-kit`, { quiet: true });
}

/** Check-ins made offline; idempotent, so a batch whose answer was lost is simply sent again. */
export function uploadCheckins(eventId: string, batch: CheckinBatch): Promise<CheckinBatchView> {
  return request<CheckinBatchView>(`${eventPath(eventId)}/checkins/batch`, { method: 'POST', data: batch, quiet: true });
}

export function createShift(eventId: string, shift: CreateShift): Promise<ShiftView> {
  return request<ShiftView>(`${eventPath(eventId)}/shifts`, { method: 'POST', data: shift });
}

/** Everyone who applied for the event's shifts, oldest first; phones masked unless `unmask` (audited by the server). */
export async function listEventVolunteers(eventId: string, unmask = false): Promise<ApplicantRow[]> {
  const body = await request<Page<ApplicantRow>>(`${eventPath(eventId)}/volunteers`, {
    query: { format: 'json', unmask: unmask ? 1 : undefined },
    quiet: true,
  });
  return body.items;
}

const applicationPath = (id: string) => `/applications/${encodeURIComponent(id)}`;

/** Approving never goes past the shift's slots: the server answers 409 SHIFT_FULL. */
export function decideApplication(applicationId: string, decision: ApplicationDecision): Promise<ApplicationView> {
  return request<ApplicationView>(`${applicationPath(applicationId)}/decision`, { method: 'POST', data: decision });
}

/** Records (and so certifies) the hours once; the server rounds them by its rule and answers with what it recorded. */
export function completeApplication(applicationId: string, input: CompleteApplication): Promise<ApplicationView> {
  return request<ApplicationView>(`${applicationPath(applicationId)}/complete`, { method: 'POST', data: input });
}

/**
 * An event's sign-up or volunteer list as an Excel file: phones masked, or in
 * full with `unmask` once the organizer confirmed it (the server audits both as
 * an export of personal data). A failure was already shown by the request wrapper.
 */
export function exportEventList(eventId: string, list: 'signups' | 'volunteers', title: string, unmask = false): Promise<void> {
  const name = list === 'signups' ? '报名名单' : '志愿者名单';
  return openFile(
    `${eventPath(eventId)}/${list}?format=xlsx${unmask ? '&unmask=1' : ''}`,
    `${name}${unmask ? '（含手机号）' : ''}-${title || eventId}.xlsx`,
    'xlsx',
  );
}

/** For reviewers: how the organization's earlier events fared (published, rejected with reasons, pending). */
export function getOrganizationHistory(organizationId: string): Promise<OrganizationHistoryView> {
  return request<OrganizationHistoryView>(`/organizations/${encodeURIComponent(organizationId)}/history`, { quiet: true });
}
