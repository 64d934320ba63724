// The serial printed on a 志愿服务记录证明 and what the public verification
// page may show of the volunteer's name. Pure: the randomness is passed in.
import { randomInt } from 'node:crypto';

/** No 0/O, 1/I: a serial is read off paper and typed. 32 symbols, 8 of them: 2^40 serials a year. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const LENGTH = 8;

/** KP-2026-7XQ4M2PA; `pick(n)` returns an integer in [0, n). */
export function makeSerial(year: number, pick: (n: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[pick(ALPHABET.length)];
  return `KP-${year}-${code}`;
}

export const SERIAL_PATTERN = /^KP-\d{4}-[2-9A-HJ-NP-Z]{8}$/;

/** 张* for two characters, 王*明 for three, 欧阳**华 for more: the first and last kept. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** The verification page's address for a serial, on the public site. */
export function verificationUrl(publicBaseUrl: string, serial: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/#/packages/volunteer/pages/certificate/index?serial=${encodeURIComponent(serial)}`;
}
