import type { ParsedPlan, ParsedTask, ParsedUnit } from './types';
import { deriveCampaignEvents, eventTitle } from './derive';

const scienceDay = { code: 'national-science-day', name: '全国科普日' };
const techWeek = { code: 'science-tech-week', name: '全国科技活动周' };

function taskOf(number: number, fields: Partial<ParsedTask> = {}): ParsedTask {
  return {
    number,
    title: `任务${number}`,
    text: `任务${number}。`,
    sectionPath: [],
    responsibleUnits: units(),
    audiences: [],
    themes: [],
    campaigns: [],
    ...fields,
  };
}

/** Units as written, with no role: the shape every plan without 牵头/配合 has. */
const units = (...names: string[]): ParsedUnit[] => names.map((name) => ({ name, role: null, inherited: false }));

function planOf(tasks: ParsedTask[], fields: Partial<ParsedPlan> = {}): ParsedPlan {
  return {
    title: '2023年某某市全民科学素质行动工作要点',
    place: '某某市',
    city: '某某市',
    level: 'city',
    kind: '工作要点',
    period: null,
    year: 2023,
    script: 'simplified',
    issuer: '某某市全民科学素质工作领导小组',
    issuedOn: null,
    documentNumber: null,
    sections: [],
    tasks,
    needsReview: false,
    warnings: [],
    ...fields,
  };
}

describe('deriveCampaignEvents', () => {
  it('when several tasks name a campaign, then one event links to all of them', () => {
    const events = deriveCampaignEvents(
      planOf([taskOf(3, { campaigns: [techWeek] }), taskOf(5, { campaigns: [scienceDay, techWeek] }), taskOf(9, { campaigns: [scienceDay] })]),
    );
    expect(events.map((e) => [e.campaignCode, e.taskNumbers])).toEqual([
      ['science-tech-week', [3, 5]],
      ['national-science-day', [5, 9]],
    ]);
  });

  it('when the catalogue knows the year, then the event carries its dates, city and year', () => {
    const [event] = deriveCampaignEvents(planOf([taskOf(1, { campaigns: [scienceDay] })]));
    expect(event).toMatchObject({
      campaignName: '全国科普日',
      title: '2023年某某市全国科普日活动',
      city: '某某市',
      year: 2023,
      startsOn: '2023-09-17',
      endsOn: '2023-09-23',
    });
  });

  it("when the catalogue does not know that year's dates, then the event is kept with null dates", () => {
    const [event] = deriveCampaignEvents(planOf([taskOf(1, { campaigns: [scienceDay] })], { year: 2019 }));
    expect(event).toMatchObject({ campaignCode: 'national-science-day', startsOn: null, endsOn: null, title: '2019年某某市全国科普日活动' });
  });

  it("when the first task naming a campaign has only collectives, then the issuer coordinates it rather than a later task's unit", () => {
    const events = deriveCampaignEvents(
      planOf([
        taskOf(1, { campaigns: [scienceDay], responsibleUnits: units('各成员单位') }),
        taskOf(2, { campaigns: [scienceDay], responsibleUnits: units('各县区', '市科协', '市教育局') }),
      ]),
    );
    expect(events[0]!.organizerName).toBe('某某市全民科学素质工作领导小组');
  });

  it('when the first task naming a campaign lists real units after a collective, then its first real unit organises it', () => {
    const events = deriveCampaignEvents(planOf([taskOf(1, { campaigns: [scienceDay], responsibleUnits: units('各县区', '市科协', '市教育局') })]));
    expect(events[0]!.organizerName).toBe('市科协');
  });

  it('when no task naming the campaign has a real unit, then the issuer organises it', () => {
    const events = deriveCampaignEvents(planOf([taskOf(1, { campaigns: [scienceDay], responsibleUnits: units('各成员单位') })]));
    expect(events[0]!.organizerName).toBe('某某市全民科学素质工作领导小组');
  });

  it("when the plan names no issuer either, then the city's 科协 organises it", () => {
    const events = deriveCampaignEvents(planOf([taskOf(1, { campaigns: [scienceDay] })], { issuer: null }));
    expect(events[0]!.organizerName).toBe('某某市科协');
  });

  it('when linked tasks have audiences, then the event serves all of them and carries the campaign themes', () => {
    const events = deriveCampaignEvents(
      planOf([
        taskOf(1, { campaigns: [techWeek], audiences: ['农民'], themes: ['三农'] }),
        taskOf(2, { campaigns: [techWeek], audiences: ['青少年', '农民'] }),
      ]),
    );
    expect(events[0]).toMatchObject({ audiences: ['青少年', '农民'], themes: ['科技', '科普'] });
  });

  it('when the event is described, then the description names the plan and the tasks it serves', () => {
    const events = deriveCampaignEvents(planOf([taskOf(4, { campaigns: [scienceDay], title: '办好科普日活动' })]));
    expect(events[0]!.description).toBe(
      '根据《2023年某某市全民科学素质行动工作要点》，某某市组织开展全国科普日主题科普活动。对应任务：第4项“办好科普日活动”。',
    );
  });

  it('when no task names a campaign, then there are no events', () => {
    expect(deriveCampaignEvents(planOf([taskOf(1)]))).toEqual([]);
  });
});

describe('deriveCampaignEvents for a national plan', () => {
  const national = (fields: Partial<ParsedPlan> = {}) =>
    planOf([taskOf(1, { campaigns: [scienceDay], responsibleUnits: units('教育部', '中国科协') })], {
      title: '2023年全民科学素质行动工作要点',
      place: '全国',
      city: '全国',
      level: 'national',
      issuer: '全民科学素质纲要实施工作办公室',
      ...fields,
    });

  it('when a national plan names a campaign, then the issuing body organises it and the event is filed under 全国 without saying 全国 twice', () => {
    expect(deriveCampaignEvents(national())[0]).toMatchObject({ city: '全国', organizerName: '全民科学素质纲要实施工作办公室', title: '2023年全国科普日活动' });
  });

  it('when a national plan names no issuer, then 中国科协 organises, never an invented 全国科协', () => {
    expect(deriveCampaignEvents(national({ issuer: null }))[0]!.organizerName).toBe('中国科协');
  });
});

describe('deriveCampaignEvents for an incomplete plan', () => {
  it('when the plan has no place or no year, then nothing is derived until the admin completes it', () => {
    const named = [taskOf(1, { campaigns: [scienceDay] })];
    expect(deriveCampaignEvents(planOf(named, { city: null }))).toEqual([]);
    expect(deriveCampaignEvents(planOf(named, { year: null }))).toEqual([]);
  });

  it('when the first naming task gives roles, then its lead unit organises', () => {
    const task = taskOf(1, {
      campaigns: [scienceDay],
      responsibleUnits: [
        { name: '市教育局', role: 'support', inherited: false },
        { name: '市科协', role: 'lead', inherited: false },
      ],
    });
    expect(deriveCampaignEvents(planOf([task]))[0]!.organizerName).toBe('市科协');
  });
});

describe('eventTitle', () => {
  it('when the campaign name is a day, week or month, then 活动 is added', () => {
    expect(eventTitle({ year: 2022, city: '某某县' }, '安全生产月')).toBe('2022年某某县安全生产月活动');
  });

  it('when the campaign name already ends with 活动周 or 大赛, then nothing is added', () => {
    expect(eventTitle({ year: 2022, city: '某某县' }, '全国科技活动周')).toBe('2022年某某县全国科技活动周');
    expect(eventTitle({ year: 2022, city: '某某县' }, '全国科普讲解大赛')).toBe('2022年某某县全国科普讲解大赛');
  });
});
