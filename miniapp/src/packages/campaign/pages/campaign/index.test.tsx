import { render, screen, waitFor } from '@testing-library/react';
import type { CampaignView } from '@kepu/shared';
import { fakeApi, ok } from '../../../../../test/api';
import { eventView } from '../../../../../test/fixtures';
import { taroTest } from '../../../../../test/taro';
import CampaignPage from './index';

const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const campaign = (code: string, name: string, startsOn: string, endsOn: string, themes: string[]): CampaignView => ({
  code,
  name,
  aliases: [],
  themes,
  year,
  startsOn: `${year}-${startsOn}`,
  endsOn: `${year}-${endsOn}`,
  schedule: '每年11月（整月）',
  note: null,
});
const campaigns = [
  campaign('fire-safety-month', '119消防宣传月', '11-01', '11-30', ['应急', '消防']),
  campaign('fire-safety-day', '全国消防日', '11-09', '11-09', ['应急', '消防']),
  campaign('third', '国际减灾日', '12-20', '12-20', ['应急']),
];

beforeEach(() => {
  taroTest.reset();
  taroTest.setRouterParams({ code: 'fire-safety-month', city: '柳州市' });
});

describe('主题活动', () => {
  test('shows what the campaign is, its dates this year and the activities under it in the city', async () => {
    fakeApi({
      'GET /campaigns': () => ok({ items: campaigns, nextCursor: null }),
      'GET /events': ({ query }) => {
        expect(Object.fromEntries(query)).toMatchObject({ city: '柳州市', campaign: 'fire-safety-month', kind: 'activity' });
        return ok({ items: [eventView({ id: 'a1', title: '家庭应急避险演练开放日' })], nextCursor: null });
      },
    });
    render(<CampaignPage />);
    await waitFor(() => expect(screen.getByText('家庭应急避险演练开放日')).toBeTruthy());
    expect(screen.getByText('119消防宣传月')).toBeTruthy();
    expect(screen.getByText('时间规律：每年11月（整月）')).toBeTruthy();
    expect(screen.getByText(`今年（${year}年）：11月1日–30日`)).toBeTruthy();
    expect(screen.getByText('主题：应急、消防')).toBeTruthy();
  });

  test('with no activities yet, says so plainly and offers activities on its theme and the campaigns near it', async () => {
    fakeApi({
      'GET /campaigns': () => ok({ items: campaigns, nextCursor: null }),
      'GET /events': ({ query }) =>
        query.get('campaign') ? ok({ items: [], nextCursor: null }) : ok({ items: [eventView({ id: 'r1', title: '消防安全进社区' })], nextCursor: null }),
    });
    render(<CampaignPage />);
    await waitFor(() => expect(screen.getByText(/柳州市(还|今年)没有主办单位发布「119消防宣传月」的活动。/)).toBeTruthy());
    await waitFor(() => expect(screen.getByText('消防安全进社区')).toBeTruthy());
    expect(screen.getByText('近期「应急」主题的活动')).toBeTruthy();
  });
});
