// The importer stays linear in the length of what it is given: hostile or accidental inputs
// (long runs of spaces or brackets, one giant line, random Chinese) must not make it quadratic.
// Ratios are measured in the same run (time for 4n over time for n, runs interleaved), so a slow or
// busy machine does not fail it: linear is ~4x, quadratic ~16x, and the bound sits between.
import { NotAPlanError, parsePlan } from './index';

const N = 100_000;

function randomCjk(length: number, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(0x4e00 + (state % 0x5000));
  }
  return out;
}

const shapes: Record<string, (n: number) => string> = {
  'a run of spaces': (n) => `2024年某某市全民科学素质行动工作要点\n一、任务\n1.开展${' '.repeat(n)}活动。`,
  'spaces around commas': (n) => `2024年某某市全民科学素质行动工作要点\n1.开展${' ,'.repeat(n / 2)}活动。`,
  'opening brackets': (n) => `2024年某某市全民科学素质行动工作要点\n一、任务\n1.开展${'（'.repeat(n)}`,
  'closing brackets': (n) => `2024年某某市全民科学素质行动工作要点\n一、任务\n1.开展${'）'.repeat(n)}`,
  'one line': (n) => `2024年某某市全民科学素质行动工作要点${'开展科普活动，一、二、1.推进工作。'.repeat(n / 17)}`,
  quotes: (n) => `1.开展${'”'.repeat(n)}活动`,
  'many short lines': (n) => `2024年某某市全民科学素质行动工作要点\n一、任务\n1.开展${'，\n'.repeat(n / 2)}`,
  'random Chinese': (n) => randomCjk(n, 7),
  'a watermark laid into every sentence': (n) => `2024年某某市全民科学素质行动工作要点\n一、任务\n${'1.开展 内部资料 注意保存 活动。\n'.repeat(n / 22)}`,
  'a watermark laid into one long line': (n) => `2024年某某市全民科学素质行动工作要点\n一、任务\n1.${'开展 仅 供 参 考 活动，'.repeat(n / 16)}`,
  'campaign names': (n) => `2024年某某市全民科学素质行动工作要点\n一、任务\n1.${'全国科普日'.repeat(n / 5)}`,
};

function timeParse(text: string): number {
  const started = performance.now();
  try {
    parsePlan(text);
  } catch (error) {
    if (!(error instanceof NotAPlanError)) throw error;
  }
  return performance.now() - started;
}

/** The best of three interleaved runs of each size, so a pause of the machine (other jest workers, GC) does not decide. */
function bestTimes(small: string, large: string): { small: number; large: number } {
  const times = { small: Infinity, large: Infinity };
  for (let run = 0; run < 3; run++) {
    times.small = Math.min(times.small, timeParse(small));
    times.large = Math.min(times.large, timeParse(large));
  }
  return times;
}

describe('parsing time grows linearly with the input', () => {
  it.each(Object.keys(shapes))('when the input is %s, then quadrupling it to 400,000 characters about quadruples the time', (shape) => {
    const make = shapes[shape]!;
    timeParse(make(N / 10)); // warm up
    const { small, large } = bestTimes(make(N), make(4 * N));
    // Linear is ~4x; quadratic would be ~16x. The floor keeps tiny timings from deciding.
    expect(large / Math.max(small, 10)).toBeLessThan(8);
  });
});
