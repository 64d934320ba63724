import { knownAutumnEquinoxes } from './known-dates.fixture';
import { campaignByCode, campaignCatalogue, campaignOccurrence, campaignsForYear } from './index';

const datesOf = (code: string, year: number) => {
  const occurrence = campaignOccurrence(code, year);
  return occurrence && [occurrence.startsOn, occurrence.endsOn];
};

describe('the catalogue', () => {
  it('lists every national campaign of campaigns.md under a unique kebab-case code', () => {
    expect(campaignCatalogue.length).toBeGreaterThanOrEqual(30);
    const codes = campaignCatalogue.map((campaign) => campaign.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('gives every campaign a name, themes and at least one era', () => {
    for (const campaign of campaignCatalogue) {
      expect(campaign.name).not.toBe('');
      expect(campaign.themes.length).toBeGreaterThan(0);
      expect(campaign.eras.length).toBeGreaterThan(0);
    }
  });

  it('keeps date marks and quotes out of aliases, because the matcher strips them from text', () => {
    for (const campaign of campaignCatalogue) {
      for (const alias of campaign.aliases) expect(alias).not.toMatch(/[“”"'‘’·•]|^\d+[.·]\d+/);
    }
  });

  it('keeps every announced date in the year it is filed under, with the end on or after the start', () => {
    for (const campaign of campaignCatalogue) {
      for (const era of campaign.eras) {
        if (era.rule.kind !== 'announced') continue;
        for (const [year, { startsOn, endsOn }] of Object.entries(era.rule.known)) {
          expect(startsOn.slice(0, 4)).toBe(year);
          expect(endsOn >= startsOn).toBe(true);
        }
      }
    }
  });

  it('cannot be changed by a caller', () => {
    const definition = campaignByCode('earth-day');
    expect(Object.isFrozen(definition)).toBe(true);
    expect(Object.isFrozen(definition?.aliases)).toBe(true);
    expect(() => (definition?.aliases as string[]).push('地球')).toThrow(TypeError);
  });

  it('finds a campaign by its code, and nothing for an unknown code', () => {
    expect(campaignByCode('fire-safety-month')?.name).toBe('119消防宣传月');
    expect(campaignByCode('no-such-campaign')).toBeUndefined();
  });
});

describe('全国科普日 becoming 全国科普月', () => {
  it.each([
    [2017, '2017-09-16', '2017-09-22'],
    [2021, '2021-09-11', '2021-09-17'],
    [2022, '2022-09-15', '2022-09-21'],
    [2023, '2023-09-17', '2023-09-23'],
    [2024, '2024-09-15', '2024-09-25'],
  ])('in %i it is the announced week named 全国科普日, %s to %s', (year, startsOn, endsOn) => {
    expect(campaignOccurrence('national-science-day', year)).toMatchObject({ name: '全国科普日', startsOn, endsOn });
  });

  it.each([2025, 2026])('from 2025 it is all of September named 全国科普月 (%i)', (year) => {
    expect(campaignOccurrence('national-science-day', year)).toMatchObject({
      name: '全国科普月',
      startsOn: `${year}-09-01`,
      endsOn: `${year}-09-30`,
    });
  });

  it('when a year of the week was never recorded here, then the dates are unknown, not guessed', () => {
    expect(datesOf('national-science-day', 2019)).toEqual([null, null]);
    expect(campaignOccurrence('national-science-day', 2019)?.name).toBe('全国科普日');
  });

  it('carries the other era name as an alias, so either name can be shown', () => {
    expect(campaignOccurrence('national-science-day', 2024)?.aliases).toContain('全国科普月');
    expect(campaignOccurrence('national-science-day', 2025)?.aliases).toContain('全国科普日');
    expect(campaignOccurrence('national-science-day', 2025)?.aliases).not.toContain('全国科普月');
  });
});

describe('announced campaigns', () => {
  it.each([
    [2020, '2020-08-23', '2020-08-29'],
    [2021, '2021-05-22', '2021-05-28'],
    [2022, '2022-05-21', '2022-05-28'],
    [2023, '2023-05-20', '2023-05-31'],
    [2024, '2024-05-25', '2024-06-01'],
    [2025, '2025-05-24', '2025-05-31'],
  ])('科技活动周 %i runs %s to %s', (year, startsOn, endsOn) => {
    expect(datesOf('science-tech-week', year)).toEqual([startsOn, endsOn]);
  });

  it.each([
    [2020, '2020-05-09', '2020-05-15'],
    [2021, '2021-05-08', '2021-05-14'],
    [2023, '2023-05-06', '2023-05-12'],
    [2025, '2025-05-12', '2025-05-18'],
  ])('防灾减灾宣传周 %i runs %s to %s', (year, startsOn, endsOn) => {
    expect(datesOf('disaster-prevention-week', year)).toEqual([startsOn, endsOn]);
  });

  it.each([
    [2019, '2019-06-17', '2019-06-23'],
    [2021, '2021-08-23', '2021-08-29'],
    [2022, '2022-06-13', '2022-06-19'],
    [2023, '2023-07-10', '2023-07-16'],
    [2024, '2024-05-13', '2024-05-19'],
    [2025, '2025-06-23', '2025-06-29'],
  ])('节能宣传周 %i runs %s to %s', (year, startsOn, endsOn) => {
    expect(datesOf('energy-saving-week', year)).toEqual([startsOn, endsOn]);
  });

  it('when only the start of 食品安全宣传周 was announced, then the week ends six days later', () => {
    expect(datesOf('food-safety-week', 2022)).toEqual(['2022-08-29', '2022-09-04']);
    expect(datesOf('food-safety-week', 2023)).toEqual(['2023-11-28', '2023-12-04']);
  });

  it('knows 网络安全宣传周 and 双创活动周 for the years on record', () => {
    expect(datesOf('cybersecurity-week', 2023)).toEqual(['2023-09-11', '2023-09-17']);
    expect(datesOf('cybersecurity-week', 2024)).toEqual(['2024-09-09', '2024-09-15']);
    expect(datesOf('mass-innovation-week', 2021)).toEqual(['2021-10-19', '2021-10-25']);
    expect(datesOf('mass-innovation-week', 2022)).toEqual(['2022-09-15', '2022-09-21']);
  });

  it.each([
    ['science-tech-week', 2026],
    ['disaster-prevention-week', 2022],
    ['energy-saving-week', 2020],
    ['food-safety-week', 2024],
    ['cybersecurity-week', 2025],
    ['nutrition-week', 2024],
    ['three-rural-outreach', 2025],
    ['science-explainer-contest', 2025],
  ])('when %s %i is not on record, then its dates are null', (code, year) => {
    expect(datesOf(code, year)).toEqual([null, null]);
  });
});

describe('全国低碳日, the third day of 节能宣传周', () => {
  it.each([
    [2022, '2022-06-15'],
    [2023, '2023-07-12'],
    [2024, '2024-05-15'],
    [2025, '2025-06-25'],
  ])('in %i falls on %s', (year, day) => {
    expect(datesOf('low-carbon-day', year)).toEqual([day, day]);
  });

  it('when that year’s 节能宣传周 is unknown, then the day is unknown too', () => {
    expect(datesOf('low-carbon-day', 2020)).toEqual([null, null]);
  });

  it('did not exist before 2013', () => {
    expect(campaignOccurrence('low-carbon-day', 2012)).toBeNull();
  });
});

describe('rule-based campaigns', () => {
  it('全国助残日 is the third Sunday of May', () => {
    expect(datesOf('disability-assistance-day', 2021)).toEqual(['2021-05-16', '2021-05-16']);
    expect(datesOf('disability-assistance-day', 2025)).toEqual(['2025-05-18', '2025-05-18']);
  });

  it('全国中小学生安全教育日 is the last Monday of March', () => {
    expect(datesOf('school-safety-education-day', 2024)).toEqual(['2024-03-25', '2024-03-25']);
    expect(datesOf('school-safety-education-day', 2025)).toEqual(['2025-03-31', '2025-03-31']);
  });

  it.each(knownAutumnEquinoxes)('中国农民丰收节 %i is the autumn equinox, %s', (year, day) => {
    expect(datesOf('harvest-festival', year)).toEqual([day, day]);
  });

  it('中国农民丰收节 began in 2018 and has no computed date after 2100', () => {
    expect(campaignOccurrence('harvest-festival', 2017)).toBeNull();
    expect(datesOf('harvest-festival', 2101)).toEqual([null, null]);
  });

  it('fixed days repeat every year, and 中国水周 spans a week', () => {
    expect(datesOf('disaster-prevention-day', 2025)).toEqual(['2025-05-12', '2025-05-12']);
    expect(datesOf('earth-day', 1999)).toEqual(['1999-04-22', '1999-04-22']);
    expect(datesOf('china-water-week', 2025)).toEqual(['2025-03-22', '2025-03-28']);
  });

  it('months run from the first to the last day', () => {
    expect(datesOf('work-safety-month', 2025)).toEqual(['2025-06-01', '2025-06-30']);
    expect(datesOf('fire-safety-month', 2025)).toEqual(['2025-11-01', '2025-11-30']);
  });

  it('a campaign is absent before the year it began', () => {
    expect(campaignOccurrence('science-tech-workers-day', 2016)).toBeNull();
    expect(campaignOccurrence('science-tech-workers-day', 2017)?.startsOn).toBe('2017-05-30');
    expect(campaignOccurrence('space-day', 2015)).toBeNull();
  });

  it('an unknown code or a year that is not a whole number gives no occurrence', () => {
    expect(campaignOccurrence('no-such-campaign', 2025)).toBeNull();
    expect(campaignOccurrence('earth-day', 2025.5)).toBeNull();
    expect(campaignOccurrence('earth-day', Number.NaN)).toBeNull();
  });
});

describe('campaigns of a year', () => {
  const year2025 = campaignsForYear(2025);

  it('includes every campaign running that year, each once', () => {
    const codes = year2025.map((occurrence) => occurrence.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['national-science-day', 'harvest-festival', 'low-carbon-day']));
    expect(codes.length).toBe(campaignCatalogue.length);
  });

  it('leaves out campaigns that had not begun', () => {
    const codes = campaignsForYear(2010).map((occurrence) => occurrence.code);
    expect(codes).not.toContain('space-day');
    expect(codes).not.toContain('harvest-festival');
    expect(codes).toContain('disaster-prevention-day');
  });

  it('is in date order, with campaigns of unknown dates at the end', () => {
    const starts = year2025.map((occurrence) => occurrence.startsOn);
    const firstUnknown = starts.indexOf(null);
    const known = starts.slice(0, firstUnknown) as string[];
    expect(known).toEqual([...known].sort());
    expect(starts.slice(firstUnknown).every((start) => start === null)).toBe(true);
    expect(year2025[0]?.code).toBe('water-day');
  });

  it('hands out copies, so editing an occurrence leaves the catalogue alone', () => {
    const occurrence = campaignOccurrence('earth-day', 2025);
    occurrence?.aliases.push('地球');
    expect(campaignByCode('earth-day')?.aliases).toEqual(['地球日']);
  });
});

describe('what a campaign page says about when it falls', () => {
  test.each([
    ['fire-safety-month', 2026, '每年11月（整月）'],
    ['science-tech-workers-day', 2026, '每年5月30日（2017年起）'],
    ['china-water-week', 2026, '每年3月22日至28日（1994年起）'],
    ['disability-assistance-day', 2026, '每年5月第三个星期日'],
    ['school-safety-education-day', 2026, '每年3月最后一个星期一'],
    ['low-carbon-day', 2026, '全国节能宣传周的第3天（2013年起）'],
    ['harvest-festival', 2026, '每年秋分（9月22日或23日）（2018年起）'],
    ['food-safety-week', 2026, '每年一周，以通知为准'],
  ])('%s in %i: %s', (code, year, schedule) => {
    expect(campaignOccurrence(code, year)?.schedule).toBe(schedule);
  });

  test('a fact beyond the dates comes from the catalogue, and most campaigns have none', () => {
    expect(campaignOccurrence('work-safety-month', 2026)?.note).toBe('每年6月16日为安全宣传咨询日。');
    expect(campaignOccurrence('fire-safety-month', 2026)?.note).toBeNull();
  });
});
