// The evaluation's own rules on tiny literal inputs, and the fixtures' format (so a typo in a
// hand-written expectation fails here, not as a mysterious importer miss).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { campaignCatalogue } from '../../server/src/campaigns';
import { findRepoRoot, loadFixtures, loadSeeds, parseFixture } from './eval';
import {
  compareBags,
  type ExpectedPlan,
  f1,
  HEADER_FIELDS,
  headingKey,
  isPerfect,
  matchTasks,
  nodeHeadingKey,
  observePlan,
  type ObservedTask,
  precision,
  recall,
  scoreFixture,
  textStartsWith,
  totalScores,
  WARNING_CODES,
} from './metrics';

const root = findRepoRoot(__dirname);
const fixturesDir = join(root, 'tests', 'importer', 'fixtures');

const task = (sectionPath: string[], text: string, extra: Partial<ObservedTask> = {}): ObservedTask => ({
  number: 1,
  sectionPath,
  text,
  units: [],
  campaigns: [],
  ...extra,
});

const header = {
  title: '2024年某市全民科学素质行动工作要点',
  place: '某市',
  city: '某市',
  level: 'city',
  kind: '工作要点',
  period: null,
  year: 2024,
  script: 'simplified',
  issuer: null,
  issuedOn: '2024-03-01',
  documentNumber: null,
};

const expectedPlan: ExpectedPlan = {
  notAPlan: false,
  header,
  sections: ['一、重点任务', '（一）青少年'],
  tasks: [
    {
      number: 1,
      sectionPath: ['一、重点任务', '（一）青少年'],
      textStart: '推进科学教育',
      units: [
        { name: '市教育局', role: 'lead', inherited: true },
        { name: '市科协', role: null, inherited: false },
      ],
      campaigns: ['national-science-day'],
    },
    {
      number: 2,
      sectionPath: ['一、重点任务', '（一）青少年'],
      textStart: '开展科技竞赛',
      units: [{ name: '市教育局', role: 'lead', inherited: true }],
      campaigns: [],
    },
  ],
  needsReview: false,
  warnings: [],
};

/** A v1.1-shaped parse that agrees with expectedPlan; tests change one thing at a time. */
function perfectParse() {
  return {
    ...header,
    sections: [{ ordinal: '一', level: 1, title: '重点任务', sections: [{ ordinal: '（一）', level: 2, title: '青少年', sections: [] }] }],
    tasks: [
      {
        number: 1,
        title: '',
        text: '推进科学教育进校园。',
        sectionPath: ['一、重点任务', '（一）青少年'],
        responsibleUnits: [
          { name: '市科协', role: null, inherited: false },
          { name: '市教育局', role: 'lead', inherited: true },
        ],
        campaigns: [{ code: 'national-science-day', name: '全国科普日' }],
      },
      {
        number: 2,
        title: '',
        text: '开展科技竞赛。',
        sectionPath: ['一、重点任务', '（一）青少年'],
        responsibleUnits: [{ name: '市教育局', role: 'lead', inherited: true }],
        campaigns: [],
      },
    ],
    needsReview: false,
    warnings: [],
  };
}

const score = (result: unknown, expected: ExpectedPlan = expectedPlan) =>
  scoreFixture('t', expected, { kind: 'plan', plan: observePlan(result) }, { bytesAccepted: true, ms: 0 });

describe('counting', () => {
  test('bags are multisets: a duplicate counts once per occurrence', () => {
    expect(compareBags(['a', 'a', 'b'], ['a', 'c'])).toEqual({ tp: 1, fp: 1, fn: 2 });
  });

  test('precision and recall are unknown (null), not 100%, when there is nothing to divide by', () => {
    expect(precision({ tp: 0, fp: 0, fn: 3 })).toBeNull();
    expect(recall({ tp: 0, fp: 2, fn: 0 })).toBeNull();
    expect(recall({ tp: 1, fp: 0, fn: 1 })).toBe(0.5);
  });

  test('F1 is 1 when both sides are empty and 0 when nothing matches', () => {
    expect(f1({ tp: 0, fp: 0, fn: 0 })).toBe(1);
    expect(f1({ tp: 0, fp: 1, fn: 1 })).toBe(0);
    expect(f1({ tp: 2, fp: 1, fn: 1 })).toBeCloseTo(2 / 3);
  });
});

describe('heading keys', () => {
  test('the separator after the ordinal and the width of brackets do not matter', () => {
    expect(headingKey('一、总体要求')).toBe(headingKey('一 总体要求'));
    expect(headingKey('一、总体要求')).toBe(nodeHeadingKey('一', '总体要求'));
    expect(headingKey('(一)实施行动')).toBe(headingKey('（一）实施行动'));
    expect(headingKey('第一部分 总体要求')).toBe(nodeHeadingKey('第一部分', '总体要求'));
    expect(headingKey('1、青少年')).toBe(nodeHeadingKey('1', '青少年'));
  });

  test('different ordinals or titles stay different; ① is not 1', () => {
    expect(headingKey('一、总体要求')).not.toBe(headingKey('二、总体要求'));
    expect(headingKey('一、总体要求')).not.toBe(headingKey('一、重点任务'));
    expect(nodeHeadingKey('①', '青少年')).not.toBe(nodeHeadingKey('1', '青少年'));
  });
});

describe('task matching', () => {
  test('a task matches by section path and text start, with or without its number in front', () => {
    expect(textStartsWith('推进科学教育进校园', '推进科学教育')).toBe(true);
    expect(textStartsWith('一是推进科学教育', '推进科学教育')).toBe(true);
    expect(textStartsWith('（1）推进 科学教育', '推进科学教育')).toBe(true);
    expect(textStartsWith('开展科技竞赛', '推进科学教育')).toBe(false);
  });

  test('the same text under another section does not match, and each parsed task is used once', () => {
    const want = [
      { number: 1, sectionPath: ['一、甲'], textStart: '加强', units: [], campaigns: [] },
      { number: 1, sectionPath: ['二、乙'], textStart: '加强', units: [], campaigns: [] },
    ];
    expect(matchTasks(want, [task(['二、乙'], '加强宣传')])).toEqual([null, 0]);
    expect(matchTasks(want, [task(['一 甲'], '加强宣传'), task(['一、甲'], '加强培训')])).toEqual([0, null]);
  });
});

describe('scoring one fixture', () => {
  test('a parse that agrees with the expectation is perfect, whatever the order of units', () => {
    const s = score(perfectParse());
    expect(s.details).toEqual([]);
    expect(isPerfect(s)).toBe(true);
  });

  test('explicit and inherited units are scored apart, by name and role', () => {
    const parse = perfectParse();
    parse.tasks[0]!.responsibleUnits = [
      { name: '市科协', role: null, inherited: false },
      { name: '市教育局', role: null, inherited: true },
    ];
    const s = score(parse);
    expect(s.unitsExplicit).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s.unitsInherited).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(isPerfect(s)).toBe(false);
  });

  test('a field the importer does not give is missing; a different value is wrong', () => {
    const { place: _place, ...rest } = perfectParse();
    const s = score({ ...rest, year: 2023 });
    expect(s.header?.place).toBe('missing');
    expect(s.header?.year).toBe('wrong');
    expect(s.header?.title).toBe('right');
  });

  test('null where a value was expected is missing; a value where null was expected is wrong', () => {
    const s = score({ ...perfectParse(), issuedOn: null, issuer: '某市科协' });
    expect(s.header?.issuedOn).toBe('missing');
    expect(s.header?.issuer).toBe('wrong');
  });

  test('an unscored header field is not judged', () => {
    const s = score({ ...perfectParse(), title: '由导语生成的标题' }, { ...expectedPlan, unscored: ['title'] });
    expect(s.header?.title).toBeUndefined();
    expect(isPerfect(s)).toBe(true);
  });

  test("today's shape (units as strings, no v1.1 fields) is read, not rejected", () => {
    const old = perfectParse() as Record<string, unknown>;
    for (const field of ['place', 'level', 'kind', 'period', 'script', 'needsReview', 'warnings']) delete old[field];
    old.tasks = perfectParse().tasks.map((t) => ({ ...t, responsibleUnits: t.responsibleUnits.map((u) => u.name) }));
    const s = score(old);
    expect(s.tasks).toEqual({ tp: 2, fp: 0, fn: 0 });
    // Every string unit reads as explicit without a role: 市科协 matches, the two 市教育局 (lead, inherited) do not.
    expect(s.unitsExplicit).toEqual({ tp: 1, fp: 2, fn: 0 });
    expect(s.unitsInherited).toEqual({ tp: 0, fp: 0, fn: 2 });
    expect(s.needsReview).toBe('missing');
    expect(Object.values(s.header ?? {}).filter((v) => v === 'missing')).toHaveLength(5);
  });

  test('warning codes outside the list are not scored; listed ones are', () => {
    const s = score({
      ...perfectParse(),
      warnings: [
        { code: 'SOMETHING_ELSE', message: '' },
        { code: 'NO_PLACE', message: '' },
      ],
    });
    expect(s.warnings).toEqual({ tp: 0, fp: 1, fn: 0 });
  });

  test('an extra task lowers task precision and brings its units and campaigns as extras', () => {
    const parse = perfectParse();
    parse.tasks.push({ number: 3, title: '', text: '[主题分类] 科技', sectionPath: [], responsibleUnits: [], campaigns: [{ code: 'earth-day', name: '' }] });
    const s = score(parse);
    expect(s.tasks).toEqual({ tp: 2, fp: 1, fn: 0 });
    expect(s.campaigns).toEqual({ tp: 1, fp: 1, fn: 0 });
  });

  test('NOT_A_PLAN is right only for a non-plan; a crash is never right', () => {
    const notAPlan: ExpectedPlan = { notAPlan: true };
    const opts = { bytesAccepted: true, ms: 0 };
    expect(isPerfect(scoreFixture('n', notAPlan, { kind: 'notAPlan' }, opts))).toBe(true);
    expect(scoreFixture('n', notAPlan, { kind: 'crash', message: 'x' }, opts).notAPlanRight).toBe(false);
    expect(scoreFixture('n', notAPlan, { kind: 'plan', plan: observePlan({}) }, opts).notAPlanRight).toBe(false);
    const refused = scoreFixture('p', expectedPlan, { kind: 'notAPlan' }, opts);
    expect(refused.notAPlanRight).toBe(false);
    expect(refused.tasks).toEqual({ tp: 0, fp: 0, fn: 2 });
  });

  test('totals name every golden fixture below 100%, and only those', () => {
    const good = score(perfectParse());
    const bad = { ...score({}), name: 'bad' };
    const lenient = { ...score({}), name: 'lenient', golden: false };
    expect(totalScores([good, bad, lenient]).goldenFailures).toEqual(['bad']);
  });
});

describe('calling the importer', () => {
  const bytes = new TextEncoder().encode('x');
  test('a string-only importer is scored on the decoded text and marked as refusing bytes', () => {
    const stringOnly = (input: string | Uint8Array) => {
      if (typeof input !== 'string') throw new TypeError('raw.replace is not a function');
      return { title: input };
    };
    const result = parseFixture(stringOnly, bytes);
    expect(result.bytesAccepted).toBe(false);
    expect(result.outcome.kind).toBe('plan');
  });

  test('NOT_A_PLAN is told apart from a crash', () => {
    const refuse = () => {
      throw Object.assign(new Error('no'), { code: 'NOT_A_PLAN' });
    };
    const crash = () => {
      throw new RangeError('boom');
    };
    expect(parseFixture(refuse, bytes).outcome.kind).toBe('notAPlan');
    expect(parseFixture(crash, bytes).outcome).toEqual({ kind: 'crash', message: 'RangeError: boom' });
  });
});

describe('the fixtures themselves', () => {
  const fixtures = loadFixtures(fixturesDir);
  const codes = new Set(campaignCatalogue.map((c) => c.code));
  const warningCodes = new Set<string>(WARNING_CODES);

  test('there are at least 18 plans and 3 non-plans besides the empty text', () => {
    expect(fixtures.filter((f) => !f.expected.notAPlan).length).toBeGreaterThanOrEqual(18);
    expect(fixtures.filter((f) => f.expected.notAPlan && f.name.startsWith('not-')).length).toBeGreaterThanOrEqual(3);
    expect(readFileSync(join(fixturesDir, 'empty.txt')).length).toBe(0);
  });

  test.each(fixtures.filter((f) => !f.expected.notAPlan).map((f) => [f.name, f.expected] as const))(
    '%s: a complete expectation with known codes and section paths made of listed headings',
    (_name, expected) => {
      expect(Object.keys(expected.header ?? {}).sort()).toEqual([...HEADER_FIELDS].sort());
      expect(typeof expected.needsReview).toBe('boolean');
      for (const code of expected.warnings ?? []) expect(warningCodes.has(code)).toBe(true);
      // needsReview is true exactly when a warning other than the informational TRADITIONAL is expected.
      expect(expected.needsReview).toBe((expected.warnings ?? []).some((code) => code !== 'TRADITIONAL'));
      const headings = new Set((expected.sections ?? []).map(headingKey));
      for (const t of expected.tasks ?? []) {
        expect(t.textStart.length).toBeGreaterThanOrEqual(6);
        for (const heading of t.sectionPath) expect(headings.has(headingKey(heading))).toBe(true);
        for (const code of t.campaigns) expect(codes.has(code)).toBe(true);
        for (const unit of t.units) expect([null, 'lead', 'support']).toContain(unit.role);
      }
    },
  );

  test('the GB18030 fixture is really GB18030 and still matches its UTF-8 source', () => {
    const bytes = readFileSync(join(fixturesDir, 'xiangxi-2024.gb18030.txt'));
    const source = readFileSync(join(fixturesDir, 'sources', 'xiangxi-2024.utf8.txt'), 'utf8');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(source);
  });

  test('the seeds get expectations from their golden files', () => {
    const seeds = loadSeeds(root);
    expect(seeds.map((s) => s.name)).toEqual(['seed:liuzhou-2022', 'seed:tangshan-2023']);
    expect(seeds[1]!.expected.tasks).toHaveLength(22);
    expect(seeds[1]!.expected.header?.documentNumber).toBe('唐全科字〔2023〕1号');
    expect(existsSync(seeds[0]!.file)).toBe(true);
  });
});
