// Owns: reading one segmented task: its title, responsible units, audiences, themes and the campaigns it names.
// Does not own: the campaign catalogue (@kepu/shared) nor where a task starts and ends (segment.ts).
import { campaignOccurrence, findCampaignMentions, type CampaignMention } from '../campaigns';
import { type ParsedTask } from './types';
import { endsWithBodySuffix } from './lines';
import type { SegmentedTask } from './segment';
import { AUDIENCE_KEYWORDS, COLLECTIVE_UNIT, ROLE_PHRASES, THEME_KEYWORDS, UNIT_LIST_LABELS } from './vocabulary';

/** A lead sentence longer than this is cut at its first comma. */
const LONG_TITLE = 40;

export function extractTask(task: SegmentedTask, year?: number): ParsedTask {
  const { text, units } = splitResponsibleUnits(task.text);
  const mentions = [...findCampaignMentions(text, year)].sort((a, b) => a.index - b.index);
  const campaigns = uniqueCampaigns(mentions);
  // A campaign's name is not a description of the task: 全国科技工作者日 does not make 科技工作者 its audience.
  const context = [...task.sectionPath, withoutMentions(text, mentions)];
  const campaignThemes = campaigns.flatMap(({ code }) => (year === undefined ? [] : (campaignOccurrence(code, year)?.themes ?? [])));
  return {
    number: task.number,
    title: taskTitle(text),
    text,
    sectionPath: task.sectionPath,
    responsibleUnits: units,
    audiences: matchVocabulary(context, AUDIENCE_KEYWORDS),
    themes: mergeLabels(matchVocabulary(context, THEME_KEYWORDS), campaignThemes, Object.keys(THEME_KEYWORDS)),
    campaigns,
  };
}

/** The lead sentence (up to the first 。 ； ！ ？); when that runs past 40 characters, its first clause. */
export function taskTitle(text: string): string {
  const firstLine = text.split('\n')[0] ?? '';
  const sentence = (firstLine.split(/[。；！？]/)[0] ?? '').trim();
  return sentence.length > LONG_TITLE ? (sentence.split(/[，：]/)[0] ?? sentence).trim() : sentence;
}

/**
 * Separates the responsible units from a task: a balanced bracket closing the task
 * (`…。（市委宣传部、市科技局按职责分工负责）`), or a last line `责任单位：…`. The bracket counts only
 * when it reads as a list of bodies (see `parseUnitList`); `（2021—2035年）` or `（所、站）` stay text.
 */
export function splitResponsibleUnits(taskText: string): { text: string; units: string[] } {
  const text = taskText.trim();
  const closing = trailingBracket(text);
  if (closing) {
    const units = parseUnitList(closing.content);
    if (units) return { text: text.slice(0, closing.start).trim(), units };
  }
  const lines = text.split('\n');
  const labelled = new RegExp(`^(?:${UNIT_LIST_LABELS.join('|')})[:：](.+)$`).exec(lines[lines.length - 1] ?? '');
  if (lines.length > 1 && labelled) {
    const units = parseUnitList(labelled[1]!.replace(/[。；]$/, ''));
    if (units) return { text: lines.slice(0, -1).join('\n').trim(), units };
  }
  return { text, units: [] };
}

/** The bracket the text ends with (a final 。 after it allowed), with where it starts. */
function trailingBracket(text: string): { start: number; content: string } | null {
  const end = text.endsWith('）。') ? text.length - 1 : text.length;
  if (text[end - 1] !== '）') return null;
  let depth = 0;
  for (let i = end - 1; i >= 0; i--) {
    if (text[i] === '）') depth++;
    if (text[i] === '（' && --depth === 0) return { start: i, content: text.slice(i + 1, end - 1) };
  }
  return null;
}

/**
 * `市委宣传部、市科技局、市科协按职责分工负责` -> the bodies, or null when an item does not read as a
 * body: every item must end like one (局, 委, 部, 会, 协 …, see BODY_SUFFIXES) and be at least three
 * characters, or be a collective starting with 各. Labels (`牵头单位：`), role words (`按职责分工负责`,
 * `（牵头）`) and a trailing 等 are dropped; other brackets inside a name are kept.
 */
export function parseUnitList(content: string): string[] | null {
  const labels = new RegExp(`(?:${UNIT_LIST_LABELS.join('|')})[:：]`, 'g');
  const roleMarker = new RegExp(`[（(](?:${ROLE_PHRASES.join('|')})(?:单位|部门)?[）)]`, 'g');
  const items = splitTopLevel(content.replace(labels, '').replace(roleMarker, ''))
    .map(stripRoleWords)
    .filter((item) => item !== '');
  if (items.length === 0) return null;
  const allBodies = items.every((item) => COLLECTIVE_UNIT.test(item) || (item.length >= 3 && item.length <= 25 && endsWithBodySuffix(item)));
  return allBodies ? items : null;
}

/** Splits on 、 ， ； outside nested brackets, so `各县（市、区）科协` stays one item. */
function splitTopLevel(content: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of content) {
    if (ch === '（' || ch === '(') depth++;
    if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,；;]/.test(ch)) {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current);
  return items.map((item) => item.trim());
}

function stripRoleWords(item: string): string {
  let name = item;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of [...ROLE_PHRASES, '等单位', '等部门', '等']) {
      if (name.endsWith(suffix)) {
        name = name.slice(0, -suffix.length).trim();
        changed = true;
      }
    }
  }
  return name;
}

/** Campaigns named in the text, once each, in the order they first appear. */
function uniqueCampaigns(mentions: CampaignMention[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const mention of mentions) if (!seen.has(mention.code)) seen.set(mention.code, mention.name);
  return [...seen].map(([code, name]) => ({ code, name }));
}

function withoutMentions(text: string, mentions: CampaignMention[]): string {
  let masked = text;
  for (const { index, matched } of mentions) masked = masked.slice(0, index) + '□'.repeat(matched.length) + masked.slice(index + matched.length);
  return masked;
}

type Vocabulary = Readonly<Record<string, readonly string[]>>;
type VocabularyIndex = Map<string, { label: string; word: string }[]>;

/** Keywords by their first character, built once per vocabulary: each position of a text then tries only the words that can start there. */
const vocabularyIndexes = new WeakMap<Vocabulary, VocabularyIndex>();

function indexOf(vocabulary: Vocabulary): VocabularyIndex {
  let index = vocabularyIndexes.get(vocabulary);
  if (!index) {
    index = new Map();
    for (const [label, words] of Object.entries(vocabulary)) {
      for (const word of words) {
        const bucket = index.get(word[0]!) ?? [];
        bucket.push({ label, word });
        index.set(word[0]!, bucket);
      }
    }
    vocabularyIndexes.set(vocabulary, index);
  }
  return index;
}

/**
 * The labels whose keywords occur in the texts, in vocabulary order. At each position the longest
 * keyword wins and shorter keywords inside it do not count, so `农民工` is not also 农民.
 */
export function matchVocabulary(texts: string[], vocabulary: Vocabulary): string[] {
  const index = indexOf(vocabulary);
  const found = new Set<string>();
  for (const text of texts) {
    let coveredUntil = 0;
    for (let i = 0; i < text.length; i++) {
      const candidates = index.get(text[i]!);
      if (!candidates) continue;
      const here = candidates.filter(({ word }) => text.startsWith(word, i));
      if (here.length === 0) continue;
      const longest = Math.max(...here.map(({ word }) => word.length));
      if (i + longest <= coveredUntil) continue;
      for (const { label, word } of here) if (word.length === longest) found.add(label);
      coveredUntil = i + longest;
    }
  }
  return Object.keys(vocabulary).filter((label) => found.has(label));
}

/** Known labels in vocabulary order, then labels the vocabulary does not list, in the order first seen. */
function mergeLabels(known: string[], extra: string[], order: string[]): string[] {
  const all = new Set([...known, ...extra]);
  const ordered = order.filter((label) => all.has(label));
  return [...ordered, ...[...all].filter((label) => !order.includes(label))];
}
