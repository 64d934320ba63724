import { makeSerial, maskName, SERIAL_PATTERN, verificationUrl } from './certificate-serial';

describe('certificate serials', () => {
  it('a serial is KP-year- and 8 symbols from the unambiguous alphabet', () => {
    const serial = makeSerial(2026);
    expect(serial).toMatch(SERIAL_PATTERN);
    expect(serial.startsWith('KP-2026-')).toBe(true);
  });

  it('the symbols are those the randomness picks', () => {
    expect(makeSerial(2026, () => 0)).toBe('KP-2026-22222222');
    expect(makeSerial(2027, (n) => n - 1)).toBe('KP-2027-ZZZZZZZZ');
  });

  it('two serials differ (40 random bits)', () => {
    expect(new Set(Array.from({ length: 50 }, () => makeSerial(2026))).size).toBe(50);
  });

  it('the pattern refuses look-alike symbols and other shapes', () => {
    expect(SERIAL_PATTERN.test('KP-2026-O0I1ABCD')).toBe(false);
    expect(SERIAL_PATTERN.test('KP-26-ABCDEFGH')).toBe(false);
  });
});

describe('masked names', () => {
  it('keeps the first and last character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王*明');
    expect(maskName('欧阳春华')).toBe('欧**华');
    expect(maskName('李')).toBe('*');
  });
});

describe('the verification address', () => {
  it('is the H5 page of the serial on the public site, without a doubled slash', () => {
    expect(verificationUrl('https://kepu.example.cn/', 'KP-2026-ABCDEFGH')).toBe(
      'https://kepu.example.cn/#/packages/volunteer/pages/certificate/index?serial=KP-2026-ABCDEFGH',
    );
  });
});
