// The matcher against the two seed plans as the importer reads them. The expected tasks were
// chosen by reading the plans (seeds/), not by running the matcher; each carries its reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../../importer';
import type { ParsedPlan } from '../../importer/types';
import { demoActivityTemplates } from '../../demo/demo-data';
import { bestTaskNumber, rankTasks, suggestTasks, type EventProfile } from './task-matcher';

const seeds = join(__dirname, '../../../../seeds');
const liuzhou = parsePlan(readFileSync(join(seeds, 'liuzhou-2022.txt'), 'utf8'));
const tangshan = parsePlan(readFileSync(join(seeds, 'tangshan-2023.txt'), 'utf8'));

const top3 = (event: EventProfile, plan: ParsedPlan) => rankTasks(event, plan.tasks).slice(0, 3);

interface Case {
  event: EventProfile;
  /** Expected task number in 柳州 2022 and 唐山 2023, each with why. */
  liuzhou: [number, string];
  tangshan: [number, string];
}

const demo = (title: string): EventProfile => {
  const template = demoActivityTemplates.find((t) => t.title === title);
  if (!template) throw new Error(`no demo activity ${title}`);
  return { ...template, campaign: template.campaign ?? null };
};

const demoCases: Case[] = [
  {
    event: demo('家庭应急避险演练开放日'),
    liuzhou: [37, '强化应急知识科普和技能演练: a drill with firefighters'],
    tangshan: [21, '应急科普宣教: 应急避险 themes, 进家庭'],
  },
  {
    event: demo('银龄智能手机课堂：防范电信诈骗'),
    liuzhou: [19, '智慧助老行动: 智能手机应用培训, 防范电信诈骗'],
    tangshan: [13, '银龄科普行动: the plan has no digital task for older people; this is their general one'],
  },
  {
    event: demo('青少年机器人编程体验营'),
    liuzhou: [10, '校内外科学教育: 科技节、科学营 for pupils'],
    tangshan: [4, "助推“双减”: 机器人竞赛 and other pupils' science activities"],
  },
  {
    event: demo('食品安全进社区：餐桌上的科学'),
    liuzhou: [5, 'names 食品安全 and 全国食品安全宣传周'],
    tangshan: [16, 'names 食品安全宣传周 and 食品安全 themed activities'],
  },
  {
    event: demo('星空观测夜：认识冬季星座'),
    liuzhou: [10, 'no astronomy in the plan; out-of-school science activities for pupils'],
    tangshan: [16, 'the only task naming 航天 (中国航天日)'],
  },
  {
    event: demo('高素质农民培训：设施蔬菜病虫害绿色防控'),
    liuzhou: [12, '实施高素质农民培育计划'],
    tangshan: [6, '实施高素质农民培育计划'],
  },
  {
    event: demo('心肺复苏与AED急救培训'),
    liuzhou: [38, '面向公众的应急救护培训体系, 自救互救'],
    tangshan: [21, '应急科普宣教: 应急避险, 进企业进社区'],
  },
  {
    event: demo('科学家精神报告会：走近身边的科技工作者'),
    liuzhou: [31, '宣传优秀科技工作者的先进事迹, 弘扬科学家精神, 宣讲报告'],
    tangshan: [3, '弘扬科学家精神, 事迹报告, 全国科技工作者日'],
  },
  {
    event: demo('低碳生活科普市集'),
    liuzhou: [5, '绿色低碳、环保治污 for the public'],
    tangshan: [16, '碳达峰碳中和、垃圾分类 themed activities, 全国低碳日'],
  },
  {
    event: demo('老年人健康大讲堂：慢病管理与合理用药'),
    liuzhou: [20, '加强老年人健康科普服务'],
    tangshan: [12, '加强老年人健康科普服务: 健康大讲堂'],
  },
  {
    event: demo('产业工人创新方法工作坊'),
    liuzhou: [18, '创新达人宣讲, 中国创新方法大赛'],
    tangshan: [11, '创新达人宣讲, 中国创新方法大赛'],
  },
  {
    event: demo('科技馆科学实验秀'),
    liuzhou: [33, '创新现代科技馆体系'],
    tangshan: [19, '完善现代科技馆体系'],
  },
];

const invented = (title: string, description: string, audiences: string[], themes: string[], campaign: string | null = null): EventProfile => ({
  title,
  description,
  audiences,
  themes,
  campaign,
});

const inventedCases: Case[] = [
  {
    event: invented('社区老年人智能手机使用培训班', '教老人用手机挂号、视频通话、识别网络谣言。', ['老年人'], ['数字素养']),
    liuzhou: [19, '智慧助老行动: 智能手机应用培训'],
    tangshan: [13, '银龄科普行动, the general task for older people'],
  },
  {
    event: invented('中小学机器人编程夏令营', '学校组织学生动手搭建机器人，参加区机器人竞赛选拔。', ['青少年'], []),
    liuzhou: [10, '校内外科学教育: 科学营 for pupils'],
    tangshan: [4, '机器人竞赛'],
  },
  {
    event: invented('防汛应急演练', '模拟洪水来临，居民按预案转移，练习自救互救。', ['社区居民'], ['应急', '防灾减灾']),
    liuzhou: [37, '技能演练'],
    tangshan: [21, '防灾减灾、应急避险 宣教'],
  },
  {
    event: invented('果树种植实用技术培训', '农技员到村讲解果树修剪与病虫害防治，面向种植户。', ['农民'], ['三农']),
    liuzhou: [13, '乡村振兴科技支撑: 农业科技成果落地应用'],
    tangshan: [7, '乡村振兴科技支撑: 实用技术培训'],
  },
  {
    event: invented('食品安全宣传周咨询摊位', '市场监管人员现场解答食品标签、过期食品问题。', ['社区居民'], ['食品安全'], 'food-safety-week'),
    liuzhou: [5, '全国食品安全宣传周'],
    tangshan: [16, '食品安全宣传周'],
  },
  {
    event: invented('防震减灾知识进校园', '地震科普讲座和疏散演练。', ['青少年'], ['防灾减灾']),
    liuzhou: [9, '“防震减灾知识进校园” by name'],
    tangshan: [21, '防灾减灾 宣教 进学校'],
  },
  {
    event: invented('领导干部科学素质专题培训班', '党校开设创新思维与科学决策课程。', ['领导干部和公务员'], []),
    liuzhou: [23, '党校 courses on 创新思维 and 科学决策'],
    tangshan: [15, '干部 science training in 党校'],
  },
  {
    event: invented('中小学科学教师培训', '送培到基层，提升科学教师和科技辅导员的实验教学能力。', ['教师'], []),
    liuzhou: [25, '科学教育内容融入教师培训, 送培到基层'],
    tangshan: [5, '教师科学素质提升工程, 送培到基层'],
  },
  {
    event: invented('全国科普日主场活动', '全市集中开展科普展览、互动体验。', ['社区居民'], [], 'national-science-day'),
    liuzhou: [5, 'names 全国科普日'],
    tangshan: [16, '全国科普日 by name'],
  },
  {
    event: invented('科技志愿服务队进社区', '科技志愿者走进新时代文明实践中心开展志愿服务。', ['社区居民'], []),
    liuzhou: [41, '基层科普服务: 科技志愿服务队, 文明实践中心'],
    tangshan: [22, '基层科普服务: 新时代文明实践中心, 科技志愿服务'],
  },
  {
    event: invented('职工劳动和技能竞赛', '车间班组比技能，评选技术能手和“五小”创新成果。', ['产业工人'], []),
    liuzhou: [16, '劳动和技能竞赛, “五小”'],
    tangshan: [9, '劳动和技能竞赛, “五小”'],
  },
  {
    event: invented('劳模工匠进校园', '请劳动模范和工匠给技工院校学生讲工匠精神。', ['产业工人', '学生'], []),
    liuzhou: [15, '劳模精神、工匠精神, 职业院校开学第一课'],
    tangshan: [8, '“劳模工匠进校园” by name'],
  },
];

describe('ranking a plan’s tasks for an event', () => {
  it('reads both seed plans', () => {
    expect(liuzhou.tasks).toHaveLength(45);
    expect(tangshan.tasks).toHaveLength(22);
  });

  describe.each([
    ['demo activity', demoCases],
    ['invented event', inventedCases],
  ])('each %s', (_kind, cases) => {
    it.each(cases.map((c) => [c.event.title, c] as const))('%s finds the task it carries out in the top 3 of both seed plans', (_title, c) => {
      expect(top3(c.event, liuzhou).map((m) => m.number)).toContain(c.liuzhou[0]);
      expect(top3(c.event, tangshan).map((m) => m.number)).toContain(c.tangshan[0]);
    });
  });

  it('every demo activity is covered by a case', () => {
    expect(demoCases.map((c) => c.event.title).sort()).toEqual(demoActivityTemplates.map((t) => t.title).sort());
  });

  it.each([
    invented('少儿书法作品展', '展出书法与国画作品，欢迎参观。', [], []),
    invented('周末广场舞大赛', '各街道代表队同台比拼，欢迎观看。', ['社区居民'], []),
    invented('二手车交易会', '品牌车商云集，现场看车试驾。', [], []),
  ])('an event that shares nothing with the plan ($title) gets no suggestion', (event) => {
    expect(rankTasks(event, liuzhou.tasks)).toEqual([]);
    expect(rankTasks(event, tangshan.tasks)).toEqual([]);
    expect(bestTaskNumber(event, liuzhou.tasks)).toBeNull();
  });

  it('the links the issue found random are not suggested at all', () => {
    // 银龄智能手机课堂 was linked to 第1项 全面学习贯彻党的二十大精神 (it names 数字中国 in passing).
    expect(rankTasks(demo('银龄智能手机课堂：防范电信诈骗'), tangshan.tasks).map((m) => m.number)).not.toContain(1);
    // 家庭应急避险演练开放日 was linked to 实施乡村振兴科技支撑行动 and 加强老年人健康科普服务.
    const drill = rankTasks(demo('家庭应急避险演练开放日'), tangshan.tasks).map((m) => m.number);
    expect(drill).not.toContain(7);
    expect(drill).not.toContain(12);
  });

  it('says why in Chinese: the shared audiences and themes, the words both use', () => {
    const [best] = rankTasks(demo('银龄智能手机课堂：防范电信诈骗'), liuzhou.tasks);
    expect(best).toMatchObject({ number: 19, title: '实施智慧助老行动' });
    expect(best!.reason).toMatch(/^同为老年人、数字素养/);
    expect(best!.reason).toContain('“电信诈骗”');
  });

  it('names the campaign both belong to', () => {
    const [best] = rankTasks(demo('食品安全进社区：餐桌上的科学'), tangshan.tasks);
    expect(best!.number).toBe(16);
    expect(best!.reason).toContain('同属全国食品安全宣传周');
  });

  describe('the organizing organization', () => {
    // A plan of two tasks on the same subject; only their units differ.
    const task = (number: number, units: { name: string; organizationId: string | null; role: 'lead' | 'support' | null }[]) => ({
      number,
      title: '加强老年人健康科普服务',
      text: '加强老年人健康科普服务。开展健康大讲堂。',
      sectionPath: [],
      responsibleUnits: units,
      audiences: ['老年人'],
      themes: ['健康'],
      campaigns: [],
    });
    const event: EventProfile = { title: '老年人健康讲座', description: '', audiences: ['老年人'], themes: ['健康'], organizerId: 'org-health' };

    it('a task the organizer leads comes before one it supports, and the reason says so', () => {
      const tasks = [
        task(1, [
          { name: '市民政局', organizationId: 'org-civil', role: null },
          { name: '市卫健委', organizationId: 'org-health', role: null },
        ]),
        task(2, [
          { name: '市卫健委', organizationId: 'org-health', role: null },
          { name: '市民政局', organizationId: 'org-civil', role: null },
        ]),
      ];
      const ranked = rankTasks(event, tasks);
      expect(ranked.map((m) => m.number)).toEqual([2, 1]);
      expect(ranked[0]!.reason).toBe('同为老年人、健康；本单位牵头');
      expect(ranked[1]!.reason).toBe('同为老年人、健康；本单位参与');
    });

    it('a unit marked lead leads wherever it is listed', () => {
      const tasks = [
        task(1, [
          { name: '市民政局', organizationId: 'org-civil', role: 'support' },
          { name: '市卫健委', organizationId: 'org-health', role: 'lead' },
        ]),
      ];
      expect(rankTasks(event, tasks)[0]!.reason).toContain('本单位牵头');
    });

    it('being a responsible unit alone is no reason to suggest a task', () => {
      const unrelated = {
        ...task(1, [{ name: '市卫健委', organizationId: 'org-health', role: 'lead' }]),
        title: '完善监测评估体系',
        text: '完善监测评估体系。',
        audiences: [],
        themes: [],
      };
      expect(rankTasks({ ...event, title: '二手车交易会', audiences: [], themes: [] }, [unrelated])).toEqual([]);
    });
  });

  it('is deterministic: equal scores keep the plan’s order, and a second run gives the same answer', () => {
    const event = invented('老年人科普', '', ['老年人'], []);
    const first = rankTasks(event, tangshan.tasks);
    expect(rankTasks(event, tangshan.tasks)).toEqual(first);
    const tied = first.filter((m) => m.score === first[first.length - 1]!.score).map((m) => m.number);
    expect(tied).toEqual([...tied].sort((a, b) => a - b));
  });

  it('across plans, keeps the best three, the newer plan first on a tie', () => {
    const event = demo('老年人健康大讲堂：慢病管理与合理用药');
    const suggestions = suggestTasks(event, [
      { planId: 'lz', year: 2022, tasks: liuzhou.tasks },
      { planId: 'ts', year: 2023, tasks: tangshan.tasks },
    ]);
    expect(suggestions).toHaveLength(3);
    // Both plans have 加强老年人健康科普服务 with the same score: 唐山 2023 is newer.
    expect(suggestions.slice(0, 2).map((s) => `${s.planId}:${s.number}`)).toEqual(['ts:12', 'lz:20']);
  });

  it('links a demo activity to its best task', () => {
    expect(bestTaskNumber(demo('银龄智能手机课堂：防范电信诈骗'), liuzhou.tasks)).toBe(19);
    expect(bestTaskNumber(demo('老年人健康大讲堂：慢病管理与合理用药'), tangshan.tasks)).toBe(12);
  });
});
