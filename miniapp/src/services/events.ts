// Public events: the list with its filters, one event, signing up and
// cancelling, and the calendar file. Organizer actions live in organizer.ts.
import type {
  CityListQuery,
  CityView,
  CreateSignup,
  DistrictListQuery,
  DistrictView,
  EventCountQuery,
  EventCountView,
  EventListQuery,
  EventView,
  Page,
  RecommendedEventView,
  RecommendedQuery,
  SignupResultView,
  SignupView,
  UpdateSignup,
} from '@kepu/shared';
import { buildUrl, request, type Listing } from '@/services/request';

export type EventFilters = Partial<Omit<EventListQuery, 'limit' | 'cursor'>>;

export function listEvents(filters: EventFilters, cursor?: string | null, limit = 20, quiet = true): Promise<Listing<EventView>> {
  return request<Listing<EventView>>('/events', { query: { ...filters, cursor: cursor ?? undefined, limit }, quiet });
}

export function getEvent(id: string): Promise<EventView> {
  return request<EventView>(`/events/${encodeURIComponent(id)}`, { quiet: true });
}

/** Quiet: PARTY_EXCEEDS_SEATS is a question for the family, not an error toast; the form shows the rest. */
export function signUpForEvent(id: string, body: CreateSignup): Promise<SignupResultView> {
  return request<SignupResultView>(`/events/${encodeURIComponent(id)}/signups`, { method: 'POST', data: body, quiet: true });
}

/** Cancels one booking (a family member's, or one's own) by its id. */
/** v1.1: correct whom a booking is for (name, phone); a split party's waiting rest follows. */
export function updateSignup(signupId: string, patch: UpdateSignup): Promise<SignupView> {
  return request<SignupView>(`/me/signups/${encodeURIComponent(signupId)}`, { method: 'PATCH', data: patch, quiet: true });
}

export function cancelSignup(signupId: string): Promise<SignupView> {
  return request<SignupView>(`/me/signups/${encodeURIComponent(signupId)}`, { method: 'DELETE' });
}

export function cancelMySignup(eventId: string): Promise<SignupView> {
  return request<SignupView>(`/events/${encodeURIComponent(eventId)}/signups/me`, { method: 'DELETE' });
}

/** Absolute in weapp, same-origin in H5: an <a href> downloads it. */
export function eventCalendarUrl(id: string): string {
  return buildUrl(`/events/${encodeURIComponent(id)}/calendar.ics`);
}

/** The names of the cities that have plans or published events. */
export async function listCities(): Promise<string[]> {
  return (await listCityViews()).map((entry) => entry.city);
}

/** The cities with their counts; with `near`, nearest first with `distanceKm`. */
export async function listCityViews(query: CityListQuery = {}): Promise<CityView[]> {
  const body = await request<Page<CityView>>('/cities', { query: { ...query }, quiet: true });
  return body.items;
}

/** How many events the filters match (the filter sheet's 查看 N 场). */
export async function countEvents(filters: EventCountQuery): Promise<number> {
  return (await request<EventCountView>('/events/count', { query: { ...filters }, quiet: true })).count;
}

/** The districts of a city that have events not ended yet, most first. */
export async function listDistricts(query: DistrictListQuery): Promise<DistrictView[]> {
  return (await request<Page<DistrictView>>('/events/districts', { query: { ...query }, quiet: true })).items;
}

/** The city's next events, those that suit who is looking (the account's answer) first, each with its reason. */
export async function listRecommended(query: Partial<RecommendedQuery>): Promise<RecommendedEventView[]> {
  return (await request<Page<RecommendedEventView>>('/events/recommended', { query: { ...query }, quiet: true })).items;
}
