// The sign-up form asks for WeChat's one-time subscriptions in the tap that
// books: to be told of a promotion when the party will wait, whether the whole
// event is full or the family chose to wait when it was larger than the seats left.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { failure, fakeApi, ok } from '../../../test/api';
import { user } from '../../../test/fixtures';
import { taroTest } from '../../../test/taro';
import { forgetTemplates } from '@/services/notifications';
import { clearSession, saveSession } from '@/services/session';
import { prepareSubscribe } from '@/services/subscribe';
import { givePrivacyConsent } from '@/utils/privacy';
import SignupForm from './SignupForm';

const templates = [
  { kind: 'signup.confirmed', templateId: 'T-CONFIRMED' },
  { kind: 'signup.promoted', templateId: 'T-PROMOTED' },
  { kind: 'event.reminder', templateId: 'T-REMINDER' },
  { kind: 'event.cancelled', templateId: 'T-CANCELLED' },
];

beforeEach(() => {
  taroTest.reset();
  forgetTemplates();
  clearSession();
  saveSession({ token: 't', user: user(['resident']) });
  givePrivacyConsent();
});

test('when a family larger than the seats left chooses to wait, that tap asks to be told of the promotion', async () => {
  const booked: unknown[] = [];
  fakeApi({
    'GET /notifications/templates': () => ok({ templates }),
    'POST /me/subscriptions': () => ok({ available: [] }, 201),
    'POST /events/e1/signups': (request) => {
      booked.push(request.data);
      const body = request.data as { whenShort?: string };
      if (!body.whenShort) return failure(409, 'PARTY_EXCEEDS_SEATS', '剩余名额不足', { seatsLeft: 1, partySize: 2 });
      return ok({ id: 's1', eventId: 'e1', status: 'waitlisted', waitlistPosition: 1, partySize: 2, name: '陈晓', checkedInAt: null }, 201);
    },
  });
  taroTest.answerSubscriptions({});
  await prepareSubscribe();
  render(<SignupForm eventId="e1" user={user(['resident'])} seats={{ capacity: 3, confirmedSeats: 2, waitlistCount: 0 }} onDone={() => undefined} />);
  fireEvent.change(screen.getByPlaceholderText('请输入姓名'), { target: { value: '陈晓' } });
  fireEvent.change(screen.getByPlaceholderText('11位手机号'), { target: { value: '13800000011' } });
  fireEvent.click(screen.getByText('增加'));
  await act(async () => fireEvent.click(screen.getByText('提交报名')));
  await screen.findByText(/全部候补/);
  await act(async () => fireEvent.click(screen.getByText(/全部候补/)));
  await waitFor(() => expect(booked).toHaveLength(2));
  expect(taroTest.subscribeRequests).toEqual([
    ['T-CONFIRMED', 'T-REMINDER', 'T-CANCELLED'],
    ['T-PROMOTED', 'T-REMINDER', 'T-CANCELLED'],
  ]);
  expect(booked[1]).toMatchObject({ whenShort: 'waitlist', partySize: 2 });
});
