// Pure helpers of the admin pages: where a task can be split and how a correction names it, the
// header's words, dates as admins type them, and a file's bytes as text.
import type { CorrectPlan } from '@kepu/shared';

/** What a re-import changes in the tasks, by written number. */
export interface TaskDiff {
  added: number[];
  removed: number[];
  changed: number[];
}

/** Where a task may be cut in two: after a sentence, with `before` the text the server finds the cut by. */
export interface SplitPoint {
  /** Index in the task's text where the second task starts. */
  at: number;
  /** The shortest start of the second part (at least 6 characters) found first exactly there. */
  before: string;
}

const MIN_BEFORE = 6;
const MAX_BEFORE = 200;

/**
 * The sentence boundaries of a task's text (after 。；！？ or a line break) where it can be split:
 * the server cuts at the first occurrence of `before`, so each point carries a start of the
 * second part that occurs nowhere earlier in the text.
 */
export function splitPoints(text: string): SplitPoint[] {
  const points: SplitPoint[] = [];
  for (let i = 1; i < text.length; i++) {
    if (!/[。；！？\n]/.test(text[i - 1]!)) continue;
    let at = i;
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (at >= text.length - 1 || points.some((p) => p.at === at)) continue;
    const rest = text.slice(at, at + MAX_BEFORE);
    for (let length = Math.min(MIN_BEFORE, rest.length); length <= rest.length; length++) {
      const before = rest.slice(0, length);
      if (before.trim().length >= 2 && text.indexOf(before) === at) {
        points.push({ at, before });
        break;
      }
    }
  }
  return points;
}

type TaskCorrection = NonNullable<CorrectPlan['tasks']>[number];

/**
 * How a correction names a task of the outline shown (the stored plan, with earlier splits and
 * merges): by its written number when no other task has it, else by its position there; the
 * server reads both in that same outline.
 */
export function taskTarget(tasks: { number: number }[], index: number): Pick<TaskCorrection, 'number' | 'ordinal'> {
  const number = tasks[index]!.number;
  return tasks.filter((task) => task.number === number).length === 1 ? { number } : { ordinal: index + 1 };
}

export const levelNames: Record<string, string> = { national: '国家级', province: '省级', city: '市级', county: '县级' };

/** `2024年3月5日` for an ISO date; '' when there is none. */
export function writtenDate(iso: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return match ? `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日` : '';
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * A date as an admin types it (`5月17日`, `2027年5月17日`, `2027-5-17`, `5.17`) as YYYY-MM-DD,
 * in `year` when the text names none; null when it is not a day of the calendar.
 */
export function parseWrittenDate(text: string, year: number): string | null {
  const trimmed = text.trim().replace(/\s+/g, '');
  const match = /^(?:(\d{4})[年./-])?(\d{1,2})[月./-](\d{1,2})日?$/.exec(trimmed);
  if (!match) return null;
  const y = match[1] ? Number(match[1]) : year;
  const m = Number(match[2]);
  const d = Number(match[3]);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Decoders of a plan file's bytes: strict UTF-8 (null when the bytes are not UTF-8) and GB18030. */
export interface PlanDecoders {
  utf8: (bytes: Uint8Array) => string | null;
  gb18030: (bytes: Uint8Array) => string;
}

/** The platform's TextDecoder (browsers, Node); null where there is none (WeChat). */
function platformDecoders(): PlanDecoders | null {
  if (typeof TextDecoder === 'undefined') return null;
  return {
    utf8: (bytes) => {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return null;
      }
    },
    gb18030: (bytes) => new TextDecoder('gb18030').decode(bytes),
  };
}

/**
 * A plan file's bytes as text: UTF-8 (a BOM dropped), else GB18030, as Chinese offices save plain
 * text. The weapp passes its own decoders (gb18030.ts); null when there are none or they fail.
 */
export function decodePlanBytes(bytes: ArrayBuffer | Uint8Array, decoders: PlanDecoders | null = platformDecoders()): string | null {
  if (!decoders) return null;
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  try {
    return decoders.utf8(view) ?? decoders.gb18030(view);
  } catch {
    return null;
  }
}
