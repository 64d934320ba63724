// The only caller of Taro.request. Adds the base URL and the Bearer token,
// turns the contract's error body into an ApiError with the server's Chinese
// message, shows at most one toast per failure, sends a 401 back to login and
// keeps the last first page of every public list so it can be shown offline.
import Taro from '@tarojs/taro';
import type { FieldProblem, Page } from '@kepu/shared';
import { errorMessages } from '@kepu/shared/errors';
import { clearListCache, keepsOffline, readCachedList, writeCachedList } from '@/services/offline';
import { clearSession, currentToken } from '@/services/session';
import { routes } from '@/utils/routes';

/** `API_BASE` is the origin set at build time: '' in H5 (same origin), the API host in weapp. */
export const API_ROOT = `${API_BASE}/api/v1`;

export const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string, status: number, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }

  /** For VALIDATION_FAILED: the message of each bad field, keyed by its path. */
  get fieldMessages(): Record<string, string> {
    const fields = (this.details?.fields ?? []) as FieldProblem[];
    const byPath: Record<string, string> = {};
    for (const field of Array.isArray(fields) ? fields : []) byPath[field.path] ??= field.message;
    return byPath;
  }
}

/** Any thrown value as an ApiError, so pages have one error shape to render. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('CLIENT', error instanceof Error && error.message ? error.message : errorMessages.INTERNAL, 0);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  data?: unknown;
  /** The caller renders the error itself (a page's error state): no toast. */
  quiet?: boolean;
  /** false: a 401 only clears the session (a background refresh), no trip to the login page. */
  loginOn401?: boolean;
}

/** A list page; `stale` marks the offline copy shown when the network failed. */
export type Listing<T> = Page<T> & { stale?: boolean };

export function buildUrl(path: string, query?: Query): string {
  const pairs = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${API_ROOT}${path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
}

let redirectingToLogin = false;

function goToLogin(): void {
  if (redirectingToLogin) return;
  const pages = Taro.getCurrentPages();
  const here = pages[pages.length - 1]?.route ?? '';
  if (here.includes('pages/login/')) return;
  redirectingToLogin = true;
  Taro.navigateTo({ url: routes.login() }).finally(() => {
    redirectingToLogin = false;
  });
}

function toast(message: string): void {
  Taro.showToast({ title: message, icon: 'none', duration: 2500 }).catch(() => undefined);
}

function errorFromResponse(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
  const code = error?.code ?? (status >= 500 ? 'INTERNAL' : 'HTTP_' + status);
  const message = error?.message || (errorMessages as Record<string, string>)[code] || errorMessages.INTERNAL;
  return new ApiError(code, message, status, error?.details);
}

/** The network failed: the error to throw, after its one toast. */
export function networkFailure(options: Pick<RequestOptions, 'quiet'> = {}): ApiError {
  const error = new ApiError('NETWORK', NETWORK_MESSAGE, 0);
  if (!options.quiet) toast(error.message);
  return error;
}

/**
 * A non-2xx answer as the error to throw. A 401 ends the session (and, unless
 * `loginOn401` is false, goes to login); other errors toast unless quiet.
 * Downloads (files, not JSON) come through here too, so every failure reads the same.
 */
export function failedResponse(status: number, body: unknown, options: Pick<RequestOptions, 'quiet' | 'loginOn401'> = {}): ApiError {
  const error = errorFromResponse(status, body);
  if (status === 401) {
    clearSession();
    clearListCache();
    if (options.loginOn401 !== false) {
      toast(error.message);
      goToLogin();
    }
  } else if (!options.quiet) {
    toast(error.message);
  }
  return error;
}

/** Headers every call carries: the session's Bearer token when signed in. */
export function authHeader(): Record<string, string> {
  const token = currentToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const url = buildUrl(path, options.query);
  const header: Record<string, string> = { Accept: 'application/json', ...authHeader() };
  if (options.data !== undefined) header['Content-Type'] = 'application/json';

  let response: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject | string>;
  try {
    response = await Taro.request({ url, method, header, data: options.data as never, dataType: 'json', timeout: 15000 });
  } catch {
    const cached = method === 'GET' ? readCachedList(url) : null;
    if (cached) {
      if (!options.quiet) toast('网络不可用，显示上次加载的内容');
      return { ...cached, stale: true } as T;
    }
    throw networkFailure(options);
  }

  if (response.statusCode >= 200 && response.statusCode < 300) {
    const body = (response.data === '' ? null : response.data) as T;
    if (method === 'GET' && !options.query?.cursor && keepsOffline(path)) writeCachedList(url, body);
    return body;
  }
  throw failedResponse(response.statusCode, response.data, options);
}
