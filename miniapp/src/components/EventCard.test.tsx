import { fireEvent, render, screen } from '@testing-library/react';
import type { EventView } from '@kepu/shared';
import { taroTest } from '../../test/taro';
import EventCard, { toEventCardRow } from '@/components/EventCard';
import { routes } from '@/utils/routes';

const event = {
  id: 'e1',
  title: '全国科普日·社区应急科普展',
  description: '很长的介绍'.repeat(200),
  kind: 'activity',
  startsAt: '2026-09-19T09:00:00+08:00',
  endsAt: '2026-09-19T11:30:00+08:00',
  city: '唐山市',
  district: '路北区',
  venue: { name: '唐山科技馆', address: '建设北路', lat: 39.6, lng: 118.2 },
  organizer: { id: 'o1', name: '唐山市科协' },
  audiences: ['青少年', '老年人', '社区居民', '农民', '产业工人'],
  themes: ['应急'],
  capacity: 50,
  confirmedCount: 47,
  waitlistCount: 0,
  campaign: { code: 'science-day', name: '全国科普日' },
  planTasks: [],
} as unknown as EventView;

beforeEach(() => taroTest.reset());

describe('EventCard', () => {
  test('the row keeps only what the card shows (small page data), with at most four audiences', () => {
    const row = toEventCardRow(event);
    expect(row).toEqual({
      id: 'e1',
      title: '全国科普日·社区应急科普展',
      startsAt: '2026-09-19T09:00:00+08:00',
      endsAt: '2026-09-19T11:30:00+08:00',
      venueName: '唐山科技馆',
      district: '路北区',
      organizerName: '唐山市科协',
      audiences: ['青少年', '老年人', '社区居民', '农民'],
      needsSignup: true,
      seatsLeft: 3,
      waitlistCount: 0,
      distanceKm: undefined,
      campaignName: '全国科普日',
    });
    expect(JSON.stringify(row)).not.toContain('很长的介绍');
  });

  test('shows the time in China, the venue, the organizer, the campaign and the seats left', () => {
    render(<EventCard event={toEventCardRow(event)} />);
    expect(screen.getByText('9月19日 周六 09:00–11:30')).toBeTruthy();
    expect(screen.getByText(/路北区 · 唐山科技馆/)).toBeTruthy();
    expect(screen.getByText('主办：唐山市科协')).toBeTruthy();
    expect(screen.getByText('全国科普日')).toBeTruthy();
    expect(screen.getByText('剩余 3 个名额')).toBeTruthy();
  });

  test('a full event offers the waitlist and says how many wait', () => {
    render(<EventCard event={toEventCardRow({ ...event, confirmedCount: 50, waitlistCount: 4 })} />);
    expect(screen.getByText('已满，可候补（候补 4 份报名）')).toBeTruthy();
  });

  test('a campaign period needs no sign-up', () => {
    render(<EventCard event={toEventCardRow({ ...event, kind: 'campaign', capacity: 0, confirmedCount: 0 })} />);
    expect(screen.getByText('无需报名')).toBeTruthy();
    expect(screen.queryByText(/名额/)).toBeNull();
  });

  test('a nearby search shows the distance', () => {
    render(<EventCard event={toEventCardRow({ ...event, distanceKm: 2.345 } as EventView)} />);
    expect(screen.getByText(/（2.3 公里）/)).toBeTruthy();
  });

  test('tapping the card opens the event', () => {
    render(<EventCard event={toEventCardRow(event)} />);
    fireEvent.click(screen.getByText('全国科普日·社区应急科普展'));
    expect(taroTest.navigations).toEqual([routes.eventDetail('e1')]);
  });
});
