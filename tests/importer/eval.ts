// `npm run eval:importer`: parses every hand-checked fixture (tests/importer/fixtures) and both seeds from
// their bytes, prints a score table, and exits 1 when a golden fixture is below 100% on any metric.
// Owns: finding fixtures, deriving the seeds' expectations from tests/golden, calling parsePlan safely. Scoring: metrics.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as importer from '../../server/src/importer';
import {
  type ExpectedPlan,
  type ExpectedTask,
  type FixtureScore,
  formatTable,
  observePlan,
  type Outcome,
  scoreFixture,
  scoreRow,
  totalScores,
  totalsRow,
} from './metrics';

export interface Fixture {
  name: string;
  file: string;
  expected: ExpectedPlan;
}

/** Walks up from here to the repository root, so the same code runs from source (jest) and from dist-eval. */
export function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'tests', 'importer', 'fixtures')) || !existsSync(join(dir, 'seeds'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${start}`);
    dir = parent;
  }
  return dir;
}

/** `<name>.expected.json` beside `<name>.txt` or `<name>.gb18030.txt`. */
export function loadFixtures(fixturesDir: string): Fixture[] {
  return readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.expected.json'.length);
      const file = [`${name}.txt`, `${name}.gb18030.txt`].map((t) => join(fixturesDir, t)).find((p) => existsSync(p));
      if (!file) throw new Error(`fixture ${name} has no ${name}.txt or ${name}.gb18030.txt`);
      return { name, file, expected: JSON.parse(readFileSync(join(fixturesDir, f), 'utf8')) as ExpectedPlan };
    });
}

// ------------------------------------------------------------------------------- seeds

interface GoldenNode {
  ordinal: string;
  title: string;
  sections: GoldenNode[];
}

interface GoldenPlan {
  title: string;
  city: string;
  year: number;
  issuer: string | null;
  issuedOn: string | null;
  documentNumber: string | null;
  sections: GoldenNode[];
  tasks: { number: number; text: string; sectionPath: string[]; responsibleUnits: GoldenUnit[]; campaigns: { code: string }[] }[];
}

/** Golden files before v1.1 listed unit names; since then, units with their role and inheritance. */
type GoldenUnit = string | { name: string; role: 'lead' | 'support' | null; inherited: boolean };

/**
 * The seeds' expectations come from their reviewed golden files (tests/golden/REVIEW.md). What v1.1
 * adds is fixed by that review: both are city plans (place = city), kind 工作要点, no period,
 * simplified script; every unit is a bracket unit without a role; nothing needs review.
 */
export function seedExpectation(golden: GoldenPlan): ExpectedPlan {
  const label = (node: GoldenNode) => (/^[一二三四五六七八九十]+$/u.test(node.ordinal) ? `${node.ordinal}、${node.title}` : `${node.ordinal}${node.title}`);
  const flatten = (nodes: GoldenNode[]): string[] => nodes.flatMap((node) => [label(node), ...flatten(node.sections)]);
  const tasks: ExpectedTask[] = golden.tasks.map((task) => ({
    number: task.number,
    sectionPath: task.sectionPath,
    textStart: task.text.slice(0, 12),
    units: task.responsibleUnits.map((unit) =>
      typeof unit === 'string' ? { name: unit, role: null, inherited: false } : { name: unit.name, role: unit.role, inherited: unit.inherited },
    ),
    campaigns: task.campaigns.map((c) => c.code),
  }));
  return {
    notAPlan: false,
    header: {
      title: golden.title,
      place: golden.city,
      city: golden.city,
      level: 'city',
      kind: '工作要点',
      period: null,
      year: golden.year,
      script: 'simplified',
      issuer: golden.issuer,
      issuedOn: golden.issuedOn,
      documentNumber: golden.documentNumber,
    },
    sections: flatten(golden.sections),
    tasks,
    needsReview: false,
    warnings: [],
  };
}

export function loadSeeds(root: string): Fixture[] {
  return readdirSync(join(root, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => {
      const name = f.slice(0, -'.txt'.length);
      const goldenFile = join(root, 'tests', 'golden', `${name}.plan.json`);
      if (!existsSync(goldenFile)) return [];
      const golden = JSON.parse(readFileSync(goldenFile, 'utf8')) as GoldenPlan;
      return [{ name: `seed:${name}`, file: join(root, 'seeds', f), expected: seedExpectation(golden) }];
    });
}

// ------------------------------------------------------------------------------- parsing

type ParseInput = (input: string | Uint8Array) => unknown;

function isNotAPlan(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; name?: unknown };
  return e.code === 'NOT_A_PLAN' || e.name === 'NotAPlanError';
}

const messageOf = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

function attempt(parse: ParseInput, input: string | Uint8Array): Outcome {
  try {
    return { kind: 'plan', plan: observePlan(parse(input)) };
  } catch (error) {
    return isNotAPlan(error) ? { kind: 'notAPlan' } : { kind: 'crash', message: messageOf(error).slice(0, 300) };
  }
}

/**
 * Parses the file's bytes. An importer that only takes strings (today's) crashes on bytes: it is
 * then given the UTF-8 decoded text so the table still shows what it reads, and the fixture is
 * marked `text*` (never perfect).
 */
export function parseFixture(parse: ParseInput, bytes: Uint8Array): { outcome: Outcome; bytesAccepted: boolean; bytesError?: string; ms: number } {
  const t0 = performance.now();
  const outcome = attempt(parse, bytes);
  if (outcome.kind !== 'crash') return { outcome, bytesAccepted: true, ms: performance.now() - t0 };
  const retry = attempt(parse, new TextDecoder('utf-8').decode(bytes));
  if (retry.kind === 'crash') return { outcome, bytesAccepted: true, ms: performance.now() - t0 };
  return { outcome: retry, bytesAccepted: false, bytesError: outcome.message, ms: performance.now() - t0 };
}

export function evaluate(fixtures: readonly Fixture[], parse: ParseInput): FixtureScore[] {
  return fixtures.map((fixture) => {
    const bytes = new Uint8Array(readFileSync(fixture.file));
    const { outcome, ...run } = parseFixture(parse, bytes);
    return scoreFixture(fixture.name, fixture.expected, outcome, run);
  });
}

// ------------------------------------------------------------------------------- main

function main(argv: string[]): number {
  const details = argv.includes('--details');
  const filters = argv.filter((a) => !a.startsWith('--'));
  const root = findRepoRoot(__dirname);
  const all = [...loadFixtures(join(root, 'tests', 'importer', 'fixtures')), ...loadSeeds(root)];
  const fixtures = filters.length === 0 ? all : all.filter((f) => filters.some((s) => f.name.includes(s)));
  const parse = importer.parsePlan as unknown as ParseInput;
  const scores = evaluate(fixtures, parse);
  const totals = totalScores(scores);

  console.log(formatTable([...scores.map(scoreRow), totalsRow(totals)]));
  console.log(
    '\nheader ✓/✗/∅ = fields right/wrong/missing; P/R = precision/recall %; — = nothing to measure; ' +
      'input text* = parsePlan refused the bytes, scored on decoded text.',
  );
  if (details) {
    for (const score of scores.filter((s) => s.details.length > 0)) {
      console.log(`\n## ${score.name}`);
      for (const line of score.details) console.log(`  ${line}`);
    }
  } else if (totals.goldenFailures.length > 0) {
    console.log('Run with --details (npm run eval:importer -- --details [name…]) to see every difference.');
  }
  if (totals.goldenFailures.length > 0) {
    console.log(`\nFAIL: ${totals.goldenFailures.length} golden fixture(s) below 100%: ${totals.goldenFailures.join(', ')}`);
    return 1;
  }
  console.log(`\nOK: all ${scores.length} fixtures at 100%.`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
