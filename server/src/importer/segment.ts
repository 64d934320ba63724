// Owns: cutting normalised plan text into its header (title, city, year, issuer, date, number), section tree and numbered tasks.
// Does not own: reading a task's content (units, audiences, campaigns: extract.ts) nor cleaning the text (normalise.ts).
import type { PlanSectionNode } from '@kepu/shared';
import {
  type HeadingMark,
  type HeadingStyle,
  HEADING_STYLES,
  isBodyNameLine,
  isEnumerationHeading,
  isFooterLine,
  matchHeading,
  matchParenTaskNumber,
  matchTaskNumber,
  parseDateLine,
  type TaskMark,
} from './lines';
import { PLACE_SUFFIXES, PLAN_KINDS, PLAN_TOPICS, SUBJECT_WORDS } from './vocabulary';

export interface PlanHeader {
  /** The plan's own title, e.g. 2023年某某市全民科学素质行动工作要点. */
  title: string | null;
  city: string | null;
  year: number | null;
  issuer: string | null;
  /** `YYYY-MM-DD`. */
  issuedOn: string | null;
  /** Canonical `X〔YYYY〕N号`. */
  documentNumber: string | null;
}

/** A numbered task as cut from the text: its whole text, units bracket included. */
export interface SegmentedTask {
  number: number;
  text: string;
  sectionPath: string[];
}

export interface SegmentedPlan {
  header: PlanHeader;
  sections: PlanSectionNode[];
  tasks: SegmentedTask[];
}

/**
 * Reads a normalised plan. The header is everything before the plan's own title (or before the
 * first heading or task when the title is missing). Headings nest by the order their styles open
 * (一、 then （一） …), so a plan that starts at （一） still gets level-1 sections. Tasks are the
 * `1.` items; a plan without any uses `（1）` items instead. A task runs until the next task,
 * heading, signature or footer. Written task numbers are kept when they increase through the
 * document; a plan that restarts its numbering per section is renumbered 1..N in document order.
 */
export function segmentPlan(text: string): SegmentedPlan {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const firstStructural = lines.findIndex(isStructural);
  const headerEnd = firstStructural === -1 ? lines.length : firstStructural;
  const title = findTitle(lines, headerEnd);
  const bodyStart = title?.endIndex !== undefined ? title.endIndex + 1 : headerEnd;

  const { sections, tasks } = readBody(lines.slice(bodyStart));
  const headerLines = lines.slice(0, title?.endIndex ?? headerEnd);
  const city = title?.city ?? null;
  return {
    header: {
      title: title?.title ?? null,
      city,
      year: title?.year ?? null,
      issuer: findIssuer(lines, headerLines, city),
      issuedOn: findIssuedOn(lines),
      documentNumber: findDocumentNumber(headerLines),
    },
    sections,
    tasks,
  };
}

function isStructural(line: string): boolean {
  const heading = matchHeading(line);
  return matchTaskNumber(line) !== null || (heading !== null && heading.style !== 'chineseIs');
}

// ---------------------------------------------------------------------------------------- title

interface TitleMatch {
  title: string;
  year: number | null;
  city: string | null;
  /** Index of the title's last line, when the title stands on its own line(s). */
  endIndex?: number;
}

/** The last title-like line (or pair of lines) of the header, else a title quoted in 《》 by the cover note. */
function findTitle(lines: string[], headerEnd: number): TitleMatch | null {
  let found: TitleMatch | null = null;
  for (let i = 0; i < headerEnd; i++) {
    const single = parseTitle(lines[i]!);
    if (single) {
      found = { ...single, endIndex: i };
      continue;
    }
    // A title broken over two lines: neither half is a title, nor a date, on its own.
    const next = lines[i + 1];
    const splittable = next !== undefined && i + 1 < headerEnd && parseDateLine(lines[i]!) === null && parseTitle(next) === null;
    const pair = splittable ? parseTitle(lines[i]! + next) : null;
    if (pair) {
      found = { ...pair, endIndex: i + 1 };
      i++;
    }
  }
  if (found) return found;
  for (const line of lines.slice(0, headerEnd)) {
    for (const quoted of line.matchAll(/《([^《》]+)》/g)) {
      const title = parseTitle(quoted[1]!);
      if (title) return title;
    }
  }
  return null;
}

/** `2023年某某市全民科学素质行动工作要点` -> title, year and city; null when the line is not a plan title. */
export function parseTitle(candidate: string): TitleMatch | null {
  const title = candidate.replace(/\s+/g, '').replace(/^附件\d*[:：]?/, '');
  if (title.length > 60 || /[，。；：]/.test(title)) return null;
  if (!PLAN_KINDS.some((kind) => title.endsWith(kind)) || !PLAN_TOPICS.some((topic) => title.includes(topic))) return null;
  const yearMatch = /((?:19|20)\d{2})年度?/.exec(title);
  if (!yearMatch) return { title, year: null, city: leadingPlace(title) };
  const before = title.slice(0, yearMatch.index);
  const after = title.slice(yearMatch.index + yearMatch[0].length);
  return { title, year: Number(yearMatch[1]), city: (before && leadingPlace(before)) || leadingPlace(after) };
}

/**
 * The place a title or body name starts with: the text before its subject (`全民科学素质`, `科学技术协会`…)
 * when that text ends like a place (`某某市`, `某某县`, `某某壮族自治区`); a title that is all place
 * (`某某市` before the year) counts whole.
 */
export function leadingPlace(text: string): string | null {
  const subjectAt = SUBJECT_WORDS.map((word) => text.indexOf(word)).filter((at) => at > 0);
  const place = subjectAt.length > 0 ? text.slice(0, Math.min(...subjectAt)) : text;
  return place.length >= 2 && place.length <= 15 && PLACE_SUFFIXES.some((suffix) => place.endsWith(suffix)) ? place : null;
}

// ---------------------------------------------------------------------------------------- header

/** The body named on the line before the issue date, else the letterhead `…文件`, else the body addressed as `…各成员单位`. */
function findIssuer(lines: string[], headerLines: string[], city: string | null): string | null {
  const dateAt = lines.findIndex((line) => parseDateLine(line) !== null);
  const beforeDate = dateAt > 0 ? lines[dateAt - 1]! : null;
  if (beforeDate && isBodyNameLine(beforeDate)) return beforeDate;

  for (const line of headerLines) {
    const letterhead = /^(.{2,40}?)文件$/.exec(line.replace(/\s+/g, ''));
    if (letterhead && isBodyNameLine(letterhead[1]!)) return letterhead[1]!;
  }

  for (const line of headerLines) {
    const addressed = /([^，、：；（）\s]{2,40}?(?:领导小组|委员会))各成员单位/.exec(line);
    if (addressed) return withCity(addressed[1]!, city);
  }
  return null;
}

/** `市全民科学素质工作领导小组` -> `某某市全民科学素质工作领导小组` for the city 某某市; a body that names its own place is kept. */
function withCity(body: string, city: string | null): string | null {
  if (leadingPlace(body)) return body;
  if (!city) return null;
  // `市…` in 某某市, `州…` in 某某自治州: the body's first word is the city's own admin level.
  const level = PLACE_SUFFIXES.find((suffix) => body.startsWith(suffix) && city.endsWith(suffix));
  return level ? city + body.slice(level.length) : null;
}

function findIssuedOn(lines: string[]): string | null {
  for (const line of lines) {
    const date = parseDateLine(line);
    if (date) return date;
  }
  return null;
}

const DOCUMENT_NUMBER = /([\u4e00-\u9fff]{1,15}?)\s*[〔[【（(〖［]\s*((?:19|20)\d{2})\s*[〕\]】）)〗］]\s*第?\s*(\d{1,4})\s*号/;

function findDocumentNumber(headerLines: string[]): string | null {
  for (const line of headerLines) {
    const m = DOCUMENT_NUMBER.exec(line);
    if (m) return `${m[1]!}〔${m[2]!}〕${m[3]!}号`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------- body

interface OpenSection {
  style: HeadingStyle;
  node: PlanSectionNode;
  label: string;
}

interface OpenTask {
  number: number;
  lines: string[];
  sectionPath: string[];
}

function readBody(lines: string[]): { sections: PlanSectionNode[]; tasks: SegmentedTask[] } {
  const matchTask = pickTaskStyle(lines);
  const signature = signatureLines(lines);
  const sections: PlanSectionNode[] = [];
  const open: OpenSection[] = [];
  const tasks: OpenTask[] = [];
  let current: OpenTask | null = null;

  for (const [i, line] of lines.entries()) {
    if (isFooterLine(line)) break;
    if (signature.has(i)) {
      current = null;
      continue;
    }
    const task = matchTask(line);
    if (task) {
      current = { number: task.number, lines: [task.rest], sectionPath: open.map((s) => s.label) };
      tasks.push(current);
      continue;
    }
    const heading = readHeading(line, lines[i + 1], matchTask);
    if (heading) {
      openSection(open, sections, heading);
      current = null;
      continue;
    }
    // Text under a heading before its first task is the section's preamble, not a task.
    current?.lines.push(line);
  }

  return { sections, tasks: numberTasks(tasks) };
}

/** `1.` items when the body has any; else `（1）` items. */
function pickTaskStyle(lines: string[]): (line: string) => TaskMark | null {
  return lines.some((line) => matchTaskNumber(line) !== null) ? matchTaskNumber : matchParenTaskNumber;
}

/** Date lines and the body name just above one: the signature block, never task text. */
function signatureLines(lines: string[]): Set<number> {
  const signature = new Set<number>();
  lines.forEach((line, i) => {
    if (parseDateLine(line) === null) return;
    signature.add(i);
    if (i > 0 && isBodyNameLine(lines[i - 1]!)) signature.add(i - 1);
  });
  return signature;
}

/**
 * A heading line, unless it is one of the task numbers. `（1）` lines inside `1.` tasks are task
 * text. `一是…` is a heading only when it reads like one (see isEnumerationHeading) and items
 * follow it; otherwise it is an enumeration inside running text.
 */
function readHeading(line: string, next: string | undefined, matchTask: (line: string) => TaskMark | null): HeadingMark | null {
  const heading = matchHeading(line);
  if (!heading || heading.style === 'arabicParen') return null;
  if (heading.style === 'chineseIs') {
    const itemsFollow = next !== undefined && (matchTask(next) !== null || isStructural(next));
    if (!isEnumerationHeading(heading) || !itemsFollow) return null;
  }
  return heading;
}

/** Nests a heading: closes open sections of the same or a lower style, then opens it one level deeper. */
function openSection(open: OpenSection[], roots: PlanSectionNode[], heading: HeadingMark): void {
  const rank = HEADING_STYLES.indexOf(heading.style);
  const sameStyle = open.findIndex((s) => s.style === heading.style);
  if (sameStyle !== -1) open.length = sameStyle;
  while (open.length > 0 && HEADING_STYLES.indexOf(open[open.length - 1]!.style) >= rank) open.pop();

  const title = headingTitle(heading.rest);
  const node: PlanSectionNode = { ordinal: heading.ordinal, level: open.length + 1, title, sections: [] };
  const parent = open[open.length - 1];
  (parent ? parent.node.sections : roots).push(node);
  open.push({ style: heading.style, node, label: sectionLabel(heading, title) });
}

/** The heading's lead sentence, without its final 。 (`（四）实施…行动。` is still a heading). */
function headingTitle(rest: string): string {
  return rest.split('。')[0]!.trim();
}

function sectionLabel(heading: HeadingMark, title: string): string {
  if (heading.style === 'chinese') return `${heading.ordinal}、${title}`;
  if (heading.style === 'part') return `${heading.ordinal} ${title}`;
  return `${heading.ordinal}${title}`;
}

function numberTasks(tasks: OpenTask[]): SegmentedTask[] {
  const increasing = tasks.every((task, i) => i === 0 || task.number > tasks[i - 1]!.number);
  return tasks.map((task, i) => ({
    number: increasing ? task.number : i + 1,
    text: task.lines.join('\n'),
    sectionPath: task.sectionPath,
  }));
}
