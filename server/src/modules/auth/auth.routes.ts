// Sign-in: WeChat's code2Session in production, a named dev login for the demo, and a
// one-time code an admin issued (H5 in production, where there is no WeChat login).
import { z } from 'zod';
import { authOptionsViewSchema, codeLoginSchema, type DevLogin, devLoginSchema, loginResultSchema, type WxLogin, wxLoginSchema } from '@kepu/shared';
import type { AppDeps } from '../../deps';
import { issueSessionToken } from '../../core/tokens';
import { notFound } from '../../core/errors';
import { route } from '../../core/route';
import { findOrCreateUser, getUserView } from '../users/users.service';
import { redeemLoginCode } from '../users/login-codes.service';

export function authRoutes(deps: AppDeps) {
  async function signIn(openid: string, nickname?: string) {
    const now = deps.clock();
    const user = await findOrCreateUser(deps.tx, openid, nickname, now);
    return session(user.id, now);
  }
  async function session(userId: string, now: Date) {
    return { token: issueSessionToken(userId, deps.config.authMode, deps.config.authSecret, now), user: await getUserView(deps.dataSource.manager, userId) };
  }

  return [
    route({
      method: 'get',
      path: '/auth/options',
      access: 'public',
      tag: 'auth',
      summary: '本服务器提供的登录方式（网页版据此显示演示账号或登录码）',
      response: authOptionsViewSchema,
      handle: async () => ({ devLogin: deps.config.authMode === 'dev', loginCode: true }),
    }),
    route<z.output<typeof codeLoginSchema>>({
      method: 'post',
      path: '/auth/code-login',
      access: 'public',
      tag: 'auth',
      body: codeLoginSchema,
      summary: '用管理员签发的一次性登录码登录（网页版，不经微信）',
      response: loginResultSchema,
      handle: async ({ body }) => {
        const now = deps.clock();
        const user = await redeemLoginCode(deps.tx, body.code, deps.config.authSecret, now);
        return session(user.id, now);
      },
    }),
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
