// What admins do to plans and campaigns: a dry run of a plan text (with what importing it again would
// change) and saving it, corrections of a stored plan (place, city, year, a task's units, a task
// boundary), and a campaign's dates for a year the catalogue does not know. The console: organizations,
// their members, users' roles, one-time H5 login codes and the audit log.
import type {
  AuditEntryView,
  CampaignDates,
  CampaignView,
  CorrectPlan,
  ImportPlan,
  LoginCodeView,
  MembershipView,
  MemberView,
  OrganizationView,
  Page,
  PlanImportView,
  PlanView,
  UserRolesView,
  UserSummary,
} from '@kepu/shared';
import { request } from '@/services/request';

/** `PATCH /plans/:id` (shared schema); the pages name a task by its position (1-based `ordinal`). */
export type PlanCorrection = CorrectPlan;
/** A unit as the admin writes it in a correction. */
export type UnitCorrection = NonNullable<NonNullable<CorrectPlan['tasks']>[number]['units']>[number];

/** The dry run: the same parse as an import, nothing saved. quiet: the page shows every failure beside the form. */
export function previewPlanImport(input: ImportPlan): Promise<PlanImportView> {
  return request<PlanImportView>('/plans/import', { method: 'POST', query: { dryRun: 1 }, data: input, quiet: true });
}

export function importPlan(input: ImportPlan): Promise<PlanImportView> {
  return request<PlanImportView>('/plans/import', { method: 'POST', data: input, quiet: true });
}

export function correctPlan(id: string, correction: PlanCorrection): Promise<PlanView> {
  return request<PlanView>(`/plans/${encodeURIComponent(id)}`, { method: 'PATCH', data: correction, quiet: true });
}

export function setCampaignDates(code: string, year: number, dates: CampaignDates): Promise<CampaignView> {
  return request<CampaignView>(`/campaigns/${encodeURIComponent(code)}/years/${year}`, { method: 'PUT', data: dates, quiet: true });
}

export async function listOrganizations(filter: { city?: string; q?: string }): Promise<OrganizationView[]> {
  return (await request<Page<OrganizationView>>('/organizations', { query: filter, quiet: true })).items;
}

export function getOrganization(id: string): Promise<OrganizationView> {
  return request<OrganizationView>(`/organizations/${encodeURIComponent(id)}`, { quiet: true });
}

/** quiet: the form shows the failure beside its fields. */
export function createOrganization(input: { name: string; city: string }): Promise<OrganizationView> {
  return request<OrganizationView>('/organizations', { method: 'POST', data: input, quiet: true });
}

export function setOrganizationTrusted(id: string, trusted: boolean): Promise<OrganizationView> {
  return request<OrganizationView>(`/organizations/${encodeURIComponent(id)}`, { method: 'PATCH', data: { trusted } });
}

export async function listMembers(organizationId: string): Promise<MemberView[]> {
  return (await request<Page<MemberView>>(`/organizations/${encodeURIComponent(organizationId)}/members`, { quiet: true })).items;
}

export function addMember(organizationId: string, userId: string): Promise<MembershipView> {
  return request<MembershipView>(`/organizations/${encodeURIComponent(organizationId)}/members`, { method: 'POST', data: { userId, role: 'organizer' } });
}

export function removeMember(organizationId: string, userId: string): Promise<unknown> {
  return request(`/organizations/${encodeURIComponent(organizationId)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}

/** By nickname or a piece of the openid; never phones. */
export async function searchUsers(q: string): Promise<UserSummary[]> {
  return (await request<Page<UserSummary>>('/users', { query: { q: q || undefined, limit: 20 }, quiet: true })).items;
}

export function setUserRoles(userId: string, changes: { reviewer?: boolean; admin?: boolean }): Promise<UserRolesView> {
  return request<UserRolesView>(`/users/${encodeURIComponent(userId)}/roles`, { method: 'PATCH', data: changes });
}

export function issueLoginCode(userId: string): Promise<LoginCodeView> {
  return request<LoginCodeView>(`/users/${encodeURIComponent(userId)}/login-codes`, { method: 'POST' });
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
}

export function listAudit(filter: AuditFilter, cursor: string | null): Promise<Page<AuditEntryView>> {
  return request<Page<AuditEntryView>>('/audit', { query: { ...filter, cursor: cursor ?? undefined, limit: 20 }, quiet: true });
}
