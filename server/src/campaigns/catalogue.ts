// The national campaigns plans name: codes, names, aliases, themes and date rules.
// Facts come from /work/shared/campaigns.md; computing dates and matching text live elsewhere.
import { addDays } from '@kepu/shared';
import type { CampaignDefinition, CampaignEra, DateRule } from './types';

type KnownDates = Record<number, { startsOn: string; endsOn: string }>;

const fixed = (month: number, day: number): DateRule => ({ kind: 'fixed', month, day });
const wholeMonth = (month: number): DateRule => ({ kind: 'month', month });
const announced = (typically: string, known: KnownDates = {}): DateRule => ({ kind: 'announced', typically, known });

/** Notices that give only a start: every such campaign is a week, so it ends 6 days later. */
const weekFrom = (startsOn: string): { startsOn: string; endsOn: string } => ({ startsOn, endsOn: addDays(startsOn, 6) });

/** A campaign whose name and rule never changed. */
function campaign(
  code: string,
  name: string,
  aliases: string[],
  themes: string[],
  rule: DateRule,
  extra: { fromYear?: number; dateMark?: string; note?: string } = {},
): CampaignDefinition {
  const era: CampaignEra = { name, rule };
  if (extra.fromYear !== undefined) era.fromYear = extra.fromYear;
  const definition: CampaignDefinition = { code, name, aliases, themes, eras: [era] };
  if (extra.dateMark !== undefined) definition.dateMark = extra.dateMark;
  if (extra.note !== undefined) definition.note = extra.note;
  return definition;
}

const definitions: CampaignDefinition[] = [
  // The revised 科学技术普及法 (in force 2024-12-25) turned the September week into the whole month.
  {
    code: 'national-science-day',
    name: '全国科普月',
    aliases: ['全国科普日', '科普日', '全国科普日活动', '全国科普日主场活动', '科普月'],
    themes: ['科普'],
    note: '修订后的《科学技术普及法》（2024年12月25日起施行）将每年9月定为全国科普月；2024年及以前为9月中旬的全国科普日。',
    eras: [
      {
        toYear: 2024,
        name: '全国科普日',
        rule: announced('每年9月中旬，以通知为准', {
          2017: { startsOn: '2017-09-16', endsOn: '2017-09-22' },
          2021: { startsOn: '2021-09-11', endsOn: '2021-09-17' },
          2022: { startsOn: '2022-09-15', endsOn: '2022-09-21' },
          2023: { startsOn: '2023-09-17', endsOn: '2023-09-23' },
          2024: { startsOn: '2024-09-15', endsOn: '2024-09-25' },
        }),
      },
      { fromYear: 2025, name: '全国科普月', rule: wholeMonth(9) },
    ],
  },
  campaign(
    'science-tech-week',
    '全国科技活动周',
    ['科技活动周', '科技周', '全国科技周'],
    ['科技', '科普'],
    announced('每年5月，以通知为准', {
      2020: { startsOn: '2020-08-23', endsOn: '2020-08-29' }, // moved to August that year
      2021: { startsOn: '2021-05-22', endsOn: '2021-05-28' },
      2022: { startsOn: '2022-05-21', endsOn: '2022-05-28' },
      2023: { startsOn: '2023-05-20', endsOn: '2023-05-31' },
      2024: { startsOn: '2024-05-25', endsOn: '2024-06-01' },
      2025: { startsOn: '2025-05-24', endsOn: '2025-05-31' },
    }),
    { fromYear: 2001 },
  ),
  campaign('science-tech-workers-day', '全国科技工作者日', ['科技工作者日'], ['科技', '科学家精神'], fixed(5, 30), { fromYear: 2017 }),

  campaign('disaster-prevention-day', '全国防灾减灾日', ['防灾减灾日', '防震减灾日'], ['应急', '防灾减灾'], fixed(5, 12), { fromYear: 2009, dateMark: '5·12' }),
  campaign(
    'disaster-prevention-week',
    '防灾减灾宣传周',
    [],
    ['应急', '防灾减灾'],
    announced('5月12日前后，以通知为准', {
      2020: { startsOn: '2020-05-09', endsOn: '2020-05-15' },
      2021: { startsOn: '2021-05-08', endsOn: '2021-05-14' },
      2023: { startsOn: '2023-05-06', endsOn: '2023-05-12' },
      2025: { startsOn: '2025-05-12', endsOn: '2025-05-18' },
    }),
  ),
  campaign('international-disaster-reduction-day', '国际减灾日', ['国际减轻自然灾害日', '国际减少灾害风险日'], ['应急', '防灾减灾'], fixed(10, 13), {
    fromYear: 2009,
  }),
  campaign('work-safety-month', '安全生产月', ['全国安全生产月', '安全月'], ['应急', '安全生产'], wholeMonth(6), {
    fromYear: 2002,
    note: '每年6月16日为安全宣传咨询日。',
  }),
  campaign('fire-safety-month', '119消防宣传月', ['全国消防宣传月', '消防宣传月'], ['应急', '消防'], wholeMonth(11)),
  campaign('fire-safety-day', '全国消防日', ['119消防日'], ['应急', '消防'], fixed(11, 9)),

  campaign(
    'food-safety-week',
    '全国食品安全宣传周',
    ['食品安全宣传周'],
    ['健康', '食品安全'],
    announced('每年一周，以通知为准', {
      2022: weekFrom('2022-08-29'),
      2023: weekFrom('2023-11-28'),
    }),
  ),
  campaign(
    'energy-saving-week',
    '全国节能宣传周',
    ['节能宣传周'],
    ['生态环境', '低碳'],
    announced('近年在5月至8月，以通知为准', {
      2019: { startsOn: '2019-06-17', endsOn: '2019-06-23' },
      2021: { startsOn: '2021-08-23', endsOn: '2021-08-29' },
      2022: { startsOn: '2022-06-13', endsOn: '2022-06-19' },
      2023: { startsOn: '2023-07-10', endsOn: '2023-07-16' },
      2024: { startsOn: '2024-05-13', endsOn: '2024-05-19' },
      2025: { startsOn: '2025-06-23', endsOn: '2025-06-29' },
    }),
  ),
  // The third day of that year's 节能宣传周, so it is unknown whenever the week is.
  campaign(
    'low-carbon-day',
    '全国低碳日',
    ['低碳日'],
    ['生态环境', '低碳'],
    { kind: 'relative', to: 'energy-saving-week', offsetDays: 2, lengthDays: 1 },
    { fromYear: 2013 },
  ),

  campaign('earth-day', '世界地球日', ['地球日'], ['生态环境', '自然资源'], fixed(4, 22), { dateMark: '4·22' }),
  campaign('environment-day', '世界环境日', ['六五环境日', '环境日'], ['生态环境'], fixed(6, 5), { dateMark: '6·5' }),
  campaign('meteorological-day', '世界气象日', [], ['气象', '应急'], fixed(3, 23), { dateMark: '3·23' }),
  campaign('water-day', '世界水日', ['水日'], ['水', '生态环境'], fixed(3, 22), { dateMark: '3·22' }),
  campaign('china-water-week', '中国水周', [], ['水', '生态环境'], { kind: 'fixed', month: 3, day: 22, endMonth: 3, endDay: 28 }, { fromYear: 1994 }),
  campaign('land-day', '全国土地日', ['土地日'], ['自然资源'], fixed(6, 25), { dateMark: '6·25' }),
  campaign('space-day', '中国航天日', ['航天日'], ['航天', '科技'], fixed(4, 24), { fromYear: 2016, dateMark: '4·24' }),
  campaign('national-security-education-day', '全民国家安全教育日', ['国家安全教育日'], ['国家安全'], fixed(4, 15), { fromYear: 2016, dateMark: '4·15' }),
  campaign('book-day', '世界读书日', ['世界图书与版权日'], ['阅读'], fixed(4, 23), { dateMark: '4·23' }),
  campaign('eye-care-day', '全国爱眼日', ['爱眼日'], ['健康'], fixed(6, 6), { dateMark: '6·6' }),
  campaign('dental-care-day', '全国爱牙日', ['爱牙日'], ['健康'], fixed(9, 20), { dateMark: '9·20' }),
  campaign('museum-day', '国际博物馆日', ['博物馆日'], ['文化', '博物馆'], fixed(5, 18), { dateMark: '5·18' }),
  campaign('disability-assistance-day', '全国助残日', ['助残日'], ['社会', '残疾人'], { kind: 'nthWeekday', month: 5, weekday: 0, nth: 3 }),
  // 05-31 since 1989; the first 无烟日 (1988) was on 04-07.
  campaign('no-tobacco-day', '世界无烟日', ['无烟日'], ['健康'], fixed(5, 31), { fromYear: 1989, dateMark: '5·31' }),
  campaign('health-day', '世界卫生日', [], ['健康'], fixed(4, 7), { dateMark: '4·7' }),
  campaign('nutrition-week', '全民营养周', ['营养周'], ['健康'], announced('每年5月第三周，以通知为准')),
  campaign('intellectual-property-day', '世界知识产权日', ['知识产权日'], ['知识产权'], fixed(4, 26), { dateMark: '4·26' }),
  campaign('school-safety-education-day', '全国中小学生安全教育日', ['中小学生安全教育日', '安全教育日'], ['青少年', '安全'], {
    kind: 'nthWeekday',
    month: 3,
    weekday: 1,
    nth: -1,
  }),
  // 05-22 since 2001; before that the day was 12-29.
  campaign('biodiversity-day', '国际生物多样性日', [], ['生态环境'], fixed(5, 22), { fromYear: 2001, dateMark: '5·22' }),
  campaign('oceans-day', '世界海洋日', ['全国海洋宣传日'], ['海洋', '生态环境'], fixed(6, 8), { dateMark: '6·8' }),
  // Established in 2018 on 秋分, so it moves between 09-22 and 09-23.
  campaign('harvest-festival', '中国农民丰收节', ['农民丰收节', '丰收节'], ['三农'], { kind: 'autumnEquinox' }, { fromYear: 2018 }),

  campaign(
    'cybersecurity-week',
    '国家网络安全宣传周',
    ['网络安全宣传周', '网安周'],
    ['网络安全', '数字素养'],
    announced('每年9月，以通知为准', {
      2023: { startsOn: '2023-09-11', endsOn: '2023-09-17' },
      2024: { startsOn: '2024-09-09', endsOn: '2024-09-15' },
    }),
  ),
  campaign(
    'mass-innovation-week',
    '全国大众创业万众创新活动周',
    ['双创活动周', '双创周'],
    ['创新创业'],
    announced('每年9月或10月，以通知为准', {
      2021: { startsOn: '2021-10-19', endsOn: '2021-10-25' },
      2022: { startsOn: '2022-09-15', endsOn: '2022-09-21' },
    }),
  ),
  // Runs all year; no single span to give, so every year is "not known".
  campaign(
    'three-rural-outreach',
    '文化科技卫生“三下乡”',
    ['文化科技卫生三下乡', '三下乡'],
    ['三农', '科技', '卫生'],
    announced('全年开展，集中示范活动多在元旦、春节前后'),
  ),
  campaign('science-explainer-contest', '全国科普讲解大赛', ['科普讲解大赛'], ['科普'], announced('每年举办，决赛多在11月')),
];

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Every national campaign, in a stable order. Frozen: callers share one copy. */
export const campaignCatalogue: readonly CampaignDefinition[] = deepFreeze(definitions);
