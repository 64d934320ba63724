import type { CampaignView } from '@kepu/shared';
import { campaignPhase, nearbyCampaigns } from './campaign';

const campaign = (code: string, startsOn: string | null, endsOn: string | null, themes: string[] = []): CampaignView => ({
  code,
  name: code,
  aliases: [],
  themes,
  year: 2026,
  startsOn,
  endsOn,
  schedule: '',
  note: null,
});

describe('a campaign page', () => {
  test('says whether the campaign is under way, ahead, over, or without dates this year', () => {
    const fire = campaign('fire-safety-month', '2026-11-01', '2026-11-30');
    expect(campaignPhase(fire, '2026-11-30')).toBe('running');
    expect(campaignPhase(fire, '2026-10-31')).toBe('upcoming');
    expect(campaignPhase(fire, '2026-12-01')).toBe('ended');
    expect(campaignPhase(campaign('food-safety-week', null, null), '2026-11-30')).toBe('undated');
  });

  test('when there are no activities yet, it offers the campaigns near it: those on the same themes first, then the soonest; none that ended', () => {
    const fire = campaign('fire-safety-month', '2026-11-01', '2026-11-30', ['应急', '消防']);
    const all = [
      fire,
      campaign('earth-day', '2026-04-22', '2026-04-22', ['生态环境']),
      campaign('disaster-day', '2026-05-12', '2026-05-12', ['应急']),
      campaign('contest', null, null, ['科普']),
      campaign('eye-day', '2026-06-06', '2026-06-06', ['健康']),
      campaign('low-carbon', '2026-06-15', '2026-06-15', ['低碳']),
    ];
    expect(nearbyCampaigns(all, fire, '2026-05-01').map((c) => c.code)).toEqual(['disaster-day', 'eye-day', 'low-carbon']);
    expect(nearbyCampaigns(all, fire, '2026-06-10').map((c) => c.code)).toEqual(['low-carbon']);
  });
});
