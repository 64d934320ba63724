import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder as NodeTextDecoder } from 'node:util';
import { decodeGb18030, decodeUtf8 } from './gb18030';

// What the server and H5 decode with (jsdom has none): the weapp's decoder must agree with it.
const node = (label: string, fatal = false) => new NodeTextDecoder(label, { fatal });
const fixtures = join(__dirname, '..', '..', '..', '..', 'tests', 'importer', 'fixtures');

describe('a plan file’s bytes in the weapp, without TextDecoder', () => {
  test('every two-byte GB18030 sequence decodes as Node decodes it', () => {
    const reference = node('gb18030', true);
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      const mine: string[] = [];
      const theirs: string[] = [];
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const pair = new Uint8Array([lead, trail]);
        let expected: string;
        try {
          expected = reference.decode(pair);
        } catch {
          continue;
        }
        theirs.push(expected);
        mine.push(decodeGb18030(pair));
      }
      expect(mine).toEqual(theirs);
    }
  });

  test('four-byte sequences (BMP and beyond) decode as Node decodes them', () => {
    const reference = node('gb18030', true);
    const pointers = [...Array.from({ length: 39420 }, (_, p) => p), 189000, 189001, 250000, 1237575];
    const mine: string[] = [];
    const theirs: string[] = [];
    for (const p of pointers) {
      const bytes = new Uint8Array([0x81 + Math.floor(p / 12600), 0x30 + (Math.floor(p / 1260) % 10), 0x81 + (Math.floor(p / 10) % 126), 0x30 + (p % 10)]);
      try {
        theirs.push(reference.decode(bytes));
      } catch {
        continue;
      }
      mine.push(decodeGb18030(bytes));
    }
    expect(mine.length).toBeGreaterThan(39000);
    expect(mine).toEqual(theirs);
  });

  test('the GB18030 fixture reads as its UTF-8 source, and broken bytes as U+FFFD without losing what follows', () => {
    const source = readFileSync(join(fixtures, 'sources', 'xiangxi-2024.utf8.txt'), 'utf8');
    expect(decodeGb18030(readFileSync(join(fixtures, 'xiangxi-2024.gb18030.txt')))).toBe(source);
    expect(decodeGb18030(new Uint8Array([0xb9, 0xa4, 0xff, 0x81, 0x41, 0xa1, 0x0a, 0xd7]))).toBe(
      node('gb18030').decode(new Uint8Array([0xb9, 0xa4, 0xff, 0x81, 0x41, 0xa1, 0x0a, 0xd7])),
    );
  });

  test('UTF-8 is read strictly, its BOM dropped; bytes that are not UTF-8 give null', () => {
    const text = '2024年全民科学素质行动工作要点 ① 𠀀 €';
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')]))).toBe(text);
    expect(decodeUtf8(readFileSync(join(fixtures, 'untitled-2024.txt')))).toBe(readFileSync(join(fixtures, 'untitled-2024.txt'), 'utf8'));
    for (const broken of [
      [0xb9, 0xa4],
      [0xe5, 0xb7],
      [0xc0, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
    ]) {
      expect(decodeUtf8(new Uint8Array(broken))).toBeNull();
      expect(() => node('utf-8', true).decode(new Uint8Array(broken))).toThrow();
    }
  });
});
