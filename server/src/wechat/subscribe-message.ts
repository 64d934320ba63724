// WeChat subscribe messages, behind a small interface: the real HTTP client
// here (access token from stable_token, cached until it expires and fetched
// again when WeChat says it is stale), a local fake server in the tests.

export interface SubscribeMessage {
  /** The recipient's openid. */
  touser: string;
  templateId: string;
  /** The mini-program page the message opens, with its query. */
  page: string;
  data: Record<string, { value: string }>;
}

/** errcode null: no answer from WeChat (network, timeout, not JSON). */
export type SendOutcome = { ok: true } | { ok: false; errcode: number | null; message: string };

export interface WechatMessenger {
  sendSubscribeMessage(message: SubscribeMessage): Promise<SendOutcome>;
}

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

/** Token errors: invalid credential, expired, invalid token. The token is fetched again, once. */
const STALE_TOKEN = new Set([40001, 42001, 40014]);
/** Renew a little before WeChat's expiry, so a send never goes out with a token about to lapse. */
const EARLY_RENEWAL_MS = 5 * 60_000;

export function httpWechatMessenger(options: { appId: string; secret: string; apiBase: string; clock: () => Date; timeoutMs?: number }): WechatMessenger {
  const timeoutMs = options.timeoutMs ?? 5000;
  let cached: { token: string; expiresAt: number } | null = null;
  let fetching: Promise<string> | null = null;

  async function post(path: string, body: unknown, query: Record<string, string> = {}): Promise<WechatAnswer> {
    const url = new URL(path, options.apiBase);
    url.search = new URLSearchParams(query).toString();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return (await response.json()) as WechatAnswer;
  }

  async function fetchToken(forceRefresh: boolean): Promise<string> {
    const answer = await post('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: options.appId,
      secret: options.secret,
      ...(forceRefresh ? { force_refresh: true } : {}),
    });
    if (!answer.access_token) throw new WechatError(answer.errcode ?? null, `stable_token: ${answer.errmsg ?? 'no access_token'}`);
    cached = { token: answer.access_token, expiresAt: options.clock().getTime() + (answer.expires_in ?? 7200) * 1000 - EARLY_RENEWAL_MS };
    return answer.access_token;
  }

  /** One token request at a time per process; the others wait for it. */
  function accessToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && cached && options.clock().getTime() < cached.expiresAt) return Promise.resolve(cached.token);
    fetching ??= fetchToken(forceRefresh).finally(() => {
      fetching = null;
    });
    return fetching;
  }

  async function send(message: SubscribeMessage, token: string): Promise<WechatAnswer> {
    return post(
      '/cgi-bin/message/subscribe/send',
      { touser: message.touser, template_id: message.templateId, page: message.page, data: message.data, lang: 'zh_CN' },
      { access_token: token },
    );
  }

  return {
    async sendSubscribeMessage(message) {
      try {
        const token = await accessToken();
        let answer = await send(message, token);
        if (answer.errcode && STALE_TOKEN.has(answer.errcode)) {
          // Another process may have renewed it: ask stable_token again. Only when it still hands out
          // the token WeChat just refused, force a new one (forcing invalidates every process's token).
          cached = null;
          let fresh = await accessToken();
          if (fresh === token) fresh = await accessToken(true);
          answer = await send(message, fresh);
        }
        if (!answer.errcode) return { ok: true };
        return { ok: false, errcode: answer.errcode, message: `subscribe/send ${answer.errcode}: ${answer.errmsg ?? ''}`.trim() };
      } catch (error) {
        if (error instanceof WechatError) return { ok: false, errcode: error.errcode, message: error.message };
        return { ok: false, errcode: null, message: `WeChat unreachable: ${String(error)}` };
      }
    },
  };
}

class WechatError extends Error {
  constructor(
    readonly errcode: number | null,
    message: string,
  ) {
    super(message);
  }
}
