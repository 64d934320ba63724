// The campaign running now (or the next one within a month): one tap opens its page
// (what it is, its dates, the city's activities under it).
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CampaignView } from '@kepu/shared';
import { asButton } from '@/utils/a11y';
import { routes } from '@/utils/routes';
import { addDays, cstDate, formatDaySpan } from '@/utils/time';

/** The campaign under way today, else the soonest starting within 30 days. */
export function pickCampaign(campaigns: CampaignView[], now: Date): { campaign: CampaignView; running: boolean } | null {
  const today = cstDate(now);
  const dated = campaigns.filter((c) => c.startsOn && c.endsOn);
  const running = dated.find((c) => c.startsOn! <= today && today <= c.endsOn!);
  if (running) return { campaign: running, running: true };
  const horizon = addDays(today, 30);
  const next = dated.filter((c) => c.startsOn! > today && c.startsOn! <= horizon).sort((a, b) => a.startsOn!.localeCompare(b.startsOn!))[0];
  return next ? { campaign: next, running: false } : null;
}

interface Props {
  pick: { campaign: CampaignView; running: boolean };
  city: string;
}

export default function CampaignBanner({ pick, city }: Props) {
  const { campaign, running } = pick;
  return (
    <View className="banner" hoverClass="banner--pressed" {...asButton(() => void Taro.navigateTo({ url: routes.campaign(campaign.code, city) }))}>
      <Text className="banner__kicker">
        {running ? '正在进行' : '即将开始'} · {formatDaySpan(campaign.startsOn, campaign.endsOn)}
      </Text>
      <Text className="banner__title">{campaign.name}</Text>
      <Text className="banner__action">介绍、日期与本市的活动 ›</Text>
    </View>
  );
}
