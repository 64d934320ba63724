import { fakeApi, ok } from '../../test/api';
import { taroTest } from '../../test/taro';
import { forgetTemplates } from '@/services/notifications';
import { clearSession, saveSession } from '@/services/session';
import { user } from '../../test/fixtures';
import { askToSubscribe, prepareSubscribe } from './subscribe';

const templates = [
  { kind: 'signup.confirmed', templateId: 'T-CONFIRMED' },
  { kind: 'event.reminder', templateId: 'T-REMINDER' },
  { kind: 'event.cancelled', templateId: 'T-CANCELLED' },
];

beforeEach(() => {
  taroTest.reset();
  forgetTemplates();
  clearSession();
  saveSession({ token: 't', user: user(['resident']) });
});

function serve(recorded: unknown[]) {
  fakeApi({
    'GET /notifications/templates': () => ok({ templates }),
    'POST /me/subscriptions': (request) => {
      recorded.push(request.data);
      return ok({ available: [] }, 201);
    },
  });
}

describe('WeChat subscribe messages at sign-up', () => {
  test('asks for the templates of the kinds wanted (at most three) and records only the accepted kinds', async () => {
    const recorded: unknown[] = [];
    serve(recorded);
    taroTest.answerSubscriptions({ 'T-CONFIRMED': 'accept', 'T-REMINDER': 'accept', 'T-CANCELLED': 'reject' });
    await prepareSubscribe();
    await askToSubscribe(['signup.confirmed', 'event.reminder', 'event.cancelled', 'event.changed']);
    expect(taroTest.subscribeRequests).toEqual([['T-CONFIRMED', 'T-REMINDER', 'T-CANCELLED']]);
    expect(recorded).toEqual([{ kinds: ['signup.confirmed', 'event.reminder'] }]);
  });

  test('when the user refuses everything, nothing is recorded', async () => {
    const recorded: unknown[] = [];
    serve(recorded);
    taroTest.answerSubscriptions({});
    await prepareSubscribe();
    await askToSubscribe(['signup.confirmed']);
    expect(taroTest.subscribeRequests).toEqual([['T-CONFIRMED']]);
    expect(recorded).toEqual([]);
  });

  test('without the API (H5, an old base library) or before the templates loaded, it asks nothing and never fails', async () => {
    const recorded: unknown[] = [];
    serve(recorded);
    await prepareSubscribe();
    await askToSubscribe(['signup.confirmed']);
    expect(taroTest.requests).toEqual([]);
    taroTest.answerSubscriptions({ 'T-CONFIRMED': 'accept' });
    await askToSubscribe(['signup.confirmed']);
    expect(taroTest.subscribeRequests).toEqual([]);
    expect(recorded).toEqual([]);
  });
});
