// A fake API for tests: answers `METHOD /path` (after /api/v1, query ignored)
// with a handler's response, and 404 in the contract's error shape otherwise.
import { taroTest, type FakeRequest, type FakeResponse } from './taro';

type Route = (request: FakeRequest & { query: URLSearchParams }) => FakeResponse;

export function fakeApi(routes: Record<string, Route>): void {
  taroTest.onRequest((request) => {
    const url = new URL(request.url);
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v1/, '');
    const route = routes[`${request.method} ${path}`];
    if (!route) return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '内容不存在或已删除' } } };
    return route({ ...request, query: url.searchParams });
  });
}

export const ok = (data: unknown, statusCode = 200): FakeResponse => ({ statusCode, data });

export const failure = (statusCode: number, code: string, message: string, details?: Record<string, unknown>): FakeResponse => ({
  statusCode,
  data: { error: { code, message, details } },
});
