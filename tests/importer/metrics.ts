// Owns: how a parse is compared with a hand-checked expectation (matching rules, counts, per-fixture scores, the table).
// Does not own: finding fixtures or calling the importer (eval.ts); it reads any parse shape defensively, old or new.

export const HEADER_FIELDS = ['title', 'place', 'city', 'level', 'kind', 'period', 'year', 'script', 'issuer', 'issuedOn', 'documentNumber'] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

/** The warning codes a fixture may expect (README.md says what each means). Other codes a parse gives are not scored. */
export const WARNING_CODES = [
  'TITLE_FROM_PREAMBLE',
  'NO_PLACE',
  'NO_YEAR',
  'MULTI_YEAR',
  'DATE_UNREADABLE',
  'UNCLOSED_BRACKET',
  'TASKS_FROM_PARAGRAPHS',
  'TRADITIONAL',
  'MOJIBAKE',
] as const;

export type UnitRole = 'lead' | 'support' | null;

export interface ExpectedUnit {
  name: string;
  role: UnitRole;
  inherited: boolean;
}

export interface ExpectedTask {
  number: number;
  sectionPath: string[];
  textStart: string;
  units: ExpectedUnit[];
  campaigns: string[];
}

export type ExpectedHeader = Record<HeaderField, unknown>;

export interface ExpectedPlan {
  notAPlan: boolean;
  /** Default true: a golden fixture below 100% on any metric fails the run. */
  golden?: boolean;
  /** Header fields whose value is the importer's choice (e.g. a title built from the preamble). */
  unscored?: HeaderField[];
  header?: ExpectedHeader;
  sections?: string[];
  tasks?: ExpectedTask[];
  needsReview?: boolean;
  warnings?: string[];
}

/** A parse as the evaluation sees it; `undefined` means the importer did not give the field at all. */
export interface ObservedTask {
  number: unknown;
  sectionPath: string[];
  text: string;
  units: ExpectedUnit[];
  campaigns: string[];
}

export interface ObservedPlan {
  header: Partial<Record<HeaderField, unknown>>;
  /** Heading keys (see headingKey), document order. */
  sections: string[];
  tasks: ObservedTask[];
  needsReview: unknown;
  warnings: string[] | undefined;
}

export type Outcome = { kind: 'plan'; plan: ObservedPlan } | { kind: 'notAPlan' } | { kind: 'crash'; message: string };

// ------------------------------------------------------------------------------- text keys

/** Width and whitespace never decide a match: NFKC folds full-width forms, then every space goes. */
export function canon(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

const CN = '一二三四五六七八九十百零〇○';
const ORDINAL = new RegExp(`^(?:第[${CN}]+部分|[（(][${CN}]+[)）]|[（(][0-9０-９]+[)）]|[${CN}]+(?=[、.．:：\\s])|[0-9０-９]+(?=[、.．:：\\s])|[①-⑳])`);
const SEPARATORS = /^[、.．:：\s]+/;

/** `①` would fold to `1` under NFKC and collide with `1、`, so circled numbers keep their own key. */
function ordinalKey(ordinal: string): string {
  const trimmed = ordinal.trim().replace(/[、.．:：\s]+$/u, '');
  if (/^[①-⑳]$/u.test(trimmed)) return `circled${trimmed.charCodeAt(0) - 0x245f}`;
  return canon(trimmed);
}

/** `一、总体要求`, `一 总体要求` and a node {ordinal 一, title 总体要求} share one key: the separator never matters. */
export function headingKey(label: string): string {
  const text = label.trim();
  const m = ORDINAL.exec(text);
  if (!m) return `|${canon(text)}`;
  return `${ordinalKey(m[0])}|${canon(text.slice(m[0].length).replace(SEPARATORS, ''))}`;
}

export function nodeHeadingKey(ordinal: string, title: string): string {
  return `${ordinalKey(ordinal)}|${canon(title.replace(SEPARATORS, ''))}`;
}

const TASK_MARKER = /^(?:[（(][0-9]+[)）]|[0-9]+[、.．]|[①-⑳]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+是)/u;

/** A task matches when its text starts with the expected start, with or without its own number in front. */
export function textStartsWith(text: string, start: string): boolean {
  const body = canon(text);
  const want = canon(start);
  if (body.startsWith(want)) return true;
  const unmarked = body.replace(TASK_MARKER, '');
  return unmarked !== body && unmarked.startsWith(want);
}

// ------------------------------------------------------------------------------- reading a parse

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

function observeUnit(unit: unknown): ExpectedUnit | null {
  if (typeof unit === 'string') return { name: unit, role: null, inherited: false };
  if (!isRecord(unit) || typeof unit.name !== 'string') return null;
  const role = unit.role === 'lead' || unit.role === 'support' ? unit.role : null;
  return { name: unit.name, role, inherited: unit.inherited === true };
}

function observeCampaign(campaign: unknown): string | null {
  if (typeof campaign === 'string') return campaign;
  return isRecord(campaign) && typeof campaign.code === 'string' ? campaign.code : null;
}

function flattenSections(nodes: unknown, into: string[] = []): string[] {
  if (!Array.isArray(nodes)) return into;
  for (const node of nodes) {
    if (!isRecord(node)) continue;
    into.push(nodeHeadingKey(asString(node.ordinal), asString(node.title)));
    flattenSections(node.sections, into);
  }
  return into;
}

/** Reads whatever parsePlan returned (today's shape or v1.1's) without trusting any field to exist. */
export function observePlan(result: unknown): ObservedPlan {
  const plan = isRecord(result) ? result : {};
  const header: Partial<Record<HeaderField, unknown>> = {};
  for (const field of HEADER_FIELDS) if (field in plan) header[field] = plan[field];
  const tasks = (Array.isArray(plan.tasks) ? plan.tasks : []).filter(isRecord).map((task) => ({
    number: task.number,
    sectionPath: Array.isArray(task.sectionPath) ? task.sectionPath.map(asString) : [],
    text: asString(task.text),
    units: (Array.isArray(task.responsibleUnits) ? task.responsibleUnits : []).map(observeUnit).filter((u) => u !== null),
    campaigns: (Array.isArray(task.campaigns) ? task.campaigns : []).map(observeCampaign).filter((c) => c !== null),
  }));
  const warnings = Array.isArray(plan.warnings)
    ? plan.warnings.map((w) => (isRecord(w) ? asString(w.code) : asString(w))).filter((code) => code !== '')
    : undefined;
  return { header, sections: flattenSections(plan.sections), tasks, needsReview: plan.needsReview, warnings };
}

// ------------------------------------------------------------------------------- counting

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

/** Multiset comparison: each expected item can be matched once. */
export function compareBags(expected: readonly string[], actual: readonly string[]): Counts {
  const left = new Map<string, number>();
  for (const item of expected) left.set(item, (left.get(item) ?? 0) + 1);
  let tp = 0;
  for (const item of actual) {
    const n = left.get(item) ?? 0;
    if (n > 0) {
      tp++;
      left.set(item, n - 1);
    }
  }
  return { tp, fp: actual.length - tp, fn: expected.length - tp };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/** Null when nothing was predicted (precision) or nothing was expected (recall): shown as —, never as 100%. */
export function precision(c: Counts): number | null {
  return c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
}

export function recall(c: Counts): number | null {
  return c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn);
}

/** F1 over a bag; both sides empty is a perfect 1 (nothing to find, nothing invented). */
export function f1(c: Counts): number {
  if (c.tp + c.fp + c.fn === 0) return 1;
  return (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
}

export const isExact = (c: Counts): boolean => c.fp === 0 && c.fn === 0;

// ------------------------------------------------------------------------------- tasks

/**
 * Pairs expected tasks with parsed ones, in document order: a pair needs the same section path
 * (by heading key) and a text that starts with the expected start. Each parsed task is used once.
 */
export function matchTasks(expected: readonly ExpectedTask[], actual: readonly ObservedTask[]): (number | null)[] {
  const used = new Set<number>();
  return expected.map((want) => {
    const path = want.sectionPath.map(headingKey).join('>');
    const index = actual.findIndex((got, i) => !used.has(i) && got.sectionPath.map(headingKey).join('>') === path && textStartsWith(got.text, want.textStart));
    if (index === -1) return null;
    used.add(index);
    return index;
  });
}

// ------------------------------------------------------------------------------- one fixture

export type Verdict = 'right' | 'wrong' | 'missing';

export interface FixtureScore {
  name: string;
  golden: boolean;
  expectsPlan: boolean;
  outcome: Outcome['kind'];
  /** False when parsePlan refused the file's bytes and only a decoded string could be parsed. */
  bytesAccepted: boolean;
  notAPlanRight: boolean;
  header: Partial<Record<HeaderField, Verdict>> | null;
  sections: Counts | null;
  tasks: Counts | null;
  numbers: { right: number; total: number } | null;
  unitsExplicit: Counts | null;
  unitsInherited: Counts | null;
  campaigns: Counts | null;
  needsReview: Verdict | null;
  warnings: Counts | null;
  /** What differed, one line each, for `--details`. */
  details: string[];
  ms: number;
}

function sameValue(expected: unknown, actual: unknown): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (typeof expected === 'string' && typeof actual === 'string') return canon(expected) === canon(actual);
  if (isRecord(expected) && isRecord(actual)) return expected.from === actual.from && expected.to === actual.to;
  return expected === actual;
}

function judge(expected: unknown, actual: unknown): Verdict {
  if (actual === undefined || (actual === null && expected !== null)) return sameValue(expected, actual) ? 'right' : 'missing';
  return sameValue(expected, actual) ? 'right' : 'wrong';
}

const show = (value: unknown): string => (value === undefined ? '(absent)' : JSON.stringify(value));
const unitKey = (taskKey: string, unit: ExpectedUnit) => `${taskKey}|${canon(unit.name)}|${unit.role ?? '-'}`;

export function scoreFixture(
  name: string,
  expected: ExpectedPlan,
  outcome: Outcome,
  options: { bytesAccepted: boolean; bytesError?: string; ms: number },
): FixtureScore {
  const details: string[] = [];
  const parsedAsPlan = outcome.kind === 'plan';
  const notAPlanRight = outcome.kind !== 'crash' && expected.notAPlan === !parsedAsPlan;
  if (outcome.kind === 'crash') details.push(`crash: ${outcome.message}`);
  else if (!notAPlanRight) details.push(expected.notAPlan ? 'parsed as a plan, expected NOT_A_PLAN' : 'answered NOT_A_PLAN, expected a plan');
  if (!options.bytesAccepted) details.push(`parsePlan refused the bytes (${options.bytesError ?? 'error'}); scored on the UTF-8 decoded string`);

  const base: FixtureScore = {
    name,
    golden: expected.golden !== false,
    expectsPlan: !expected.notAPlan,
    outcome: outcome.kind,
    bytesAccepted: options.bytesAccepted,
    notAPlanRight,
    header: null,
    sections: null,
    tasks: null,
    numbers: null,
    unitsExplicit: null,
    unitsInherited: null,
    campaigns: null,
    needsReview: null,
    warnings: null,
    details,
    ms: options.ms,
  };
  if (expected.notAPlan) return base;

  const plan: ObservedPlan = outcome.kind === 'plan' ? outcome.plan : { header: {}, sections: [], tasks: [], needsReview: undefined, warnings: undefined };

  const header: Partial<Record<HeaderField, Verdict>> = {};
  const unscored = new Set(expected.unscored ?? []);
  for (const field of HEADER_FIELDS) {
    if (unscored.has(field)) continue;
    const want = expected.header?.[field] ?? null;
    const verdict = judge(want, plan.header[field]);
    header[field] = verdict;
    if (verdict !== 'right') details.push(`header.${field}: expected ${show(want)}, got ${show(plan.header[field])}`);
  }

  const wantSections = (expected.sections ?? []).map(headingKey);
  const sections = compareBags(wantSections, plan.sections);
  for (const key of diffBag(wantSections, plan.sections)) details.push(`section missing: ${key}`);
  for (const key of diffBag(plan.sections, wantSections)) details.push(`section extra: ${key}`);

  const wantTasks = expected.tasks ?? [];
  const pairs = matchTasks(wantTasks, plan.tasks);
  const matched = pairs.filter((p) => p !== null).length;
  const tasks: Counts = { tp: matched, fp: plan.tasks.length - matched, fn: wantTasks.length - matched };
  const numbers = { right: 0, total: matched };
  const taskKeyOfActual = new Map<number, string>();
  pairs.forEach((actualIndex, i) => {
    const want = wantTasks[i]!;
    if (actualIndex === null) {
      details.push(`task missing: ${want.number} [${want.sectionPath.join(' > ')}] ${want.textStart}`);
      return;
    }
    taskKeyOfActual.set(actualIndex, `e${i}`);
    const got = plan.tasks[actualIndex]!;
    if (got.number === want.number) numbers.right++;
    else details.push(`task number: ${want.textStart} expected ${want.number}, got ${show(got.number)}`);
  });
  plan.tasks.forEach((got, j) => {
    if (!taskKeyOfActual.has(j)) details.push(`task extra: ${show(got.number)} [${got.sectionPath.join(' > ')}] ${got.text.slice(0, 16)}`);
  });

  const bags = (pick: (task: { units: ExpectedUnit[]; campaigns: string[] }, key: string) => string[]) => ({
    want: wantTasks.flatMap((task, i) => pick(task, `e${i}`)),
    got: plan.tasks.flatMap((task, j) => pick(task, taskKeyOfActual.get(j) ?? `a${j}`)),
  });
  const explicit = bags((task, key) => task.units.filter((u) => !u.inherited).map((u) => unitKey(key, u)));
  const inherited = bags((task, key) => task.units.filter((u) => u.inherited).map((u) => unitKey(key, u)));
  const campaignBags = bags((task, key) => task.campaigns.map((code) => `${key}|${code}`));
  const label = (key: string) => describeTaskKey(key, wantTasks, plan.tasks);
  for (const [kind, bag] of [
    ['unit', explicit],
    ['inherited unit', inherited],
    ['campaign', campaignBags],
  ] as const) {
    for (const item of diffBag(bag.want, bag.got)) details.push(`${kind} missing: ${label(item)}`);
    for (const item of diffBag(bag.got, bag.want)) details.push(`${kind} extra: ${label(item)}`);
  }

  const wantReview = expected.needsReview ?? false;
  const needsReview: Verdict = typeof plan.needsReview !== 'boolean' ? 'missing' : plan.needsReview === wantReview ? 'right' : 'wrong';
  if (needsReview !== 'right') details.push(`needsReview: expected ${wantReview}, got ${show(plan.needsReview)}`);

  const known = new Set<string>(WARNING_CODES);
  const gotWarnings = [...new Set((plan.warnings ?? []).filter((code) => known.has(code)))];
  const wantWarnings = [...new Set(expected.warnings ?? [])];
  const warnings = compareBags(wantWarnings, gotWarnings);
  for (const code of diffBag(wantWarnings, gotWarnings)) details.push(`warning missing: ${code}`);
  for (const code of diffBag(gotWarnings, wantWarnings)) details.push(`warning extra: ${code}`);

  return {
    ...base,
    header,
    sections,
    tasks,
    numbers,
    unitsExplicit: compareBags(explicit.want, explicit.got),
    unitsInherited: compareBags(inherited.want, inherited.got),
    campaigns: compareBags(campaignBags.want, campaignBags.got),
    needsReview,
    warnings,
  };
}

/** Items of `a` left over after removing those of `b` (multiset difference). */
function diffBag(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const item of b) left.set(item, (left.get(item) ?? 0) + 1);
  return a.filter((item) => {
    const n = left.get(item) ?? 0;
    if (n > 0) left.set(item, n - 1);
    return n === 0;
  });
}

function describeTaskKey(item: string, wantTasks: readonly ExpectedTask[], gotTasks: readonly ObservedTask[]): string {
  const [key = '', ...rest] = item.split('|');
  const index = Number(key.slice(1));
  const task = key.startsWith('e') ? `task ${wantTasks[index]?.number} ${wantTasks[index]?.textStart}` : `unmatched ${gotTasks[index]?.text.slice(0, 10)}`;
  return `${task}: ${rest.join(' ')}`;
}

export function isPerfect(score: FixtureScore): boolean {
  if (!score.bytesAccepted || !score.notAPlanRight) return false;
  if (!score.expectsPlan) return true;
  const counts = [score.sections, score.tasks, score.unitsExplicit, score.unitsInherited, score.campaigns, score.warnings];
  return (
    Object.values(score.header ?? {}).every((v) => v === 'right') &&
    counts.every((c) => c !== null && isExact(c)) &&
    score.numbers !== null &&
    score.numbers.right === score.numbers.total &&
    score.needsReview === 'right'
  );
}

// ------------------------------------------------------------------------------- the table

export interface Totals {
  fixtures: number;
  perfect: number;
  goldenFailures: string[];
  notAPlan: { right: number; total: number };
  header: Record<Verdict, number>;
  sections: Counts;
  tasks: Counts;
  numbers: { right: number; total: number };
  unitsExplicit: Counts;
  unitsInherited: Counts;
  campaigns: Counts;
  needsReview: Record<Verdict, number>;
  warnings: Counts;
}

export function totalScores(scores: readonly FixtureScore[]): Totals {
  const totals: Totals = {
    fixtures: scores.length,
    perfect: 0,
    goldenFailures: [],
    notAPlan: { right: 0, total: 0 },
    header: { right: 0, wrong: 0, missing: 0 },
    sections: emptyCounts(),
    tasks: emptyCounts(),
    numbers: { right: 0, total: 0 },
    unitsExplicit: emptyCounts(),
    unitsInherited: emptyCounts(),
    campaigns: emptyCounts(),
    needsReview: { right: 0, wrong: 0, missing: 0 },
    warnings: emptyCounts(),
  };
  for (const s of scores) {
    const perfect = isPerfect(s);
    if (perfect) totals.perfect++;
    else if (s.golden) totals.goldenFailures.push(s.name);
    totals.notAPlan.total++;
    if (s.notAPlanRight) totals.notAPlan.right++;
    for (const verdict of Object.values(s.header ?? {})) totals.header[verdict]++;
    if (s.needsReview) totals.needsReview[s.needsReview]++;
    if (s.numbers) {
      totals.numbers.right += s.numbers.right;
      totals.numbers.total += s.numbers.total;
    }
    for (const key of ['sections', 'tasks', 'unitsExplicit', 'unitsInherited', 'campaigns', 'warnings'] as const) {
      const c = s[key];
      if (c) totals[key] = addCounts(totals[key], c);
    }
  }
  return totals;
}

const pct = (value: number | null): string => (value === null ? '—' : `${Math.floor(value * 100)}`);
const pr = (c: Counts | null): string => (c === null ? '' : `${pct(precision(c))}/${pct(recall(c))}`);
const f1Cell = (c: Counts | null): string => (c === null ? '' : c.tp + c.fp + c.fn === 0 ? '—' : pct(f1(c)));
const hdr = (h: Partial<Record<HeaderField, Verdict>> | Record<Verdict, number> | null): string => {
  if (h === null) return '';
  const counts = Object.values(h).every((v) => typeof v === 'number')
    ? (h as Record<Verdict, number>)
    : Object.values(h).reduce((acc: Record<Verdict, number>, v) => ({ ...acc, [v as Verdict]: acc[v as Verdict] + 1 }), { right: 0, wrong: 0, missing: 0 });
  return `${counts.right}/${counts.wrong}/${counts.missing}`;
};

const COLUMNS = [
  'fixture',
  'input',
  'answer',
  'notAPlan',
  'header ✓/✗/∅',
  'sections P/R',
  'tasks P/R',
  'numbers',
  'units F1',
  'inherited F1',
  'campaigns P/R',
  'review',
  'warnings P/R',
  'ms',
  'ok',
];

export function scoreRow(s: FixtureScore): string[] {
  return [
    s.name,
    s.bytesAccepted ? 'bytes' : 'text*',
    s.outcome,
    s.notAPlanRight ? 'right' : 'wrong',
    hdr(s.header),
    pr(s.sections),
    pr(s.tasks),
    s.numbers ? `${s.numbers.right}/${s.numbers.total}` : '',
    f1Cell(s.unitsExplicit),
    f1Cell(s.unitsInherited),
    pr(s.campaigns),
    s.needsReview ?? '',
    pr(s.warnings),
    s.ms.toFixed(1),
    isPerfect(s) ? 'yes' : s.golden ? 'NO' : 'no',
  ];
}

export function totalsRow(t: Totals): string[] {
  return [
    `TOTAL (${t.perfect}/${t.fixtures} perfect)`,
    '',
    '',
    `${t.notAPlan.right}/${t.notAPlan.total}`,
    hdr(t.header),
    pr(t.sections),
    pr(t.tasks),
    `${t.numbers.right}/${t.numbers.total}`,
    f1Cell(t.unitsExplicit),
    f1Cell(t.unitsInherited),
    pr(t.campaigns),
    `${t.needsReview.right}/${t.needsReview.right + t.needsReview.wrong + t.needsReview.missing}`,
    pr(t.warnings),
    '',
    t.goldenFailures.length === 0 ? 'yes' : 'NO',
  ];
}

/** Display width: CJK and other wide characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

export function formatTable(rows: string[][]): string {
  const all = [COLUMNS, ...rows];
  const widths = COLUMNS.map((_, c) => Math.max(...all.map((row) => width(row[c] ?? ''))));
  const line = (row: string[]) =>
    row
      .map((cell, c) => cell + ' '.repeat(widths[c]! - width(cell)))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
