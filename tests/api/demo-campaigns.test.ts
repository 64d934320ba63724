// Demo activities carry a campaign only on that campaign's dates: seeded on
// 25 November, the fire drill two days later belongs to 119消防宣传月, and the
// 科技工作者 talk in December is not tagged 全国科技工作者日 (30 May), even
// where an earlier seeding tagged it so.
import { campaignOccurrence } from '../../server/src/campaigns';
import { EventEntity } from '../../server/src/db/entities/event.entity';
import { seedDemoActivities } from '../../server/src/demo/seed';
import { cstDateOf } from '@kepu/shared';
import { engines } from './harness';
import { useTestApp } from './fixtures';

describe.each(engines)('demo activities and campaigns on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  const demoActivities = () => app.rows(EventEntity, { isDemo: true, kind: 'activity' });

  it('when seeded in late November, then every tagged activity starts within its campaign, and the fire drill is part of 119消防宣传月', async () => {
    await seedDemoActivities(app.server.tx, app.server.clock.now);
    const tagged = (await demoActivities()).filter((event) => event.campaignCode);
    for (const event of tagged) {
      const day = cstDateOf(event.startsAt);
      const campaign = campaignOccurrence(event.campaignCode!, Number(day.slice(0, 4)))!;
      expect({ title: event.title, day, within: campaign.startsOn! <= day && day <= campaign.endsOn! }).toEqual({ title: event.title, day, within: true });
    }
    const drills = (await demoActivities()).filter((event) => event.title === '家庭应急避险演练开放日');
    expect(drills.length).toBeGreaterThan(0);
    expect(drills.map((event) => event.campaignCode)).toContain('fire-safety-month');
    const talks = (await demoActivities()).filter((event) => event.title === '科学家精神报告会：走近身边的科技工作者');
    expect(talks.map((event) => event.campaignCode)).not.toContain('science-tech-workers-day');
  });

  it('when an earlier seeding tagged the December talk 全国科技工作者日, then seeding again corrects it', async () => {
    const talks = (await demoActivities()).filter((event) => event.title === '科学家精神报告会：走近身边的科技工作者');
    const repo = app.server.dataSource.getRepository(EventEntity);
    for (const talk of talks) await repo.update({ id: talk.id }, { campaignCode: 'science-tech-workers-day' });
    await seedDemoActivities(app.server.tx, app.server.clock.now);
    const after = await repo.findBy({ title: '科学家精神报告会：走近身边的科技工作者' });
    expect(after.map((event) => event.campaignCode).filter((code) => code === 'science-tech-workers-day')).toEqual([]);
  });
});
