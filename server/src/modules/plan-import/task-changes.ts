// What a re-import of a plan does to its tasks: which are added, removed or
// changed. The import stores and reports it; its dry run previews it for the admin page.

/** The part of a task that identifies it and says whether it changed. */
export interface ComparedTask {
  number: number;
  title: string;
  text: string;
}

/** Titles are stored to this length, so a comparison looks no further. */
export const STORED_TITLE_LENGTH = 200;

/** `number#nth`: a written number repeats when numbering restarts per section, so the nth one counts too. */
export function taskKeys(tasks: readonly { number: number }[]): string[] {
  const seen = new Map<number, number>();
  return tasks.map((task) => {
    const nth = (seen.get(task.number) ?? 0) + 1;
    seen.set(task.number, nth);
    return `${task.number}#${nth}`;
  });
}

/** Tasks of `next` the stored plan lacks, stored tasks `next` lacks, and stored tasks whose title or text changed. */
export function compareTasks<S extends ComparedTask, N extends ComparedTask>(
  stored: readonly S[],
  next: readonly N[],
): { added: N[]; removed: S[]; changed: S[] } {
  const storedKeys = taskKeys(stored);
  const nextKeys = taskKeys(next);
  const storedByKey = new Map(storedKeys.map((key, i) => [key, stored[i]!]));
  const nextByKey = new Map(nextKeys.map((key, i) => [key, next[i]!]));
  const titleOf = (task: ComparedTask) => task.title.slice(0, STORED_TITLE_LENGTH);
  return {
    added: next.filter((_, i) => !storedByKey.has(nextKeys[i]!)),
    removed: stored.filter((_, i) => !nextByKey.has(storedKeys[i]!)),
    changed: stored.filter((task, i) => {
      const fresh = nextByKey.get(storedKeys[i]!);
      return fresh !== undefined && (fresh.text !== task.text || titleOf(fresh) !== titleOf(task));
    }),
  };
}

/**
 * Where each stored task went in the new outline (by index into `next`), for the links that
 * follow it; undefined when it is gone. A task whose text comes again unchanged, and once on
 * both sides, is that task wherever it moved (a split or a task added before it renumbers
 * nothing it did not touch); any other is matched by number and which of the tasks of that
 * number it is (taskKeys), as compareTasks matches them, unless that task is taken already.
 */
export function followTasks(stored: readonly ComparedTask[], next: readonly ComparedTask[]): (number | undefined)[] {
  const count = (tasks: readonly ComparedTask[]) => {
    const seen = new Map<string, number>();
    for (const t of tasks) seen.set(t.text, (seen.get(t.text) ?? 0) + 1);
    return seen;
  };
  const storedTexts = count(stored);
  const nextTexts = count(next);
  const taken = new Set<number>();
  const target: (number | undefined)[] = stored.map((task) => {
    if (storedTexts.get(task.text) !== 1 || nextTexts.get(task.text) !== 1) return undefined;
    const index = next.findIndex((t) => t.text === task.text);
    taken.add(index);
    return index;
  });
  const nextIndexByKey = new Map(taskKeys(next).map((key, i) => [key, i]));
  for (const [i, key] of taskKeys(stored).entries()) {
    if (target[i] !== undefined) continue;
    const index = nextIndexByKey.get(key);
    if (index !== undefined && !taken.has(index)) {
      target[i] = index;
      taken.add(index);
    }
  }
  return target;
}
