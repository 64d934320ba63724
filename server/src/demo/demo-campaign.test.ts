import { campaignOccurrence } from '../campaigns';
import { demoCampaignOn, type RunningSpan } from './demo-campaign';

const of = (code: string, year: number): RunningSpan => campaignOccurrence(code, year)!;
const talk = { campaign: 'science-tech-workers-day', themes: ['科学家精神'] };
const drill = { themes: ['应急', '消防'] };

describe('the campaign of a demo activity', () => {
  test('when a 科技工作者 talk falls in December, then it is not tagged 全国科技工作者日 (30 May)', () => {
    expect(demoCampaignOn('2026-12-12', talk, [of('science-tech-workers-day', 2026)])).toBeNull();
  });

  test('when it falls on 30 May, then it is', () => {
    expect(demoCampaignOn('2026-05-30', talk, [of('science-tech-workers-day', 2026)])).toBe('science-tech-workers-day');
  });

  test('when a fire drill falls in November, then it belongs to the running 119消防宣传月, which shares its themes', () => {
    const named = [of('science-tech-workers-day', 2026), of('fire-safety-month', 2026)];
    expect(demoCampaignOn('2026-11-20', drill, named)).toBe('fire-safety-month');
    expect(demoCampaignOn('2026-12-01', drill, named)).toBeNull();
  });

  test('a campaign running that day but on other themes, or one whose dates are unknown, is not used', () => {
    expect(demoCampaignOn('2026-11-20', { themes: ['阅读'] }, [of('fire-safety-month', 2026)])).toBeNull();
    expect(demoCampaignOn('2026-11-30', { campaign: 'food-safety-week', themes: ['食品安全'] }, [of('food-safety-week', 2026)])).toBeNull();
  });
});
