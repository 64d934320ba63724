// Turns a catalogue entry and a year into that year's name and dates.
// Owns era choice and rule evaluation; the calendar maths is in dates.ts, the facts in catalogue.ts.
import { campaignCatalogue } from './catalogue';
import { addDays } from '@kepu/shared';
import { EQUINOX_FIRST_YEAR, EQUINOX_LAST_YEAR, autumnEquinoxInChina, isoDate, lastDayOfMonth, nthWeekdayOfMonth } from './dates';
import type { CampaignDefinition, CampaignEra, CampaignOccurrence, DateRule } from './types';

interface Span {
  startsOn: string | null;
  endsOn: string | null;
}

const UNKNOWN: Span = { startsOn: null, endsOn: null };

const byCode = new Map(campaignCatalogue.map((definition) => [definition.code, definition]));

export function campaignByCode(code: string): CampaignDefinition | undefined {
  return byCode.get(code);
}

const isSupportedYear = (year: number): boolean => Number.isInteger(year) && year >= 1 && year <= 9999;

/** The era in force in `year`, or undefined before the campaign began (or after it ended). */
export function campaignEra(definition: CampaignDefinition, year: number): CampaignEra | undefined {
  return definition.eras.find((era) => (era.fromYear === undefined || era.fromYear <= year) && (era.toYear === undefined || year <= era.toYear));
}

/** Every name a campaign goes by, current name first, without duplicates. */
export function campaignNames(definition: CampaignDefinition): string[] {
  return [...new Set([definition.name, ...definition.eras.map((era) => era.name), ...definition.aliases])];
}

function spanOf(rule: DateRule, year: number, visiting: ReadonlySet<string>): Span {
  switch (rule.kind) {
    case 'fixed': {
      const startsOn = isoDate(year, rule.month, rule.day);
      const endsOn = rule.endMonth !== undefined && rule.endDay !== undefined ? isoDate(year, rule.endMonth, rule.endDay) : startsOn;
      return { startsOn, endsOn };
    }
    case 'nthWeekday': {
      const day = nthWeekdayOfMonth(year, rule.month, rule.weekday, rule.nth);
      return { startsOn: day, endsOn: day };
    }
    case 'month':
      return { startsOn: isoDate(year, rule.month, 1), endsOn: lastDayOfMonth(year, rule.month) };
    case 'autumnEquinox': {
      if (year < EQUINOX_FIRST_YEAR || year > EQUINOX_LAST_YEAR) return UNKNOWN;
      const day = autumnEquinoxInChina(year);
      return { startsOn: day, endsOn: day };
    }
    case 'announced':
      return rule.known[year] ?? UNKNOWN;
    case 'relative': {
      const base = spanOfCampaign(rule.to, year, visiting);
      if (base.startsOn === null) return UNKNOWN;
      const startsOn = addDays(base.startsOn, rule.offsetDays);
      return { startsOn, endsOn: addDays(startsOn, rule.lengthDays - 1) };
    }
  }
}

function spanOfCampaign(code: string, year: number, visiting: ReadonlySet<string>): Span {
  const definition = byCode.get(code);
  const era = definition && campaignEra(definition, year);
  // A cycle is a catalogue bug; answering "unknown" keeps one bad entry from breaking the rest.
  if (!era || visiting.has(code)) return UNKNOWN;
  return spanOf(era.rule, year, new Set(visiting).add(code));
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const ORDINALS = ['', '第一个', '第二个', '第三个', '第四个', '第五个'];

/** When a rule puts the campaign, as the campaign page says it. */
function scheduleOf(rule: DateRule): string {
  switch (rule.kind) {
    case 'fixed':
      if (rule.endMonth !== undefined && rule.endDay !== undefined) {
        const end = rule.endMonth === rule.month ? `${rule.endDay}日` : `${rule.endMonth}月${rule.endDay}日`;
        return `每年${rule.month}月${rule.day}日至${end}`;
      }
      return `每年${rule.month}月${rule.day}日`;
    case 'nthWeekday':
      return `每年${rule.month}月${rule.nth === -1 ? '最后一个' : (ORDINALS[rule.nth] ?? `第${rule.nth}个`)}星期${WEEKDAYS[rule.weekday] ?? ''}`;
    case 'month':
      return `每年${rule.month}月（整月）`;
    case 'autumnEquinox':
      return '每年秋分（9月22日或23日）';
    case 'announced':
      return rule.typically;
    case 'relative': {
      const base = byCode.get(rule.to);
      const day = rule.lengthDays === 1 ? `第${rule.offsetDays + 1}天` : `第${rule.offsetDays + 1}天起${rule.lengthDays}天`;
      return base ? `${base.name}的${day}` : '以通知为准';
    }
  }
}

/** The schedule of the era in force, with the year it began when the catalogue knows it. */
function scheduleOfEra(era: CampaignEra): string {
  return era.fromYear === undefined ? scheduleOf(era.rule) : `${scheduleOf(era.rule)}（${era.fromYear}年起）`;
}

/**
 * A campaign as it runs in `year`: that era's name, the other names as aliases, and its dates.
 * Null for an unknown code or a year outside every era; dates are null when not known for the year.
 */
export function campaignOccurrence(code: string, year: number): CampaignOccurrence | null {
  const definition = byCode.get(code);
  if (!definition || !isSupportedYear(year)) return null;
  const era = campaignEra(definition, year);
  if (!era) return null;
  const { startsOn, endsOn } = spanOfCampaign(code, year, new Set());
  return {
    code,
    name: era.name,
    aliases: campaignNames(definition).filter((name) => name !== era.name),
    themes: [...definition.themes],
    year,
    startsOn,
    endsOn,
    schedule: scheduleOfEra(era),
    note: definition.note ?? null,
  };
}

/** Every campaign running in `year`, by start date; those without known dates come last, in catalogue order. */
export function campaignsForYear(year: number): CampaignOccurrence[] {
  const occurrences = campaignCatalogue
    .map((definition) => campaignOccurrence(definition.code, year))
    .filter((occurrence): occurrence is CampaignOccurrence => occurrence !== null);
  // Array.prototype.sort is stable, so equal dates keep catalogue order.
  return occurrences.sort((a, b) => {
    if (a.startsOn === b.startsOn) return 0;
    if (a.startsOn === null) return 1;
    if (b.startsOn === null) return -1;
    return a.startsOn < b.startsOn ? -1 : 1;
  });
}
