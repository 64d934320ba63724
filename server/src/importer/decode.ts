// Owns: turning what the admin hands over (bytes of a file, or pasted text) into simplified-script text,
// and saying which script it came in. Does not own: cleaning the text (normalise.ts).
import { Converter } from 'opencc-js';

export type Script = 'simplified' | 'traditional';

/**
 * UTF-8 (with or without a BOM), UTF-16 with a BOM, else GB18030 (a superset of GBK and GB2312):
 * a byte sequence that is not valid UTF-8 is read as GB18030, the other encoding Chinese offices use.
 */
export function decodePlanBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

let toSimplified: ((text: string) => string) | null = null;
function converter(): (text: string) => string {
  // Built on first use: the dictionaries take a moment to load and most plans never need them.
  const built = toSimplified ?? (Converter({ from: 't', to: 'cn' }) as (text: string) => string);
  toSimplified = built;
  return built;
}

/** Share of Han characters that must be traditional-only before a text counts as traditional. */
const TRADITIONAL_SHARE = 0.03;
const MIN_TRADITIONAL = 5;

/**
 * Whether the text is written in traditional characters: enough of its Han characters change
 * under conversion. Each distinct character is converted once, so this stays linear.
 */
export function detectScript(text: string): Script {
  const counts = new Map<string, number>();
  let han = 0;
  for (const ch of text) {
    if (!/\p{Script=Han}/u.test(ch)) continue;
    han++;
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  if (han === 0) return 'simplified';
  const distinct = [...counts.keys()];
  const converted = Array.from(converter()(distinct.join('\n')).split('\n'));
  let traditional = 0;
  if (converted.length === distinct.length) {
    distinct.forEach((ch, i) => {
      if (converted[i] !== ch) traditional += counts.get(ch)!;
    });
  }
  return traditional >= MIN_TRADITIONAL && traditional / han >= TRADITIONAL_SHARE ? 'traditional' : 'simplified';
}

/**
 * The text in simplified script, and the script it arrived in. A simplified text is returned
 * untouched: a converter run over simplified text may still change a word (著 -> 着), which would
 * rewrite documents that need no conversion.
 */
export function toSimplifiedScript(text: string): { text: string; script: Script } {
  if (detectScript(text) === 'simplified') return { text, script: 'simplified' };
  return { text: converter()(text), script: 'traditional' };
}

export function decodePlanInput(input: string | Uint8Array): { text: string; script: Script } {
  return toSimplifiedScript(typeof input === 'string' ? input : decodePlanBytes(input));
}
