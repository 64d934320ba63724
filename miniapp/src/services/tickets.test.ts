// A forwarded check-in code on the recipient's phone: kept once opened, shown
// from the device with no network, forgotten when the link is no longer valid
// or the event is over. Nothing kept names a phone or a full name.
import type { TicketView } from '@kepu/shared';
import { failure, fakeApi, ok } from '../../test/api';
import { taroTest } from '../../test/taro';
import { getTicket, keptTicket } from '@/services/tickets';

const TOKEN = 'A'.repeat(32);
const ticket: TicketView = {
  event: {
    title: '老年人智能手机课',
    startsAt: '2099-12-05T09:00:00+08:00',
    endsAt: '2099-12-05T11:00:00+08:00',
    venue: { name: '科技馆', address: '建设北路' },
  },
  attendeeName: '刘*兰',
  partySize: 1,
  status: 'confirmed',
  code: 'payload.signature',
  shortCode: '123456',
  checkedInAt: null,
  expiresAt: '2099-12-05T11:00:00+08:00',
};
// Far ahead, so the wall clock never makes the kept copy expire under the test.
const BEFORE_END = Date.parse('2099-12-05T10:00:00+08:00');

beforeEach(() => taroTest.reset());

describe('a forwarded check-in code', () => {
  test('when opened online, it is kept on the device and shown from there with no network', async () => {
    fakeApi({ [`GET /tickets/${TOKEN}`]: () => ok(ticket) });
    expect(await getTicket(TOKEN)).toEqual(ticket);
    taroTest.goOffline();
    expect(await getTicket(TOKEN)).toEqual({ ...ticket, stored: true });
    expect([...taroTest.storage.values()].join('\n')).not.toMatch(/1[3-9]\d{9}|刘桂兰/);
  });

  test('when the link is no longer valid (cancelled, event over), the kept copy is dropped and the error shown', async () => {
    fakeApi({ [`GET /tickets/${TOKEN}`]: () => ok(ticket) });
    await getTicket(TOKEN);
    fakeApi({ [`GET /tickets/${TOKEN}`]: () => failure(404, 'TICKET_NOT_FOUND', '签到码链接无效或已失效') });
    await expect(getTicket(TOKEN)).rejects.toMatchObject({ code: 'TICKET_NOT_FOUND' });
    taroTest.goOffline();
    await expect(getTicket(TOKEN)).rejects.toMatchObject({ code: 'NETWORK' });
  });

  test('when the event has ended, the kept copy is gone', async () => {
    fakeApi({ [`GET /tickets/${TOKEN}`]: () => ok(ticket) });
    await getTicket(TOKEN);
    expect(keptTicket(TOKEN, BEFORE_END)).toEqual(ticket);
    expect(keptTicket(TOKEN, Date.parse(ticket.expiresAt))).toBeNull();
  });
});
