// A local fake of WeChat's stable_token and subscribe-message endpoints: it
// checks each request as WeChat documents it (credentials, a current access
// token, every field's value within its keyword type's limits), answers in
// WeChat's shapes, and records what was sent. Tests can make it fail.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_APPID = 'wx-test-app';
export const FAKE_SECRET = 'wx-test-secret';

export interface SentMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  lang?: string;
}

export interface FakeWechatMessages {
  url: string;
  sent: SentMessage[];
  /** Every stable_token request body, in order. */
  tokenRequests: Record<string, unknown>[];
  /** The next `count` sends answer this errcode (before any check). */
  failNext(count: number, errcode: number): void;
  /** WeChat forgets the current token: the next send with it gets 40001. */
  expireToken(): void;
  close(): Promise<void>;
}

/** WeChat's documented limits per keyword type; null when the value passes. */
export function keywordProblem(keyword: string, value: string): string | null {
  const type = keyword.replace(/\d+$/, '');
  const length = [...value].length;
  if (!value) return 'empty';
  if (type === 'thing' && length > 20) return 'thing over 20 characters';
  if (type === 'phrase' && !/^[\u4e00-\u9fff]{1,5}$/.test(value)) return 'phrase is not 1-5 Chinese characters';
  if ((type === 'time' || type === 'date') && !/^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?$/.test(value)) return `${type} format`;
  // eslint-disable-next-line no-control-regex -- WeChat refuses control characters: the fake checks for them.
  if (/[\u0000-\u001f]/.test(value)) return 'control character';
  return null;
}

async function bodyOf(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

export async function startFakeWechatMessages(): Promise<FakeWechatMessages> {
  const sent: SentMessage[] = [];
  const tokenRequests: Record<string, unknown>[] = [];
  let tokenNumber = 0;
  let current = '';
  let failures: { count: number; errcode: number } = { count: 0, errcode: 0 };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const answer = (body: unknown) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST') return answer({ errcode: 43002, errmsg: 'require POST method' });
      const body = await bodyOf(req);
      if (url.pathname === '/cgi-bin/stable_token') {
        tokenRequests.push(body);
        if (body.grant_type !== 'client_credential') return answer({ errcode: 40002, errmsg: 'invalid grant_type' });
        if (body.appid !== FAKE_APPID || body.secret !== FAKE_SECRET) return answer({ errcode: 40125, errmsg: 'invalid appsecret' });
        // Normal mode hands out the current token while it is valid; force_refresh makes a new one.
        if (!current || body.force_refresh) current = `token-${++tokenNumber}`;
        return answer({ access_token: current, expires_in: 7200 });
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send') {
        const token = url.searchParams.get('access_token');
        if (!token || token !== current) return answer({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
        if (failures.count > 0) {
          failures.count--;
          return answer({ errcode: failures.errcode, errmsg: 'failing on purpose' });
        }
        if (!body.touser || !body.template_id) return answer({ errcode: 47001, errmsg: 'data format error' });
        for (const [keyword, field] of Object.entries(body.data ?? {}) as [string, { value: string }][]) {
          const problem = keywordProblem(keyword, field.value);
          if (problem) return answer({ errcode: 47003, errmsg: `argument invalid! data.${keyword}.value ${problem}` });
        }
        sent.push(body);
        return answer({ errcode: 0, errmsg: 'ok' });
      }
      return answer({ errcode: 40066, errmsg: 'invalid url' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    tokenRequests,
    failNext(count, errcode) {
      failures = { count, errcode };
    },
    expireToken() {
      // The token WeChat holds changes underneath the caches (as when another client forced a refresh).
      current = `token-${++tokenNumber}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The environment that points a server at the fake, with a template for every kind. */
export function fakeWechatEnv(url: string): Record<string, string> {
  return {
    WX_APPID: FAKE_APPID,
    WX_SECRET: FAKE_SECRET,
    WX_API_BASE: url,
    WX_TEMPLATE_SIGNUP_CONFIRMED: 'tmpl-signup-confirmed',
    WX_TEMPLATE_SIGNUP_PROMOTED: 'tmpl-signup-promoted|title=thing1,time=time2,place=thing3,status=phrase4',
    WX_TEMPLATE_EVENT_REMINDER: 'tmpl-event-reminder',
    WX_TEMPLATE_EVENT_CHANGED: 'tmpl-event-changed',
    WX_TEMPLATE_EVENT_CANCELLED: 'tmpl-event-cancelled|title=thing1,time=date2,note=thing5',
    WX_TEMPLATE_APPLICATION_APPROVED: 'tmpl-application-approved',
    WX_TEMPLATE_APPLICATION_REJECTED: 'tmpl-application-rejected',
    WX_TEMPLATE_SHIFT_REMINDER: 'tmpl-shift-reminder',
  };
}
