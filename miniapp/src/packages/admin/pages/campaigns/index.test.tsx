import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CampaignView } from '@kepu/shared';
import { fakeApi, ok } from '../../../../../test/api';
import { user } from '../../../../../test/fixtures';
import { taroTest } from '../../../../../test/taro';
import { clearSession, saveSession } from '@/services/session';
import { cstParts } from '@/utils/time';
import CampaignDatesPage from './index';

const year = cstParts(Date.now())!.year + 1;
const campaign = (code: string, name: string, startsOn: string | null, endsOn: string | null): CampaignView => ({
  code,
  name,
  aliases: [],
  themes: [],
  year,
  startsOn,
  endsOn,
  schedule: '每年（日期待定）',
  note: null,
});

beforeEach(() => {
  taroTest.reset();
  clearSession();
  saveSession({ token: 't', user: user(['resident', 'admin']) });
});

describe('主题活动日期', () => {
  test('lists a year’s campaigns; for one 日期待定 the typed dates are sent with PUT', async () => {
    fakeApi({
      'GET /campaigns': (request) =>
        ok({
          items:
            request.query.get('year') === String(year)
              ? [campaign('national-science-day', '全国科普日', `${year}-09-15`, `${year}-09-21`), campaign('science-tech-week', '科技活动周', null, null)]
              : [],
          nextCursor: null,
        }),
      [`PUT /campaigns/science-tech-week/years/${year}`]: (request) =>
        ok({ ...campaign('science-tech-week', '科技活动周', null, null), ...(request.data as object) }),
    });
    render(<CampaignDatesPage />);
    fireEvent.click(screen.getByText(`${year}年`));
    await waitFor(() => expect(screen.getByText('科技活动周')).toBeTruthy());
    // Next year's dates say their year (12月6日 alone is this year's).
    expect(screen.getByText(`${year}年9月15日–21日`)).toBeTruthy();
    expect(screen.getByText('日期待定')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('科技活动周开始日期'), { target: { value: '5月16日' } });
    fireEvent.change(screen.getByLabelText('科技活动周结束日期'), { target: { value: '5月22日' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存科技活动周日期' })));

    const put = taroTest.requests.find((r) => r.method === 'PUT');
    expect(put?.url).toContain(`/campaigns/science-tech-week/years/${year}`);
    expect(put?.data).toEqual({ startsOn: `${year}-05-16`, endsOn: `${year}-05-22` });
    expect(screen.getByText(`${year}年5月16日–22日`)).toBeTruthy();
    expect(screen.queryByText('日期待定')).toBeNull();
  });

  test('a date that is not a day is explained and nothing is sent', async () => {
    fakeApi({ 'GET /campaigns': () => ok({ items: [campaign('science-tech-week', '科技活动周', null, null)], nextCursor: null }) });
    render(<CampaignDatesPage />);
    await waitFor(() => expect(screen.getByText('科技活动周')).toBeTruthy());
    fireEvent.change(screen.getByLabelText('科技活动周开始日期'), { target: { value: '五月中旬' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存科技活动周日期' })));
    expect(screen.getByText('请填写开始日期，如 5月17日')).toBeTruthy();
    expect(taroTest.requests.filter((r) => r.method === 'PUT')).toEqual([]);
  });
});
