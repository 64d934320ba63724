import { defaultHoursRounding, parseHoursRounding } from '../../config';
import { roundServiceHours, sumHours } from './hours';

describe('service hours rounding', () => {
  it('reads rules and rejects anything else', () => {
    expect(parseHoursRounding('down:30')).toEqual({ mode: 'down', stepMinutes: 30 });
    expect(parseHoursRounding(' nearest:15 ')).toEqual({ mode: 'nearest', stepMinutes: 15 });
    expect(parseHoursRounding('up:0')).toBeNull();
    // Steps not exact in hundredths of an hour would drift (3 × 0.33 h = 0.99 h).
    expect(parseHoursRounding('up:20')).toBeNull();
    expect(parseHoursRounding('up:7')).toBeNull();
    expect(parseHoursRounding('up:45')).toEqual({ mode: 'up', stepMinutes: 45 });
    expect(parseHoursRounding('sideways:30')).toBeNull();
    expect(parseHoursRounding('30')).toBeNull();
  });

  it('credits only whole half hours served by default', () => {
    expect(roundServiceHours(89, defaultHoursRounding)).toBe(1);
    expect(roundServiceHours(90, defaultHoursRounding)).toBe(1.5);
    expect(roundServiceHours(29, defaultHoursRounding)).toBe(0);
  });

  it('rounds to the nearest or next step when configured so', () => {
    expect(roundServiceHours(44, { mode: 'nearest', stepMinutes: 30 })).toBe(0.5);
    expect(roundServiceHours(46, { mode: 'nearest', stepMinutes: 30 })).toBe(1);
    expect(roundServiceHours(61, { mode: 'up', stepMinutes: 15 })).toBe(1.25);
  });

  it('treats an entered 1.5 hours as exactly 90 minutes', () => {
    expect(roundServiceHours(1.5 * 60, defaultHoursRounding)).toBe(1.5);
    expect(roundServiceHours(0.1 * 60 * 3 * 10, { mode: 'down', stepMinutes: 6 })).toBe(3);
  });

  it('sums without float drift', () => {
    expect(sumHours([0.1, 0.2])).toBe(0.3);
    expect(sumHours([])).toBe(0);
  });
});
