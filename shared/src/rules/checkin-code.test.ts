import { checkinCodeProblem, fromBase64url, isShortCode, parseCheckinCode, shortCodeHashInput } from './checkin-code';

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

describe('check-in codes as both sides read them', () => {
  it('base64url decodes as Node does, and other text is refused', () => {
    for (const length of [0, 1, 2, 3, 31, 32, 64]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) % 256);
      expect(fromBase64url(b64url(bytes))).toEqual(bytes);
    }
    expect(fromBase64url('ab+c')).toBeNull();
    expect(fromBase64url('abcde')).toBeNull();
  });

  it('a code is split into the payload bytes, a 64-byte signature and the payload', () => {
    const payload = { typ: 'checkin', sid: 's1', eid: 'e1', exp: 1 };
    const signature = new Uint8Array(64).fill(7);
    const parsed = parseCheckinCode(`${b64url(JSON.stringify(payload))}.${b64url(signature)}`);
    expect(parsed?.payload).toEqual(payload);
    expect(parsed?.signature).toEqual(signature);
    expect(Buffer.from(parsed!.payloadBytes).toString()).toBe(JSON.stringify(payload));
  });

  it('text that is not shaped like a code is null: a 32-byte (HMAC) signature, another kind of payload, three parts, garbage', () => {
    const payload = b64url(JSON.stringify({ typ: 'checkin', sid: 's1', eid: 'e1', exp: 1 }));
    expect(parseCheckinCode(`${payload}.${b64url(new Uint8Array(32))}`)).toBeNull();
    expect(parseCheckinCode(`${b64url(JSON.stringify({ typ: 'session', sub: 'u' }))}.${b64url(new Uint8Array(64))}`)).toBeNull();
    expect(parseCheckinCode(`${payload}.${b64url(new Uint8Array(64))}.x`)).toBeNull();
    expect(parseCheckinCode('garbage')).toBeNull();
    expect(parseCheckinCode(`${b64url('not json')}.${b64url(new Uint8Array(64))}`)).toBeNull();
  });

  it('a code lets in at its own event until it expires', () => {
    const payload = { typ: 'checkin' as const, sid: 's1', eid: 'e1', exp: 1000 };
    expect(checkinCodeProblem(payload, 'e1', 1000)).toBeNull();
    expect(checkinCodeProblem(payload, 'e1', 1001)).toBe('CHECKIN_CODE_EXPIRED');
    expect(checkinCodeProblem(payload, 'e2', 0)).toBe('INVALID_CHECKIN_CODE');
  });

  it('short codes are six digits; the kit hashes them with its salt', () => {
    expect(isShortCode(' 012345 ')).toBe(true);
    expect(isShortCode('12345')).toBe(false);
    expect(isShortCode('12345a')).toBe(false);
    expect(shortCodeHashInput('salt', ' 012345')).toBe('salt:012345');
  });
});
