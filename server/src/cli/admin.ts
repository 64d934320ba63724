// `npm run admin -- grant-admin OPENID` / `revoke-admin OPENID`: the operator's
// way to name the first admin of a WeChat-mode install (nobody can grant it in
// the app yet). `login-code OPENID` prints a one-time code that signs that person
// in on H5 (where there is no WeChat login). Uses the same environment as the
// server (DB_URL, AUTH_MODE, AUTH_SECRET …).
import 'reflect-metadata';
import { loadConfig } from '../config';
import { Transactions } from '../core/transaction';
import { openDatabase } from '../db/data-source';
import { setAdminByOpenid } from '../modules/users/users.service';
import { issueLoginCodeByOpenid } from '../modules/users/login-codes.service';

const USAGE = 'usage: npm run admin -- grant-admin OPENID | revoke-admin OPENID | login-code OPENID';

export type AdminCommand = { command: 'grant-admin' | 'revoke-admin' | 'login-code'; openid: string };

export function parseAdminArgs(args: string[]): AdminCommand {
  const [command, openid, extra] = args;
  if (extra !== undefined || !openid || !/^[\w-]{1,64}$/.test(openid)) throw new Error(USAGE);
  if (command === 'grant-admin' || command === 'revoke-admin' || command === 'login-code') return { command, openid };
  throw new Error(USAGE);
}

async function main(): Promise<void> {
  const { command, openid } = parseAdminArgs(process.argv.slice(2));
  const config = loadConfig(process.env);
  // WeChat users are stored as wx:<openid> (auth.routes.ts): the operator types the openid WeChat shows.
  const stored = config.authMode === 'wechat' ? `wx:${openid}` : openid;
  const dataSource = await openDatabase(config.database);
  try {
    const tx = new Transactions(dataSource);
    if (command === 'login-code') {
      const issued = await issueLoginCodeByOpenid(tx, stored, config.authSecret, new Date());
      console.log(`网页登录码：${issued.code}（${issued.nickname}，${issued.expiresAt} 前有效，只能用一次）`);
      return;
    }
    const admin = command === 'grant-admin';
    const result = await setAdminByOpenid(tx, stored, admin, new Date());
    const what = admin ? '已授予管理员' : '已收回管理员';
    console.log(result.changed ? `${what}：openid ${openid}（用户 ${result.id}）` : `无需更改：openid ${openid} ${admin ? '已是' : '不是'}管理员`);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
