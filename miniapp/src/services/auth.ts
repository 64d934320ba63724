// Logging in (WeChat code, the dev demo accounts, or a one-time code an admin issued) and out.
import type { AuthOptionsView, CodeLogin, DevLogin, LoginResult, UserView, WxLogin } from '@kepu/shared';
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

/** Which sign-in the server offers: the demo picker (AUTH_MODE=dev) or the login code form. */
export function getAuthOptions(): Promise<AuthOptionsView> {
  return request<AuthOptionsView>('/auth/options', { quiet: true });
}

/** quiet: the form shows why a code was refused beside the field. */
export async function loginWithCode(code: string): Promise<UserView> {
  return begin(await request<LoginResult>('/auth/code-login', { method: 'POST', data: { code } satisfies CodeLogin, quiet: true }));
}

export function logout(): void {
  clearListCache();
  clearSession();
}
