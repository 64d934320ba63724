// 科技志愿服务 for volunteers: my profile and service record, shifts (open
// ones and an event's), applying and withdrawing, my applications. Organizer
// actions on shifts and applicants live in organizer.ts; the certificate in certificate.*.ts.
import type {
  ApplicationView,
  CertificateCheckView,
  MyApplicationView,
  VolunteerNeedView,
  ShiftListQuery,
  ShiftView,
  VolunteerProfileInput,
  VolunteerProfileView,
} from '@kepu/shared';
import { request, toApiError, type Listing } from '@/services/request';

// The skill list comes from its zod-free module: the schemas would bring zod into every chunk.
export { volunteerSkills } from '@kepu/shared/volunteers/skills';

export type ShiftFilters = Pick<ShiftListQuery, 'from' | 'to' | 'skill' | 'city' | 'sort'>;

const PAGE = 20;

/** My profile, or null when I have none yet (the server's 404): "not a volunteer yet" is not an error. */
export async function getMyVolunteerProfile(): Promise<VolunteerProfileView | null> {
  try {
    return await request<VolunteerProfileView>('/me/volunteer', { quiet: true });
  } catch (caught) {
    if (toApiError(caught).status === 404) return null;
    throw caught;
  }
}

export function saveMyVolunteerProfile(profile: VolunteerProfileInput): Promise<VolunteerProfileView> {
  return request<VolunteerProfileView>('/me/volunteer', { method: 'PUT', data: profile });
}

export function listOpenShifts(filters: ShiftFilters, cursor?: string | null): Promise<Listing<ShiftView>> {
  return request<Listing<ShiftView>>('/shifts', { query: { ...filters, cursor: cursor ?? undefined, limit: PAGE }, quiet: true });
}

/** Every shift of one event, full ones included (public; signed in, each carries my application). */
export function listEventShifts(eventId: string): Promise<Listing<ShiftView>> {
  return request<Listing<ShiftView>>(`/events/${encodeURIComponent(eventId)}/shifts`, { quiet: true });
}

/** 201 for a new application; 200 with the existing one when I already applied. */
export function applyForShift(shiftId: string): Promise<ApplicationView> {
  return request<ApplicationView>(`/shifts/${encodeURIComponent(shiftId)}/applications`, { method: 'POST' });
}

export function withdrawApplication(applicationId: string): Promise<ApplicationView> {
  return request<ApplicationView>(`/applications/${encodeURIComponent(applicationId)}/withdraw`, { method: 'POST' });
}

export function listMyApplications(cursor?: string | null): Promise<Listing<MyApplicationView>> {
  return request<Listing<MyApplicationView>>('/me/applications', { query: { cursor: cursor ?? undefined, limit: PAGE }, quiet: true });
}

/** The public check of a certificate serial (404 when no such certificate). */
export function checkCertificate(serial: string): Promise<CertificateCheckView> {
  return request<CertificateCheckView>(`/certificates/${encodeURIComponent(serial)}`, { quiet: true });
}

/** Organizers: plan tasks of my units that call for 科技志愿服务, with my events linked to them. */
export async function listVolunteerNeeds(): Promise<VolunteerNeedView[]> {
  return (await request<Listing<VolunteerNeedView>>('/me/volunteer-needs', { quiet: true })).items;
}
