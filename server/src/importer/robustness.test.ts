// Plans from imaginary places, laid out in ways neither seed uses: the importer must read them
// without knowing them.
import { deriveCampaignEvents, parsePlan } from './index';

describe('a plan with no cover note, a two-line title, half-width brackets, 1、 tasks and 一是 sub-headings', () => {
  const raw = [
    '2024年某某市全民科学素质',
    '行动工作要点',
    '',
    '一、提升重点人群科学素质',
    '一是青少年科学素质提升',
    '1、实施馆校合作行动。推动中小学利用科技馆开展活动,办好全国科普日。(市教育局、市科协按职责分工负责)',
    '2、开展青少年科技创新大赛。组织学生参加',
    '',
    '比赛,提升创新能力。(团市委、市科协)',
    '二是老年人科学素质提升',
    '3、实施银龄科普行动。依托老年大学开展智能手机应用培训。(市民政局、市老龄办)',
    '二、加强科普能力建设',
    '(一)应急科普',
    '4、开展应急科普宣教。利用防灾减灾日、119消防宣传月开展宣传。(市应急局、市消防救援支队)',
  ].join('\n');
  const plan = parsePlan(raw);

  it('then the two title lines make the title, and the header is otherwise empty', () => {
    expect(plan).toMatchObject({
      title: '2024年某某市全民科学素质行动工作要点',
      city: '某某市',
      year: 2024,
      issuer: null,
      issuedOn: null,
      documentNumber: null,
    });
  });

  it('then 一是/二是 nest under 一、 and the half-width (一) nests under 二、', () => {
    const outline = plan.sections.map((s) => [s.ordinal, s.level, s.sections.map((c) => [c.ordinal, c.level, c.title])]);
    expect(outline).toEqual([
      [
        '一',
        1,
        [
          ['一是', 2, '青少年科学素质提升'],
          ['二是', 2, '老年人科学素质提升'],
        ],
      ],
      ['二', 1, [['（一）', 2, '应急科普']]],
    ]);
  });

  it('then each task has its number, path, title, units and campaigns', () => {
    expect(plan.tasks.map((t) => [t.number, t.sectionPath.at(-1), t.title, t.responsibleUnits.map((u) => u.name), t.campaigns.map((c) => c.code)])).toEqual([
      [1, '一是青少年科学素质提升', '实施馆校合作行动', ['市教育局', '市科协'], ['national-science-day']],
      [2, '一是青少年科学素质提升', '开展青少年科技创新大赛', ['团市委', '市科协'], []],
      [3, '二是老年人科学素质提升', '实施银龄科普行动', ['市民政局', '市老龄办'], []],
      [4, '（一）应急科普', '开展应急科普宣教', ['市应急局', '市消防救援支队'], ['disaster-prevention-day', 'fire-safety-month']],
    ]);
  });

  it('then the sentence cut by a page break reads whole, with Chinese punctuation', () => {
    expect(plan.tasks[1]!.text).toBe('开展青少年科技创新大赛。组织学生参加比赛，提升创新能力。');
  });

  it('then audiences come from the section path and the text', () => {
    expect(plan.tasks[0]!.audiences).toEqual(['青少年']);
    expect(plan.tasks[2]!.audiences).toEqual(['老年人']);
    expect(plan.tasks[2]!.themes).toEqual(['数字素养']);
  });

  it('then each campaign becomes one event organised by the first unit of its task', () => {
    expect(deriveCampaignEvents(plan).map((e) => [e.title, e.startsOn, e.organizerName])).toEqual([
      ['2024年某某市全国科普日活动', '2024-09-15', '市教育局'],
      ['2024年某某市全国防灾减灾日活动', '2024-05-12', '市应急局'],
      ['2024年某某市119消防宣传月活动', '2024-11-01', '市应急局'],
    ]);
  });
});

describe('a county plan with a letterhead, 第一部分 parts, （1） tasks, 责任单位 lines and a signature', () => {
  const raw = [
    '某某县科学技术协会文件',
    '某县科协发【2023】5号',
    '关于印发《2023年某某县全民科学素质工作要点》的通知',
    '各乡镇、县直各单位：',
    '现将《2023年某某县全民科学素质工作要点》印发给你们，请认真贯彻执行。',
    '',
    '2023年某某县全民科学素质工作要点',
    '',
    '第一部分 重点人群',
    '（1）实施农民科学素质提升行动。开展文化科技卫生“三下乡”活动,',
    '组织农技人员下乡服务。',
    '责任单位：县农业农村局、县科协',
    '（2）实施产业工人科学素质提升行动。开展“安全生产月”宣传。',
    '责任单位：县总工会、县应急管理局',
    '第二部分 保障措施',
    '（3）加强组织领导。各成员单位要明确分工。',
    '（4）完善监测评估。',
    '',
    '某某县科学技术协会',
    '二〇二三年二月二十日',
    '抄送：县委办公室、县政府办公室',
  ].join('\n');
  const plan = parsePlan(raw);

  it('then the header comes from the letterhead, the number in any brackets and the signature date', () => {
    expect(plan).toMatchObject({
      title: '2023年某某县全民科学素质工作要点',
      city: '某某县',
      year: 2023,
      issuer: '某某县科学技术协会',
      issuedOn: '2023-02-20',
      documentNumber: '某县科协发〔2023〕5号',
    });
  });

  it('then the parts are level-1 sections and the （1） items are the tasks', () => {
    expect(plan.sections.map((s) => [s.ordinal, s.level, s.title])).toEqual([
      ['第一部分', 1, '重点人群'],
      ['第二部分', 1, '保障措施'],
    ]);
    expect(plan.tasks.map((t) => [t.number, t.sectionPath, t.responsibleUnits.map((u) => u.name)])).toEqual([
      [1, ['第一部分 重点人群'], ['县农业农村局', '县科协']],
      [2, ['第一部分 重点人群'], ['县总工会', '县应急管理局']],
      [3, ['第二部分 保障措施'], []],
      [4, ['第二部分 保障措施'], []],
    ]);
  });

  it('then the 责任单位 line, the signature and the footer are not task text', () => {
    expect(plan.tasks[0]!.text).toBe('实施农民科学素质提升行动。开展文化科技卫生“三下乡”活动，组织农技人员下乡服务。');
    expect(plan.tasks[3]!.text).toBe('完善监测评估。');
  });

  it('then quoted campaign names are found', () => {
    expect(plan.tasks.map((t) => t.campaigns.map((c) => c.code))).toEqual([['three-rural-outreach'], ['work-safety-month'], [], []]);
  });
});

describe('an autonomous prefecture plan with indented lines, full-width digits and the issuer only in the recipients line', () => {
  const raw = [
    '州全民科学素质工作领导小组各成员单位：',
    '\u3000\u3000现将要点印发给你们，请结合实际抓好落实。',
    '',
    '\u3000\u30002025年某某藏族自治州全民科学素质行动工作要点',
    '\u3000\u30002025年是规划纲要实施的重要一年。',
    '\u3000\u3000一、突出重点人群',
    '\u3000\u3000本部分不设导语之外的任务。',
    '\u3000\u3000１．开展全国科普月活动。组织牧区群众参加全国科普日主场活动。',
    '\u3000\u3000牧区学校同步开展科普讲座。',
    '\u3000\u3000２．实施农牧民科学素质提升行动。（州农牧局、州科协牵头，各县（市）政府配合）',
    '\u3000\u3000二、强化保障',
    '\u3000\u3000３．完善工作机制。（各成员单位）',
  ].join('\n');
  const plan = parsePlan(raw);

  it('then the city is the prefecture and the issuer is the addressed 领导小组 in its name', () => {
    expect(plan).toMatchObject({ city: '某某藏族自治州', year: 2025, issuer: '某某藏族自治州全民科学素质工作领导小组' });
  });

  it('then full-width numbers are tasks and a second paragraph stays with its task', () => {
    expect(plan.tasks.map((t) => t.number)).toEqual([1, 2, 3]);
    expect(plan.tasks[0]!.text).toBe('开展全国科普月活动。组织牧区群众参加全国科普日主场活动。\n牧区学校同步开展科普讲座。');
  });

  it('then units keep a bracket inside a name and drop the role words', () => {
    expect(plan.tasks[1]!.responsibleUnits.map((u) => u.name)).toEqual(['州农牧局', '州科协', '各县（市）政府']);
  });

  it('then the 科普月 and 科普日 names count as one campaign, dated as the month it became', () => {
    expect(plan.tasks[0]!.campaigns).toEqual([{ code: 'national-science-day', name: '全国科普月' }]);
    expect(deriveCampaignEvents(plan).map((e) => [e.title, e.startsOn, e.endsOn, e.organizerName])).toEqual([
      ['2025年某某藏族自治州全国科普月活动', '2025-09-01', '2025-09-30', '某某藏族自治州全民科学素质工作领导小组'],
    ]);
  });
});
