// 单位统计: an organization's published events of a year, per month.
import type { OrganizationStatsView } from '@kepu/shared';
import { request } from '@/services/request';

export function getOrganizationStats(organizationId: string, year?: number): Promise<OrganizationStatsView> {
  return request<OrganizationStatsView>(`/organizations/${encodeURIComponent(organizationId)}/stats`, { query: { year }, quiet: true });
}
