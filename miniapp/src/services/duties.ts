// 我的任务: the plan tasks an organization leads, supports or shares, and what it posted against each.
import type { OrganizationDutiesView } from '@kepu/shared';
import { request } from '@/services/request';

export function getOrganizationDuties(organizationId: string, year?: number): Promise<OrganizationDutiesView> {
  return request<OrganizationDutiesView>(`/organizations/${encodeURIComponent(organizationId)}/duties`, { query: { year }, quiet: true });
}
