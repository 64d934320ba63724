// `npm run import -- FILE [--dry-run] [--json] [--city 某市] [--year 2024]`:
// parses a plan and prints what it found; without --dry-run it also stores
// the plan in the database of DB_URL (default: the embedded SQLite file).
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config';
import { openDatabase } from '../db/data-source';
import { Transactions } from '../core/transaction';
import { AppError } from '../core/errors';
import { importPlan, parseAndDerive } from '../modules/plan-import/plan-import.service';
import { summarisePlan } from '../importer';

interface CliOptions {
  file: string;
  dryRun: boolean;
  json: boolean;
  city?: string;
  year?: number;
}

export function parseArgs(args: string[]): CliOptions {
  const options: Partial<CliOptions> = { dryRun: false, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--city') options.city = args[++i];
    else if (arg === '--year') options.year = Number(args[++i]);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.file = arg;
  }
  if (!options.file) throw new Error('usage: npm run import -- FILE [--dry-run] [--json] [--city 某市] [--year 2024]');
  if (options.year !== undefined && !Number.isInteger(options.year)) throw new Error('--year needs a year such as 2024');
  return options as CliOptions;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const text = readFileSync(options.file, 'utf8');
  const overrides = { ...(options.city ? { city: options.city } : {}), ...(options.year ? { year: options.year } : {}) };
  const { parsed, derived } = parseAndDerive(text, overrides);
  let stored: string | null = null;
  if (!options.dryRun) {
    const config = loadConfig(process.env);
    const dataSource = await openDatabase(config.database);
    try {
      const result = await importPlan(new Transactions(dataSource), null, text, overrides, new Date());
      stored = `${result.created ? '已新建' : result.changed ? '已更新' : '未变化'} plan ${result.plan.id}`;
    } finally {
      await dataSource.destroy();
    }
  }
  if (options.json) {
    console.log(JSON.stringify({ plan: parsed, derivedEvents: derived, stored }, null, 2));
  } else {
    console.log(summarisePlan(parsed, derived));
    console.log(stored ? `\n数据库：${stored}` : '\n（--dry-run：未写入数据库）');
  }
}

main().catch((error) => {
  if (error instanceof AppError) console.error(`导入失败 [${error.code}]: ${error.message}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
