import { campaignCatalogue, findCampaignMentions, normaliseCampaignText } from './index';

const codesIn = (text: string): string[] => findCampaignMentions(text).map((mention) => mention.code);

describe('normalising text for matching', () => {
  it('drops quotes and the date marks written before names', () => {
    expect(normaliseCampaignText('全国“安全生产月”')).toBe('全国安全生产月');
    expect(normaliseCampaignText('文化科技卫生“三下乡”')).toBe('文化科技卫生三下乡');
    expect(normaliseCampaignText('“119”消防日')).toBe('119消防日');
    expect(normaliseCampaignText('5·12防灾减灾日、5.12防灾减灾日、5•12防灾减灾日')).toBe('防灾减灾日、防灾减灾日、防灾减灾日');
    expect(normaliseCampaignText('“4·22”世界地球日')).toBe('世界地球日');
  });

  it('keeps numbers that are not date marks', () => {
    expect(normaliseCampaignText('3.开展119消防宣传月')).toBe('3.开展119消防宣传月');
    expect(normaliseCampaignText('覆盖率达到12.5%')).toBe('覆盖率达到12.5%');
  });

  it('folds traditional characters and full-width digits', () => {
    expect(normaliseCampaignText('全國科普日、科技活動週、世界無菸日')).toBe('全国科普日、科技活动周、世界无烟日');
    expect(normaliseCampaignText('１１９消防宣傳月')).toBe('119消防宣传月');
  });
});

describe('finding campaigns in plan text', () => {
  it('when a plan lists ten brand campaigns, then exactly those ten are found', () => {
    const text =
      '组织开展全国科技工作者日、科技活动周、世界地球日、世界环境日、世界气象日、全国低碳日、全国土地日、中国航天日、' +
      '食品安全宣传周、文化科技卫生“三下乡”、健康中国唐山行动等品牌科普活动';
    expect(codesIn(text)).toEqual([
      'science-tech-workers-day',
      'science-tech-week',
      'earth-day',
      'environment-day',
      'meteorological-day',
      'low-carbon-day',
      'land-day',
      'space-day',
      'food-safety-week',
      'three-rural-outreach',
    ]);
  });

  it('when national campaigns are listed among local ones, then only the national ones are found', () => {
    const text = '利用防震减灾日、119消防宣传月、安全用药月、医疗器械科普宣传周、化妆品安全科普宣传周、安全生产月等';
    expect(codesIn(text)).toEqual(['disaster-prevention-day', 'fire-safety-month', 'work-safety-month']);
  });

  it('when a name appears twice, then there is one mention per place, and the longest name wins there', () => {
    const text = '以全国科普日二十周年为契机，推动全国科普日活动创新提升';
    const mentions = findCampaignMentions(text);
    const second = text.lastIndexOf('全国科普日活动');
    expect(mentions).toEqual([
      { code: 'national-science-day', name: '全国科普月', matched: '全国科普日', index: 1, endIndex: 6 },
      { code: 'national-science-day', name: '全国科普月', matched: '全国科普日活动', index: second, endIndex: second + 7 },
    ]);
  });

  it('when a year is given, then the mention carries that year’s name of the campaign', () => {
    expect(findCampaignMentions('开展全国科普月活动', 2024)[0]?.name).toBe('全国科普日');
    expect(findCampaignMentions('开展全国科普日活动', 2025)[0]?.name).toBe('全国科普月');
    expect(findCampaignMentions('开展科普月活动', 2026)[0]).toMatchObject({ code: 'national-science-day', name: '全国科普月' });
  });

  it('finds 全国科普日 and 全国科普月 as one campaign in any year', () => {
    for (const year of [2017, 2024, 2025, 2030]) {
      expect(findCampaignMentions('全国科普日', year).map((m) => m.code)).toEqual(['national-science-day']);
      expect(findCampaignMentions('全国科普月', year).map((m) => m.code)).toEqual(['national-science-day']);
    }
  });

  it('reports offsets in the text as given, around quotes and date marks', () => {
    const text = '开展全国“安全生产月”和“5·12”防灾减灾日活动';
    const mentions = findCampaignMentions(text);
    expect(mentions.map((m) => [m.matched, text.slice(m.index, m.endIndex)])).toEqual([
      ['全国安全生产月', '全国“安全生产月'],
      ['防灾减灾日', '防灾减灾日'],
    ]);
  });

  it('reads date-marked and quoted names', () => {
    expect(codesIn('“4·22”世界地球日、6·5环境日、“119”消防日、5.12防灾减灾日、“三下乡”')).toEqual([
      'earth-day',
      'environment-day',
      'fire-safety-day',
      'disaster-prevention-day',
      'three-rural-outreach',
    ]);
  });

  it('does not take a bare date mark for a campaign', () => {
    expect(codesIn('纪念“5·12”汶川地震')).toEqual([]);
  });

  it('reads plans written in traditional characters', () => {
    expect(codesIn('舉辦全國科普日、科技活動週、國際博物館日、全國防災減災日、世界無菸日和全民營養週活動')).toEqual([
      'national-science-day',
      'science-tech-week',
      'museum-day',
      'disaster-prevention-day',
      'no-tobacco-day',
      'nutrition-week',
    ]);
  });

  it('reads a name split by a line break, as PDF text often has it', () => {
    expect(codesIn('开展全国科\n普日活动')).toEqual(['national-science-day']);
  });

  it('finds every campaign in the catalogue by its own name', () => {
    for (const campaign of campaignCatalogue) {
      expect(codesIn(`开展${campaign.name}活动`)).toEqual([campaign.code]);
      for (const alias of campaign.aliases) expect(codesIn(`开展${alias}活动`)).toEqual([campaign.code]);
    }
  });
});

describe('local lookalikes are not national campaigns', () => {
  it.each([
    '科普宣传周',
    '青少年科学节',
    '八桂科普大行动',
    '唐山市科技节',
    '老年健康宣传周',
    '医疗器械科普宣传周',
    '化妆品安全科普宣传周',
    '唐山科技周',
    '青少年科技周',
    '唐山市科普讲解大赛',
    '渔民丰收节',
  ])('%s is not matched', (text) => {
    expect(codesIn(`举办${text}活动`)).toEqual([]);
  });
});

describe('short names inside longer words', () => {
  it('国家安全教育日 is its own campaign, not 中小学生安全教育日', () => {
    expect(codesIn('4·15全民国家安全教育日')).toEqual(['national-security-education-day']);
    expect(codesIn('开展国家安全教育日宣传')).toEqual(['national-security-education-day']);
    expect(codesIn('全国中小学生安全教育日')).toEqual(['school-safety-education-day']);
    expect(codesIn('开展安全教育日活动')).toEqual(['school-safety-education-day']);
  });

  it('安全教育日 after another topic is a different day', () => {
    expect(codesIn('开展消防安全教育日活动')).toEqual([]);
    expect(codesIn('交通安全教育日')).toEqual([]);
  });

  it('安全月 is 安全生产月 only where it stands alone', () => {
    expect(codesIn('组织安全月活动')).toEqual(['work-safety-month']);
    expect(codesIn('“安全月”期间')).toEqual(['work-safety-month']);
    expect(codesIn('开展交通安全月、质量安全月活动')).toEqual([]);
    expect(codesIn('召开安全生产月度例会')).toEqual([]);
  });

  it('科技周 is 科技活动周 only where it stands alone', () => {
    expect(codesIn('办好科技周、科技活动周期间')).toEqual(['science-tech-week', 'science-tech-week']);
    expect(codesIn('2025年科技周')).toEqual(['science-tech-week']);
    expect(codesIn('订阅科技周刊')).toEqual([]);
  });

  it('地球日, 水日 and 环境日 are found alone but not as parts of other words', () => {
    expect(codesIn('4·22地球日、3·22水日、六五环境日')).toEqual(['earth-day', 'water-day', 'environment-day']);
    expect(codesIn('城市节水日、生态环境日益改善，环境日趋好转')).toEqual([]);
    expect(codesIn('世界水日暨中国水周')).toEqual(['water-day', 'china-water-week']);
  });

  it('a name followed by a character that makes a longer word is not a mention', () => {
    expect(codesIn('做好科普日常工作')).toEqual([]);
    expect(codesIn('订阅科普月刊')).toEqual([]);
  });

  it('丰收节 is 中国农民丰收节 alone or after 农民, not a village’s own harvest fair', () => {
    expect(codesIn('庆祝农民丰收节、喜迎丰收节')).toEqual(['harvest-festival', 'harvest-festival']);
    expect(codesIn('举办葡萄丰收节')).toEqual([]);
  });

  it('营养周 is 全民营养周 alone, not 学生营养周', () => {
    expect(codesIn('举办营养周活动')).toEqual(['nutrition-week']);
    expect(codesIn('学生营养周')).toEqual([]);
  });

  it('a whole-city run of a national campaign is still that campaign', () => {
    expect(codesIn('组织全市安全生产月和全省科技活动周')).toEqual(['work-safety-month', 'science-tech-week']);
  });
});
