// `npm run admin -- grant-admin OPENID` / `revoke-admin OPENID`: the operator's
// way to name the first admin of a WeChat-mode install (nobody can grant it in
// the app yet). Uses the same environment as the server (DB_URL, AUTH_MODE …).
import 'reflect-metadata';
import { loadConfig } from '../config';
import { Transactions } from '../core/transaction';
import { openDatabase } from '../db/data-source';
import { setAdminByOpenid } from '../modules/users/users.service';

const USAGE = 'usage: npm run admin -- grant-admin OPENID | revoke-admin OPENID';

export function parseAdminArgs(args: string[]): { admin: boolean; openid: string } {
  const [command, openid, extra] = args;
  if (extra !== undefined || !openid || !/^[\w-]{1,64}$/.test(openid)) throw new Error(USAGE);
  if (command === 'grant-admin') return { admin: true, openid };
  if (command === 'revoke-admin') return { admin: false, openid };
  throw new Error(USAGE);
}

async function main(): Promise<void> {
  const { admin, openid } = parseAdminArgs(process.argv.slice(2));
  const config = loadConfig(process.env);
  const dataSource = await openDatabase(config.database);
  try {
    const result = await setAdminByOpenid(new Transactions(dataSource), openid, admin, new Date());
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
