// The plan the bench's progress scenario reads: 100 tasks (issue 16 sizes progress for
// "a plan with 100 tasks and 10,000 events"), dated in the year before the bench's (a
// whole calendar year inside its three years of history, so its window holds a third of
// the plan's events whatever the day the bench runs), with units led and supported in
// turn, one written two ways (市卫健委 / 市卫生健康委) and a collective one (各成员单位).
import type { DataSource } from 'typeorm';
import { cstDateOf } from '@kepu/shared';
import { Transactions } from '../src/core/transaction';
import { importPlan } from '../src/modules/plan-import/plan-import.service';

export const PROGRESS_PLAN_TASKS = 100;

const units = ['市科协', '市教育局', '市卫健委', '市卫生健康委', '市科技局', '市农业农村局', '市总工会', '团市委', '市妇联', '市民政局'];

export function progressPlanText(city: string, year: number): string {
  const lines = [`${year}年${city}全民科学素质行动工作要点`, ''];
  for (let section = 0; section < 10; section++) {
    lines.push(`${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][section]}、第${section + 1}部分重点工作`, '');
    for (let k = 0; k < 10; k++) {
      const n = section * 10 + k + 1;
      const lead = units[n % units.length]!;
      const support = units[(n + 3) % units.length]!;
      const collective = n % 7 === 0 ? '、各成员单位' : '';
      lines.push(`${n}.开展第${n}项科普工作。面向公众开展科普讲座和科普展览。（牵头单位：${lead}；配合单位：${support}${collective}）`, '');
    }
  }
  return lines.join('\n');
}

/** The progress plan's year: the one before `now`'s (China time). */
export const progressPlanYear = (now: Date): number => Number(cstDateOf(now).slice(0, 4)) - 1;

/** Imports the 100-task plan for `city` in the year before `now`'s and returns its id. */
export async function importProgressPlan(dataSource: DataSource, city: string, now: Date): Promise<string> {
  const year = progressPlanYear(now);
  const result = await importPlan(new Transactions(dataSource), null, progressPlanText(city, year), {}, now);
  if (result.plan.tasks.length !== PROGRESS_PLAN_TASKS) throw new Error(`the bench's progress plan has ${result.plan.tasks.length} tasks`);
  return result.plan.id;
}
