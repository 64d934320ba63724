// Pure helpers of the admin pages: what a re-import would change (the server's own rule), the
// header's words, dates as admins type them, and a file's bytes as text.
import { compareTasks, type ComparedTask } from '@kepu/shared/rules/task-changes';

export interface TaskDiff {
  added: number[];
  removed: number[];
  changed: number[];
}

const numbers = (tasks: { number: number }[]) => [...new Set(tasks.map((t) => t.number))].sort((a, b) => a - b);

/**
 * What importing `next` over the stored plan would do to its tasks, by the same rule the server
 * applies when it saves (shared `compareTasks`). The events it touches are known only once the
 * import is confirmed.
 */
export function diffTasks(stored: ComparedTask[], next: ComparedTask[]): TaskDiff {
  const { added, removed, changed } = compareTasks(stored, next);
  return { added: numbers(added), removed: numbers(removed), changed: numbers(changed) };
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

/** A plan file's bytes as text: UTF-8 (a BOM dropped), else GB18030, as Chinese offices save plain text. */
export function decodePlanBytes(bytes: ArrayBuffer | Uint8Array): string | null {
  if (typeof TextDecoder === 'undefined') return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      return null;
    }
  }
}
