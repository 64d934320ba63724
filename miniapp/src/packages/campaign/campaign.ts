// The campaign page's rules, pure: where a campaign stands today, and which
// other campaigns lie near it (what the page offers when the city has no
// activities under this one yet).
import type { CampaignView } from '@kepu/shared';

export type CampaignPhase = 'running' | 'upcoming' | 'ended' | 'undated';

/** `today`: YYYY-MM-DD in China. */
export function campaignPhase(campaign: Pick<CampaignView, 'startsOn' | 'endsOn'>, today: string): CampaignPhase {
  if (!campaign.startsOn || !campaign.endsOn) return 'undated';
  if (today < campaign.startsOn) return 'upcoming';
  return today > campaign.endsOn ? 'ended' : 'running';
}

export const phaseLabels: Record<CampaignPhase, string> = {
  running: '正在进行',
  upcoming: '即将开始',
  ended: '今年已结束',
  undated: '今年日期待公布',
};

/**
 * Up to `count` other campaigns not ended by `today`, soonest first; those
 * sharing a theme with `campaign` come before the rest.
 */
export function nearbyCampaigns(campaigns: CampaignView[], campaign: CampaignView, today: string, count = 3): CampaignView[] {
  const shares = (other: CampaignView) => other.themes.some((theme) => campaign.themes.includes(theme));
  return campaigns
    .filter((other) => other.code !== campaign.code && other.startsOn && other.endsOn && other.endsOn >= today)
    .sort((a, b) => Number(shares(b)) - Number(shares(a)) || a.startsOn!.localeCompare(b.startsOn!))
    .slice(0, count);
}
