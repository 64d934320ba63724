// WeChat's code2Session, behind a small interface: the real HTTP client here,
// a local fake server speaking the same contract in tests.
import { AppError } from '../core/errors';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface WechatClient {
  code2Session(code: string): Promise<WechatSession>;
}

interface Code2SessionResponse {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

export function httpWechatClient(options: { appId: string; secret: string; apiBase: string; timeoutMs?: number }): WechatClient {
  return {
    async code2Session(code) {
      if (!options.appId || !options.secret) throw new AppError('WECHAT_LOGIN_FAILED', 503, { reason: 'WX_APPID/WX_SECRET not configured' });
      const url = new URL('/sns/jscode2session', options.apiBase);
      url.search = new URLSearchParams({ appid: options.appId, secret: options.secret, js_code: code, grant_type: 'authorization_code' }).toString();
      let data: Code2SessionResponse;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
        data = (await response.json()) as Code2SessionResponse;
      } catch (error) {
        throw new AppError('WECHAT_LOGIN_FAILED', 502, { reason: 'code2Session unreachable', cause: String(error) });
      }
      // WeChat answers 200 with errcode for bad codes (40029 invalid, 40163 used, 45011 rate limited).
      if (data.errcode || !data.openid) {
        throw new AppError('WECHAT_LOGIN_FAILED', 401, { errcode: data.errcode ?? null, errmsg: data.errmsg ?? null });
      }
      return { openid: data.openid, ...(data.unionid ? { unionid: data.unionid } : {}) };
    },
  };
}
