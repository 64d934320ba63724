// Service hours (志愿服务时长): the organizer who ran the service records them,
// once per application, rounded by the configured rule.

export type RoundingMode = 'down' | 'nearest' | 'up';

export interface HoursRounding {
  mode: RoundingMode;
  /** The smallest unit recorded, in minutes (30 = half-hour steps). */
  stepMinutes: number;
}

/** Half-hour steps, rounding down: a volunteer is credited only for time served. */
export const defaultHoursRounding: HoursRounding = { mode: 'down', stepMinutes: 30 };

/** Reads a rule such as `down:30`, `nearest:15` or `up:60`; null when it is not one. */
export function parseHoursRounding(text: string): HoursRounding | null {
  const match = /^(down|nearest|up):(\d{1,3})$/.exec(text.trim());
  if (!match) return null;
  const stepMinutes = Number(match[2]);
  // Hours are stored to two decimals: a step must be exact in them (6, 15, 30, 45 min …), or sums
  // drift (a 20-minute step is 0.33 h, and three of them make 0.99 h). Multiples of 3 minutes are.
  if (stepMinutes < 1 || stepMinutes > 240 || stepMinutes % 3 !== 0) return null;
  return { mode: match[1] as RoundingMode, stepMinutes };
}

/** Rounds a duration in minutes to the rule's steps and returns hours (2 decimals at most). */
export function roundServiceHours(minutes: number, rule: HoursRounding): number {
  const steps = minutes / rule.stepMinutes;
  // A float like 89.99999 minutes from an hours value is meant as 90: snap before rounding.
  const snapped = Math.abs(steps - Math.round(steps)) < 1e-6 ? Math.round(steps) : steps;
  const whole = rule.mode === 'down' ? Math.floor(snapped) : rule.mode === 'up' ? Math.ceil(snapped) : Math.round(snapped);
  return Math.round((whole * rule.stepMinutes / 60) * 100) / 100;
}

/** Minutes between check-in and check-out. */
export function minutesBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / 60_000;
}

/** Sums hours without float drift (0.1 + 0.2). */
export function sumHours(values: number[]): number {
  return Math.round(values.reduce((total, h) => total + Math.round(h * 100), 0)) / 100;
}
