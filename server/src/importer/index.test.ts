import { deriveCampaignEvents, NotAPlanError, parsePlan, summarisePlan } from './index';

const plan = [
  '某某市全民科学素质工作领导小组',
  '2024年1月15日',
  '2024年某某市全民科学素质行动工作要点',
  '一、重点人群',
  '1.实施青少年科学素质提升行动。办好全国科普日。（市科协、市教育局按职责分工负责）',
  '2.实施农民科学素质提升行动。开展文化科技卫生“三下乡”。（各成员单位）',
  '二、保障措施',
  '3.完善监测评估体系。（市科协）',
].join('\n');

describe('parsePlan', () => {
  it('when the text is a work plan, then the header, sections and extracted tasks come back together', () => {
    const parsed = parsePlan(plan);
    expect(parsed).toMatchObject({
      title: '2024年某某市全民科学素质行动工作要点',
      city: '某某市',
      year: 2024,
      issuer: '某某市全民科学素质工作领导小组',
      issuedOn: '2024-01-15',
      documentNumber: null,
    });
    expect(parsed.sections.map((s) => s.title)).toEqual(['重点人群', '保障措施']);
    expect(parsed.tasks[0]).toEqual({
      number: 1,
      title: '实施青少年科学素质提升行动',
      text: '实施青少年科学素质提升行动。办好全国科普日。',
      sectionPath: ['一、重点人群'],
      responsibleUnits: [
        { name: '市科协', role: null, inherited: false },
        { name: '市教育局', role: null, inherited: false },
      ],
      audiences: ['青少年'],
      themes: ['科普'],
      campaigns: [{ code: 'national-science-day', name: '全国科普日' }],
    });
  });

  it('when overrides give a city and year, then they win over the title', () => {
    expect(parsePlan(plan, { city: '某某区', year: 2025 })).toMatchObject({ city: '某某区', year: 2025 });
  });

  it("when the title has no city, then the issuer's place is the city", () => {
    const text = plan.replace('2024年某某市全民科学素质行动工作要点', '2024年全民科学素质行动工作要点');
    expect(parsePlan(text).city).toBe('某某市');
  });

  // v1.1 (issue 12): anything that is a plan parses, with needsReview and a warning, instead of 422.
  it('when the text has no plan title but is a plan (its subject, numbered tasks), then a title is built and flagged', () => {
    const text = plan.replace('2024年某某市全民科学素质行动工作要点', '会议纪要');
    const parsed = parsePlan(text);
    expect(parsed).toMatchObject({ title: '2024年某某市全民科学素质工作要点', city: '某某市', year: 2024, needsReview: true });
    expect(parsed.warnings.map((w) => w.code)).toContain('TITLE_FROM_PREAMBLE');
  });

  it('when a text shows no sign of a plan, then it is not a plan and says so', () => {
    expect(() => parsePlan('今天天气很好，我们去公园散步。\n明天继续。')).toThrow(NotAPlanError);
    expect(() => parsePlan('今天天气很好，我们去公园散步。')).toThrow(
      '这不是一份可识别的工作要点文本：没有找到工作要点或实施方案的标题，也没有找到成体系的任务',
    );
  });

  it('when the title has no year, then the signature date gives it; the override still wins', () => {
    const text = plan.replace('2024年某某市', '某某市');
    expect(parsePlan(text)).toMatchObject({ year: 2024, needsReview: false });
    expect(parsePlan(text, { year: 2025 }).year).toBe(2025);
  });

  it('when nothing gives a year, then the year is null with a warning', () => {
    const text = plan.replace('2024年某某市', '某某市').replace('2024年1月15日\n', '');
    const parsed = parsePlan(text);
    expect(parsed).toMatchObject({ year: null, needsReview: true });
    expect(parsed.warnings).toContainEqual(expect.objectContaining({ code: 'NO_YEAR', message: '没有读出计划年份，请指定年份' }));
  });

  it('when no city can be found and none is given, then the city is null and the plan needs review', () => {
    const text = plan.replace('2024年某某市', '2024年').replace('某某市全民科学素质工作领导小组\n', '');
    const parsed = parsePlan(text);
    expect(parsed).toMatchObject({ city: null, place: null, level: null, needsReview: true });
    expect(parsed.warnings.map((w) => w.code)).toContain('NO_PLACE');
    expect(parsePlan(text, { city: '某某市' }).city).toBe('某某市');
  });

  it('when the text has fewer than three numbered tasks, then it is still a plan, flagged with how many it found', () => {
    const text = plan.split('\n').slice(0, 6).join('\n');
    const parsed = parsePlan(text);
    expect(parsed.tasks).toHaveLength(2);
    expect(parsed.warnings).toContainEqual(expect.objectContaining({ code: 'FEW_TASKS', message: '只找到2项任务，请核对正文的编号结构' }));
  });

  it('when the text is empty, then it is not a plan', () => {
    expect(() => parsePlan('')).toThrow(NotAPlanError);
  });
});

describe('summarisePlan', () => {
  it('when a plan is summarised, then the header, each task and each derived event appear, unknown dates marked', () => {
    const parsed = parsePlan(plan);
    const summary = summarisePlan(parsed, deriveCampaignEvents(parsed));
    expect(summary.split('\n')).toEqual(
      expect.arrayContaining([
        '计划 Plan: 2024年某某市全民科学素质行动工作要点',
        '城市 City: 某某市    年份 Year: 2024',
        '发文单位 Issuer: 某某市全民科学素质工作领导小组    日期 Issued: 2024-01-15    文号 No.: —',
        '章节 Sections: 2（一级 top-level 2）    任务 Tasks: 3',
        '  1. 实施青少年科学素质提升行动',
        '     责任单位 Units: 市科协、市教育局',
        '     品牌活动 Campaigns: 全国科普日',
        '派生活动 Derived events: 2',
        '  2024年某某市全国科普日活动    2024-09-15 ~ 2024-09-25    任务 Tasks 1    主办 Organizer: 市科协',
        '  2024年某某市文化科技卫生“三下乡”活动    日期未公布 (not published)    任务 Tasks 2    主办 Organizer: 某某市全民科学素质工作领导小组',
      ]),
    );
  });
});
