// Owns: reading one segmented task: its title, responsible units, audiences, themes and the campaigns it names.
// Does not own: the campaign catalogue (@kepu/shared) nor where a task starts and ends (segment.ts).
import { campaignOccurrence, findCampaignMentions, type CampaignMention } from '../campaigns';
import { type ParsedTask, type ParsedUnit } from './types';
import { UNIT_LABEL } from './lines';
import type { SegmentedTask } from './segment';
import { parseUnits } from './units';
import { AUDIENCE_KEYWORDS, THEME_KEYWORDS } from './vocabulary';

export { parseUnitList } from './units';

/** A lead sentence longer than this is cut at its first comma. */
const LONG_TITLE = 40;

export interface ExtractedTask {
  task: ParsedTask;
  /** The task's last bracket never closed; its units were read anyway. */
  unclosedBracket: boolean;
}

export function extractTask(task: SegmentedTask, year?: number | null): ParsedTask {
  return extractTaskWithNotes(task, year).task;
}

/**
 * Reads one task. Units: the task's own (a closing bracket, a `责任单位：` line), else those its
 * section heading or a labelled line above gives (inherited).
 */
export function extractTaskWithNotes(task: SegmentedTask, year?: number | null): ExtractedTask {
  const split = splitResponsibleUnits(task.text, { allowUnclosed: task.isLast === true });
  const { text } = split;
  const own = [...split.units, ...(task.units ?? [])];
  const inherited = (task.inheritedUnits ?? []).map((unit) => ({ ...unit, inherited: true }));
  const units = [...own, ...inherited.filter((unit) => !own.some((mine) => mine.name === unit.name))];
  const knownYear = year ?? undefined;
  const mentions = [...findCampaignMentions(text, knownYear)].sort((a, b) => a.index - b.index);
  const campaigns = uniqueCampaigns(mentions);
  // A campaign's name is not a description of the task: 全国科技工作者日 does not make 科技工作者 its audience.
  const context = [...task.sectionPath, withoutMentions(text, mentions)];
  const campaignThemes = campaigns.flatMap(({ code }) => (knownYear === undefined ? [] : (campaignOccurrence(code, knownYear)?.themes ?? [])));
  return {
    task: {
      number: task.number,
      title: taskTitle(text),
      text,
      sectionPath: task.sectionPath,
      responsibleUnits: units,
      audiences: matchVocabulary(context, AUDIENCE_KEYWORDS),
      themes: mergeLabels(matchVocabulary(context, THEME_KEYWORDS), campaignThemes, Object.keys(THEME_KEYWORDS)),
      campaigns,
    },
    unclosedBracket: split.unclosed,
  };
}

/** The lead sentence (up to the first 。 ； ！ ？); when that runs past 40 characters, its first clause. */
export function taskTitle(text: string): string {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const sentence = (/^[^。；！？]*/.exec(firstLine)?.[0] ?? '').trim();
  return sentence.length > LONG_TITLE ? (/^[^，：]*/.exec(sentence)?.[0] ?? sentence).trim() : sentence;
}

/**
 * Separates the responsible units from a task: a balanced bracket closing the task
 * (`…。（市委宣传部、市科技局按职责分工负责）`), a last line `责任单位：…`, or, at the very end of
 * a document, a bracket that never closed (`unclosed`). The bracket counts only when it reads as
 * a list of bodies (see `parseUnits`); `（2021—2035年）` or `（所、站）` stay text.
 */
export function splitResponsibleUnits(taskText: string, options: { allowUnclosed?: boolean } = {}): { text: string; units: ParsedUnit[]; unclosed: boolean } {
  const text = taskText.trim();
  const closing = trailingBracket(text);
  if (closing) {
    const units = parseUnits(closing.content);
    if (units) return { text: text.slice(0, closing.start).trim(), units, unclosed: false };
  }
  const lastBreak = text.lastIndexOf('\n');
  const lastLine = text.slice(lastBreak + 1);
  const labelled = UNIT_LABEL.exec(lastLine);
  if (lastBreak !== -1 && labelled) {
    const units = parseUnits(lastLine.replace(/[。；]$/, ''));
    if (units) return { text: text.slice(0, lastBreak).trim(), units, unclosed: false };
  }
  const open = options.allowUnclosed ? unclosedBracket(text) : null;
  if (open) {
    const units = parseUnits(open.content);
    if (units) return { text: text.slice(0, open.start).trim(), units, unclosed: true };
  }
  return { text, units: [], unclosed: false };
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

/** `…开展活动。（市科协、市教育局` : the last opening bracket of the text, never closed. */
function unclosedBracket(text: string): { start: number; content: string } | null {
  // Backwards, skipping closed pairs inside (`各县（市、区）科协`): the first opener left unmatched.
  let depth = 0;
  for (let i = text.length - 1; i >= 0 && text.length - i <= 200; i--) {
    if (text[i] === '）') depth++;
    else if (text[i] === '（') {
      if (depth === 0) {
        const content = text.slice(i + 1).trim();
        return content.length > 0 ? { start: i, content } : null;
      }
      depth--;
    }
  }
  return null;
}

/** Campaigns named in the text, once each, in the order they first appear. */
function uniqueCampaigns(mentions: CampaignMention[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const mention of mentions) if (!seen.has(mention.code)) seen.set(mention.code, mention.name);
  return [...seen].map(([code, name]) => ({ code, name }));
}

function withoutMentions(text: string, mentions: CampaignMention[]): string {
  // Built in one pass: slicing the whole text per mention would be quadratic.
  const parts: string[] = [];
  let at = 0;
  for (const { index, matched } of mentions) {
    if (index < at) continue;
    parts.push(text.slice(at, index), '□'.repeat(matched.length));
    at = index + matched.length;
  }
  parts.push(text.slice(at));
  return parts.join('');
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
