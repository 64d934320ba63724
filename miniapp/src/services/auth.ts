// Logging in (WeChat code or the dev demo accounts) and out.
import type { DevLogin, LoginResult, UserView, WxLogin } from '@kepu/shared';
import { request } from '@/services/request';
import { clearListCache } from '@/services/offline';
import { clearSession, saveSession } from '@/services/session';

export const demoAccounts = [
  { openid: 'demo-resident', label: '居民（demo-resident）' },
  { openid: 'demo-volunteer', label: '志愿者（demo-volunteer）' },
  { openid: 'demo-organizer', label: '主办单位（demo-organizer）' },
  { openid: 'demo-reviewer', label: '审核员（demo-reviewer）' },
  { openid: 'demo-admin', label: '管理员（demo-admin）' },
] as const;

function begin(result: LoginResult): UserView {
  clearListCache();
  saveSession({ token: result.token, user: result.user });
  return result.user;
}

export async function loginWithWechatCode(code: string): Promise<UserView> {
  return begin(await request<LoginResult>('/auth/wx-login', { method: 'POST', data: { code } satisfies WxLogin }));
}

export async function loginAsDemo(openid: string): Promise<UserView> {
  return begin(await request<LoginResult>('/auth/dev-login', { method: 'POST', data: { openid } satisfies DevLogin }));
}

export function logout(): void {
  clearListCache();
  clearSession();
}
