// 主题活动 (a campaign: 119消防宣传月, 全国科普月 …): what it is and when it falls
// (from the catalogue), its dates this year, and the city's activities under
// it, soonest first. With none yet it says so, and offers the activities on
// its themes and the campaigns near it instead of an empty list.
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import type { CampaignView } from '@kepu/shared';
import EventCard, { toEventCardRow } from '@/components/EventCard';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { useStore } from '@/hooks/useStore';
import { listCampaigns } from '@/services/campaigns';
import { listEvents } from '@/services/events';
import { asButton } from '@/utils/a11y';
import { cityStore } from '@/utils/city';
import { readParam, routes, tabs } from '@/utils/routes';
import { keys, writeStored } from '@/utils/storage';
import { cstDate, formatDaySpan } from '@/utils/time';
import { campaignPhase, nearbyCampaigns, phaseLabels } from '../../campaign';
import '../../campaign.scss';

export default function CampaignPage() {
  const { params } = useRouter();
  const code = readParam(params.code);
  const storedCity = useStore(cityStore);
  const city = readParam(params.city) || storedCity;
  const now = useMemo(() => new Date(), []);
  const today = cstDate(now);
  const year = Number(today.slice(0, 4));

  const campaigns = useRequest(() => listCampaigns(year), [year]);
  const campaign = campaigns.data?.find((c) => c.code === code) ?? null;
  // Organizers' activities under the campaign, not its own date entry: soonest first, ended ones left out.
  const activities = useRequest(city && code ? () => listEvents({ city, campaign: code, kind: 'activity' }, null, 20) : null, [city, code]);
  const none = activities.data !== null && activities.data.items.length === 0;
  const theme = campaign?.themes[0];
  const related = useRequest(none && city && theme ? () => listEvents({ city, theme, kind: 'activity' }, null, 5) : null, [none, city, theme]);

  usePullDownRefresh(() => {
    void Promise.all([campaigns.reload(), activities.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  const state = renderState({
    loading: campaigns.loading,
    error: campaigns.error,
    empty: campaigns.data !== null && !campaign,
    emptyText: '没有找到这个主题活动',
    onRetry: () => void campaigns.reload(),
  });
  if (state || !campaign) return <PageShell>{state}</PageShell>;

  const phase = campaignPhase(campaign, today);
  const showInList = () => {
    writeStored(keys.pendingFilter, { campaign: campaign.code });
    void Taro.switchTab({ url: tabs.events });
  };

  return (
    <PageShell>
      <View className="card campaign-head">
        <Text className={`tag ${phase === 'running' ? 'tag--ok' : ''}`}>{phaseLabels[phase]}</Text>
        <Text className="h1 campaign-head__name">{campaign.name}</Text>
        <Text className="campaign-line">
          今年（{year}年）：{campaign.startsOn ? formatDaySpan(campaign.startsOn, campaign.endsOn) : '日期尚未公布'}
        </Text>
        <Text className="campaign-line">时间规律：{campaign.schedule}</Text>
        {campaign.themes.length ? <Text className="campaign-line">主题：{campaign.themes.join('、')}</Text> : null}
        {campaign.aliases.length ? <Text className="campaign-line muted">也称：{campaign.aliases.slice(0, 4).join('、')}</Text> : null}
        {campaign.note ? <Text className="campaign-line muted">{campaign.note}</Text> : null}
      </View>

      <View className="section">
        <Text className="title block">{city ? `${city}的活动` : '本市的活动'}</Text>
        {!city ? <Text className="muted block">先在首页选择城市，再来看这里的活动。</Text> : null}
      </View>
      {renderState({
        loading: activities.loading,
        error: activities.error,
        onRetry: () => void activities.reload(),
      }) ??
        (activities.data && activities.data.items.length ? (
          <View>
            {activities.data.items.map((event) => (
              <EventCard key={event.id} event={toEventCardRow(event)} />
            ))}
            {activities.data.nextCursor ? (
              <View className="section">
                <Button className="btn btn--ghost btn--block" onClick={showInList}>
                  在活动列表中查看全部
                </Button>
              </View>
            ) : null}
          </View>
        ) : city ? (
          <NoActivitiesYet
            city={city}
            campaign={campaign}
            phase={phase}
            related={related.data?.items.map(toEventCardRow) ?? []}
            nearby={nearbyCampaigns(campaigns.data ?? [], campaign, today)}
          />
        ) : null)}
    </PageShell>
  );
}

function NoActivitiesYet(props: {
  city: string;
  campaign: CampaignView;
  phase: ReturnType<typeof campaignPhase>;
  related: ReturnType<typeof toEventCardRow>[];
  nearby: CampaignView[];
}) {
  const { city, campaign, phase, related, nearby } = props;
  const when = phase === 'ended' ? '今年没有' : '还没有';
  return (
    <View>
      <View className="card campaign-none">
        <Text className="block">
          {city}
          {when}主办单位发布「{campaign.name}」的活动。
        </Text>
        {phase !== 'ended' ? <Text className="muted block">主办单位发布后会显示在这里。</Text> : null}
      </View>
      {related.length ? (
        <View>
          <View className="section">
            <Text className="title block">近期「{campaign.themes[0]}」主题的活动</Text>
          </View>
          {related.map((event) => (
            <EventCard key={event.id} event={event} />
          ))}
        </View>
      ) : null}
      {nearby.length ? (
        <View>
          <View className="section">
            <Text className="title block">前后的主题活动</Text>
          </View>
          {nearby.map((other) => (
            <View
              key={other.code}
              className="card campaign-near"
              hoverClass="pressed"
              {...asButton(() => void Taro.redirectTo({ url: routes.campaign(other.code, city) }))}
            >
              <Text className="campaign-near__name">{other.name}</Text>
              <Text className="muted block">{formatDaySpan(other.startsOn, other.endsOn)} ›</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
