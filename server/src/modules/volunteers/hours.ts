// Service hours (志愿服务时长): the organizer who ran the service records them,
// once per application, rounded by the configured rule (HOURS_ROUNDING, read in config.ts).
import type { HoursRounding } from '../../config';

/** Rounds a duration in minutes to the rule's steps and returns hours (2 decimals at most). */
export function roundServiceHours(minutes: number, rule: HoursRounding): number {
  const steps = minutes / rule.stepMinutes;
  // A float like 89.99999 minutes from an hours value is meant as 90: snap before rounding.
  const snapped = Math.abs(steps - Math.round(steps)) < 1e-6 ? Math.round(steps) : steps;
  const whole = rule.mode === 'down' ? Math.floor(snapped) : rule.mode === 'up' ? Math.ceil(snapped) : Math.round(snapped);
  return Math.round(((whole * rule.stepMinutes) / 60) * 100) / 100;
}

/** Minutes between check-in and check-out. */
export function minutesBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / 60_000;
}

/** Sums hours without float drift (0.1 + 0.2). */
export function sumHours(values: number[]): number {
  return Math.round(values.reduce((total, h) => total + Math.round(h * 100), 0)) / 100;
}
