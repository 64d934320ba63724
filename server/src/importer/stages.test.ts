// One story per layout feature of plan-layouts.md, stage by stage: decode, clean, units, header.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanPlanText, splitRunOnLine } from './clean';
import { decodePlanBytes, decodePlanInput } from './decode';
import { parsePlan } from './index';
import { canonicalUnitName, parseUnits } from './units';

const root = resolve(__dirname, '../../..');

describe('decode', () => {
  it('when a file is UTF-8 with a BOM, then the BOM goes', () => {
    expect(decodePlanBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xe7, 0xa7, 0x91]))).toBe('科');
  });

  it('when a file is GB18030, then it is read as such', () => {
    expect(decodePlanBytes(new Uint8Array([0xbf, 0xc6, 0xc6, 0xd5]))).toBe('科普');
  });

  it('when a text is traditional, then it is converted and reported; a simplified seed comes out unchanged', () => {
    expect(decodePlanInput('浙江省二〇二三年全民科學素質行動工作要點，開展科普活動')).toEqual({
      text: '浙江省二〇二三年全民科学素质行动工作要点，开展科普活动',
      script: 'traditional',
    });
    for (const seed of ['tangshan-2023', 'liuzhou-2022']) {
      const text = readFileSync(join(root, 'seeds', `${seed}.txt`), 'utf8');
      expect(decodePlanInput(text)).toEqual({ text, script: 'simplified' });
    }
  });
});

describe('clean', () => {
  it('when web chrome and metadata rows surround the plan, then they go and the signature fields are kept', () => {
    const { text, metadata } = cleanPlanText('首页 > 政务公开 > 通知公告\n发布时间：2024-04-01  来源：某某网\n成文日期：2024-03-20\n1. [主题分类] 科技\n正文');
    expect(text).toBe('正文');
    expect(metadata.signedOn).toBe('2024-03-20');
  });

  it('when page numbers and a running header repeat on every page, then only the first header stays', () => {
    const pages = [
      '某某市全民科学素质工作要点',
      '1.第一项。',
      '— 1 —',
      '某某市全民科学素质工作要点',
      '2.第二项。',
      '- 2 -',
      '某某市全民科学素质工作要点',
      '3.第三项。',
      '第3页',
    ];
    expect(cleanPlanText(pages.join('\n')).text.split('\n')).toEqual(['某某市全民科学素质工作要点', '1.第一项。', '2.第二项。', '3.第三项。']);
  });

  it('when a contents list precedes the body, then it goes', () => {
    expect(cleanPlanText('目  录\n一、总体要求……1\n二、重点任务……3\n一、总体要求\n正文').text).toBe('一、总体要求\n正文');
  });

  it('when PDF extraction spaced out the characters, a pinyin gloss follows a rare character or ○ stands for 〇, then they are repaired', () => {
    expect(cleanPlanText('2 0 2 3 年 某 某 市 工 作 要 点').text).toBe('2023年某某市工作要点');
    expect(cleanPlanText('建设黄畈（fàn）村基地，二○二三年').text).toBe('建设黄畈村基地，二〇二三年');
  });

  it('when a watermark is laid into sentences (spaced out or not) again and again, then it goes from every line it interrupts', () => {
    const lines = [
      '1.推进科技馆与中小学 科普中国网 仅供参考 开展馆校合作。',
      '2.组织 科 普 中 国 网 仅 供 参 考 青少年科技创新大赛。',
      '3.开展技术培训，组织 科普中国网 仅供参考 文化科技卫生下乡。（县科协、科普中国网仅供参考 县农业农村局）',
      '4.建设乡村科普e站。',
    ];
    expect(cleanPlanText(lines.join('\n')).text.split('\n')).toEqual([
      '1.推进科技馆与中小学开展馆校合作。',
      '2.组织青少年科技创新大赛。',
      '3.开展技术培训，组织文化科技卫生下乡。（县科协、县农业农村局）',
      '4.建设乡村科普e站。',
    ]);
  });

  it('when a spaced word is the document’s own (used unspaced as often), a plain word, a unit list or shown only twice, then it stays', () => {
    const ownWording = [
      '1.开展 科普讲解 大赛。',
      '2.组织 科普讲解 活动。',
      '3.举办 科普讲解 比赛。',
      '科普讲解员培训。',
      '科普讲解基地。',
      '科普讲解进校园。',
      '科普讲解大赛。',
    ];
    expect(cleanPlanText(ownWording.join('\n')).text.split('\n')).toEqual(ownWording);
    const latin = ['1.开展 STEAM 教育。', '2.推广 STEAM 课程。', '3.建设 STEAM 教室。'];
    expect(cleanPlanText(latin.join('\n')).text.split('\n')).toEqual(latin);
    const unitLists = ['责任单位：县科协 县教育局 县科技局', '责任单位：县科协 县教育局 县科技局', '责任单位：县科协 县教育局 县科技局'];
    expect(cleanPlanText(unitLists.join('\n')).text.split('\n')).toEqual(unitLists);
    const twice = ['1.推进 科普中国网 工作。', '2.开展 科普中国网 活动。'];
    expect(cleanPlanText(twice.join('\n')).text.split('\n')).toEqual(twice);
  });

  it('when the watermark fixture is parsed, then no task keeps any of its watermarks anywhere in its text', () => {
    const plan = parsePlan(readFileSync(join(root, 'tests/importer/fixtures/ganzhou-2023-watermark.txt')));
    expect(plan.tasks).toHaveLength(6);
    for (const task of plan.tasks) expect(task.text).not.toMatch(/内部资料|注意保存|仅供参考|www|\s/);
  });

  it('when the title is repeated as a running header laid into sentences, then the title line itself stays', () => {
    const title = '2024年某某县全民科学素质行动工作要点';
    const lines = [title, `1.推进 ${title} 馆校合作。`, `2.开展 ${title} 技术培训。`, `3.组织 ${title} 科普活动。`];
    expect(cleanPlanText(lines.join('\n')).text.split('\n')).toEqual([title, '1.推进馆校合作。', '2.开展技术培训。', '3.组织科普活动。']);
  });

  it('when a whole plan arrives as one line, then it is cut before each ascending marker but never at 2025年 or 1.5万', () => {
    const line = '2025年某县全民科学素质行动工作要点 2025年是收官之年。一、重点人群 1.培训农民1.5万人次。（县科协）2.开展活动。二、保障 3.加强领导。';
    expect(splitRunOnLine(line, 10)).toEqual([
      '2025年某县全民科学素质行动工作要点',
      '2025年是收官之年。',
      '一、重点人群',
      '1.培训农民1.5万人次。（县科协）',
      '2.开展活动。',
      '二、保障',
      '3.加强领导。',
    ]);
  });
});

describe('units', () => {
  it('when a bracket gives roles, then each unit carries lead or support', () => {
    expect(parseUnits('牵头单位：市科协；配合单位：市教育局、市科技局')).toEqual([
      { name: '市科协', role: 'lead', inherited: false },
      { name: '市教育局', role: 'support', inherited: false },
      { name: '市科技局', role: 'support', inherited: false },
    ]);
    expect(parseUnits('州农牧局、州科协牵头，各县（市）政府配合')!.map((u) => [u.name, u.role])).toEqual([
      ['州农牧局', 'lead'],
      ['州科协', 'lead'],
      ['各县（市）政府', 'support'],
    ]);
  });

  it('when a list drops the place prefix its first unit carries, then the names are expanded; other prefixes stay as written', () => {
    expect(parseUnits('市委组织部、统战部，市工业和信息化局、民政局')!.map((u) => u.name)).toEqual([
      '市委组织部',
      '市委统战部',
      '市工业和信息化局',
      '市民政局',
    ]);
    expect(parseUnits('市民政局、老干部局、市科协')!.map((u) => u.name)).toEqual(['市民政局', '市老干部局', '市科协']);
    expect(parseUnits('市教育局、团市委、中国科协')!.map((u) => u.name)).toEqual(['市教育局', '团市委', '中国科协']);
  });

  it('when one organization is written two ways, then both give the same key', () => {
    expect(canonicalUnitName('市卫健委')).toBe(canonicalUnitName('市卫生健康委员会'));
    expect(canonicalUnitName('市发改委')).toBe(canonicalUnitName('市发展改革委'));
    expect(canonicalUnitName('市科协')).not.toBe(canonicalUnitName('市科技局'));
  });
});

describe('layouts', () => {
  it('when a national plan has a cover notice with 代章, then it is filed under 全国 with the issuing office and signature date', () => {
    const plan = parsePlan(
      [
        '科协办发〔2024〕5号',
        '关于印发《2024年全民科学素质行动工作要点》的通知',
        '各省、自治区、直辖市全民科学素质工作领导小组：',
        '现将《2024年全民科学素质行动工作要点》印发给你们。',
        '全民科学素质纲要实施工作办公室',
        '（中国科协办公厅代章）',
        '2024年3月1日',
        '联系人：张某，电话：010-12345678',
        '2024年全民科学素质行动工作要点',
        '一、重点任务',
        '1.办好全国科普日。组织各地开展活动。（中国科协、教育部）',
        '2.办好科技活动周。组织开放。（科技部）',
        '3.推进监测评估。开展调查。（中国科协）',
      ].join('\n'),
    );
    expect(plan).toMatchObject({
      place: '全国',
      city: '全国',
      level: 'national',
      issuer: '全民科学素质纲要实施工作办公室',
      issuedOn: '2024-03-01',
      documentNumber: '科协办发〔2024〕5号',
      year: 2024,
    });
    expect(plan.tasks).toHaveLength(3);
  });

  it('when a plan has a period, then its year is the issue year with a warning', () => {
    const plan = parsePlan(
      [
        '某某市全民科学素质行动规划纲要实施方案（2021—2025年）',
        '一、任务',
        '1.开展活动。推进工作。',
        '2.加强领导。推进工作。',
        '3.完善机制。推进工作。',
        '某某市人民政府',
        '2021年6月1日',
      ].join('\n'),
    );
    expect(plan).toMatchObject({ kind: '实施方案', period: { from: 2021, to: 2025 }, year: 2021, level: 'city', needsReview: true });
    expect(plan.warnings.map((w) => w.code)).toContain('MULTI_YEAR');
  });

  it('when a heading names the units, then its tasks inherit them', () => {
    const plan = parsePlan(
      [
        '2024年某某区全民科学素质工作要点',
        '一、重点人群',
        '（一）青少年（牵头单位：区教育局）',
        '1.开展活动。组织学生。',
        '2.推进工作。组织学生。（区科协）',
      ].join('\n'),
    );
    expect(plan.tasks.map((t) => t.responsibleUnits)).toEqual([
      [{ name: '区教育局', role: 'lead', inherited: true }],
      [
        { name: '区科协', role: null, inherited: false },
        { name: '区教育局', role: 'lead', inherited: true },
      ],
    ]);
    expect(plan.level).toBe('county');
  });

  it('when the last bracket never closes, then its units are read with a warning', () => {
    const plan = parsePlan(['2024年某某县全民科学素质工作要点', '一、任务', '1.开展活动。推进。（县科协）', '2.加强领导。推进。（县科协、县教育局'].join('\n'));
    expect(plan.tasks[1]!.responsibleUnits.map((u) => u.name)).toEqual(['县科协', '县教育局']);
    expect(plan.warnings.map((w) => w.code)).toContain('UNCLOSED_BRACKET');
  });
});
