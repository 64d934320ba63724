// Sign-in: WeChat's code2Session in production, a named dev login for the demo.
import { type DevLogin, devLoginSchema, loginResultSchema, type WxLogin, wxLoginSchema } from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { issueSessionToken } from '../../core/tokens';
import { notFound } from '../../core/errors';
import { route } from '../../core/route';
import { findOrCreateUser, getUserView } from '../users/users.service';

export function authRoutes(deps: AppDeps) {
  async function signIn(openid: string, nickname?: string) {
    const now = deps.clock();
    const user = await findOrCreateUser(deps.tx, openid, nickname, now);
    return { token: issueSessionToken(user.id, deps.config.authMode, deps.config.authSecret, now), user: await getUserView(deps.dataSource.manager, user.id) };
  }

  return [
    route<WxLogin>({
      method: 'post',
      path: '/auth/wx-login',
      access: 'public',
      tag: 'auth',
      body: wxLoginSchema,
      summary: '用微信登录码换取会话（code2Session）',
      response: loginResultSchema,
      handle: async ({ body }) => {
        const session = await deps.wechat.code2Session(body.code);
        return signIn(`wx:${session.openid}`);
      },
    }),
    route<DevLogin>({
      method: 'post',
      path: '/auth/dev-login',
      access: 'public',
      tag: 'auth',
      body: devLoginSchema,
      summary: '开发模式登录（仅 AUTH_MODE=dev）',
      response: loginResultSchema,
      handle: async ({ body }) => {
        if (deps.config.authMode !== 'dev') throw notFound();
        return signIn(body.openid, body.nickname);
      },
    }),
  ];
}
