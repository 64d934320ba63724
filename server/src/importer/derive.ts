// Owns: turning a parsed plan into the campaign events it implies for its city and year (one per campaign named).
// Does not own: campaign dates (the shared catalogue), nor storing or publishing events (apply step, events module).
import { campaignOccurrence } from '../campaigns';
import { type DerivedEvent, type ParsedPlan, type ParsedTask } from './types';
import { AUDIENCE_KEYWORDS, COLLECTIVE_UNIT } from './vocabulary';

/**
 * One event per campaign named anywhere in the plan's tasks, in the order campaigns first appear.
 * Dates come from the catalogue for the plan's year; when the catalogue does not know them they stay
 * null (the event is reported, not published). The organizer is the first real responsible unit
 * (not a collective such as 各成员单位) of the first task naming the campaign, else the plan's
 * issuer, else the city's 科协. Themes are the campaign's own (a task naming five campaigns
 * would otherwise lend all of them every theme it touches); audiences are those of the linked tasks.
 */
export function deriveCampaignEvents(plan: ParsedPlan): DerivedEvent[] {
  const { city, year } = plan;
  // Without a place or a year there is nowhere and no when to file events: the admin completes the plan first.
  if (city === null || year === null) return [];
  const filed = { ...plan, city, year };
  const named = new Map<string, { name: string; tasks: ParsedTask[] }>();
  for (const task of plan.tasks) {
    for (const { code, name } of task.campaigns) {
      const entry = named.get(code) ?? { name, tasks: [] };
      entry.tasks.push(task);
      named.set(code, entry);
    }
  }

  return [...named].map(([code, { name, tasks }]) => {
    const occurrence = campaignOccurrence(code, year);
    const campaignName = occurrence?.name ?? name;
    return {
      campaignCode: code,
      campaignName,
      title: eventTitle(filed, campaignName),
      description: eventDescription(filed, campaignName, tasks),
      city,
      year,
      startsOn: occurrence?.startsOn ?? null,
      endsOn: occurrence?.endsOn ?? null,
      taskNumbers: tasks.map((task) => task.number),
      organizerName: organizerFor(filed, tasks),
      audiences: Object.keys(AUDIENCE_KEYWORDS).filter((audience) => tasks.some((task) => task.audiences.includes(audience))),
      themes: [...(occurrence?.themes ?? [])],
    };
  });
}

/** `2023年某某市全国科普日活动`; a name that already says 活动周 or 大赛 gets no extra 活动. */
export function eventTitle(plan: { year: number; city: string }, campaignName: string): string {
  const suffix = /(?:活动[日周月]?|大赛|竞赛)$/.test(campaignName) ? '' : '活动';
  // 全国 + 全国科普日 would say 全国 twice.
  const place = plan.city === NATIONAL && campaignName.startsWith(NATIONAL) ? '' : plan.city;
  return `${plan.year}年${place}${campaignName}${suffix}`;
}

type FiledPlan = ParsedPlan & { city: string; year: number };

function eventDescription(plan: FiledPlan, campaignName: string, tasks: ParsedTask[]): string {
  const taskList = tasks.map((task) => `第${task.number}项“${task.title}”`).join('；');
  return `根据《${plan.title}》，${plan.city}组织开展${campaignName}主题科普活动。对应任务：${taskList}。`;
}

const NATIONAL = '全国';

function organizerFor(plan: FiledPlan, tasks: ParsedTask[]): string {
  // A national plan's events belong to the body that issued it: its units are ministries, and
  // there is no 全国科协 to fall back on (the national association is 中国科协).
  if (plan.city === NATIONAL) return plan.issuer ?? '中国科协';
  // Only the first naming task decides: when it leaves the campaign to all
  // member units (各成员单位), the issuing body coordinates it, not whichever
  // unit a later, unrelated task happens to list first. Its lead unit first, when it names roles.
  const real = (tasks[0]?.responsibleUnits ?? []).filter((unit) => !COLLECTIVE_UNIT.test(unit.name));
  const unit = real.find((u) => u.role === 'lead') ?? real[0];
  return unit?.name ?? plan.issuer ?? `${plan.city}科协`;
}
