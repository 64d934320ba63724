import { leadingPlace, parseTitle, segmentPlan } from './segment';

const coverNote = [
  '某某市全民科学素质工作领导小组文件',
  '某全科字〔2024〕2号',
  '关于印发《2024年某某市全民科学素质行动工作要点》的通知',
  '各县（区）全民科学素质工作领导小组，市全民科学素质工作领导小组各成员单位：',
  '现将《2024年某某市全民科学素质行动工作要点》印发你们，请认真贯彻落实。',
  '某某市全民科学素质工作领导小组',
  '2024年3月8日',
].join('\n');

const body = [
  '2024年某某市全民科学素质行动工作要点',
  '2024年是实施规划纲要的关键一年。',
  '一、总体要求',
  '1.坚持新思想引领。深入学习贯彻。',
  '2.融入发展大局。推动工作融入党和政府发展大局。',
  '二、重点人群',
  '（一）青少年科学素质提升行动',
  '本节导语不是任务。',
  '3.实施馆校合作行动。',
  '第二段也属于任务3。',
  '（二）农民科学素质提升行动。',
  '4.实施高素质农民培育计划。（市农业农村局、市科协按职责分工负责）',
].join('\n');

describe('segmentPlan: header', () => {
  const { header } = segmentPlan(`${coverNote}\n${body}`);

  it('when the plan has its own title line, then that line is the title and gives the year and city', () => {
    expect(header).toMatchObject({ title: '2024年某某市全民科学素质行动工作要点', year: 2024, city: '某某市' });
  });

  it('when a body is named on the line above the date, then it is the issuer and the date is the issue date', () => {
    expect(header.issuer).toBe('某某市全民科学素质工作领导小组');
    expect(header.issuedOn).toBe('2024-03-08');
  });

  it('when the cover note carries a document number, then it is read in its canonical brackets', () => {
    expect(header.documentNumber).toBe('某全科字〔2024〕2号');
  });

  it('when a document number uses square, lenticular or round brackets, then it is still found', () => {
    for (const written of ['某科协发[2024]7号', '某科协发【2024】7号', '某科协发（2024）7号']) {
      expect(segmentPlan(`${written}\n${body}`).header.documentNumber).toBe('某科协发〔2024〕7号');
    }
  });

  it('when only the letterhead names the issuer, then the issuer comes from the letterhead', () => {
    const text = `某某县科学技术协会文件\n某县科字〔2024〕1号\n${body.replace(/某某市/g, '某某县')}`;
    expect(segmentPlan(text).header.issuer).toBe('某某县科学技术协会');
  });

  it('when the text names no issuer but addresses 市…领导小组各成员单位, then that body, with the city, is the issuer', () => {
    const text = `市全民科学素质工作领导小组各成员单位、各县区科协：\n现将要点印发给你们。\n${body}`;
    expect(segmentPlan(text).header.issuer).toBe('某某市全民科学素质工作领导小组');
  });

  it('when nothing names the issuer, then the issuer is null', () => {
    expect(segmentPlan(body).header).toMatchObject({ issuer: null, issuedOn: null, documentNumber: null });
  });

  it('when the date is written in Chinese numerals, then it is still read', () => {
    expect(segmentPlan(`${body}\n某某市科协\n二〇二四年三月十八日`).header).toMatchObject({ issuedOn: '2024-03-18', issuer: '某某市科协' });
  });

  it('when the plan has no title line, then the title quoted in the cover note is used', () => {
    const text = `关于印发《2024年某某市全民科学素质行动工作要点》的通知\n各成员单位：\n${body.split('\n').slice(1).join('\n')}`;
    expect(segmentPlan(text).header).toMatchObject({ title: '2024年某某市全民科学素质行动工作要点', year: 2024, city: '某某市' });
  });

  it('when the title is broken over two lines, then both lines make the title', () => {
    const text = `2024年某某市全民科学素质\n行动工作要点\n${body.split('\n').slice(1).join('\n')}`;
    expect(segmentPlan(text).header.title).toBe('2024年某某市全民科学素质行动工作要点');
  });
});

describe('parseTitle and leadingPlace', () => {
  it.each([
    ['2023年某某县全民科学素质工作要点', '某某县', 2023],
    ['2023年某某区全民科学素质行动工作计划', '某某区', 2023],
    ['2023年某某蒙古族自治州全民科学素质工作要点', '某某蒙古族自治州', 2023],
    ['2023年某某盟全民科学素质工作要点', '某某盟', 2023],
    ['2023年某某省全民科学素质行动工作要点', '某某省', 2023],
    ['2023年某某壮族自治区全民科学素质工作要点', '某某壮族自治区', 2023],
    ['某某市2023年全民科学素质工作要点', '某某市', 2023],
    ['2023年全民科学素质工作要点', null, 2023],
  ])('when the title is %s, then the place is %s and the year %s', (title, city, year) => {
    expect(parseTitle(title)).toMatchObject({ title, city, year });
  });

  it('when a line is a notice title or a sentence, then it is not a plan title', () => {
    expect(parseTitle('关于印发《2024年某某市全民科学素质行动工作要点》的通知')).toBeNull();
    expect(parseTitle('2024年是实施规划纲要的关键一年。')).toBeNull();
    expect(parseTitle('2024年某某市安全生产工作要点')).toBeNull();
  });

  it('when a city name contains a place suffix character, then the whole name is kept', () => {
    expect(leadingPlace('某州市全民科学素质工作领导小组')).toBe('某州市');
  });
});

describe('segmentPlan: sections and tasks', () => {
  const plan = segmentPlan(body);

  it('when headings are 一、 and （一）, then they nest as levels 1 and 2 with their ordinals', () => {
    expect(plan.sections).toEqual([
      { ordinal: '一', level: 1, title: '总体要求', sections: [] },
      {
        ordinal: '二',
        level: 1,
        title: '重点人群',
        sections: [
          { ordinal: '（一）', level: 2, title: '青少年科学素质提升行动', sections: [] },
          { ordinal: '（二）', level: 2, title: '农民科学素质提升行动', sections: [] },
        ],
      },
    ]);
  });

  it('when a task sits under headings, then its section path lists them outermost first', () => {
    expect(plan.tasks.map((t) => [t.number, t.sectionPath])).toEqual([
      [1, ['一、总体要求']],
      [2, ['一、总体要求']],
      [3, ['二、重点人群', '（一）青少年科学素质提升行动']],
      [4, ['二、重点人群', '（二）农民科学素质提升行动']],
    ]);
  });

  it('when a paragraph follows a task, then it belongs to that task until the next heading', () => {
    expect(plan.tasks[2]!.text).toBe('实施馆校合作行动。\n第二段也属于任务3。');
  });

  it('when preamble paragraphs come before the first task, then they are not tasks', () => {
    expect(plan.tasks.map((t) => t.text)).not.toContain('本节导语不是任务。');
    expect(plan.tasks).toHaveLength(4);
  });

  it('when a task keeps its units bracket, then segmentation leaves it in the text for extraction', () => {
    expect(plan.tasks[3]!.text).toBe('实施高素质农民培育计划。（市农业农村局、市科协按职责分工负责）');
  });

  it('when tasks are written 1、 or 16. with a space, then the numbers are read', () => {
    const { tasks } = segmentPlan('一、任务\n1、加强领导。\n16. 办好科普日。\n17．完善机制。');
    expect(tasks.map((t) => [t.number, t.text])).toEqual([
      [1, '加强领导。'],
      [16, '办好科普日。'],
      [17, '完善机制。'],
    ]);
  });

  it('when the plan numbers tasks （1） and has no 1. items, then the （1） items are the tasks', () => {
    const { tasks } = segmentPlan('一、重点任务\n（1）实施馆校合作。\n（2）开展科普日活动。');
    expect(tasks.map((t) => t.number)).toEqual([1, 2]);
  });

  it('when （1） items appear inside 1. tasks, then they stay inside the task text', () => {
    const { tasks } = segmentPlan('一、重点任务\n1.办好主题活动。\n（1）科普日。\n（2）科技周。\n2.完善机制。');
    expect(tasks.map((t) => t.text)).toEqual(['办好主题活动。\n（1）科普日。\n（2）科技周。', '完善机制。']);
  });

  it('when the plan starts its headings at （一）, then （一） is level 1', () => {
    const { sections } = segmentPlan('（一）青少年\n1.馆校合作。\n（二）农民\n2.农民培训。');
    expect(sections.map((s) => [s.ordinal, s.level])).toEqual([
      ['（一）', 1],
      ['（二）', 1],
    ]);
  });

  it('when the plan has 第一部分 parts above 一、 headings, then parts are level 1', () => {
    const { sections, tasks } = segmentPlan('第一部分 重点人群\n一、青少年\n1.馆校合作。\n第二部分 保障措施\n2.加强领导。');
    expect(sections.map((s) => [s.ordinal, s.level, s.sections.map((c) => c.level)])).toEqual([
      ['第一部分', 1, [2]],
      ['第二部分', 1, []],
    ]);
    expect(tasks[0]!.sectionPath).toEqual(['第一部分 重点人群', '一、青少年']);
  });

  it('when 一是… is a short line followed by tasks, then it is a nested heading', () => {
    const { sections, tasks } = segmentPlan('一、重点任务\n一是提升青少年科学素质\n1.馆校合作。\n二是提升农民科学素质\n2.农民培训。');
    expect(sections[0]!.sections.map((s) => [s.ordinal, s.title, s.level])).toEqual([
      ['一是', '提升青少年科学素质', 2],
      ['二是', '提升农民科学素质', 2],
    ]);
    expect(tasks[1]!.sectionPath).toEqual(['一、重点任务', '二是提升农民科学素质']);
  });

  it('when 一是…二是… enumerate inside a task, then they are task text', () => {
    const { tasks, sections } = segmentPlan('一、重点任务\n1.办好活动。\n一是办好科普日，扩大覆盖；\n二是办好科技周。\n2.完善机制。');
    expect(sections[0]!.sections).toEqual([]);
    expect(tasks[0]!.text).toBe('办好活动。\n一是办好科普日，扩大覆盖；\n二是办好科技周。');
  });

  // v1.1 (issue 12): written numbers are kept when numbering restarts per section; the section path keeps the tasks apart.
  it('when the plan restarts task numbers in each section, then the written numbers are kept and the paths tell them apart', () => {
    const { tasks } = segmentPlan('一、甲\n1.甲一。\n2.甲二。\n二、乙\n1.乙一。');
    expect(tasks.map((t) => [t.number, t.text, t.sectionPath])).toEqual([
      [1, '甲一。', ['一、甲']],
      [2, '甲二。', ['一、甲']],
      [1, '乙一。', ['二、乙']],
    ]);
  });

  it('when numbers neither run on nor restart per section, then tasks are numbered in document order', () => {
    const { tasks } = segmentPlan('一、甲\n3.甲一。\n2.甲二。\n二、乙\n5.乙一。');
    expect(tasks.map((t) => t.number)).toEqual([1, 2, 3]);
  });

  it('when a signature and date close the document, then they are not part of the last task', () => {
    const { tasks, header } = segmentPlan(`${body}\n某某市科学技术协会\n2024年3月8日\n抄送：市政府办公室`);
    expect(tasks[3]!.text).toBe('实施高素质农民培育计划。（市农业农村局、市科协按职责分工负责）');
    expect(header).toMatchObject({ issuer: '某某市科学技术协会', issuedOn: '2024-03-08' });
  });
});

describe('segmentPlan: the numbering scheme is the document’s own', () => {
  const plan = (lines: string[]) => segmentPlan(['2024年某某县全民科学素质行动工作要点', ...lines].join('\n'));
  const paths = (lines: string[]) => plan(lines).tasks.map((task) => [task.number, ...task.sectionPath].join(' / '));

  it('when （1） headings stand above 1. tasks, then the tasks nest under them (a fixed rank would put （1） under 1.)', () => {
    expect(
      paths([
        '一、重点人群',
        '（1）青少年',
        '1.开展科学教育。组织科学课堂进学校。',
        '2.组织科技竞赛。举办县级科技创新大赛。',
        '（2）农民',
        '1.开展技术培训。围绕茶叶产业培训农民。',
      ]),
    ).toEqual(['1 / 一、重点人群 / （1）青少年', '2 / 一、重点人群 / （1）青少年', '1 / 一、重点人群 / （2）农民']);
  });

  it('when 1. sections carry （一） tasks, then the （一） items are the tasks', () => {
    expect(
      paths([
        '1.青少年',
        '（一）开展科学教育。组织科学课堂进学校。',
        '（二）组织科技竞赛。举办县级科技创新大赛。',
        '2.农民',
        '（一）开展技术培训。围绕茶叶产业培训农民。',
      ]),
    ).toEqual(['1 / 1.青少年', '2 / 1.青少年', '1 / 2.农民']);
  });

  it('when a kind first appears under a heading whose earlier sections used a deeper kind, then it ranks between them', () => {
    // 一、 then 1. tasks; in 二、 a （一） heading appears and 1. tasks follow it: （一） is not made a child of 1.
    expect(
      paths([
        '一、总体要求',
        '1.坚持科学引领。深入学习贯彻。',
        '二、重点任务',
        '（一）青少年',
        '2.实施馆校合作。推动科技馆进学校。',
        '（二）农民',
        '3.实施农民培训。开展技术培训。',
      ]),
    ).toEqual(['1 / 一、总体要求', '2 / 二、重点任务 / （一）青少年', '3 / 二、重点任务 / （二）农民']);
  });
});
