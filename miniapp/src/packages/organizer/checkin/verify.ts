// Checking a code at the door with no network, from the check-in kit: a QR
// code's Ed25519 signature against the event's public key, a typed short code
// against the kit's salted hashes. Lives in the organizer subpackage so the
// crypto (@noble/ed25519 + SHA-2 from @noble/hashes, a few KB) never loads
// for residents. weapp has no WebCrypto, so SHA-512 is set synchronously.
import { hashes, verify } from '@noble/ed25519';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import type { CheckinKitSignup, CheckinKitView } from '@kepu/shared';
import { checkinCodeProblem, fromBase64url, isShortCode, parseCheckinCode, shortCodeHashInput } from '@kepu/shared/rules/checkin-code';

hashes.sha512 = sha512;

export type LocalVerdict = { ok: true; signup: CheckinKitSignup } | { ok: false; code: 'INVALID_CHECKIN_CODE' | 'CHECKIN_CODE_EXPIRED' | 'NOT_IN_KIT' };

/** Standard base64 (the kit's publicKey) to bytes. */
function fromBase64(text: string): Uint8Array | null {
  return fromBase64url(text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function utf8(text: string): Uint8Array {
  // Short codes and salts are ASCII.
  return Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
}

/** Whom a scanned or typed code names, decided on the device. */
export function verifyOffline(kit: CheckinKitView, code: string, now: number): LocalVerdict {
  const text = code.trim();
  if (isShortCode(text)) {
    const hash = toHex(sha256(utf8(shortCodeHashInput(kit.shortCodeSalt, text))));
    const signup = kit.signups.find((s) => s.shortCodeHash === hash);
    return signup ? { ok: true, signup } : { ok: false, code: 'INVALID_CHECKIN_CODE' };
  }
  const parsed = parseCheckinCode(text);
  const publicKey = fromBase64(kit.publicKey);
  let valid = false;
  try {
    valid = !!parsed && !!publicKey && verify(parsed.signature, parsed.payloadBytes, publicKey);
  } catch {
    valid = false; // a malformed key or point: not a code we can trust
  }
  if (!valid) return { ok: false, code: 'INVALID_CHECKIN_CODE' };
  const problem = checkinCodeProblem(parsed!.payload, kit.eventId, now);
  if (problem) return { ok: false, code: problem };
  const signup = kit.signups.find((s) => s.id === parsed!.payload.sid);
  // Signed by this event's key but not in the kit: signed up after the kit was downloaded.
  return signup ? { ok: true, signup } : { ok: false, code: 'NOT_IN_KIT' };
}
