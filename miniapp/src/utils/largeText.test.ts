import { LARGE_FONT_SETTING_PX, startsLarge } from './largeText';

describe('where large-text mode starts', () => {
  test('a choice the user made is kept, whatever the WeChat font size', () => {
    expect(startsLarge(false, 24)).toBe(false);
    expect(startsLarge(true, 16)).toBe(true);
  });

  test('without a choice, a large WeChat font size turns it on and the default does not', () => {
    expect(startsLarge(null, LARGE_FONT_SETTING_PX)).toBe(true);
    expect(startsLarge(null, 17)).toBe(false);
    // H5 has no WeChat setting to read.
    expect(startsLarge(null, undefined)).toBe(false);
  });
});
