// Owns: turning raw pasted or exported plan text into its canonical form: one paragraph per line, Chinese punctuation, no artifacts.
// Does not own: recognising what a line means (segment.ts); it only needs to know which lines open a new item (lines.ts).
import { isEnumerationHeading, matchHeading, startsNewItem } from './lines';

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';

/** Word-processor leftovers that carry no text: `[bookmark: _GoBack]`, `[image: …]`. */
const ARTIFACT = /\[(?:bookmark|image|picture|footnote|endnote)[^\]]*\]/gi;

/** Invisible characters that break matching. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Punctuation a paragraph may end with when its sentence is complete. */
const TERMINAL = /[。！？；：…!?;:）)]$/;
const CLOSING_QUOTE_CHARS = '”’」』"\'';
const OPENERS_CLOSERS: [string, string][] = [
  ['《', '》'],
  ['“', '”'],
  ['（', '）'],
  ['【', '】'],
  ['〔', '〕'],
  ['「', '」'],
];

/**
 * The canonical text of a plan:
 * - half-width brackets, commas, semicolons, colons and sentence marks beside Chinese text become
 *   their full-width forms (`(一)` -> `（一）`), full-width digits and letters become ASCII;
 * - artifacts (`[bookmark: _GoBack]`) and invisible characters go, each line is trimmed, blank runs
 *   collapse to one blank line;
 * - a sentence cut by a page break (line break or blank line) is joined back: see `continues`.
 * Linear in the text: each line is cleaned once and a paragraph's state is kept as it grows.
 */
export function normalisePlanText(raw: string): string {
  const lines = raw.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(ARTIFACT, '').split('\n').map(normaliseLine);

  const out: Paragraph[] = [];
  let blankPending = false;
  for (const line of lines) {
    if (line === '') {
      blankPending = out.length > 0;
      continue;
    }
    const previous = out[out.length - 1];
    if (previous && previous.text !== '' && continues(previous, line)) {
      previous.append(line);
    } else {
      if (blankPending) out.push(new Paragraph(''));
      out.push(new Paragraph(line));
    }
    blankPending = false;
  }
  return out.map((paragraph) => paragraph.toString()).join('\n');
}

/** A paragraph being built, with what `continues` asks of it kept up to date as fragments join. */
class Paragraph {
  private readonly parts: string[];
  length: number;
  /** The first characters: enough to read a heading or task mark. */
  readonly head: string;
  /** The last characters: enough to read how the paragraph ends. */
  tail: string;
  hasClauseMark: boolean;
  /** A 。 with text after it: a numbered line carrying body text, not a heading. */
  hasInnerStop: boolean;
  private readonly unclosed: number[];

  constructor(readonly text: string) {
    this.parts = [text];
    this.length = text.length;
    this.head = text.slice(0, HEAD_CHARS);
    this.tail = text.slice(-TAIL_CHARS);
    this.hasClauseMark = /[，；。]/.test(text);
    this.hasInnerStop = /。./.test(text);
    this.unclosed = OPENERS_CLOSERS.map(([open, close]) => count(text, open) - count(text, close));
  }

  append(next: string): void {
    const joined = joinFragments(this.tail, next);
    const separator = joined.length - this.tail.length - next.length;
    if (separator > 0) this.parts.push(' ');
    if (this.tail.endsWith('。')) this.hasInnerStop = true;
    this.parts.push(next);
    this.length += separator + next.length;
    this.tail = joined.slice(-TAIL_CHARS);
    this.hasClauseMark ||= /[，；。]/.test(next);
    this.hasInnerStop ||= /。./.test(next);
    OPENERS_CLOSERS.forEach(([open, close], i) => {
      this.unclosed[i]! += count(next, open) - count(next, close);
    });
  }

  hasUnclosedPair(): boolean {
    return this.unclosed.some((n) => n > 0);
  }

  toString(): string {
    return this.parts.join('');
  }
}

const HEAD_CHARS = 120;
const TAIL_CHARS = 60;

// Half-width punctuation between Chinese text, made full-width. Built once: a plan has thousands of lines.
const HALF_WIDTH_COMMA = new RegExp(`(?<=[${CJK}）”》]) ?, ?| ?, ?(?=[${CJK}（“《])`, 'g');
const HALF_WIDTH_SEMICOLON = new RegExp(`(?<=[${CJK}）”》]) ?; ?| ?; ?(?=[${CJK}（“《])`, 'g');
const HALF_WIDTH_COLON = new RegExp(`(?<=[${CJK}）”》]) ?: ?| ?: ?(?=[${CJK}（“《])`, 'g');
const HALF_WIDTH_QUESTION = new RegExp(`(?<=[${CJK}])\\?`, 'g');
const HALF_WIDTH_BANG = new RegExp(`(?<=[${CJK}])!`, 'g');
const HALF_WIDTH_STOP = new RegExp(`(?<=[${CJK}）”])\\.(?=$|[${CJK}“（])`, 'g');

function normaliseLine(line: string): string {
  // Runs of spaces collapse first, so that no pattern below meets more than one space in a row
  // (`\s*,\s*` over a long run of spaces is quadratic).
  return (
    line
      .replace(/[\u3000\u00a0\t\f\v ]+/g, ' ')
      .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
      .replace(/\(/g, '（')
      .replace(/\)/g, '）')
      .replace(HALF_WIDTH_COMMA, '，')
      .replace(HALF_WIDTH_SEMICOLON, '；')
      .replace(HALF_WIDTH_COLON, '：')
      .replace(HALF_WIDTH_QUESTION, '？')
      .replace(HALF_WIDTH_BANG, '！')
      .replace(HALF_WIDTH_STOP, '。')
      // A space beside full-width punctuation is never meaningful (`提升 ”`).
      .replace(/ (?=[，。、；：！？）》”’】〕])/g, '')
      .replace(/(?<=[（《“‘【〔，。、；：！？]) /g, '')
      .trim()
  );
}

/**
 * Whether `next` continues the paragraph `previous` (a sentence cut by a page break).
 * Never when `next` opens a heading, task, date or attachment. Always when `next` starts with
 * punctuation that cannot open a sentence. Otherwise only when `previous` is running text that stops
 * mid-sentence: it must not end with sentence-ending punctuation, must not be a heading, and must
 * read as prose (an open bracket or quote, a clause mark, a task number, or a long line). Short
 * standalone lines — letterhead, document number, title, issuer, date — have none of these, so a
 * title is never glued to the issuer below it.
 */
function continues(previous: Paragraph, next: string): boolean {
  if (startsNewItem(next)) return false;
  if (/^[，。、；：！？）》”’】〕]/.test(next)) return true;
  if (endsSentence(previous.tail)) return false;
  if (/[，、]$/.test(previous.tail) || previous.hasUnclosedPair()) return true;
  if (isHeadingLine(previous)) return false;
  return previous.hasClauseMark || /^\d{1,3}\s*[.．、]/.test(previous.head) || matchHeading(previous.head) !== null || previous.length > 50;
}

/**
 * A heading stands alone even without a final 。. A numbered line carrying body text (a lead
 * sentence and more), a `（1）` item and an `一是…，…` enumeration are running text instead.
 */
function isHeadingLine(paragraph: Paragraph): boolean {
  const heading = matchHeading(paragraph.head);
  if (!heading || paragraph.hasInnerStop || heading.style === 'arabicParen') return false;
  if (heading.style !== 'chineseIs') return true;
  return paragraph.length <= HEAD_CHARS && isEnumerationHeading(heading);
}

function endsSentence(tail: string): boolean {
  // Closing quotes are skipped by hand: `[”’」』"']+$` retries from every quote of a long run.
  let end = tail.length;
  while (end > 0 && CLOSING_QUOTE_CHARS.includes(tail[end - 1]!)) end--;
  return TERMINAL.test(tail.slice(0, end));
}

function count(text: string, ch: string): number {
  let found = 0;
  for (let at = text.indexOf(ch); at !== -1; at = text.indexOf(ch, at + 1)) found += 1;
  return found;
}

/** Chinese fragments join with nothing between; two Latin words keep their space. */
function joinFragments(previous: string, next: string): string {
  return /[A-Za-z]$/.test(previous) && /^[A-Za-z]/.test(next) ? `${previous} ${next}` : `${previous}${next}`;
}
