// Text decoders in plain JavaScript, for the weapp's file picker: WeChat's JavaScript has no
// TextDecoder (and none for GBK), so a plan file's bytes are read here, the same way H5 reads
// them with the browser's: strict UTF-8 (a BOM dropped), else GB18030 from tables taken off
// Node's decoder (gb18030-table.ts). Unreadable bytes become U+FFFD, as TextDecoder does.
import { FOUR_BYTE_RUNS, TWO_BYTE } from './gb18030-table';

const REPLACEMENT = 0xfffd;

/** Builds the string in slices: String.fromCodePoint takes only so many arguments. */
function fromCodePoints(codePoints: number[]): string {
  let text = '';
  for (let i = 0; i < codePoints.length; i += 8192) text += String.fromCodePoint(...codePoints.slice(i, i + 8192));
  return text;
}

const isTrail = (byte: number | undefined): byte is number => byte !== undefined && byte >= 0x80 && byte <= 0xbf;

/** Strict UTF-8: null when the bytes are not UTF-8 (a truncated, overlong or surrogate sequence). A leading BOM is dropped. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  const codePoints: number[] = [];
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      codePoints.push(byte);
      i += 1;
      continue;
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return null;
    let codePoint = byte & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (!isTrail(next)) return null;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    const smallest = [0, 0, 0x80, 0x800, 0x10000][length]!;
    if (codePoint < smallest || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return null;
    codePoints.push(codePoint);
    i += length;
  }
  return fromCodePoints(codePoints);
}

/** The BMP code point of a four-byte sequence's pointer (0–39419), or null when unmapped. */
function fourByteBmp(pointer: number): number | null {
  let low = 0;
  let high = FOUR_BYTE_RUNS.length / 2 - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (FOUR_BYTE_RUNS[middle * 2]! <= pointer) low = middle;
    else high = middle - 1;
  }
  const start = FOUR_BYTE_RUNS[low * 2]!;
  const codePoint = FOUR_BYTE_RUNS[low * 2 + 1]!;
  return codePoint < 0 ? null : codePoint + pointer - start;
}

/** GB18030 (so GBK and GB2312 too): one, two or four bytes a character. */
export function decodeGb18030(bytes: Uint8Array): string {
  const codePoints: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      codePoints.push(lead);
      i += 1;
      continue;
    }
    if (lead === 0x80 || lead === 0xff) {
      codePoints.push(lead === 0x80 ? 0x20ac : REPLACEMENT);
      i += 1;
      continue;
    }
    const second = bytes[i + 1];
    if (second !== undefined && second >= 0x30 && second <= 0x39) {
      const third = bytes[i + 2];
      const fourth = bytes[i + 3];
      if (third !== undefined && fourth !== undefined && third >= 0x81 && third <= 0xfe && fourth >= 0x30 && fourth <= 0x39) {
        const pointer = ((lead - 0x81) * 10 + (second - 0x30)) * 1260 + (third - 0x81) * 10 + (fourth - 0x30);
        const codePoint = pointer <= 39419 ? fourByteBmp(pointer) : pointer >= 189000 && pointer <= 1237575 ? 0x10000 + pointer - 189000 : null;
        codePoints.push(codePoint ?? REPLACEMENT);
        i += 4;
        continue;
      }
      // A broken four-byte sequence: the lead is unreadable, the rest is read again.
      codePoints.push(REPLACEMENT);
      i += 1;
      continue;
    }
    if (second !== undefined && second >= 0x40 && second <= 0xfe && second !== 0x7f) {
      const unit = TWO_BYTE.charCodeAt((lead - 0x81) * 190 + second - (second < 0x7f ? 0x40 : 0x41));
      codePoints.push(unit);
      // An unmapped pair whose second byte is ASCII gives that byte back.
      i += unit === REPLACEMENT && second < 0x80 ? 1 : 2;
      continue;
    }
    codePoints.push(REPLACEMENT);
    i += 1;
  }
  return fromCodePoints(codePoints);
}

/** The decoders decodePlanBytes uses where the platform has no TextDecoder (weapp). */
export const scriptDecoders = { utf8: decodeUtf8, gb18030: decodeGb18030 };
