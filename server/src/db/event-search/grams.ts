// Owns: which two-character grams the search index holds for an event's text, and which
// of them a search word needs. Pure. Does not own: storing or querying them
// (search-index.ts), nor what matches: the list's LIKE decides, the grams only narrow.
//
// Both engines' LIKE compare the word with the text one character against one
// character. SQLite folds ASCII case only; MariaDB's case-insensitive collations also
// equate accented, full-width, other scripts' digits and some radicals with the plain
// character ('Ａ' and 'é' match 'a' and 'e'). Text is indexed folded as far as any of
// them folds (like-folds.ts, generated from MariaDB), so an event LIKE matches holds
// every gram of the word. Grams of a word come only from indexable characters, whose
// every equivalent the table knows; a word with no two of them side by side (one
// character, punctuation) gives no grams and is searched without the index.
import { LIKE_FOLDS } from './like-folds';

/** Each equivalent character to the indexable character it is stored as. */
const FOLD = new Map<string, string>(Object.entries(LIKE_FOLDS).flatMap(([key, equivalents]) => [...equivalents].map((char): [string, string] => [char, key])));

/** A character as the index stores it. */
export function foldChar(char: string): string {
  return FOLD.get(char) ?? char;
}

/** Characters a word's grams may come from: ASCII letters and digits, and Han ideographs of the BMP. */
export function isIndexable(char: string): boolean {
  return /^[0-9A-Za-z]$/.test(char) || (char.length === 1 && /^\p{Script=Han}$/u.test(char));
}

/** Every distinct gram of the texts: adjacent characters within one text, folded. */
export function textGrams(texts: readonly string[]): string[] {
  const grams = new Set<string>();
  for (const text of texts) {
    const chars = Array.from(text, foldChar);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  }
  return [...grams];
}

/**
 * The grams every text containing `word` holds: adjacent indexable characters,
 * folded, distinct, in the word's order. Empty when the index cannot narrow the
 * search (fewer than two indexable characters side by side).
 */
export function wordGrams(word: string): string[] {
  const chars = Array.from(word);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    if (isIndexable(chars[i]!) && isIndexable(chars[i + 1]!)) grams.add(foldChar(chars[i]!) + foldChar(chars[i + 1]!));
  }
  return [...grams];
}
