import { parseDateBound } from './date-bounds';

describe('list date bounds', () => {
  it('a bare date from= starts at CST midnight, to= ends at its last millisecond', () => {
    expect(parseDateBound('2026-12-06', false).toISOString()).toBe('2026-12-05T16:00:00.000Z');
    expect(parseDateBound('2026-12-06', true).toISOString()).toBe('2026-12-06T15:59:59.999Z');
  });

  it('a full time is taken as it is', () => {
    expect(parseDateBound('2026-12-06T09:30:00+08:00', true).toISOString()).toBe('2026-12-06T01:30:00.000Z');
  });
});
