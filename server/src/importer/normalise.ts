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
const CLOSING_QUOTES = /[”’」』"']+$/;
const OPENERS_CLOSERS: [string, string][] = [['《', '》'], ['“', '”'], ['（', '）'], ['【', '】'], ['〔', '〕'], ['「', '」']];

/**
 * The canonical text of a plan:
 * - half-width brackets, commas, semicolons, colons and sentence marks beside Chinese text become
 *   their full-width forms (`(一)` -> `（一）`), full-width digits and letters become ASCII;
 * - artifacts (`[bookmark: _GoBack]`) and invisible characters go, each line is trimmed, blank runs
 *   collapse to one blank line;
 * - a sentence cut by a page break (line break or blank line) is joined back: see `continues`.
 */
export function normalisePlanText(raw: string): string {
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ARTIFACT, '')
    .split('\n')
    .map(normaliseLine);

  const out: string[] = [];
  let blankPending = false;
  for (const line of lines) {
    if (line === '') {
      blankPending = out.length > 0;
      continue;
    }
    const previous = out[out.length - 1];
    if (previous !== undefined && continues(previous, line)) {
      out[out.length - 1] = joinFragments(previous, line);
    } else {
      if (blankPending) out.push('');
      out.push(line);
    }
    blankPending = false;
  }
  return out.join('\n');
}

function normaliseLine(line: string): string {
  return line
    .replace(/[\u3000\u00a0\t\f\v]/g, ' ')
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(new RegExp(`(?<=[${CJK}）”》])\\s*,\\s*|\\s*,\\s*(?=[${CJK}（“《])`, 'g'), '，')
    .replace(new RegExp(`(?<=[${CJK}）”》])\\s*;\\s*|\\s*;\\s*(?=[${CJK}（“《])`, 'g'), '；')
    .replace(new RegExp(`(?<=[${CJK}）”》])\\s*:\\s*|\\s*:\\s*(?=[${CJK}（“《])`, 'g'), '：')
    .replace(new RegExp(`(?<=[${CJK}])\\?`, 'g'), '？')
    .replace(new RegExp(`(?<=[${CJK}])!`, 'g'), '！')
    .replace(new RegExp(`(?<=[${CJK}）”])\\.(?=$|[${CJK}“（])`, 'g'), '。')
    // A space beside full-width punctuation is never meaningful (`提升 ”`).
    .replace(/ +(?=[，。、；：！？）》”’】〕])/g, '')
    .replace(/(?<=[（《“‘【〔，。、；：！？]) +/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
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
function continues(previous: string, next: string): boolean {
  if (startsNewItem(next)) return false;
  if (/^[，。、；：！？）》”’】〕]/.test(next)) return true;
  if (endsSentence(previous)) return false;
  if (/[，、]$/.test(previous) || hasUnclosedPair(previous)) return true;
  if (isHeadingLine(previous)) return false;
  return /[，；。]/.test(previous) || /^\d{1,3}\s*[.．、]/.test(previous) || matchHeading(previous) !== null || previous.length > 50;
}

/**
 * A heading stands alone even without a final 。. A numbered line carrying body text (a lead
 * sentence and more), a `（1）` item and an `一是…，…` enumeration are running text instead.
 */
function isHeadingLine(line: string): boolean {
  const heading = matchHeading(line);
  if (!heading || /。./.test(line) || heading.style === 'arabicParen') return false;
  return heading.style !== 'chineseIs' || isEnumerationHeading(heading);
}

function endsSentence(line: string): boolean {
  const withoutQuotes = line.replace(CLOSING_QUOTES, '');
  if (withoutQuotes !== line) return TERMINAL.test(withoutQuotes);
  return TERMINAL.test(line);
}

function hasUnclosedPair(line: string): boolean {
  return OPENERS_CLOSERS.some(([open, close]) => count(line, open) > count(line, close));
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/** Chinese fragments join with nothing between; two Latin words keep their space. */
function joinFragments(previous: string, next: string): string {
  return /[A-Za-z]$/.test(previous) && /^[A-Za-z]/.test(next) ? `${previous} ${next}` : `${previous}${next}`;
}
