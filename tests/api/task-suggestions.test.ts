// Which plan tasks an event carries out: suggestions for a saved event (whoever may see it) and
// for an event being written (its organizer), from the city's current plan, with the reason.
import { EventEntity, EventPlanTaskEntity } from '../../server/src/db/entities/event.entity';
import { seedDemoActivities } from '../../server/src/demo/seed';
import { engines } from './harness';
import { API, badFields, createDraft, expectError, expectStatus, organizerOrgId, publishActivity, useTestApp, type TestApp } from './fixtures';

const smartphoneClass = {
  title: '银龄智能手机课堂：防范电信诈骗',
  description: '手把手教老年朋友识别诈骗短信和电话，学会使用健康码与挂号小程序。',
  audiences: ['老年人'],
  themes: ['数字素养'],
};

async function planId(app: TestApp, city: string): Promise<string> {
  const plans = (await app.api.get(`${API}/plans`)).body.items as { id: string; city: string }[];
  return plans.find((p) => p.city === city)!.id;
}

async function liuzhouAssociation(app: TestApp): Promise<string> {
  const items = (await app.api.get(`${API}/organizations?city=${encodeURIComponent('柳州市')}`)).body.items as { id: string; name: string }[];
  return items.find((o) => o.name === '市科协')!.id;
}

describe.each(engines)('task suggestions on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });

  describe('for an event being written', () => {
    it('an organizer gets the top three tasks of its city’s plan, best first, each with its reason', async () => {
      const res = await app.api.post(
        `${API}/plans/task-suggestions`,
        { ...smartphoneClass, organizerId: await organizerOrgId(app) },
        await app.token('demo-organizer'),
      );
      expectStatus(res, 200);
      const tangshan = await planId(app, '唐山市');
      expect(res.body.items.map((s: any) => [s.planId, s.number])).toEqual([
        [tangshan, 13],
        [tangshan, 12],
        [tangshan, 14],
      ]);
      expect(res.body.items[0]).toEqual({
        planId: tangshan,
        number: 13,
        ordinal: 13,
        title: '实施银龄科普行动',
        score: expect.any(Number),
        reason: '同为老年人；都提到“银龄”',
      });
      const scores = res.body.items.map((s: any) => s.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('the organizing organization among a task’s units counts and is named in the reason', async () => {
      const res = await app.api.post(
        `${API}/plans/task-suggestions`,
        { ...smartphoneClass, organizerId: await liuzhouAssociation(app) },
        await app.token('demo-admin'),
      );
      expectStatus(res, 200);
      expect(res.body.items[0]).toMatchObject({ planId: await planId(app, '柳州市'), number: 19, title: '实施智慧助老行动' });
      expect(res.body.items[0].reason).toMatch(/^同为老年人、数字素养.*；本单位参与$/);
    });

    it('an event that shares nothing with the plan gets no suggestion', async () => {
      const res = await app.api.post(
        `${API}/plans/task-suggestions`,
        { title: '二手车交易会', description: '品牌车商云集，现场看车试驾。', organizerId: await organizerOrgId(app) },
        await app.token('demo-organizer'),
      );
      expectStatus(res, 200);
      expect(res.body.items).toEqual([]);
    });

    it('only organizers and admins ask, and only for an organization they act for', async () => {
      const body = { ...smartphoneClass, organizerId: await organizerOrgId(app) };
      expectError(await app.api.post(`${API}/plans/task-suggestions`, body), 401, 'UNAUTHENTICATED');
      expectError(await app.api.post(`${API}/plans/task-suggestions`, body, await app.token('demo-resident')), 403, 'FORBIDDEN');
      const foreign = { ...body, organizerId: await liuzhouAssociation(app) };
      expectError(await app.api.post(`${API}/plans/task-suggestions`, foreign, await app.token('demo-organizer')), 403, 'FORBIDDEN');
    });

    it('a body without an organization, with an unknown campaign or a nonexistent organization answers 400 on that field', async () => {
      const organizer = await app.token('demo-organizer');
      expect(badFields(await app.api.post(`${API}/plans/task-suggestions`, smartphoneClass, organizer))).toContain('organizerId');
      const unknownCampaign = { ...smartphoneClass, organizerId: await organizerOrgId(app), campaign: 'no-such-day' };
      expect(badFields(await app.api.post(`${API}/plans/task-suggestions`, unknownCampaign, organizer))).toContain('campaign');
      const nowhere = { ...smartphoneClass, organizerId: 'no-such-organization' };
      expect(badFields(await app.api.post(`${API}/plans/task-suggestions`, nowhere, await app.token('demo-admin')))).toContain('organizerId');
    });
  });

  describe('for a saved event', () => {
    it('anyone may see the suggestions of a published event, from its city’s plan', async () => {
      const event = await publishActivity(app, { ...smartphoneClass });
      const res = await app.api.get(`${API}/events/${event.id}/task-suggestions`);
      expectStatus(res, 200);
      expect(res.body.items.map((s: any) => s.number)).toEqual([13, 12, 14]);
      expect(res.body.items[0].planId).toBe(await planId(app, '唐山市'));
    });

    it('a draft’s suggestions are for those who may see the draft (its organizer, reviewers): 404 for others', async () => {
      const draft = await createDraft(app, {
        title: '食品安全进社区：餐桌上的科学',
        description: '',
        audiences: ['社区居民'],
        themes: ['食品安全'],
        campaign: 'food-safety-week',
      });
      expectError(await app.api.get(`${API}/events/${draft.id}/task-suggestions`), 404, 'NOT_FOUND');
      expectError(await app.api.get(`${API}/events/${draft.id}/task-suggestions`, await app.token('demo-resident')), 404, 'NOT_FOUND');
      const own = await app.api.get(`${API}/events/${draft.id}/task-suggestions`, await app.token('demo-organizer'));
      expectStatus(own, 200);
      expect(own.body.items[0]).toMatchObject({ number: 16, reason: expect.stringContaining('同属全国食品安全宣传周') });
      const reviewer = await app.api.get(`${API}/events/${draft.id}/task-suggestions`, await app.token('demo-reviewer'));
      expect(reviewer.body).toEqual(own.body);
    });

    it('an unknown event answers 404', async () => {
      expectError(await app.api.get(`${API}/events/no-such-event/task-suggestions`), 404, 'NOT_FOUND');
    });
  });

  describe('for several saved events at once (the review queue)', () => {
    it('a reviewer gets each event’s suggestions in one request, as the single route answers them', async () => {
      const published = await publishActivity(app, { ...smartphoneClass });
      const draft = await createDraft(app, {
        title: '食品安全进社区：餐桌上的科学',
        audiences: ['社区居民'],
        themes: ['食品安全'],
        campaign: 'food-safety-week',
      });
      const reviewer = await app.token('demo-reviewer');
      const res = await app.api.get(`${API}/plans/task-suggestions?eventIds=${draft.id},${published.id}`, reviewer);
      expectStatus(res, 200);
      expect(res.body.items.map((entry: any) => entry.eventId)).toEqual([draft.id, published.id]);
      for (const entry of res.body.items) {
        expect(entry.items).toEqual((await app.api.get(`${API}/events/${entry.eventId}/task-suggestions`, reviewer)).body.items);
      }
      expect(res.body.items[1].items.map((s: any) => s.number)).toEqual([13, 12, 14]);
      // A draft the caller may not see is as unknown as on the single route; a bad list is 400.
      expectError(await app.api.get(`${API}/plans/task-suggestions?eventIds=${draft.id}`), 404, 'NOT_FOUND');
      expect(badFields(await app.api.get(`${API}/plans/task-suggestions?eventIds=`))).toEqual(['eventIds']);
      expect(badFields(await app.api.get(`${API}/plans/task-suggestions?eventIds=${Array(51).fill('e').join(',')}`))).toEqual(['eventIds']);
    });
  });

  describe('demo activities', () => {
    async function linksOf(title: string, city: string): Promise<number[]> {
      const [event] = await app.rows(EventEntity, { title, city, isDemo: true });
      return (await app.rows(EventPlanTaskEntity, { eventId: event!.id })).map((l) => l.taskNumber).sort((a, b) => a - b);
    }

    it('are linked to the tasks the matcher finds, never to one they share nothing with', async () => {
      await seedDemoActivities(app.server.tx, app.server.clock.now);
      expect(await linksOf('银龄智能手机课堂：防范电信诈骗', '柳州市')).toEqual([19]);
      expect(await linksOf('银龄智能手机课堂：防范电信诈骗', '唐山市')).toEqual([13]);
      expect(await linksOf('家庭应急避险演练开放日', '柳州市')).toEqual([37]);
      expect(await linksOf('家庭应急避险演练开放日', '唐山市')).toEqual([21]);
      expect(await linksOf('老年人健康大讲堂：慢病管理与合理用药', '唐山市')).toEqual([12]);
    });

    it('a demo activity seeded with an arbitrary link is linked again by the matcher at the next start', async () => {
      const [event] = await app.rows(EventEntity, { title: '银龄智能手机课堂：防范电信诈骗', city: '唐山市', isDemo: true });
      const links = app.server.dataSource.getRepository(EventPlanTaskEntity);
      await links.delete({ eventId: event!.id });
      await links.insert({ eventId: event!.id, planId: await planId(app, '唐山市'), taskNumber: 1, taskOrdinal: 1 });
      await seedDemoActivities(app.server.tx, app.server.clock.now);
      expect(await linksOf('银龄智能手机课堂：防范电信诈骗', '唐山市')).toEqual([13]);
    });

    it('the organizer of a demo activity is the lead unit of its task when the plan names units', async () => {
      const [event] = await app.rows(EventEntity, { title: '高素质农民培训：设施蔬菜病虫害绿色防控', city: '柳州市', isDemo: true });
      const res = await app.api.get(`${API}/events/${event!.id}`);
      // 第12项 实施高素质农民培育计划 lists 市农业农村局 first.
      expect(res.body.organizer.name).toBe('市农业农村局');
      expect(res.body.planTasks.map((t: any) => t.number)).toEqual([12]);
    });
  });
});
