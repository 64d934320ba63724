// What the browser suites prepare or check over HTTP: as a given demo
// account, against the same server the browser uses. Any non-2xx throws, so a
// broken precondition fails loudly instead of surfacing as a UI timeout.
export interface Api {
  /** Signs in through the dev login and remembers the token for that openid. */
  as(openid: string): Promise<Caller>;
}

export interface Caller {
  userId: string;
  get<T = any>(path: string): Promise<T>;
  post<T = any>(path: string, body?: unknown): Promise<T>;
  put<T = any>(path: string, body?: unknown): Promise<T>;
  patch<T = any>(path: string, body?: unknown): Promise<T>;
}

export const API = '/api/v1';

async function send<T>(baseUrl: string, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${API}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

export function apiFor(baseUrl: string): Api {
  const callers = new Map<string, Caller>();
  return {
    async as(openid) {
      const known = callers.get(openid);
      if (known) return known;
      const { token, user } = await send<{ token: string; user: { id: string } }>(baseUrl, 'POST', '/auth/dev-login', null, { openid });
      const caller: Caller = {
        userId: user.id,
        get: (path) => send(baseUrl, 'GET', path, token),
        post: (path, body) => send(baseUrl, 'POST', path, token, body),
        put: (path, body) => send(baseUrl, 'PUT', path, token, body),
        patch: (path, body) => send(baseUrl, 'PATCH', path, token, body),
      };
      callers.set(openid, caller);
      return caller;
    },
  };
}

/** A CST time `days` from now at `hour`:00, as the API writes it. */
export function cstTime(days: number, hour: number): string {
  const day = new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`;
}

/**
 * A published activity of demo-organizer's organization: created as a draft,
 * submitted, and approved by demo-reviewer when the organization is not trusted.
 */
export async function publishActivity(
  api: Api,
  fields: { title: string; capacity: number; days?: number; /** false: leave it pending review */ approve?: boolean },
): Promise<{ id: string; title: string }> {
  const organizer = await api.as('demo-organizer');
  const me = await organizer.get<{ organizations: { id: string }[] }>('/me');
  const organizerId = me.organizations[0]?.id;
  if (!organizerId) throw new Error('demo-organizer has no organization');
  const days = fields.days ?? 5;
  const draft = await organizer.post<{ id: string }>('/events', {
    title: fields.title,
    description: '端到端测试准备的活动',
    kind: 'activity',
    organizerId,
    city: '唐山市',
    district: '路北区',
    audiences: ['社区居民'],
    themes: ['科技'],
    venue: { name: '唐山市科技馆', address: '路北区建设北路' },
    startsAt: cstTime(days, 9),
    endsAt: cstTime(days, 11),
    capacity: fields.capacity,
  });
  const submitted = await organizer.post<{ status: string }>(`/events/${draft.id}/submit`);
  if (submitted.status !== 'published' && fields.approve !== false) {
    await (await api.as('demo-reviewer')).post(`/events/${draft.id}/review`, { decision: 'approve' });
  }
  return { id: draft.id, title: fields.title };
}
