// 科技志愿服务: my volunteer profile and record, open shifts, applying.
import { request, type Listing } from '@/services/request';
import type { Shift, ShiftApplication, VolunteerProfile, VolunteerProfileInput } from '@/services/types';

export function getMyVolunteerProfile(): Promise<VolunteerProfile> {
  return request<VolunteerProfile>('/me/volunteer', { quiet: true });
}

export function saveMyVolunteerProfile(profile: VolunteerProfileInput): Promise<VolunteerProfile> {
  return request<VolunteerProfile>('/me/volunteer', { method: 'PUT', data: profile });
}

export function listOpenShifts(filters: { from?: string; to?: string; skill?: string }, cursor?: string | null): Promise<Listing<Shift>> {
  return request<Listing<Shift>>('/shifts', { query: { ...filters, cursor: cursor ?? undefined, limit: 20 }, quiet: true });
}

export function applyForShift(shiftId: string): Promise<ShiftApplication> {
  return request<ShiftApplication>(`/shifts/${encodeURIComponent(shiftId)}/applications`, { method: 'POST' });
}
