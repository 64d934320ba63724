import { extractTask, matchVocabulary, parseUnitList, splitResponsibleUnits as splitWithRoles, taskTitle } from './extract';
import { AUDIENCE_KEYWORDS } from './vocabulary';

const task = (text: string, sectionPath: string[] = []) => extractTask({ number: 7, text, sectionPath }, 2023);

describe('taskTitle', () => {
  it('when a task opens with a short sentence, then that sentence without its 。 is the title', () => {
    expect(taskTitle('实施高素质农民培育计划。推动培训融入。')).toBe('实施高素质农民培育计划');
  });

  it('when the lead sentence has a comma but is short, then the whole sentence is the title', () => {
    expect(taskTitle('以科普日为契机，推动活动创新提升。组织开展活动。')).toBe('以科普日为契机，推动活动创新提升');
  });

  it('when the lead sentence runs past 40 characters, then the part before its first comma is the title', () => {
    const text = '推动新思想在全民科学素质工作中走深走实，深入分析新时代全民科学素质工作不平衡不充分的具体表现和深层原因，不断提高能力。';
    expect(taskTitle(text)).toBe('推动新思想在全民科学素质工作中走深走实');
  });

  it('when the lead ends with ；, then the title stops there', () => {
    expect(taskTitle('加强组织领导；完善工作机制。')).toBe('加强组织领导');
  });
});

/** The v1.0 view of a split: unit names only (roles and inheritance are tested in units.test.ts). */
function splitResponsibleUnits(text: string): { text: string; units: string[] } {
  const split = splitWithRoles(text);
  return { text: split.text, units: split.units.map((unit) => unit.name) };
}

describe('splitResponsibleUnits', () => {
  it('when the task closes with a bracket of bodies, then they are the units and the bracket leaves the text', () => {
    expect(splitResponsibleUnits('开设科普栏目。（市委宣传部、市科技局、市科协按职责分工负责）')).toEqual({
      text: '开设科普栏目。',
      units: ['市委宣传部', '市科技局', '市科协'],
    });
  });

  it('when the bracket names a collective, then it is kept as written', () => {
    expect(splitResponsibleUnits('完善表彰机制。（各成员单位）').units).toEqual(['各成员单位']);
  });

  it('when role markers and labels decorate the units, then only the bodies remain', () => {
    expect(parseUnitList('牵头单位：县科协；配合单位：县教育局（配合）、县科技局等')).toEqual(['县科协', '县教育局', '县科技局']);
    expect(parseUnitList('区科协（牵头）、区文旅局参与，团区委负责')).toEqual(['区科协', '区文旅局', '团区委']);
  });

  it('when a role phrase stands alone after a stray 、, then it adds no unit', () => {
    expect(parseUnitList('市应急局、市科协、按职责分工负责')).toEqual(['市应急局', '市科协']);
  });

  it('when a unit name holds its own bracket, then it is not split inside it', () => {
    expect(parseUnitList('各县（市、区）科协、市科协')).toEqual(['各县（市、区）科协', '市科协']);
  });

  it('when a bracket sits in the middle of the task, then it is text, not units', () => {
    const text = '以文明实践中心（所、站）为阵地开展服务。';
    expect(splitResponsibleUnits(text)).toEqual({ text, units: [] });
  });

  it('when the task ends with a bracket that is not a list of bodies, then it stays text', () => {
    for (const text of ['落实规划纲要（2021—2035年）', '建设文明实践站（所、站）', '创建科普教育基地（示范）', '推进自然教育基地（学校）']) {
      expect(splitResponsibleUnits(text)).toEqual({ text, units: [] });
    }
  });

  it('when the bracket comes before the final 。, then it is still read', () => {
    expect(splitResponsibleUnits('开展科普活动（县科协、县教育局负责）。')).toEqual({ text: '开展科普活动', units: ['县科协', '县教育局'] });
  });

  it('when the last line says 责任单位：, then it gives the units', () => {
    expect(splitResponsibleUnits('开展科普活动。\n责任单位：区科协、区卫健委')).toEqual({ text: '开展科普活动。', units: ['区科协', '区卫健委'] });
  });
});

describe('audiences and themes', () => {
  it('when the section path names the audience, then every task under it has it', () => {
    expect(task('开展培训。', ['二、重点人群', '（三）实施产业工人科学素质提升行动']).audiences).toEqual(['产业工人']);
  });

  it('when the text uses a synonym, then the canonical audience is found', () => {
    expect(task('推动科普进中小学，开展银龄行动，培训公务员。').audiences).toEqual(['青少年', '老年人', '领导干部和公务员']);
  });

  it('when a longer word contains a shorter keyword, then only the longer word counts', () => {
    expect(matchVocabulary(['帮助农民工提升学历，培训中小学教师。'], AUDIENCE_KEYWORDS)).toEqual(['产业工人', '教师']);
  });

  it('when a word belongs to two audiences, then both are found', () => {
    expect(matchVocabulary(['支持女科技工作者协会建设。'], AUDIENCE_KEYWORDS)).toEqual(['妇女', '科技工作者']);
  });

  it('when the text talks about health and carbon peaking, then those themes are found in vocabulary order', () => {
    expect(task('开展碳达峰碳中和、卫生健康主题宣传。').themes).toEqual(['健康', '低碳']);
  });

  it('when a campaign name contains an audience word, then the name alone does not make it an audience', () => {
    expect(task('组织开展全国科技工作者日活动。').audiences).toEqual([]);
    expect(task('面向科技工作者开展全国科技工作者日活动。').audiences).toEqual(['科技工作者']);
  });

  it('when a task names a campaign, then the campaign themes join the keyword themes', () => {
    expect(task('开展安全生产月活动。').themes).toEqual(['应急', '安全生产']);
  });
});

describe('campaigns', () => {
  it('when a task names campaigns, then each appears once, in the order first named', () => {
    const { campaigns } = task('办好全国科技活动周。以全国科普日为契机，推动全国科普日活动创新提升，开展科技活动周活动。');
    expect(campaigns.map((c) => c.code)).toEqual(['science-tech-week', 'national-science-day']);
    expect(campaigns[1]).toEqual({ code: 'national-science-day', name: '全国科普日' });
  });

  it('when a task names a local lookalike, then it is not a national campaign', () => {
    expect(task('开展青少年科学节、科普宣传周等活动。').campaigns).toEqual([]);
  });

  it('when a unit bracket closes the task, then the campaign search ignores it', () => {
    const extracted = task('利用防震减灾日开展宣教。（市应急局、市科协按职责分工负责）');
    expect(extracted.campaigns.map((c) => c.code)).toEqual(['disaster-prevention-day']);
    expect(extracted.text).toBe('利用防震减灾日开展宣教。');
  });
});
