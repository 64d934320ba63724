// Finds the national campaigns a text names, through their names and aliases.
// Owns where a name starts and ends inside running text; names live in catalogue.ts, folding in normalise.ts.
import { campaignCatalogue } from './catalogue';
import { normaliseCampaignText, normaliseCampaignTextWithOffsets, type NormalisedText } from './normalise';
import { campaignByCode, campaignEra, campaignNames } from './occurrence';
import type { CampaignDefinition, CampaignMention } from './types';

interface Alias {
  /** Normalised, as it must appear in normalised text. */
  text: string;
  code: string;
  /** Short names such as 安全月 or 科技周 end many longer words (交通安全月, 唐山科技周). */
  needsBoundary: boolean;
}

/** Names that start like this are national by themselves: 全国…, 世界…, 119消防…. */
const SELF_STANDING = /^(?:全国|全民|世界|中国|国际|国家|119|六五|文化科技卫生|中小学生)/;

/**
 * What may stand right before a short name, so that it is not the tail of a longer word:
 * verbs and particles that introduce a campaign, a national or whole-city scope, a date or an ordinal.
 * Anything else (唐山科技周, 交通安全月, 青少年科技周, 国家安全教育日 for 安全教育日) is a different word.
 */
const INTRODUCES_NAME = new RegExp(
  '(?:' +
    [
      '开展',
      '举办',
      '举行',
      '组织',
      '围绕',
      '利用',
      '结合',
      '借助',
      '依托',
      '抓住',
      '抓好',
      '聚焦',
      '紧扣',
      '做好',
      '办好',
      '搞好',
      '通过',
      '参加',
      '参与',
      '承办',
      '打造',
      '策划',
      '持续',
      '深入',
      '广泛',
      '集中',
      '启动',
      '推进',
      '推动',
      '实施',
      '联合',
      '配合',
      '纪念',
      '庆祝',
      '迎接',
      '喜迎',
      '每逢',
      '正值',
      '适逢',
      '全国',
      '全省',
      '全市',
      '全区',
      '全县',
      '今年',
      '每年',
      '当年',
      '本年',
      '同年',
      '全年',
      '年度',
      '[0-9〇零一二三四五六七八九十百]+[年月日号届个次]',
      '[在于以和与及暨或的等为逢值借是了即]',
    ].join('|') +
    ')$',
);

/** Characters that turn a name's last character into another word: 日益, 月度, 周刊, 节约. */
const CONTINUES_WORD: Readonly<Record<string, string>> = {
  日: '益趋渐臻常报记志历均夜光',
  月: '报刊度末均份光球饼',
  周: '报刊末边岁转密围',
  节: '约能点奏',
};

const HAN = /\p{Script=Han}/u;

function buildAliasIndex(catalogue: readonly CampaignDefinition[]): Map<string, Alias[]> {
  const owners = new Map<string, string>();
  for (const definition of catalogue) {
    for (const name of campaignNames(definition)) {
      const text = normaliseCampaignText(name);
      const owner = owners.get(text);
      if (owner !== undefined && owner !== definition.code) {
        throw new Error(`Campaign name ${text} belongs to both ${owner} and ${definition.code}`);
      }
      if (text.length > 0) owners.set(text, definition.code);
    }
  }
  const index = new Map<string, Alias[]>();
  for (const [text, code] of owners) {
    const alias: Alias = { text, code, needsBoundary: !SELF_STANDING.test(text) };
    const first = text.charAt(0);
    index.set(first, [...(index.get(first) ?? []), alias]);
  }
  // Longest first, so 全国科普日 wins over 科普日 at the same place.
  for (const aliases of index.values()) aliases.sort((a, b) => b.text.length - a.text.length);
  return index;
}

const aliasesByFirstCharacter = buildAliasIndex(campaignCatalogue);

function startsAtBoundary(normalised: NormalisedText, start: number): boolean {
  if (start === 0 || normalised.markedBefore[start]) return true;
  if (!HAN.test(normalised.text.charAt(start - 1))) return true;
  return INTRODUCES_NAME.test(normalised.text.slice(Math.max(0, start - 8), start));
}

function endsAtBoundary(text: string, alias: string, end: number): boolean {
  const next = text.charAt(end);
  const continuations = CONTINUES_WORD[alias.charAt(alias.length - 1)];
  return next === '' || continuations === undefined || !continuations.includes(next);
}

function aliasAt(normalised: NormalisedText, start: number): Alias | undefined {
  const { text } = normalised;
  return aliasesByFirstCharacter
    .get(text.charAt(start))
    ?.find(
      (alias) =>
        text.startsWith(alias.text, start) &&
        endsAtBoundary(text, alias.text, start + alias.text.length) &&
        (!alias.needsBoundary || startsAtBoundary(normalised, start)),
    );
}

function mentionName(code: string, year: number | undefined): string {
  const definition = campaignByCode(code);
  if (!definition) return code;
  const era = year === undefined ? undefined : campaignEra(definition, year);
  return era?.name ?? definition.name;
}

/**
 * Every place in `text` that names a national campaign, in text order: one mention per place,
 * the longest name that fits. With `year`, each mention carries that year's name (全国科普日 up to
 * 2024, 全国科普月 after); without it, the current name. Offsets are in `text` as given.
 */
export function findCampaignMentions(text: string, year?: number): CampaignMention[] {
  const normalised = normaliseCampaignTextWithOffsets(text);
  const mentions: CampaignMention[] = [];
  let position = 0;
  while (position < normalised.text.length) {
    const alias = aliasAt(normalised, position);
    if (!alias) {
      position += 1;
      continue;
    }
    const end = position + alias.text.length;
    mentions.push({
      code: alias.code,
      name: mentionName(alias.code, year),
      matched: alias.text,
      index: normalised.sourceIndex[position] ?? 0,
      endIndex: (normalised.sourceIndex[end - 1] ?? 0) + 1,
    });
    position = end;
  }
  return mentions;
}
