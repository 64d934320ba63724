// Owns: removing what is not the document from raw plan text, line by line, before normalisation:
// web chrome and metadata rows (keeping the fields they carry), page numbers, running headers,
// watermark and advertising lines, tables of contents, pinyin glosses, spaced-out PDF characters,
// 〇 written as ○; and splitting a document that arrived as one line before each numbered item.
// Does not own: punctuation and paragraph joining (normalise.ts) or what a kept line means (segment.ts).
// Every pattern here is anchored or bounded: the whole pass is linear in the length of the text.
import { isUnitLabelLine } from './lines';
import { PLAN_KINDS } from './vocabulary';

/** Fields a web page's metadata rows give about the document (成文日期 is the signature date; 发布日期 is not). */
export interface PageMetadata {
  title?: string;
  issuer?: string;
  /** 成文日期 as written. */
  signedOn?: string;
  documentNumber?: string;
}

export interface CleanedText {
  text: string;
  metadata: PageMetadata;
}

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const ARTIFACT = /\[(?:bookmark|image|picture|footnote|endnote)[^\]\n]{0,200}\]/gi;

/** Labels of web-page chrome and metadata rows, with what each field feeds. */
const METADATA_FIELDS: Record<string, keyof PageMetadata | null> = {
  标题: 'title',
  名称: 'title',
  文件名称: 'title',
  发文机关: 'issuer',
  发布机构: null,
  发文单位: 'issuer',
  成文日期: 'signedOn',
  成文时间: 'signedOn',
  发文字号: 'documentNumber',
  文号: 'documentNumber',
  发布日期: null,
  发布时间: null,
  发文日期: null,
  日期: null,
  时间: null,
  来源: null,
  信息来源: null,
  作者: null,
  浏览次数: null,
  点击数: null,
  阅读次数: null,
  访问量: null,
  字号: null,
  索引号: null,
  主题分类: null,
  公文种类: null,
  主题词: null,
  有效性: null,
  体裁分类: null,
  组配分类: null,
  服务对象: null,
  责任编辑: null,
  编辑: null,
};
const CHROME_LABEL = new RegExp(`^(?:\\d{1,2}[.、．]\\s*)?[\\[【]?(${Object.keys(METADATA_FIELDS).join('|')})[\\]】]?\\s*[:：]?\\s*(.*)$`);
const CHROME_WORDS =
  /(?:本文来源|转载请注明|当前位置|您现在的位置|您的位置|首页\s*[>＞»›]|【打印】|【关闭】|【字体|打印本页|关闭窗口|分享到|扫一扫|微信扫|二维码|收藏本页|返回顶部|上一篇|下一篇|网站地图|版权所有|ICP备|技术支持|联系我们|主办单位：|承办单位：.*网)/;
const WATERMARK = /(?:https?:\/\/|www\.|\.com\b|\.cn\b|关注公众号|下载APP|内部资料|仅供参考|仅供学习|水印|广告)/i;
const PAGE_NUMBER =
  /^(?:[-—–－_~～·•\s]*\d{1,4}[-—–－_~～·•\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|[-—–－]\s*[〇一二三四五六七八九十]{1,3}\s*[-—–－])$/;
const TOC_HEAD = /^目\s*录$/;
/** A contents line: a heading, dot leaders, a page number. */
const TOC_LEADER = /(?:[.…·．]{3,}|…{2,}|—{3,})\s*\d{1,4}$/;

/**
 * Drops chrome, page numbers, running headers, contents and watermark lines; fixes characters PDF
 * extraction breaks; splits a one-line document. Metadata rows give their fields.
 */
export function cleanPlanText(raw: string): CleanedText {
  const metadata: PageMetadata = {};
  let lines = raw
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ARTIFACT, '')
    .split('\n')
    .map(repairCharacters);
  // Before despacing: a spaced-out watermark inside a sentence is found by its spaces.
  lines = dropInjectedWatermarks(lines).map(despace);

  lines = dropPageBreaks(lines, metadata);
  lines = dropRunningHeaders(lines);
  lines = dropTableOfContents(lines);
  // A document of one to three lines is a run-on text: its long line is cut. In a document of
  // many lines only a very long line is, so a paragraph that lists 1. 2. 3. in passing stays whole.
  const runOnMin = lines.filter((line) => line.trim() !== '').length <= 3 ? RUN_ON_SHORT_DOCUMENT : RUN_ON_MIN;
  lines = lines.flatMap((line) => splitRunOnLine(line, runOnMin));
  return { text: lines.join('\n'), metadata };
}

/** Character-level repairs on one line (despace comes after the watermarks are out). */
function repairCharacters(line: string): string {
  let out = line.replace(/[\u3000\u00a0\t\f\v]/g, ' ');
  // 二○二三年: ○ (a circle) beside a Chinese numeral is the numeral 〇.
  out = out.replace(/(?<=[〇零一二三四五六七八九十])[○◯Ｏ]|[○◯Ｏ](?=[〇零一二三四五六七八九十年])/g, '〇');
  // Pinyin glosses after rare characters: 贲(bēn), 亳（bó）.
  // eslint-disable-next-line no-misleading-character-class -- the tone marks (U+0300-036F) are matched alone on purpose
  out = out.replace(/(?<=\p{Script=Han})[（(]([a-z\u00e0-\u00fc\u0100-\u01dc\u0300-\u036f ]{1,12})[）)]/gu, (whole, inner: string) =>
    // eslint-disable-next-line no-misleading-character-class -- as above
    /[\u00e0-\u00fc\u0101\u00e1\u01ce\u00e0\u0113\u00e9\u011b\u00e8\u012b\u00ed\u01d0\u00ec\u014d\u00f3\u01d2\u00f2\u016b\u00fa\u01d4\u00f9\u01d6\u01d8\u01da\u01dc\u0300-\u036f]/.test(
      inner,
    )
      ? ''
      : whole,
  );
  return out;
}

/**
 * `2 0 2 3 年 某 某 市 …`: PDF extraction put a space after every character. When most of a
 * line's space-separated pieces are single characters, the spaces go (Latin words keep theirs).
 */
function despace(line: string): string {
  const trimmed = line.trim();
  if (trimmed.length < 7 || !trimmed.includes(' ')) return line;
  const pieces = trimmed.split(/ +/);
  if (pieces.length < 4) return line;
  const single = pieces.filter((piece) => [...piece].length === 1).length;
  if (single / pieces.length < 0.7) return line;
  let out = pieces[0]!;
  for (let i = 1; i < pieces.length; i++) {
    const latinPair = /[A-Za-z]$/.test(pieces[i - 1]!) && /^[A-Za-z]/.test(pieces[i]!) && (pieces[i - 1]!.length > 1 || pieces[i]!.length > 1);
    out += latinPair ? ` ${pieces[i]}` : pieces[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------- watermarks

/** How often a string must come back (at least twice set apart) before it counts as a watermark. */
const WATERMARK_MIN_REPEATS = 3;
const WATERMARK_MAX_KEYS = 16;

/** One character (a surrogate pair counts as one). */
const isSingle = (token: string) => token.length === 1 || (token.length === 2 && token.codePointAt(0)! > 0xffff);
const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

/**
 * The pieces of a line that PDF extraction set apart with spaces: each space-separated token, and a
 * run of three or more single characters (`仅 供 参 考`) as one. Chinese prose has no spaces, so
 * such a piece is either the line itself or something laid over it.
 */
function islandsOf(line: string): string[] {
  const tokens = line.trim().split(/ +/);
  if (tokens.length === 1) return tokens;
  const groups: string[] = [];
  for (let i = 0; i < tokens.length;) {
    let j = i;
    while (j < tokens.length && isSingle(tokens[j]!)) j++;
    if (j - i >= 3) {
      groups.push(tokens.slice(i, j).join(''));
      i = j;
    } else {
      groups.push(tokens[i]!);
      i += 1;
    }
  }
  return groups;
}

/** Could this piece be a watermark at all: a short run of words, no sentence or bracket marks, a bare Latin word only if it is an address. */
function watermarkShaped(key: string): boolean {
  if (key.length < 4 || key.length > 40) return false;
  if (/[，。；！？、：（）《》“”【】〔〕,;!?()]/.test(key)) return false;
  if ((key.match(/\p{L}/gu) ?? []).length < 2) return false;
  return !/^[\x21-\x7e]+$/.test(key) || /[./]/.test(key);
}

/**
 * Watermark or site text that PDF extraction laid into the sentences (`推动科技馆与中小学 内部资料
 * 注意保存 开展馆校合作`): a piece set apart by spaces that comes back at least three times, cuts a
 * sentence at least once, and is not the document's own wording: it occurs set apart at least
 * twice and at least half the times it occurs at all. Every occurrence goes, spaced out or not; a whole-line occurrence
 * that reads as the plan's title (a running header) stays the first time. Nothing about any
 * particular watermark is known here. Linear: one pass to count, one bounded pattern to remove.
 */
function dropInjectedWatermarks(lines: string[]): string[] {
  const stats = new Map<string, { apart: number; interrupts: boolean }>();
  for (const line of lines) {
    if (!line.includes(' ') || isUnitLabelLine(line.trim())) continue;
    const islands = islandsOf(line);
    if (islands.length === 1) continue; // a whole line: left to the line filters
    islands.forEach((island, i) => {
      if (!watermarkShaped(island)) return;
      const entry = stats.get(island) ?? { apart: 0, interrupts: false };
      entry.apart += 1;
      // Set inside running text: a letter or digit right before it and right after it.
      entry.interrupts ||= i > 0 && i < islands.length - 1 && WORD_END.test(islands[i - 1]!) && WORD_START.test(islands[i + 1]!);
      stats.set(island, entry);
    });
  }
  const candidates = [...stats]
    .filter(([, entry]) => entry.apart >= 2 && entry.interrupts)
    .sort((a, b) => b[1].apart - a[1].apart)
    .slice(0, WATERMARK_MAX_KEYS);
  if (candidates.length === 0) return lines;
  // Counted again in the text without spaces: also glued to a word, or spaced out together with another watermark.
  const flat = lines.join('').replace(/\s+/g, '');
  const keys = candidates
    .filter(([key, entry]) => {
      const all = occurrences(flat, key);
      return all >= WATERMARK_MIN_REPEATS && all <= 2 * entry.apart;
    })
    .map(([key]) => key);
  if (keys.length === 0) return lines;
  // Longest first, so a key inside another does not cut it; a spaced-out copy matches too.
  const pattern = new RegExp(
    [...keys]
      .sort((a, b) => b.length - a.length)
      .map((key) => [...key].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(' {0,3}'))
      .join('|'),
    'g',
  );
  const keptTitle = new Set<string>();
  const out: string[] = [];
  for (const line of lines) {
    const bare = line.replace(/ /g, '');
    const whole = keys.find((key) => bare === key);
    if (whole !== undefined) {
      if (PLAN_KINDS.some((kind) => whole.endsWith(kind)) && !keptTitle.has(whole)) {
        keptTitle.add(whole);
        out.push(line);
      }
      continue;
    }
    out.push(removeMatches(line, pattern));
  }
  return out;
}

function occurrences(text: string, key: string): number {
  let found = 0;
  for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + key.length)) found += 1;
  return found;
}

/** The line without the matches and the spaces around them; Latin words on both sides keep one space. */
function removeMatches(line: string, pattern: RegExp): string {
  const parts: string[] = [];
  let at = 0;
  let before = '';
  for (const m of line.matchAll(pattern)) {
    // Each piece is trimmed once, on its own: trimming the text built so far would be quadratic.
    const piece = line.slice(at, m.index).trimEnd();
    parts.push(piece);
    if (piece !== '') before = piece[piece.length - 1]!;
    at = m.index + m[0].length;
    while (line[at] === ' ') at++;
    if (/[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(line[at] ?? '')) parts.push(' ');
  }
  if (at === 0) return line;
  parts.push(line.slice(at));
  return parts.join('');
}

function isChromeLine(line: string, metadata: PageMetadata): boolean {
  const text = line.trim();
  if (text === '') return false;
  if (PAGE_NUMBER.test(text)) return true;
  if (text.length > 200) return false;
  // `|`-separated metadata table rows: each cell may carry a field.
  if ((text.match(/[|｜]/g) ?? []).length >= 2) {
    const cells = text.split(/[|｜]/).map((cell) => cell.trim());
    cells.forEach((cell, i) => {
      // `文号 | 某某〔2024〕1号`: a bare label cell names the next cell.
      if (cell in METADATA_FIELDS && cells[i + 1] !== undefined) readMetadataField(`${cell}：${cells[i + 1]}`, metadata);
      else readMetadataField(cell, metadata);
    });
    return true;
  }
  if (readMetadataField(text, metadata)) return true;
  if (text.length <= 80 && CHROME_WORDS.test(text)) return true;
  // A line with a sentence in it is text with a watermark laid over it (dropInjectedWatermarks), not a watermark line.
  if (text.length <= 60 && WATERMARK.test(text) && !/[。；]/.test(text)) return true;
  // Breadcrumbs: 首页 > 政务公开 > 通知公告.
  if (text.length <= 80 && (text.match(/[>＞»›]/g) ?? []).length >= 2 && !/[。；]/.test(text)) return true;
  return false;
}

/** `发布时间：2023-04-01  来源：某某网`: a chrome row; returns whether the line is one. */
function readMetadataField(text: string, metadata: PageMetadata): boolean {
  const m = CHROME_LABEL.exec(text);
  if (!m) return false;
  const label = m[1]!;
  const value = m[2]!.trim();
  // A bare word such as 时间 or 来源 only counts as a label when a colon or bracket marks it.
  if (!/^(?:\d{1,2}[.、．]\s*)?[[【]|[:：]/.test(text.slice(0, text.indexOf(label) + label.length + 2))) return false;
  if (value.length > 120) return false;
  const field = METADATA_FIELDS[label];
  // Several fields may share a row: 发布时间：… 来源：… keeps only the first value's text up to the next label.
  const own = value.split(/\s{2,}|\s(?=[\u4e00-\u9fff]{2,4}[:：])/)[0]!.trim();
  if (field && own && metadata[field] === undefined) metadata[field] = own;
  return true;
}

/**
 * Chrome lines go. A page number also takes the running header printed right after it when that
 * line repeats an earlier one (a header seen on only two pages is still a header there).
 */
function dropPageBreaks(lines: string[], metadata: PageMetadata): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  let afterPageNumber = false;
  for (const line of lines) {
    const text = line.trim();
    if (isChromeLine(line, metadata)) {
      afterPageNumber = PAGE_NUMBER.test(text) || afterPageNumber;
      continue;
    }
    if (text === '') {
      out.push(line);
      continue;
    }
    const repeatedHeader = afterPageNumber && text.length <= 40 && seen.has(text.replace(/\s+/g, ''));
    afterPageNumber = false;
    seen.add(text.replace(/\s+/g, ''));
    if (!repeatedHeader) out.push(line);
  }
  return out;
}

/**
 * A short line repeated on three or more pages is a running header or footer: the first
 * occurrence stays (it may be the title), the repeats go. Numbers inside are ignored (`第3页`).
 */
function dropRunningHeaders(lines: string[]): string[] {
  const keyOf = (line: string) => {
    const text = line.trim();
    if (text.length < 4 || text.length > 40 || /[。；：:]/.test(text)) return null;
    return text.replace(/\d+/g, '#').replace(/\s+/g, '');
  };
  const counts = new Map<string, number>();
  for (const line of lines) {
    const key = keyOf(line);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const seen = new Set<string>();
  return lines.filter((line) => {
    const key = keyOf(line);
    if (key === null || (counts.get(key) ?? 0) < 3) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * 目录 and the lines after it that list headings (with dot leaders and page numbers, or repeated
 * verbatim later in the body). Lines with dot leaders and a page number go wherever they are.
 */
function dropTableOfContents(lines: string[]): string[] {
  const trimmed = lines.map((line) => line.trim().replace(/\s+/g, ''));
  const later = new Map<string, number>();
  trimmed.forEach((line, i) => later.set(line, i));
  const out: string[] = [];
  let inContents = false;
  for (let i = 0; i < lines.length; i++) {
    const line = trimmed[i]!;
    if (TOC_HEAD.test(line)) {
      inContents = true;
      continue;
    }
    if (TOC_LEADER.test(line)) continue;
    if (inContents) {
      if (line === '') continue;
      const heading = line.replace(/\s*\d{1,4}$/, '');
      if ((later.get(heading) ?? -1) > i || (later.get(line) ?? -1) > i) continue;
      inContents = false;
    }
    out.push(lines[i]!);
  }
  return out;
}

const RUN_ON_MIN = 1500;
const RUN_ON_SHORT_DOCUMENT = 150;
const CN_NUMERALS = '一二三四五六七八九十';

/**
 * A very long line that holds a whole document: cut before each marker that continues an
 * ascending sequence (一、 二、 …; （一） （二） …; 1. 2. …; （1） （2） …; 第一部分 …). A marker
 * must be the next number of its sequence (or a 1 that restarts it under a higher marker), so
 * 2025年, 1.5万 and a stray `3.` inside a sentence stay put. A plan title before the first
 * marker is cut off too.
 */
export function splitRunOnLine(line: string, minLength = RUN_ON_MIN): string[] {
  if (line.length < minLength) return [line];
  const cuts = ascendingMarkerCuts(line);
  if (cuts.length < 3) return [line];
  const pieces: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    if (cut > start) pieces.push(line.slice(start, cut));
    start = cut;
  }
  const last = line.slice(start);
  // The signature closing the run: `…（县科协）某某县全民科学素质工作领导小组 2025年3月10日`.
  const signature = /(?<=[。）)])\s*([\u4e00-\u9fff]{4,40}?(?:领导小组|委员会|协会|科协|办公室|人民政府))\s*((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*$/.exec(
    last,
  );
  if (signature) pieces.push(last.slice(0, signature.index), signature[1]!, signature[2]!);
  else pieces.push(last);
  const head = pieces[0]!;
  const titleEnd = /^(.{4,80}?(?:工作要点|工作计划|工作安排|工作方案|实施方案|任务分工方案|行动方案)(?:[（(]\d{4}\s*[-—–－~～至]+\s*\d{4}年?[）)])?)/.exec(
    head.trim(),
  );
  if (titleEnd && head.trim().length > titleEnd[1]!.length) {
    pieces.splice(0, 1, titleEnd[1]!, head.trim().slice(titleEnd[1]!.length));
  }
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '');
}

type MarkerKind = 'part' | 'cn' | 'cnParen' | 'arabic' | 'arabicParen';

function ascendingMarkerCuts(line: string): number[] {
  const next: Record<MarkerKind, number> = { part: 1, cn: 1, cnParen: 1, arabic: 1, arabicParen: 1 };
  const mayRestart: Record<MarkerKind, boolean> = { part: false, cn: false, cnParen: false, arabic: false, arabicParen: false };
  const order: MarkerKind[] = [];
  const cuts: number[] = [];
  const pattern =
    /第([一二三四五六七八九十]{1,3})部分|([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[）)]|(?<![\d.．])(\d{1,2})[.．、](?![\d.．%])|[（(](\d{1,2})[）)]/g;
  for (const m of line.matchAll(pattern)) {
    const kind: MarkerKind = m[1] ? 'part' : m[2] ? 'cn' : m[3] ? 'cnParen' : m[4] ? 'arabic' : 'arabicParen';
    const value = Number(m[4] ?? m[5] ?? cnValue(m[1] ?? m[2] ?? m[3] ?? ''));
    // 十一、 is not 一、: a Chinese numeral marker must start its numeral.
    if (kind === 'cn' && m.index > 0 && CN_NUMERALS.includes(line[m.index - 1]!)) continue;
    // The next number of its sequence, or a 1 that restarts it after a higher marker.
    if (value !== next[kind] && !(value === 1 && mayRestart[kind])) continue;
    next[kind] = value + 1;
    mayRestart[kind] = false;
    if (!order.includes(kind)) order.push(kind);
    for (const deeper of order.slice(order.indexOf(kind) + 1)) mayRestart[deeper] = true;
    if (m.index > 0) cuts.push(m.index);
  }
  return cuts;
}

function cnValue(text: string): number {
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (!text.includes('十')) return digits[text] ?? 0;
  const [tens, ones] = text.split('十') as [string, string];
  return (tens === '' ? 1 : (digits[tens] ?? 0)) * 10 + (ones === '' ? 0 : (digits[ones] ?? 0));
}
