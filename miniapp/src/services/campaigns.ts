// The campaign catalogue computed for a year (全国科普日, 科技活动周 ...).
import { request } from '@/services/request';
import type { Campaign } from '@/services/types';

export async function listCampaigns(year: number): Promise<Campaign[]> {
  const body = await request<{ items: Campaign[] } | Campaign[]>('/campaigns', { query: { year }, quiet: true });
  return Array.isArray(body) ? body : (body?.items ?? []);
}
