// Owns: cutting normalised plan text into its zones (cover notice, title, preamble, body, signature,
// attachments), its header (title, place, level, kind, period, year, issuer, date, number), its
// section tree and its tasks, with a warning for everything it had to guess.
// Does not own: reading a task's content (units inside a task, audiences, campaigns: extract.ts),
// cleaning the text (clean.ts, normalise.ts) or the verdict (index.ts).
import type { PlanSectionNode } from '@kepu/shared';
import type { PageMetadata } from './clean';
import {
  type HeadingMark,
  type HeadingStyle,
  chineseNumeralValue,
  circledValue,
  isBodyNameLine,
  isDamagedDateLine,
  isEnumerationHeading,
  isFooterLine,
  isUnitLabelLine,
  matchHeading,
  matchTaskNumber,
  parseDateLine,
} from './lines';
import type { ParsedUnit, PlanLevel, PlanWarning } from './types';
import { parseUnits } from './units';
import { MUNICIPALITIES, NATIONAL_BODIES, PLACE_SUFFIXES, PLAN_KINDS, PLAN_TOPICS, SUBJECT_WORDS } from './vocabulary';

export interface PlanHeader {
  /** The plan's own title, e.g. 2023年某某市全民科学素质行动工作要点. */
  title: string | null;
  /** Where the title came from: its own line(s), a 关于印发《…》 notice, the web page's metadata. */
  titleSource: 'line' | 'notice' | 'metadata' | null;
  /** The full administrative chain (全国 for national plans). */
  place: string | null;
  /** Same as place: kept for callers that read `city`. */
  city: string | null;
  level: PlanLevel | null;
  kind: string | null;
  period: { from: number; to: number } | null;
  year: number | null;
  yearSource: 'title' | 'signature' | 'documentNumber' | 'preamble' | null;
  issuer: string | null;
  /** `YYYY-MM-DD`. */
  issuedOn: string | null;
  /** Canonical `X〔YYYY〕N号`. */
  documentNumber: string | null;
}

/** A task as cut from the text: its whole text, units bracket included. */
export interface SegmentedTask {
  number: number;
  text: string;
  sectionPath: string[];
  /** Units from labelled lines after the task (`责任单位：…`). */
  units?: ParsedUnit[];
  /** Units of the enclosing section (its heading bracket or a labelled line under it). */
  inheritedUnits?: ParsedUnit[];
  /** The document's last task: only its bracket may be left open. */
  isLast?: boolean;
  /** 1-based line of the normalised text where the task starts. */
  line?: number;
}

export interface SegmentedPlan {
  header: PlanHeader;
  sections: PlanSectionNode[];
  tasks: SegmentedTask[];
  warnings: PlanWarning[];
  /** What makes the text look like a plan at all (for the verdict). */
  signs: { planTitle: boolean; activityNotice: boolean; subject: boolean };
}

interface Line {
  text: string;
  /** 1-based, in the normalised text. */
  no: number;
}

/**
 * Reads a normalised plan. The header is everything before the plan's own title (or before the
 * first heading or task when the title is missing); the body runs from there to the footer or the
 * attachments. See readBody for the outline.
 */
export function segmentPlan(text: string, metadata: PageMetadata = {}): SegmentedPlan {
  const lines: Line[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line !== '') lines.push({ text: line, no: i + 1 });
  });
  const warnings: PlanWarning[] = [];
  const texts = lines.map((line) => line.text);
  const firstStructural = texts.findIndex(isStructural);
  const headerEnd = firstStructural === -1 ? lines.length : firstStructural;
  const title = findTitle(texts, headerEnd, metadata);
  const bodyStart = title?.endIndex !== undefined ? title.endIndex + 1 : headerEnd;
  const headerLines = texts.slice(0, title?.endIndex ?? headerEnd);

  const body = readBody(lines.slice(bodyStart), warnings);
  // The preamble: what lies between the title (or the top, when there is none) and the first item.
  const preambleStart = title?.endIndex !== undefined ? title.endIndex + 1 : 0;
  const preamble = texts.slice(preambleStart, Math.max(preambleStart, firstStructural === -1 ? preambleStart + 3 : firstStructural)).slice(-3);
  const header = readHeader(texts, headerLines, preamble, title, metadata, warnings, lines);
  return {
    header,
    sections: body.sections,
    tasks: body.tasks,
    warnings,
    signs: {
      planTitle: title !== null,
      activityNotice: headerLines.some((line) => /^关于(?:开展|举办|组织|做好|举行)(?!.*印发).*(?:活动|通知)/.test(line)) && title === null,
      subject: PLAN_TOPICS.some((topic) => text.includes(topic)),
    },
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
  /** The place the title starts with (or has after the year). */
  city: string | null;
  kind: string | null;
  period: { from: number; to: number } | null;
  /** Text before the year or the subject that is not a place (中国科协 in 中国科协2019年科普工作要点). */
  body: string | null;
  /** Index of the title's last line, when the title stands on its own line(s). */
  endIndex?: number;
  source: 'line' | 'notice' | 'metadata';
}

/** The last title-like line (or two or three lines) of the header, else a title quoted in 《》 by the cover note, else the page's metadata. */
function findTitle(lines: string[], headerEnd: number, metadata: PageMetadata): TitleMatch | null {
  let found: TitleMatch | null = null;
  for (let i = 0; i < headerEnd; i++) {
    const single = parseTitle(lines[i]!);
    if (single) {
      found = { ...single, endIndex: i, source: 'line' };
      continue;
    }
    // A title broken over two or three lines: no part is a title, nor a date, on its own.
    if (parseDateLine(lines[i]!) !== null || lines[i]!.length > 40 || canonicalDocumentNumber(lines[i]!) !== null) continue;
    for (const span of [2, 3]) {
      const end = i + span - 1;
      if (end >= headerEnd) break;
      const parts = lines.slice(i, end + 1);
      if (
        parts.some(
          (part, k) => k > 0 && (parseTitle(part) !== null || parseDateLine(part) !== null || part.length > 40 || canonicalDocumentNumber(part) !== null),
        )
      )
        break;
      const joined = parseTitle(parts.join(''));
      if (joined) {
        found = { ...joined, endIndex: end, source: 'line' };
        i = end;
        break;
      }
    }
  }
  if (found) return found;
  // Only a cover notice's 《》 names the plan (关于印发《…》的通知, 现将《…》印发): a report that cites a plan is not one.
  for (const line of lines.slice(0, headerEnd).filter((l) => /印发/.test(l))) {
    for (const quoted of line.matchAll(/《([^《》]{4,80})》/g)) {
      const title = parseTitle(quoted[1]!);
      if (title) return { ...title, source: 'notice' };
    }
  }
  const fromMetadata = metadata.title ? parseTitle(metadata.title.replace(/^关于印发《(.+)》的通知$/, '$1')) : null;
  return fromMetadata ? { ...fromMetadata, source: 'metadata' } : null;
}

const PERIOD = /[（(]?\s*((?:19|20)\d{2})\s*年?\s*[-—–－~～至到]+\s*((?:19|20)\d{2})\s*年?\s*[）)]?/;

/** `2023年某某市全民科学素质行动工作要点` -> title, year, place, kind; null when the line is not a plan title. */
export function parseTitle(candidate: string): TitleMatch | null {
  const title = candidate.replace(/\s+/g, '').replace(/^附件\d*[:：]?/, '');
  if (title.length < 6 || title.length > 70 || /[，。；：]/.test(title) || /^关于/.test(title)) return null;
  const periodMatch = PERIOD.exec(title);
  const withoutPeriod = periodMatch && /[）)]$/.test(periodMatch[0]) ? title.replace(periodMatch[0], '') : title;
  const kind = PLAN_KINDS.find((k) => withoutPeriod.endsWith(k)) ?? null;
  if (!kind || !PLAN_TOPICS.some((topic) => title.includes(topic))) return null;
  const period = periodMatch ? { from: Number(periodMatch[1]), to: Number(periodMatch[2]) } : null;
  const searchable = periodMatch ? title.replace(periodMatch[0], ' ') : title;
  const yearMatch = /((?:19|20)\d{2})年度?/.exec(searchable);
  const base = { title, kind, period, source: 'line' as const };
  if (!yearMatch) {
    const place = leadingPlace(searchable);
    return { ...base, year: null, city: place, body: place ? null : leadingBody(searchable) };
  }
  const before = searchable.slice(0, yearMatch.index);
  const after = searchable.slice(yearMatch.index + yearMatch[0].length);
  const place = (before && leadingPlace(before)) || leadingPlace(after);
  return { ...base, year: Number(yearMatch[1]), city: place, body: !place && before ? before : null };
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

/** The text before a title's subject, when it names a body rather than a place (中国科协). */
function leadingBody(text: string): string | null {
  const subjectAt = SUBJECT_WORDS.map((word) => text.indexOf(word)).filter((at) => at > 0);
  return subjectAt.length > 0 ? text.slice(0, Math.min(...subjectAt)) : null;
}

// ---------------------------------------------------------------------------------------- header

function readHeader(
  lines: string[],
  headerLines: string[],
  preamble: string[],
  title: TitleMatch | null,
  metadata: PageMetadata,
  warnings: PlanWarning[],
  numbered: Line[],
): PlanHeader {
  const signature = findSignature(lines, numbered, warnings);
  const documentNumber = findDocumentNumber(headerLines) ?? canonicalDocumentNumber(metadata.documentNumber ?? '');
  const issuedOn = signature.date ?? (metadata.signedOn ? parseLooseDate(metadata.signedOn) : null);

  // Place: the title; else a national body; else the issuer's place; else the preamble.
  const letterhead = findLetterhead(headerLines);
  let issuer = signature.body ?? letterhead ?? metadata.issuer ?? null;
  const titleBody = title?.body && !leadingPlace(title.body) ? title.body : null;
  let place = title?.city ? fullPlaceName(title.city) : null;
  const national = !place && [titleBody, issuer, title?.title ?? ''].some((name) => name !== null && isNationalBody(name));
  if (national) place = '全国';
  place ??= issuer ? placeOf(issuer) : null;
  if (!place) {
    const fromPreamble = preamblePlace(preamble);
    if (fromPreamble) {
      place = fromPreamble;
      warnings.push({ code: 'PLACE_FROM_PREAMBLE', message: `标题中没有地区，地区“${fromPreamble}”取自正文第一段，请核对` });
    }
  }
  issuer ??= addressedIssuer(headerLines, place) ?? titleBody;

  // Year: title, then signature date, then document number, then preamble.
  let year = title?.year ?? null;
  let yearSource: PlanHeader['yearSource'] = year !== null ? 'title' : null;
  const fromSignature = issuedOn ? Number(issuedOn.slice(0, 4)) : null;
  const fromNumber = documentNumber ? Number(/〔(\d{4})〕/.exec(documentNumber)?.[1]) : null;
  const fromPreamble = firstYear(preamble);
  for (const [candidate, source] of [
    [fromSignature, 'signature'],
    [fromNumber, 'documentNumber'],
    [fromPreamble, 'preamble'],
  ] as const) {
    if (year === null && candidate) {
      year = candidate;
      yearSource = source;
    }
  }
  const period = title?.period ?? null;
  if (period && yearSource !== 'title' && year !== null) {
    warnings.push({ code: 'MULTI_YEAR', message: `这是${period.from}—${period.to}年的多年期计划，年份按发文年份取为${year}年，请核对` });
  }

  return {
    title: title?.title ?? null,
    titleSource: title?.source ?? null,
    place,
    city: place,
    level: levelOf(place, lines),
    kind: title?.kind ?? null,
    period,
    year,
    yearSource,
    issuer,
    issuedOn,
    documentNumber,
  };
}

/** Autonomous prefectures, as titles often shorten them (湘西州): the full name is the place. */
const AUTONOMOUS_PREFECTURES = [
  '延边朝鲜族自治州',
  '恩施土家族苗族自治州',
  '湘西土家族苗族自治州',
  '阿坝藏族羌族自治州',
  '甘孜藏族自治州',
  '凉山彝族自治州',
  '黔东南苗族侗族自治州',
  '黔南布依族苗族自治州',
  '黔西南布依族苗族自治州',
  '楚雄彝族自治州',
  '红河哈尼族彝族自治州',
  '文山壮族苗族自治州',
  '西双版纳傣族自治州',
  '大理白族自治州',
  '德宏傣族景颇族自治州',
  '怒江傈僳族自治州',
  '迪庆藏族自治州',
  '临夏回族自治州',
  '甘南藏族自治州',
  '海北藏族自治州',
  '黄南藏族自治州',
  '海南藏族自治州',
  '果洛藏族自治州',
  '玉树藏族自治州',
  '海西蒙古族藏族自治州',
  '昌吉回族自治州',
  '博尔塔拉蒙古自治州',
  '巴音郭楞蒙古自治州',
  '克孜勒苏柯尔克孜自治州',
  '伊犁哈萨克自治州',
];
const ETHNIC_NAMES = ['朝鲜族', '土家族', '藏族', '彝族', '苗族', '布依族', '哈尼族', '壮族', '傣族', '白族', '傈僳族', '回族', '蒙古', '柯尔克孜', '哈萨克'];
/** 湘西州 -> 湘西土家族苗族自治州: the short form is the name before its first people, then 州. */
const SHORT_PREFECTURE = new Map<string, string>(
  AUTONOMOUS_PREFECTURES.map((full) => {
    const at = Math.min(...ETHNIC_NAMES.map((people) => full.indexOf(people)).filter((i) => i > 0));
    return [`${full.slice(0, at)}州`, full] as const;
  }),
);

function fullPlaceName(place: string): string {
  return SHORT_PREFECTURE.get(place) ?? place;
}

function isNationalBody(name: string): boolean {
  return NATIONAL_BODIES.some((body) => name.startsWith(body)) || /^全国(?!.*[省市县区州])/.test(name);
}

/** The place a body's name starts with, or 全国 for a national body. */
function placeOf(body: string): string | null {
  if (isNationalBody(body)) return '全国';
  return leadingPlace(body);
}

const PREAMBLE_PLACE =
  /([\u4e00-\u9fff]{2,14}?(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|县|区|旗))(?:全民科学素质|公民科学素质|科学素质|科普工作|科协)/;

/** `2024年，某某县全民科学素质工作要…`: a place named right before the subject in the first paragraphs. */
function preamblePlace(preamble: string[]): string | null {
  for (const line of preamble) {
    const m = PREAMBLE_PLACE.exec(line.slice(0, 300));
    if (!m) continue;
    // The lazy match may start inside the sentence: keep the part after the last function word.
    const place = m[1]!.split(/[，、。；：是的和在年我全]/).pop()!;
    if (place.length >= 2 && !/^[市县区州省]/.test(place)) return place;
  }
  return null;
}

function firstYear(preamble: string[]): number | null {
  for (const line of preamble) {
    const m = /(?<!\d)((?:19|20)\d{2})年(?!\s*[-—–－~～至])/.exec(line.slice(0, 200));
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * national: 全国; province: 省, 自治区, 特别行政区, 直辖市; city: 州, 盟, 地区, and 市 unless the text
 * addresses 乡镇 (a county-level city) or it sits in a chain under another 市 (上海市浦东新区: county).
 */
function levelOf(place: string | null, lines: string[]): PlanLevel | null {
  if (!place) return null;
  if (place === '全国') return 'national';
  if (MUNICIPALITIES.includes(place) || /(?:省|自治区|特别行政区)$/.test(place)) return 'province';
  if (/(?:县|旗|自治县|自治旗)$/.test(place) || (/区$/.test(place) && !/自治区$/.test(place))) return 'county';
  if (/(?:州|盟|地区)$/.test(place)) return 'city';
  const addressesTownships = lines.slice(0, 30).some((line) => /各(?:乡镇|镇|乡|街道)|乡镇[（(]街道[）)]|镇[（(]街道|镇街/.test(line));
  return addressesTownships ? 'county' : 'city';
}

interface Signature {
  body: string | null;
  date: string | null;
}

/**
 * The signature: a date line with the body named on the line above it (a `（…代章）` line between
 * them is skipped). The first date line of the cover note or the end of the document; a date line
 * that cannot be read gives a warning and no date.
 */
function findSignature(lines: string[], numbered: Line[], warnings: PlanWarning[]): Signature {
  for (const [i, line] of lines.entries()) {
    if (isDamagedDateLine(line)) {
      warnings.push({ code: 'DATE_UNREADABLE', message: `落款日期“${line}”无法识别，发文日期留空，请核对`, line: numbered[i]?.no });
      return { body: bodyAbove(lines, i), date: null };
    }
    const date = parseDateLine(line);
    if (date) return { body: bodyAbove(lines, i), date };
  }
  return { body: null, date: null };
}

function bodyAbove(lines: string[], dateAt: number): string | null {
  let at = dateAt - 1;
  if (at >= 0 && /代章[）)]$/.test(lines[at]!)) at--;
  const candidate = at >= 0 ? lines[at]! : null;
  return candidate && isBodyNameLine(candidate) ? candidate : null;
}

function findLetterhead(headerLines: string[]): string | null {
  for (const line of headerLines) {
    const letterhead = /^(.{2,40}?)文件$/.exec(line.replace(/\s+/g, ''));
    if (letterhead && isBodyNameLine(letterhead[1]!)) return letterhead[1]!;
  }
  return null;
}

/** The body addressed as `…领导小组各成员单位`, with the place when it leaves it out. */
function addressedIssuer(headerLines: string[], place: string | null): string | null {
  for (const line of headerLines) {
    const addressed = /([^，、：；（）\s]{2,40}?(?:领导小组|委员会))各成员单位/.exec(line.slice(0, 200));
    if (addressed) return withCity(addressed[1]!, place);
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

/** `2023年3月30日`, `2023-03-30`, `2023/3/30` -> `YYYY-MM-DD`. */
function parseLooseDate(text: string): string | null {
  const m = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  if (!m) return parseDateLine(text);
  const [month, day] = [Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DOCUMENT_NUMBER = /([\u4e00-\u9fff]{1,15}?)\s?[〔[【（(〖［„“"]\s?((?:19|20)\d{2})\s?[〕\]】）)〗］‟”"]\s?第?\s?(\d{1,4})\s?号/;

/**
 * The plan's own number: a header line that is a number (or a letterhead and a number), never one
 * cited inside a sentence of the cover note (`根据…（国发〔2021〕9号）`).
 */
function findDocumentNumber(headerLines: string[]): string | null {
  for (const line of headerLines) {
    if (line.length > 60 || /[，。；]/.test(line)) continue;
    const canonical = canonicalDocumentNumber(line);
    if (canonical) return canonical;
  }
  return null;
}

function canonicalDocumentNumber(text: string): string | null {
  const m = DOCUMENT_NUMBER.exec(text);
  return m ? `${m[1]!}〔${m[2]!}〕${m[3]!}号` : null;
}

// ---------------------------------------------------------------------------------------- body

type MarkStyle = HeadingStyle | 'arabic';

/** Styles that head a block of text rather than number its points: `一是…` right under one opens a paragraph. */
const HEADING_LIKE: ReadonlySet<MarkStyle> = new Set(['part', 'chinese', 'chineseParen', 'chineseIs']);

/**
 * The document's own numbering scheme: marker kinds ranked by where they first appear, never by a
 * fixed convention (a county plan may put 1. under （一）, another （一） under 1.). A kind seen for
 * the first time nests under the item open at that moment, so it ranks right below that item's
 * kind (and above kinds seen earlier deeper down, which keep their order among themselves).
 */
class Scheme {
  private readonly order: MarkStyle[] = [];

  /** The rank of a style already seen, else -1. */
  rankOf(style: MarkStyle): number {
    return this.order.indexOf(style);
  }

  /** Ranks a style on its first appearance, under the open item's style (or last, at the top). */
  place(style: MarkStyle, under: MarkStyle | undefined): void {
    if (this.order.includes(style)) return;
    const at = under === undefined ? this.order.length : this.order.indexOf(under) + 1;
    this.order.splice(at, 0, style);
  }
}

interface Item {
  style: MarkStyle;
  /** The style's rank in the document's scheme (final once the whole body is read). */
  rank: number;
  ordinal: string;
  value: number;
  rest: string;
  line: Line;
  parent: Item | null;
  children: Item[];
  /** Plain lines right under the item, before its first child. */
  own: string[];
  /** Every line after the marker line up to the next item of the same or a higher rank, as written. */
  all: string[];
  /** Units from the heading's bracket or labelled lines. */
  units: ParsedUnit[];
  /** Labelled lines that came after the item's first child (a task's own `责任单位：`). */
  trailingUnits: ParsedUnit[];
}

interface Body {
  sections: PlanSectionNode[];
  tasks: SegmentedTask[];
}

/**
 * The outline. Every numbered line opens an item of its style; items nest by the rank of their
 * style in the document's own scheme (see Scheme: 第一部分 > 一、 > （一） > 1. in one plan,
 * （一） > 1. or 一、 > 1. > （一） in others). The tasks are the items of the shallowest rank whose items
 * mostly carry sentences (a heading does not; `（四）实施…行动。` alone does not count as a
 * paragraph either, for its rank's items mostly have none); shallower items are sections, deeper
 * ones stay inside their task's text. Without such a rank, the paragraphs under the headings are
 * the tasks (with a warning). The body ends at the footer, the attachments or the contact line.
 */
function readBody(lines: Line[], warnings: PlanWarning[]): Body {
  const roots: Item[] = [];
  const stack: Item[] = [];
  const preambleUnits: ParsedUnit[] = [];
  const scheme = new Scheme();
  let seenItem = false;

  for (const [i, line] of lines.entries()) {
    const text = line.text;
    if (isFooterLine(text)) break;
    if (seenItem && /^附件\s*\d*\s*[:：]?$|^附件\s*\d*\s*[:：]?\s*\S{0,40}(?:表|清单|一览)$/.test(text)) break;
    if (isSignatureLine(lines, i)) {
      continue;
    }
    if (isUnitLabelLine(text)) {
      // Right under a heading (before any text or item): the section's units, inherited by its
      // tasks. After a task: that task's own units.
      const units = parseUnits(text.replace(/[。；]$/, '')) ?? [];
      const top = stack[stack.length - 1];
      if (!top) preambleUnits.push(...units);
      else if (top.children.length === 0 && top.own.length === 0 && !carriesSentences(top)) top.units.push(...units);
      else top.trailingUnits.push(...units);
      continue;
    }
    const mark = readMark(text, lines[i + 1]?.text, stack[stack.length - 1]?.style);
    if (mark) {
      seenItem = true;
      scheme.place(mark.style, stack[stack.length - 1]?.style);
      const rank = scheme.rankOf(mark.style);
      while (stack.length > 0 && scheme.rankOf(stack[stack.length - 1]!.style) >= rank) stack.pop();
      const parent = stack[stack.length - 1] ?? null;
      const item: Item = { ...mark, rank, line, parent, children: [], own: [], all: [], units: [], trailingUnits: [] };
      for (const open of stack) open.all.push(text);
      (parent ? parent.children : roots).push(item);
      stack.push(item);
      continue;
    }
    const top = stack[stack.length - 1];
    if (!top) continue; // the preamble
    if (top.children.length === 0) top.own.push(text);
    for (const open of stack) open.all.push(text);
  }

  const all = flatten(roots);
  // A kind placed later may have moved the ranks of kinds below it: every item takes its final rank.
  for (const item of all) item.rank = scheme.rankOf(item.style);
  const taskRank = chooseTaskRank(all);
  if (taskRank === null) return paragraphTasks(roots, all, warnings);

  const tasks: SegmentedTask[] = [];
  const sections = buildSections(roots, taskRank, [], [], tasks);
  return {
    sections,
    tasks: numberTasks(
      tasks,
      all.filter((item) => item.rank === taskRank),
    ),
  };
}

function flatten(items: Item[]): Item[] {
  const out: Item[] = [];
  const visit = (item: Item) => {
    out.push(item);
    item.children.forEach(visit);
  };
  items.forEach(visit);
  return out;
}

interface Mark {
  style: MarkStyle;
  ordinal: string;
  value: number;
  rest: string;
}

/**
 * A numbered line, as an item of the outline. `一是…` is one when it reads like a heading and items
 * follow it, or when it opens a paragraph right under a heading (德清: 一、 then 一是…。二是…。); inside
 * a numbered task (or before any heading) it is running text.
 */
function readMark(text: string, next: string | undefined, openStyle: MarkStyle | undefined): Mark | null {
  const task = matchTaskNumber(text);
  if (task) return { style: 'arabic', ordinal: String(task.number), value: task.number, rest: task.rest };
  const heading = matchHeading(text);
  if (!heading) return null;
  if (heading.style === 'chineseIs') {
    const itemsFollow = next !== undefined && (matchTaskNumber(next) !== null || isStructural(next));
    const underHeading = openStyle !== undefined && HEADING_LIKE.has(openStyle);
    if (!(isEnumerationHeading(heading) && itemsFollow) && !underHeading) return null;
  }
  return { style: heading.style, ordinal: heading.ordinal, value: ordinalValue(heading), rest: heading.rest };
}

function ordinalValue(heading: HeadingMark): number {
  if (heading.style === 'circled') return circledValue(heading.ordinal);
  const digits = /[0-9〇零一二三四五六七八九十百]+/.exec(heading.ordinal.replace(/^第/, ''))?.[0] ?? '';
  return chineseNumeralValue(digits) ?? 0;
}

/** Signature lines (a date, the body above it, a 代章 line): never task text. */
function isSignatureLine(lines: Line[], i: number): boolean {
  const text = lines[i]!.text;
  if (parseDateLine(text) !== null || isDamagedDateLine(text)) return true;
  if (/^[（(][^（）()]{2,30}代章[）)]$/.test(text)) return true;
  const next = lines[i + 1]?.text;
  const afterNext = lines[i + 2]?.text;
  if (!isBodyNameLine(text)) return false;
  if (next !== undefined && parseDateLine(next) !== null) return true;
  return next !== undefined && /代章[）)]$/.test(next) && afterNext !== undefined && parseDateLine(afterNext) !== null;
}

/**
 * Whether an item reads as a paragraph: its own line holds a sentence and more; or, when no items
 * sit under it, its line ends a sentence or text follows it. `（四）实施…行动。` over its own
 * items is a heading with a full stop, not a paragraph.
 */
function carriesSentences(item: Item): boolean {
  const rest = withoutTrailingBracket(item.rest);
  if (/[。；！？][^。；！？）”]/.test(rest)) return true;
  if (item.children.length > 0) return false;
  if (/[。；！？]$/.test(rest)) return true;
  // A heading over several paragraphs (锡林郭勒: 一、青少年… then paragraphs) is a heading; one
  // paragraph after a short line is that item's text (`1.加强组织领导` / `各地要…`).
  return item.own.length === 1 || (item.own.length > 1 && /[，。；]/.test(rest));
}

const MOSTLY = 0.5;

function chooseTaskRank(items: Item[]): number | null {
  const ranks = [...new Set(items.map((item) => item.rank))].sort((a, b) => a - b);
  const atRank = (rank: number) => items.filter((item) => item.rank === rank);
  const candidates = ranks.filter((rank) => atRank(rank).filter(carriesSentences).length / atRank(rank).length >= MOSTLY);
  const deepest = candidates[candidates.length - 1];
  if (deepest !== undefined) {
    // Sub-points of some tasks (`1.…。` over `（1）…。（2）…。`): the deepest paragraphs hang under
    // at most half of the items above them, and those items end sentences themselves.
    const parentRank = mostCommon(atRank(deepest).map((item) => item.parent?.rank));
    if (parentRank === undefined) return deepest;
    const parents = atRank(parentRank);
    const withSubPoints = parents.filter((parent) => parent.children.some((child) => child.rank === deepest)).length;
    const sentenceLike = parents.filter((parent) => /[。；！？]$/.test(withoutTrailingBracket(parent.rest)) || carriesSentences(parent)).length;
    return withSubPoints <= parents.length / 2 && sentenceLike >= parents.length / 2 ? parentRank : deepest;
  }
  // No rank reads as paragraphs: （一） items are the tasks, else the paragraphs under the headings.
  const paren = items.filter((item) => item.style === 'chineseParen');
  if (paren.length > 0 && paren.every((item) => item.children.length === 0)) return paren[0]!.rank;
  const last = ranks[ranks.length - 1];
  if (last !== undefined && !HEADING_LIKE.has(atRank(last)[0]!.style)) return last;
  return null;
}

function mostCommon(values: (number | undefined)[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: number | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

function buildSections(items: Item[], taskRank: number, path: string[], inherited: ParsedUnit[], tasks: SegmentedTask[]): PlanSectionNode[] {
  const nodes: PlanSectionNode[] = [];
  for (const item of items) {
    if (item.rank > taskRank) continue; // a sub-item outside any task: section text
    if (item.rank === taskRank) {
      tasks.push({
        number: item.value,
        text: [item.rest, ...item.all].join('\n'),
        sectionPath: path,
        units: item.trailingUnits.length > 0 || item.units.length > 0 ? [...item.units, ...item.trailingUnits] : undefined,
        // A section's units (its heading bracket, a labelled line under it) go to every task, beside the task's own.
        inheritedUnits: inherited.length > 0 ? inherited : undefined,
        line: item.line.no,
      });
      continue;
    }
    const { title, units } = headingParts(item.rest);
    const ownUnits = [...units, ...item.units].map((unit) => ({ ...unit, inherited: true }));
    const label = sectionLabel(item, title);
    const node: PlanSectionNode = { ordinal: item.ordinal, level: path.length + 1, title, sections: [] };
    node.sections = buildSections(item.children, taskRank, [...path, label], ownUnits.length > 0 ? ownUnits : inherited, tasks);
    // Labelled lines after a section's tasks (`责任单位：…` closing the section) belong to all its tasks.
    if (item.trailingUnits.length > 0 && item.children.every((child) => child.rank === taskRank)) {
      for (const task of tasks.slice(-item.children.length)) task.inheritedUnits ??= item.trailingUnits.map((unit) => ({ ...unit, inherited: true }));
    }
    nodes.push(node);
  }
  return nodes;
}

/** `（一）实施…（牵头单位：市科技局）` -> the title and the heading's units. */
function headingParts(rest: string): { title: string; units: ParsedUnit[] } {
  const bracket = /[（(]([^（）()]{2,120})[）)]。?$/.exec(rest);
  const units = bracket ? parseUnits(bracket[1]!, true) : null;
  const text = units ? rest.slice(0, bracket!.index) : rest;
  return { title: headingTitle(text), units: units ?? [] };
}

function withoutTrailingBracket(rest: string): string {
  const bracket = /[（(][^（）()]{2,200}[）)]。?$/.exec(rest);
  return bracket && parseUnits(bracket[0].replace(/^[（(]|[）)]。?$/g, '')) ? rest.slice(0, bracket.index) : rest;
}

/** The heading's lead sentence, without its final 。 (`（四）实施…行动。` is still a heading). */
function headingTitle(rest: string): string {
  return (/^[^。]*/.exec(rest)?.[0] ?? rest).trim();
}

function sectionLabel(item: Item, title: string): string {
  if (item.style === 'chinese') return `${item.ordinal}、${title}`;
  if (item.style === 'part') return `${item.ordinal} ${title}`;
  if (item.style === 'arabic') return `${item.ordinal}.${title}`;
  return `${item.ordinal}${title}`;
}

/**
 * Headings followed by unnumbered paragraphs: each paragraph under the deepest heading is a task,
 * numbered in document order, with a warning.
 */
function paragraphTasks(roots: Item[], all: Item[], warnings: PlanWarning[]): Body {
  const tasks: SegmentedTask[] = [];
  const build = (items: Item[], path: string[], inherited: ParsedUnit[]): PlanSectionNode[] =>
    items.map((item) => {
      const { title, units } = headingParts(item.rest);
      const ownUnits = [...units, ...item.units].map((unit) => ({ ...unit, inherited: true }));
      const label = sectionLabel(item, title);
      const unitsHere = ownUnits.length > 0 ? ownUnits : inherited;
      for (const paragraph of item.own) {
        tasks.push({
          number: tasks.length + 1,
          text: paragraph,
          sectionPath: [...path, label],
          inheritedUnits: unitsHere.length > 0 ? unitsHere : undefined,
          line: item.line.no,
        });
      }
      return { ordinal: item.ordinal, level: path.length + 1, title, sections: build(item.children, [...path, label], unitsHere) };
    });
  const sections = build(roots, [], []);
  if (tasks.length > 0) {
    warnings.push({ code: 'TASKS_FROM_PARAGRAPHS', message: `正文的任务没有编号，已把各标题下的${tasks.length}个段落当作任务，请核对`, line: all[0]?.line.no });
  }
  return { sections, tasks };
}

/**
 * Written numbers when they increase through the document, or when they restart in each section
 * (sectionPath keeps such tasks apart); otherwise 1..N in document order.
 */
function numberTasks(tasks: SegmentedTask[], items: Item[]): SegmentedTask[] {
  const increasing = tasks.every((task, i) => i === 0 || task.number > tasks[i - 1]!.number);
  let restarting = false;
  if (!increasing) {
    restarting = items.every((item, i) => {
      const previous = items[i - 1];
      if (!previous || previous.parent !== item.parent) return item.value === 1;
      return item.value === previous.value + 1;
    });
  }
  const last = tasks.length - 1;
  return tasks.map((task, i) => ({ ...task, number: increasing || restarting ? task.number : i + 1, isLast: i === last }));
}
