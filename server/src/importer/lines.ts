// Owns: recognising the shape of one line of a plan: heading marks, task numbers, date lines, body names.
// Does not own: how lines group into sections and tasks (segment.ts) or how they are cleaned (normalise.ts).
import { BODY_SUFFIXES } from './vocabulary';

const CN_NUMERAL = '〇零一二三四五六七八九十百';
const CN = `[${CN_NUMERAL}]+`;

/**
 * Heading styles, in their most common order: 第一部分 > 一、 > （一） > 一是 > （1）. No order is
 * assumed: segment.ts ranks the styles (and `1.` tasks) by where they first appear in each document.
 */
export const HEADING_STYLES = ['part', 'chinese', 'chineseParen', 'chineseIs', 'arabicParen', 'circled'] as const;
export type HeadingStyle = (typeof HEADING_STYLES)[number];

export interface HeadingMark {
  style: HeadingStyle;
  /** The ordinal in the document's canonical form: `一`, `（一）`, `第一部分`, `一是`, `（1）`. */
  ordinal: string;
  /** The text after the mark. */
  rest: string;
}

export interface TaskMark {
  number: number;
  rest: string;
}

const HEADING_PATTERNS: { style: HeadingStyle; pattern: RegExp; ordinal: (m: RegExpExecArray) => string }[] = [
  { style: 'part', pattern: new RegExp(`^(第(?:${CN}|\\d+)(?:部分|章|篇))[\\s、：:．.]*(.+)$`), ordinal: (m) => m[1]! },
  { style: 'chinese', pattern: new RegExp(`^(${CN})\\s*[、．.]\\s*(.+)$`), ordinal: (m) => m[1]! },
  { style: 'chineseParen', pattern: new RegExp(`^[（(](${CN})[）)]\\s*[、．.]?\\s*(.+)$`), ordinal: (m) => `（${m[1]!}）` },
  { style: 'chineseIs', pattern: new RegExp(`^(${CN}是)[，,：:]?\\s*(.+)$`), ordinal: (m) => m[1]! },
  { style: 'arabicParen', pattern: /^[（(](\d{1,3})[）)]\s*[、．.]?\s*(.+)$/, ordinal: (m) => `（${m[1]!}）` },
  { style: 'circled', pattern: /^([\u2460-\u2473])\s*[、．.]?\s*(.+)$/, ordinal: (m) => m[1]! },
  // A bare numeral and a space before a short heading with no sentence mark: `一 总体要求`.
  { style: 'chinese', pattern: new RegExp(`^(${CN}) +([^，。；：、]{2,40})$`), ordinal: (m) => m[1]! },
];

/** ① -> 1. */
export function circledValue(ordinal: string): number {
  return ordinal.charCodeAt(0) - 0x2460 + 1;
}

export function matchHeading(line: string): HeadingMark | null {
  for (const { style, pattern, ordinal } of HEADING_PATTERNS) {
    const m = pattern.exec(line);
    if (m) return { style, ordinal: ordinal(m), rest: m[m.length - 1]!.trim() };
  }
  return null;
}

/** `一是…` opens a sub-heading only when it reads like one: short and without any punctuation. */
export function isEnumerationHeading(mark: HeadingMark): boolean {
  return mark.style === 'chineseIs' && mark.rest.length <= 40 && !/[。；，、！？：]/.test(mark.rest);
}

/** `1.` `1．` `1、` `16. ` — but not `1.5万` nor `2023年`. */
const TASK_PATTERN = /^(\d{1,3})\s*[.．、](?![\d.．])\s*(.*)$/;

export function matchTaskNumber(line: string): TaskMark | null {
  const m = TASK_PATTERN.exec(line);
  return m ? { number: Number(m[1]), rest: m[2]!.trim() } : null;
}

/** `（一）` as a numbered task: used when a plan numbers its tasks `（1）` instead of `1.`. */
export function matchParenTaskNumber(line: string): TaskMark | null {
  const m = /^[（(](\d{1,3})[）)]\s*[、．.]?\s*(.+)$/.exec(line);
  return m ? { number: Number(m[1]), rest: m[2]!.trim() } : null;
}

/** A line that opens a new numbered item or heading: never the continuation of the line before. */
export function startsNewItem(line: string): boolean {
  return (
    matchHeading(line) !== null ||
    matchTaskNumber(line) !== null ||
    isDateLine(line) ||
    isUnitLabelLine(line) ||
    /^(附件|抄送|抄报|主送|联系人)/.test(line) ||
    /^[（(][^（）()]{2,30}代章[）)]$/.test(line)
  );
}

/** `牵头单位：…`, `责任单位：…`, `总牵头部门：…`: a line that names units, not a paragraph. */
export const UNIT_LABEL =
  /^(总牵头单位|总牵头部门|牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|参与单位|协办单位|协同单位|主办单位|承办单位)[:：]\s*(.+)$/;

export function isUnitLabelLine(line: string): boolean {
  return UNIT_LABEL.test(line);
}

/** Lines that close the document body: distribution lists and the 印发 footer. */
export function isFooterLine(line: string): boolean {
  return /^(抄送|抄报|主送)[:：]/.test(line) || /印发$/.test(line) || /^[（(]?联系人[:：]/.test(line);
}

const CN_DIGIT_VALUE: Record<string, number> = { 〇: 0, 零: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `三十` -> 30, `十二` -> 12, `二〇二三` -> 2023 (digit by digit when there is no 十). */
export function chineseNumeralValue(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!new RegExp(`^[${CN_NUMERAL}O]+$`).test(text)) return null;
  if (!text.includes('十')) {
    let value = 0;
    for (const ch of text) {
      const digit = CN_DIGIT_VALUE[ch];
      if (digit === undefined) return null;
      value = value * 10 + digit;
    }
    return value;
  }
  const [tens, ones] = text.split('十') as [string, string];
  const tensValue = tens === '' ? 1 : CN_DIGIT_VALUE[tens];
  const onesValue = ones === '' ? 0 : CN_DIGIT_VALUE[ones];
  return tensValue === undefined || onesValue === undefined ? null : tensValue * 10 + onesValue;
}

const DATE_LINE = new RegExp(`^([\\d${CN_NUMERAL}O]{4})\\s*年\\s*([\\d${CN_NUMERAL}]{1,3})\\s*月\\s*([\\d${CN_NUMERAL}]{1,3})\\s*日$`);

/** A line that is only a date (`2023年3月30日`, `二〇二三年三月三十日`), as `YYYY-MM-DD`; else null. */
export function parseDateLine(line: string): string | null {
  const m = DATE_LINE.exec(line.replace(/\s+/g, ''));
  if (!m) return null;
  const [year, month, day] = [m[1]!, m[2]!, m[3]!].map(chineseNumeralValue);
  if (year == null || month == null || day == null || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isDateLine(line: string): boolean {
  return parseDateLine(line) !== null;
}

/** A short line that names one body (issuer, signature): no sentence punctuation, ends like a body name. */
export function isBodyNameLine(line: string): boolean {
  return line.length >= 3 && line.length <= 40 && !/[，。；：:,;、]/.test(line) && endsWithBodySuffix(line);
}

export function endsWithBodySuffix(name: string): boolean {
  return BODY_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

/** A short line shaped like a signature date that does not read as one (`2023年13月5日`, `2O23年?月30日`). */
export function isDamagedDateLine(line: string): boolean {
  const text = line.replace(/\s+/g, '');
  if (text.length > 16 || parseDateLine(text) !== null) return false;
  return /^[\d〇零一二三四五六七八九十OoＯ?？□■*]{3,4}年[^，。；]{0,4}月[^，。；]{0,4}日$/.test(text);
}
