import { render, screen, waitFor } from '@testing-library/react';
import type { EventView } from '@kepu/shared';
import { signupWindowVerdict, type WindowVerdict } from '@kepu/shared/rules/signup-window';
// The server's own reading of an event row: the page must agree with what the API will answer.
import { signupWindowOf } from '../../../../server/src/modules/signups/signups.rules';
import { fakeApi, ok } from '../../../test/api';
import { eventView as sampleEvent } from '../../../test/fixtures';
import { taroTest } from '../../../test/taro';
import EventDetailPage from './index';

const startsAt = '2026-12-05T09:00:00+08:00';
const endsAt = '2026-12-05T12:00:00+08:00';
const opensAt = '2026-11-28T09:00:00+08:00';
const closesAt = '2026-12-04T18:00:00+08:00';
const minutes = (iso: string, by: number) => new Date(Date.parse(iso) + by * 60_000).toISOString();

/** The shared sample at this file's times. */
const eventView = (overrides: Partial<EventView>): EventView => sampleEvent({ startsAt, endsAt, ...overrides });

/** What the server decides for the same event at the same instant, from the row it would load. */
function serverVerdict(event: EventView, now: string): WindowVerdict {
  const row = {
    kind: event.kind,
    status: event.status,
    startsAt: new Date(event.startsAt),
    signupOpensAt: event.signupOpensAt ? new Date(event.signupOpensAt) : null,
    signupClosesAt: event.signupClosesAt ? new Date(event.signupClosesAt) : null,
  };
  return signupWindowVerdict(signupWindowOf(row), Date.parse(now));
}

/** What the page's sign-up area offers, read as the verdict it shows. */
function pageVerdict(): WindowVerdict {
  const shown: WindowVerdict[] = [];
  if (screen.queryByRole('button', { name: /报名$/ })) shown.push('open');
  if (screen.queryByText('报名已截止')) shown.push('closed');
  if (screen.queryByText(/^报名将于/)) shown.push('not-yet-open');
  if (screen.queryByText(/^本活动无需报名/)) shown.push('not-bookable');
  if (screen.queryByText('该活动当前不可报名')) shown.push('not-published');
  expect(shown).toHaveLength(1);
  return shown[0]!;
}

async function renderPageAt(event: EventView, now: string): Promise<WindowVerdict> {
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse(now));
  taroTest.setRouterParams({ id: 'e1' });
  fakeApi({
    'GET /events/e1': () => ok(event),
    'GET /events/e1/shifts': () => ok({ items: [], nextCursor: null }),
  });
  render(<EventDetailPage />);
  await waitFor(() => expect(screen.getByText(event.title)).toBeTruthy());
  return pageVerdict();
}

beforeEach(() => taroTest.reset());
afterEach(() => jest.restoreAllMocks());

describe('the event page and the server agree on the sign-up window', () => {
  const cases: [story: string, event: EventView, now: string, expected: WindowVerdict][] = [
    ['a minute before sign-ups open, both say not yet', eventView({ signupOpensAt: opensAt }), minutes(opensAt, -1), 'not-yet-open'],
    ['the moment sign-ups open, both take them', eventView({ signupOpensAt: opensAt }), opensAt, 'open'],
    ['without a window of its own, an event takes sign-ups days ahead', eventView({}), minutes(startsAt, -3 * 24 * 60), 'open'],
    ['a minute before the organizer’s closing time, both take them', eventView({ signupClosesAt: closesAt }), minutes(closesAt, -1), 'open'],
    ['at the organizer’s closing time, both have closed', eventView({ signupClosesAt: closesAt }), closesAt, 'closed'],
    ['after the organizer’s closing time and before the start, both have closed', eventView({ signupClosesAt: closesAt }), minutes(startsAt, -60), 'closed'],
    ['a minute before the start without a closing time, both take them', eventView({}), minutes(startsAt, -1), 'open'],
    ['at the start without a closing time, both have closed', eventView({}), startsAt, 'closed'],
    ['while the event runs without a closing time, both have closed', eventView({}), minutes(startsAt, 90), 'closed'],
    [
      'when the organizer keeps sign-ups open past the start, both take them',
      eventView({ signupClosesAt: minutes(startsAt, 60) }),
      minutes(startsAt, 30),
      'open',
    ],
    ['after the end, both have closed', eventView({}), minutes(endsAt, 60), 'closed'],
    ['a campaign period takes no sign-ups', eventView({ kind: 'campaign', capacity: 0, confirmedCount: 0 }), minutes(startsAt, -7 * 24 * 60), 'not-bookable'],
    [
      'a campaign period takes no sign-ups even with a capacity: its kind decides',
      eventView({ kind: 'campaign' }),
      minutes(startsAt, -7 * 24 * 60),
      'not-bookable',
    ],
    ['a draft takes no sign-ups', eventView({ status: 'draft' }), minutes(startsAt, -3 * 24 * 60), 'not-published'],
    ['a cancelled event takes no sign-ups', eventView({ status: 'cancelled', cancelReason: '天气原因' }), minutes(startsAt, -3 * 24 * 60), 'not-published'],
  ];

  test.each(cases)('%s', async (_story, event, now, expected) => {
    const server = serverVerdict(event, now);
    expect(server).toBe(expected);
    expect(await renderPageAt(event, now)).toBe(server);
  });
});

describe('the event page offers the seat the server would give', () => {
  test('when someone is already waiting, a free seat is not offered: the resident joins the waitlist', async () => {
    await renderPageAt(eventView({ capacity: 10, confirmedCount: 9, waitlistCount: 1 }), minutes(startsAt, -60 * 24));
    expect(screen.getByRole('button', { name: '已有人候补，候补报名' })).toBeTruthy();
  });

  test('with seats free and nobody waiting, the resident signs up', async () => {
    await renderPageAt(eventView({ capacity: 10, confirmedCount: 9 }), minutes(startsAt, -60 * 24));
    expect(screen.getByRole('button', { name: '我要报名' })).toBeTruthy();
  });

  test('when every seat is taken, the resident joins the waitlist', async () => {
    await renderPageAt(eventView({ capacity: 10, confirmedCount: 10, waitlistCount: 0 }), minutes(startsAt, -60 * 24));
    expect(screen.getByRole('button', { name: '名额已满，候补报名' })).toBeTruthy();
  });
});

describe('a campaign period (a whole city, no place)', () => {
  test('shows no map, says where it happens, and leads to the campaign page', async () => {
    const shell = eventView({
      kind: 'campaign',
      title: '2026年柳州市119消防宣传月（演示）',
      city: '柳州市',
      capacity: 0,
      campaign: { code: 'fire-safety-month', name: '119消防宣传月' },
      venue: { name: '柳州市全市', address: '', lat: null, lng: null },
    });
    taroTest.setRouterParams({ id: 'e1' });
    fakeApi({
      'GET /events/e1': () => ok(shell),
      'GET /events/e1/shifts': () => ok({ items: [], nextCursor: null }),
    });
    render(<EventDetailPage />);
    await waitFor(() => expect(screen.getByText(shell.title)).toBeTruthy());
    expect(screen.getByText('在柳州市各地开展，具体地点见「119消防宣传月」下的各场活动。')).toBeTruthy();
    expect(screen.queryByText('暂无地址')).toBeNull();
    screen.getByText('「119消防宣传月」介绍、日期与柳州市的活动 ›').click();
    expect(taroTest.navigations.at(-1)).toBe('/packages/campaign/pages/campaign/index?code=fire-safety-month&city=%E6%9F%B3%E5%B7%9E%E5%B8%82');
  });
});
