// The check-in code both sides read: base64url(payload) + '.' + base64url(signature),
// the payload a small JSON naming the event and the sign-up. The server signs
// it with the event's Ed25519 key; the organizer's device verifies it offline
// with the public key from the check-in kit. Signing and verifying live with
// each side's crypto; parsing and the rules about the payload live here.

/** What a check-in code carries: which sign-up, for which event, until when (epoch ms). */
export interface CheckinPayload {
  typ: 'checkin';
  sid: string;
  eid: string;
  exp: number;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url (no padding) to bytes, or null for text that is not base64url. Buffer and atob are not everywhere (weapp). */
export function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of text) {
    value = (value << 6) | ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

function utf8Decode(bytes: Uint8Array): string {
  // The payload is ASCII JSON (ids, numbers), so a byte is a character.
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/** An Ed25519 signature is 64 bytes; the codes issued before v1.1 carried a 32-byte HMAC instead. */
export const ED25519_SIGNATURE_BYTES = 64;

export interface ParsedCheckinCode {
  payloadBytes: Uint8Array;
  signature: Uint8Array;
  payload: CheckinPayload;
}

/** Splits and decodes a code; null when it is not shaped like one (whatever its signature). */
export function parseCheckinCode(code: string): ParsedCheckinCode | null {
  const parts = code.trim().split('.');
  if (parts.length !== 2) return null;
  const payloadBytes = fromBase64url(parts[0]!);
  const signature = fromBase64url(parts[1]!);
  if (!payloadBytes || !signature || signature.length !== ED25519_SIGNATURE_BYTES) return null;
  try {
    const payload = JSON.parse(utf8Decode(payloadBytes)) as Partial<CheckinPayload>;
    if (payload.typ !== 'checkin' || typeof payload.sid !== 'string' || typeof payload.eid !== 'string' || typeof payload.exp !== 'number') return null;
    return { payloadBytes, signature, payload: payload as CheckinPayload };
  } catch {
    return null;
  }
}

/**
 * Whether a code whose signature holds lets its holder in at this event now:
 * one for another event is invalid; one past its expiry has expired.
 */
export function checkinCodeProblem(payload: CheckinPayload | null, eventId: string, now: number): 'INVALID_CHECKIN_CODE' | 'CHECKIN_CODE_EXPIRED' | null {
  if (!payload || payload.typ !== 'checkin' || payload.eid !== eventId) return 'INVALID_CHECKIN_CODE';
  if (payload.exp < now) return 'CHECKIN_CODE_EXPIRED';
  return null;
}

/** A 6-digit short code read out at the door. */
export function isShortCode(code: string): boolean {
  return /^\d{6}$/.test(code.trim());
}

/** What the kit hashes (SHA-256, hex) for each short code: the kit's salt and the code. */
export function shortCodeHashInput(salt: string, shortCode: string): string {
  return `${salt}:${shortCode.trim()}`;
}
