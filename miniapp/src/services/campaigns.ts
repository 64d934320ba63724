// The campaign catalogue computed for a year (全国科普日, 科技活动周 ...).
import type { CampaignView, Page } from '@kepu/shared';
import { request } from '@/services/request';

export async function listCampaigns(year: number): Promise<CampaignView[]> {
  const body = await request<Page<CampaignView>>('/campaigns', { query: { year }, quiet: true });
  return body.items;
}
