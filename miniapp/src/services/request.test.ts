import { taroTest } from '../../test/taro';
import { clearListCache } from '@/services/offline';
import { ApiError, NETWORK_MESSAGE, request, toApiError } from '@/services/request';
import { clearSession, currentToken, saveSession } from '@/services/session';
import { routes } from '@/utils/routes';

const user = { id: 'u1', nickname: '居民', roles: ['resident'], organizations: [] } as never;

beforeEach(() => {
  taroTest.reset();
  clearSession();
  clearListCache();
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (caught) {
    return caught as ApiError;
  }
  throw new Error('expected the request to fail');
}

describe('request: errors', () => {
  test('a 409 error body becomes an ApiError with the server’s own Chinese message, shown once as a toast', async () => {
    // The server's message is more specific than the shared one for the code: it wins.
    taroTest.onRequest(() => ({
      statusCode: 409,
      data: { error: { code: 'SHIFT_CLOSED', message: '岗位已经开始，不能再报名', details: { reason: 'started' } } },
    }));
    const error = await failure(request('/shifts/s1/applications', { method: 'POST' }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'SHIFT_CLOSED', status: 409, message: '岗位已经开始，不能再报名' });
    expect(error.details).toEqual({ reason: 'started' });
    expect(taroTest.toasts).toEqual(['岗位已经开始，不能再报名']);
  });

  test('an error body without a message takes the shared message of its code', async () => {
    taroTest.onRequest(() => ({ statusCode: 409, data: { error: { code: 'SHIFT_FULL' } } }));
    const error = await failure(request('/applications/a1/decision', { method: 'POST', data: { decision: 'approve' } }));
    expect(error.message).toBe('该岗位名额已满');
  });

  test('a 502 from a proxy (no error body) reads as the server being down, never as raw HTML', async () => {
    taroTest.onRequest(() => ({ statusCode: 502, data: '<html>Bad Gateway</html>' }));
    const error = await failure(request('/events'));
    expect(error).toMatchObject({ code: 'INTERNAL', status: 502, message: '服务器开小差了，请稍后再试' });
  });

  test('VALIDATION_FAILED lists a Chinese message per field, first message per path wins', async () => {
    taroTest.onRequest(() => ({
      statusCode: 400,
      data: {
        error: {
          code: 'VALIDATION_FAILED',
          message: '提交的信息有误，请检查后重试',
          details: {
            fields: [
              { path: 'phone', message: '请填写11位手机号' },
              { path: 'phone', message: '格式不对' },
              { path: 'venue.name', message: '请填写场馆名称' },
            ],
          },
        },
      },
    }));
    const error = await failure(request('/me/volunteer', { method: 'PUT', data: {} }));
    expect(error.fieldMessages).toEqual({ phone: '请填写11位手机号', 'venue.name': '请填写场馆名称' });
  });

  test('a quiet request leaves the message to the page: no toast', async () => {
    taroTest.onRequest(() => ({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '内容不存在或已删除' } } }));
    await failure(request('/events/missing', { quiet: true }));
    expect(taroTest.toasts).toEqual([]);
  });

  test('a 401 signs the user out, drops the cached lists and opens the login page', async () => {
    saveSession({ token: 'expired', user });
    taroTest.onRequest(() => ({ statusCode: 200, data: { items: [{ id: 's1' }], nextCursor: null } }));
    await request('/events');
    expect(taroTest.storage.has('kepu.cache:https://api.test/api/v1/events')).toBe(true);

    taroTest.onRequest(() => ({ statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } }));
    const error = await failure(request('/me', { quiet: true }));
    expect(error.status).toBe(401);
    expect(currentToken()).toBeNull();
    expect(taroTest.storage.has('kepu.token')).toBe(false);
    expect(taroTest.storage.has('kepu.cache:https://api.test/api/v1/events')).toBe(false);
    expect(taroTest.navigations).toEqual([routes.login()]);
  });

  test('a background refresh (loginOn401: false) only signs out, without a trip to login', async () => {
    saveSession({ token: 'expired', user });
    taroTest.onRequest(() => ({ statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } }));
    await failure(request('/me', { quiet: true, loginOn401: false }));
    expect(currentToken()).toBeNull();
    expect(taroTest.navigations).toEqual([]);
    expect(taroTest.toasts).toEqual([]);
  });

  test('toApiError gives anything thrown the one error shape pages render', () => {
    expect(toApiError(new Error('坏了'))).toMatchObject({ code: 'CLIENT', status: 0, message: '坏了' });
    expect(toApiError('???').message).toBe('服务器开小差了，请稍后再试');
  });
});

describe('request: what is sent', () => {
  test('the token rides in the Authorization header and empty query values are dropped', async () => {
    saveSession({ token: 'tok-1', user });
    taroTest.onRequest(() => ({ statusCode: 200, data: { items: [], nextCursor: null } }));
    await request('/events', { query: { city: '唐山市', q: '', district: undefined, limit: 20 } });
    const [sent] = taroTest.requests;
    expect(sent?.url).toBe('https://api.test/api/v1/events?city=%E5%94%90%E5%B1%B1%E5%B8%82&limit=20');
    expect(sent?.header.Authorization).toBe('Bearer tok-1');
    expect(sent?.header['Content-Type']).toBeUndefined();
  });

  test('a body is sent as JSON with its content type', async () => {
    taroTest.onRequest(() => ({ statusCode: 201, data: { id: 'a1', status: 'applied' } }));
    const body = await request<{ id: string }>('/shifts/s1/applications', { method: 'POST', data: { note: '' } });
    expect(body.id).toBe('a1');
    expect(taroTest.requests[0]).toMatchObject({ method: 'POST', data: { note: '' }, header: { 'Content-Type': 'application/json' } });
  });
});

describe('request: offline', () => {
  const page = { items: [{ id: 'e1', title: '全国科普日主场活动' }], nextCursor: 'c2' };

  test('when the network fails, a list shows its last loaded first page, marked stale', async () => {
    taroTest.onRequest(() => ({ statusCode: 200, data: page }));
    await request('/events', { query: { city: '唐山市' } });

    taroTest.goOffline();
    const offline = await request<typeof page & { stale?: boolean }>('/events', { query: { city: '唐山市' } });
    expect(offline).toEqual({ ...page, stale: true });
    expect(taroTest.toasts).toEqual(['网络不可用，显示上次加载的内容']);
  });

  test('another filter was never loaded: the network error, in Chinese', async () => {
    taroTest.onRequest(() => ({ statusCode: 200, data: page }));
    await request('/events', { query: { city: '唐山市' } });
    taroTest.goOffline();
    const error = await failure(request('/events', { query: { city: '柳州市' }, quiet: true }));
    expect(error).toMatchObject({ code: 'NETWORK', status: 0, message: NETWORK_MESSAGE });
  });

  test('lists of people (my sign-ups, an event’s sign-ups) are never kept for offline use', async () => {
    taroTest.onRequest(() => ({ statusCode: 200, data: page }));
    await request('/me/signups');
    await request('/events/e1/signups', { query: { unmask: 1 } });
    expect([...taroTest.storage.keys()].filter((key) => key.startsWith('kepu.cache'))).toEqual([]);
    taroTest.goOffline();
    expect(await failure(request('/me/signups', { quiet: true }))).toMatchObject({ code: 'NETWORK' });
  });

  test('later pages (with a cursor) and writes are never served from the offline copy', async () => {
    taroTest.onRequest(() => ({ statusCode: 200, data: page }));
    await request('/events', { query: { cursor: 'c2' } });
    taroTest.goOffline();
    await expect(request('/events', { query: { cursor: 'c2' }, quiet: true })).rejects.toMatchObject({ code: 'NETWORK' });
    await expect(request('/events', { method: 'POST', data: {}, quiet: true })).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
