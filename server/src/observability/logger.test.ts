// The log's timestamp: pino's ISO format, formatted once per millisecond.
import { pino } from 'pino';
import { isoTime } from './logger';

describe('log timestamps', () => {
  it('when lines are logged, each carries the time as pino would write it, to the millisecond', () => {
    const before = pino.stdTimeFunctions.isoTime();
    const ours = isoTime();
    const after = pino.stdTimeFunctions.isoTime();
    expect(ours).toMatch(/^,"time":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"$/);
    expect([before, after].some((theirs) => theirs === ours) || (before < ours && ours < after)).toBe(true);
  });
});
