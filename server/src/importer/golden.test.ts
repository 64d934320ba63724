// The seed plans against their reviewed golden files (tests/golden, see REVIEW.md there).
// After an intended change: UPDATE_GOLDEN=1 npx jest --selectProjects server -- server/src/importer/golden
// then read the diff of tests/golden against the documents before committing it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deriveCampaignEvents, parsePlan } from './index';

const root = resolve(__dirname, '../../..');
const update = process.env.UPDATE_GOLDEN === '1';

function expectGolden(file: string, actual: unknown): void {
  const path = join(root, 'tests', 'golden', file);
  if (update) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run with UPDATE_GOLDEN=1 and review it`);
  expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

const seeds = ['tangshan-2023', 'liuzhou-2022'];

describe.each(seeds)('the %s seed', (seed) => {
  const plan = parsePlan(readFileSync(join(root, 'seeds', `${seed}.txt`), 'utf8'));

  it('when parsed, then the plan equals its reviewed golden file', () => {
    expectGolden(`${seed}.plan.json`, plan);
  });

  it('when its campaign events are derived, then they equal their reviewed golden file', () => {
    expectGolden(`${seed}.derived.json`, deriveCampaignEvents(plan));
  });
});

// Facts checked by hand against the documents: they must survive a careless UPDATE_GOLDEN.
describe('reviewed facts', () => {
  const read = (seed: string) => parsePlan(readFileSync(join(root, 'seeds', `${seed}.txt`), 'utf8'));

  it('when 唐山 2023 is parsed, then it has 22 tasks in 3 sections, no units, and its header', () => {
    const plan = read('tangshan-2023');
    expect(plan).toMatchObject({
      title: '2023年唐山市全民科学素质行动工作要点',
      city: '唐山市',
      year: 2023,
      issuer: '唐山市全民科学素质工作领导小组',
      issuedOn: '2023-03-30',
      documentNumber: '唐全科字〔2023〕1号',
    });
    expect(plan.tasks.map((t) => t.number)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(plan.sections.map((s) => s.sections.length)).toEqual([0, 6, 4]);
    expect(plan.tasks.every((t) => t.responsibleUnits.length === 0)).toBe(true);
    expect(plan.tasks[5]!.title).toBe('实施高素质农民培育计划');
    expect(plan.tasks[15]!.title.startsWith('以全国科普日二十周年为契机')).toBe(true);
    expect(plan.tasks[1]!.text).toContain('融入党和政府发展大局。');
  });

  it('when 柳州 2022 is parsed, then it has 45 tasks in 4 sections with their units and campaigns', () => {
    const plan = read('liuzhou-2022');
    expect(plan).toMatchObject({ city: '柳州市', year: 2022, issuer: '柳州市全民科学素质工作领导小组', issuedOn: null, documentNumber: null });
    expect(plan.tasks.map((t) => t.number)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(plan.sections).toHaveLength(4);
    expect(plan.tasks.every((t) => t.responsibleUnits.length > 0)).toBe(true);
    expect(plan.tasks[0]!.responsibleUnits.map((u) => u.name)).toEqual(['各成员单位']);
    expect(plan.tasks[3]!.responsibleUnits.map((u) => u.name)).toEqual(['市委宣传部', '市科技局', '市文化广电旅游局', '市科协']);
    expect(plan.tasks[4]!.campaigns.map((c) => c.code)).toEqual([
      'three-rural-outreach',
      'mass-innovation-week',
      'national-science-day',
      'science-tech-week',
      'food-safety-week',
    ]);
    expect(plan.tasks[37]!.campaigns.map((c) => c.code)).toEqual(['disaster-prevention-day', 'fire-safety-month', 'work-safety-month']);
  });
});
