import { isoDateSchema, isoTimeSchema } from './common';

describe('dates in payloads', () => {
  it.each(['1970-01-01T00:00:00+08:00', '2026-12-06T09:30:00+08:00', '2100-12-31T23:59:59+08:00'])('when a time is %s, it is accepted', (value) => {
    expect(isoTimeSchema.safeParse(value).success).toBe(true);
  });

  it.each(['0001-01-01T00:00:00+08:00', '1969-12-31T23:59:59+08:00', '2101-01-01T00:00:00+08:00', '9999-12-31T00:00:00Z'])(
    'when a time is %s, it is refused with a message naming the range',
    (value) => {
      const result = isoTimeSchema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('日期须在 1970 年至 2100 年之间');
    },
  );

  it('when a date is outside 1970-2100, it is refused; inside, accepted', () => {
    expect(isoDateSchema.safeParse('2026-05-30').success).toBe(true);
    expect(isoDateSchema.safeParse('1969-12-31').success).toBe(false);
    expect(isoDateSchema.safeParse('2101-01-01').success).toBe(false);
    expect(isoDateSchema.safeParse('2026-13-01').success).toBe(false);
  });
});
