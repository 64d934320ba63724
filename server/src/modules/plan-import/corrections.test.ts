import { extractTask } from '../../importer';
import type { ParsedPlan } from '../../importer/types';
import type { PlanCorrections } from '../../db/entities/plan.entity';
import { appendCorrections, applyCorrections, resolveCorrections, type RequestedTaskCorrection } from './corrections';

const lead = (name: string) => ({ name, role: 'lead' as const, inherited: false });

/** A parse of a small plan: tasks as [number, text, own unit]. */
function parse(tasks: [number, string, string][]): ParsedPlan {
  return {
    title: '某市2024年全民科学素质行动工作要点',
    place: '某市',
    city: '某市',
    level: 'city',
    kind: '工作要点',
    period: null,
    year: 2024,
    script: 'simplified',
    issuer: null,
    issuedOn: null,
    documentNumber: null,
    sections: [],
    tasks: tasks.map(([number, text, unit]) => extractTask({ number, text, sectionPath: ['一、重点工作'], units: [lead(unit)] }, 2024)),
    needsReview: false,
    warnings: [],
  };
}

const first = '开展科普日活动。组织科普讲座进校园。举办青少年科技竞赛。';
const original = parse([
  [1, first, '市科协'],
  [3, '建设科普基地。', '市科技局'],
  [4, '培训高素质农民。', '市农业农村局'],
]);

/** The admin's corrections one request at a time, each against the outline the previous ones left, as the page sends them. */
function correct(parsed: ParsedPlan, requests: RequestedTaskCorrection[][]): { stored: PlanCorrections | null; shown: ParsedPlan } {
  let stored: PlanCorrections | null = null;
  for (const request of requests) {
    const { steps, problems } = resolveCorrections(applyCorrections(parsed, stored), request);
    expect(problems).toEqual([]);
    stored = appendCorrections(stored, {}, steps);
  }
  return { stored, shown: applyCorrections(parsed, stored) };
}

const numbers = (plan: ParsedPlan) => plan.tasks.map((t) => t.number);
const unitsOf = (plan: ParsedPlan, index: number) => plan.tasks[index]!.responsibleUnits.map((u) => u.name);
const splitFirst = [{ number: 1, split: { before: '组织科普讲座', number: 2 } }];

describe('an admin’s corrections, each addressed to the outline the admin saw', () => {
  it('when task 1 is split, the units of its second part are corrected by its position in the corrected outline', () => {
    const { shown, stored } = correct(original, [splitFirst, [{ ordinal: 2, units: [{ name: '市教育局', role: 'lead' }] }]]);
    expect(numbers(shown)).toEqual([1, 2, 3, 4]);
    expect(shown.tasks[1]!.text).toBe('组织科普讲座进校园。举办青少年科技竞赛。');
    expect(unitsOf(shown, 1)).toEqual(['市教育局']);
    expect(unitsOf(shown, 2)).toEqual(['市科技局']);
    expect(shown.warnings).toEqual([]);
    // Re-applied to the same parse, the stored patch gives the same outline.
    expect(
      applyCorrections(
        parse([
          [1, first, '市科协'],
          [3, '建设科普基地。', '市科技局'],
          [4, '培训高素质农民。', '市农业农村局'],
        ]),
        stored,
      ),
    ).toEqual(shown);
  });

  it('when the first part of a split task is corrected, only it changes', () => {
    const { shown } = correct(original, [splitFirst, [{ ordinal: 1, units: [{ name: '市文明办', role: null }] }]]);
    expect(unitsOf(shown, 0)).toEqual(['市文明办']);
    expect(unitsOf(shown, 1)).toEqual(['市科协']);
  });

  it('when a part of a split task is split again, three tasks come from one', () => {
    const { shown } = correct(original, [splitFirst, [{ ordinal: 2, split: { before: '举办青少年', number: 5 } }]]);
    expect(numbers(shown)).toEqual([1, 2, 5, 3, 4]);
    expect(shown.tasks.slice(0, 3).map((t) => t.text)).toEqual(['开展科普日活动。', '组织科普讲座进校园。', '举办青少年科技竞赛。']);
  });

  it('when the second part of a split is merged with the next task, the merge crosses the split', () => {
    const { shown } = correct(original, [splitFirst, [{ ordinal: 2, mergeWithNext: true }]]);
    expect(numbers(shown)).toEqual([1, 2, 4]);
    expect(shown.tasks[1]!.text).toBe('组织科普讲座进校园。举办青少年科技竞赛。建设科普基地。');
    expect(unitsOf(shown, 1)).toEqual(['市科协', '市科技局']);
  });

  it('when a request names a position the corrected outline does not have, or cannot apply there, it is refused by path', () => {
    const { stored } = correct(original, [splitFirst]);
    const shown = applyCorrections(original, stored);
    const { problems } = resolveCorrections(shown, [
      { ordinal: 5, units: [] },
      { ordinal: 4, mergeWithNext: true },
      { ordinal: 2, split: { before: '开展科普日', number: 9 } },
      { number: 2, units: [{ name: '市教育局', role: 'lead' }] },
    ]);
    expect(problems).toEqual([
      { path: 'tasks.0', message: '没有这项任务' },
      { path: 'tasks.1.mergeWithNext', message: '这是最后一项任务，没有下一项可以合并' },
      { path: 'tasks.2.split.before', message: '这项任务的正文中（开头之后）没有这段文字' },
    ]);
  });

  it('when a request holds two corrections, the second addresses the outline the first left', () => {
    const { shown } = correct(original, [[...splitFirst, { ordinal: 3, units: [{ name: '市住建局', role: 'lead' }] }]]);
    expect(numbers(shown)).toEqual([1, 2, 3, 4]);
    expect(unitsOf(shown, 2)).toEqual(['市住建局']);
  });

  it('when the same task’s units are corrected twice with no boundary moved between, the patch keeps only the last', () => {
    const again = [{ ordinal: 3, units: [{ name: '市住建局', role: 'lead' as const }] }];
    const { stored, shown } = correct(original, [splitFirst, [{ ordinal: 3, units: [] }], again]);
    expect(stored!.tasks).toHaveLength(2);
    expect(unitsOf(shown, 2)).toEqual(['市住建局']);
  });
});

describe('corrections laid over a later parse of an edited text', () => {
  const { stored } = correct(original, [
    splitFirst,
    [{ ordinal: 2, units: [{ name: '市教育局', role: 'lead' }] }],
    [{ number: 4, units: [{ name: '市妇联', role: null }] }],
  ]);

  it('when a task is added before the corrected ones, each correction still finds its task', () => {
    const edited = parse([
      [1, '宣传科学家精神。', '市科协'],
      [2, first, '市科协'],
      [3, '建设科普基地。', '市科技局'],
      [4, '培训高素质农民。', '市农业农村局'],
    ]);
    const shown = applyCorrections(edited, stored);
    expect(shown.tasks.map((t) => t.text.slice(0, 6))).toEqual(['宣传科学家精', '开展科普日活', '组织科普讲座', '建设科普基地', '培训高素质农']);
    expect(unitsOf(shown, 2)).toEqual(['市教育局']);
    expect(unitsOf(shown, 4)).toEqual(['市妇联']);
    expect(shown.warnings).toEqual([]);
  });

  it('when the split task’s text changed, its split and the units of its part are warnings, not laid over another task', () => {
    const edited = parse([
      [1, '开展科普日活动。组织科普讲座进社区。', '市科协'],
      [3, '建设科普基地。', '市科技局'],
      [4, '培训高素质农民。', '市农业农村局'],
    ]);
    const shown = applyCorrections(edited, stored);
    expect(numbers(shown)).toEqual([1, 3, 4]);
    expect(shown.tasks.map((t) => unitsOf(shown, shown.tasks.indexOf(t)))).toEqual([['市科协'], ['市科技局'], ['市妇联']]);
    expect(shown.needsReview).toBe(true);
    expect(shown.warnings.map((w) => w.code)).toEqual(['CORRECTION_NOT_APPLIED', 'CORRECTION_NOT_APPLIED']);
    expect(shown.warnings[0]!.message).toContain('第1项“开展科普日活动”');
    expect(shown.warnings[0]!.message).toContain('拆分');
    expect(shown.warnings[1]!.message).toContain('责任单位');
  });

  it('when a correction stored before anchors existed names a task by number, it is applied to that task', () => {
    const shown = applyCorrections(original, { tasks: [{ number: 3, units: [{ name: '市住建局', role: 'lead' }] }] });
    expect(unitsOf(shown, 1)).toEqual(['市住建局']);
  });

  it('when place and year are corrected, they are laid over the parse', () => {
    expect(applyCorrections(original, { place: '某省某市', year: 2025 })).toMatchObject({ place: '某省某市', year: 2025, tasks: original.tasks });
  });
});
