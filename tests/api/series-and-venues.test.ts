// The organizer form's recurrence and saved venues (issue 15): monthly series
// with the month-end rule and a cap, seats per occurrence, and an organization's
// saved venues (list, save, remove, saved on their own by events), members only.
import { engines } from './harness';
import { API, activityInput, badFields, expectError, expectStatus, organizerOrgId, useTestApp, type TestApp } from './fixtures';

const museum = { name: '唐山科技馆', address: '路北区建设北路', lat: 39.6437, lng: 118.1836 };

/** A second organization of 唐山市 with a member of its own. */
async function otherOrganization(app: TestApp): Promise<{ orgId: string; token: string }> {
  const admin = await app.token('demo-admin');
  const created = await app.api.post(`${API}/organizations`, { name: '唐山市第一中学', city: '唐山市' }, admin);
  expect([200, 201]).toContain(created.status);
  const member = await app.api.login('venues-other-member');
  expectStatus(await app.api.post(`${API}/organizations/${created.body.id}/members`, { userId: member.user.id }, admin), 201);
  return { orgId: created.body.id, token: (await app.api.login('venues-other-member')).token };
}

describe.each(engines)('series and saved venues on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  let orgId: string;
  let organizer: string;

  beforeAll(async () => {
    orgId = await organizerOrgId(app);
    organizer = await app.token('demo-organizer');
  });

  describe('monthly series', () => {
    it('when an organizer repeats an event monthly 3 times from the 31st, then the 30-day month gets its last day', async () => {
      const res = await app.api.post(
        `${API}/events/series`,
        {
          ...activityInput(orgId, { title: '月末银龄课堂', startsAt: '2027-03-31T09:30:00+08:00', endsAt: '2027-03-31T11:30:00+08:00' }),
          recurrence: { frequency: 'monthly', count: 3 },
        },
        organizer,
      );
      expectStatus(res, 201);
      expect(res.body.items.map((e: any) => e.startsAt)).toEqual(['2027-03-31T09:30:00+08:00', '2027-04-30T09:30:00+08:00', '2027-05-31T09:30:00+08:00']);
      expect(res.body.items.map((e: any) => e.endsAt)).toEqual(['2027-03-31T11:30:00+08:00', '2027-04-30T11:30:00+08:00', '2027-05-31T11:30:00+08:00']);
      expect(new Set(res.body.items.map((e: any) => e.seriesId))).toEqual(new Set([res.body.seriesId]));
      expect(res.body.items.every((e: any) => e.status === 'draft' && e.capacity === 30)).toBe(true);
    });

    it('when each occurrence has its own seats, then each event gets them, in date order', async () => {
      const res = await app.api.post(
        `${API}/events/series`,
        { ...activityInput(orgId, { title: '每月科普讲座' }), recurrence: { frequency: 'monthly', count: 3 }, capacities: [20, 35, 50] },
        organizer,
      );
      expectStatus(res, 201);
      expect(res.body.items.map((e: any) => [e.startsAt.slice(0, 10), e.capacity])).toEqual([
        ['2026-12-05', 20],
        ['2027-01-05', 35],
        ['2027-02-05', 50],
      ]);
      const listed = await app.api.get(`${API}/events?organizerId=${orgId}&status=draft&seriesId=${res.body.seriesId}`, organizer);
      expect(listed.body.items.map((e: any) => e.capacity).sort()).toEqual([20, 35, 50]);
    });

    it('when the series carries out a plan task, then every occurrence is linked to it', async () => {
      const plan = (await app.api.get(`${API}/plans`)).body.items[0];
      const res = await app.api.post(
        `${API}/events/series`,
        { ...activityInput(orgId, { title: '银龄科普月课', planTasks: [{ planId: plan.id, number: 13 }] }), recurrence: { frequency: 'monthly', count: 3 } },
        organizer,
      );
      expectStatus(res, 201);
      expect(res.body.items.map((e: any) => e.planTasks.map((t: any) => [t.planId, t.number]))).toEqual([[[plan.id, 13]], [[plan.id, 13]], [[plan.id, 13]]]);
    });

    it('when the seats list does not match the number of occurrences, then it is a 400 naming 每场名额', async () => {
      const res = await app.api.post(
        `${API}/events/series`,
        { ...activityInput(orgId), recurrence: { frequency: 'monthly', count: 3 }, capacities: [20, 35] },
        organizer,
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.error.message).toContain('每场名额');
      expect(badFields(res)).toEqual(['capacities']);
      const zero = await app.api.post(
        `${API}/events/series`,
        { ...activityInput(orgId), recurrence: { frequency: 'monthly', count: 2 }, capacities: [20, 0] },
        organizer,
      );
      expectError(zero, 400, 'VALIDATION_FAILED');
      expect(badFields(zero)).toEqual(['capacities.1']);
    });

    it('when more than 52 occurrences are asked for, then it is refused in Chinese; an end date far away stops at 52', async () => {
      const many = await app.api.post(`${API}/events/series`, { ...activityInput(orgId), recurrence: { frequency: 'monthly', count: 53 } }, organizer);
      expectError(many, 400, 'VALIDATION_FAILED');
      expect(badFields(many)).toEqual(['recurrence.count']);
      expect(many.body.error.message).toContain('最多52场');
      const long = await app.api.post(
        `${API}/events/series`,
        { ...activityInput(orgId, { title: '长期周课' }), recurrence: { frequency: 'weekly', until: '2029-12-31' } },
        organizer,
      );
      expectStatus(long, 201);
      expect(long.body.items).toHaveLength(52);
    });

    it('when a monthly series would run past the years dates may fall in, then it is a 400, not a 500', async () => {
      const res = await app.api.post(
        `${API}/events/series`,
        {
          ...activityInput(orgId, { startsAt: '2099-06-01T09:00:00+08:00', endsAt: '2099-06-01T10:00:00+08:00' }),
          recurrence: { frequency: 'monthly', count: 52, interval: 8 },
        },
        organizer,
      );
      expect(res.status).toBe(400);
    });
  });

  describe('saved venues', () => {
    let other: { orgId: string; token: string };

    beforeAll(async () => {
      other = await otherOrganization(app);
    });

    it('when a member saves a venue, then it is listed; saving it again updates it (200) instead of a second one', async () => {
      const saved = await app.api.post(
        `${API}/organizations/${orgId}/venues`,
        { name: '开平区文化馆', address: '开平区新苑路12号', district: '开平区' },
        organizer,
      );
      expectStatus(saved, 201);
      expect(saved.body).toMatchObject({ organizationId: orgId, name: '开平区文化馆', address: '开平区新苑路12号', district: '开平区', lat: null, lng: null });
      const again = await app.api.post(
        `${API}/organizations/${orgId}/venues`,
        { name: '开平区文化馆', address: '开平区新苑路12号', lat: 39.67, lng: 118.26 },
        organizer,
      );
      expectStatus(again, 200);
      expect(again.body).toMatchObject({ id: saved.body.id, district: '开平区', lat: 39.67, lng: 118.26 });
      const list = await app.api.get(`${API}/organizations/${orgId}/venues`, organizer);
      expectStatus(list, 200);
      expect(list.body.items.filter((v: any) => v.name === '开平区文化馆')).toHaveLength(1);
    });

    it('when the name is missing or a coordinate is out of range, then the 400 says so in Chinese', async () => {
      const res = await app.api.post(`${API}/organizations/${orgId}/venues`, { name: ' ', lat: 120 }, organizer);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(badFields(res).sort()).toEqual(['lat', 'name']);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    });

    it('when an event is created or edited at a venue not in the list, then the venue is saved, once', async () => {
      const created = await app.api.post(
        `${API}/events`,
        activityInput(orgId, { title: '湿地科普', district: '曹妃甸区', venue: { name: '南湖湿地', address: '路南区南湖大道', lat: 39.6, lng: 118.17 } }),
        organizer,
      );
      expectStatus(created, 201);
      await app.api.post(
        `${API}/events`,
        activityInput(orgId, { title: '湿地科普二', venue: { name: '南湖湿地', address: '路南区南湖大道', lat: null, lng: null } }),
        organizer,
      );
      const edited = await app.api.patch(
        `${API}/events/${created.body.id}`,
        { venue: { name: '唐山博物馆', address: '路北区新华西道', lat: null, lng: null } },
        organizer,
      );
      expectStatus(edited, 200);
      const list = (await app.api.get(`${API}/organizations/${orgId}/venues`, organizer)).body.items;
      const wetland = list.filter((v: any) => v.name === '南湖湿地');
      expect(wetland).toHaveLength(1);
      // The second event sent no coordinates: the saved ones stay.
      expect(wetland[0]).toMatchObject({ address: '路南区南湖大道', lat: 39.6, lng: 118.17 });
      expect(list.find((v: any) => v.name === '唐山博物馆')).toMatchObject({ address: '路北区新华西道', district: '曹妃甸区' });
      const series = await app.api.post(
        `${API}/events/series`,
        { ...activityInput(orgId, { venue: museum }), recurrence: { frequency: 'monthly', count: 2 } },
        organizer,
      );
      expectStatus(series, 201);
      const after = (await app.api.get(`${API}/organizations/${orgId}/venues`, organizer)).body.items;
      expect(after.filter((v: any) => v.name === museum.name && v.address === museum.address)).toHaveLength(1);
    });

    it('when two events at the same new venue are posted at once, then both are created and the venue is saved once', async () => {
      const place = { name: '丰润区图书馆', address: '丰润区曹雪芹西道', lat: null, lng: null };
      const [a, b] = await Promise.all(
        ['同时一', '同时二'].map((title) => app.api.post(`${API}/events`, activityInput(orgId, { title, venue: place }), organizer)),
      );
      expect([a!.status, b!.status]).toEqual([201, 201]);
      const list = (await app.api.get(`${API}/organizations/${orgId}/venues`, organizer)).body.items;
      expect(list.filter((v: any) => v.name === place.name)).toHaveLength(1);
    });

    it('when another organization’s member or a reviewer asks, then it is 403; anonymous is 401', async () => {
      const path = `${API}/organizations/${orgId}/venues`;
      expectError(await app.api.get(path, other.token), 403, 'FORBIDDEN');
      expectError(await app.api.post(path, { name: '别人的场馆' }, other.token), 403, 'FORBIDDEN');
      expectError(await app.api.get(path, await app.token('demo-reviewer')), 403, 'FORBIDDEN');
      expectError(await app.api.get(path), 401, 'UNAUTHENTICATED');
      expectError(await app.api.post(path, { name: '匿名场馆' }), 401, 'UNAUTHENTICATED');
      const mine = (await app.api.get(path, organizer)).body.items[0];
      expectError(await app.api.del(`${path}/${mine.id}`), 401, 'UNAUTHENTICATED');
      expectError(await app.api.del(`${path}/${mine.id}`, other.token), 403, 'FORBIDDEN');
      // The other organization's own list does not hold ours, and removing ours through it finds nothing.
      expect((await app.api.get(`${API}/organizations/${other.orgId}/venues`, other.token)).body.items).toEqual([]);
      expectError(await app.api.del(`${API}/organizations/${other.orgId}/venues/${mine.id}`, other.token), 404, 'NOT_FOUND');
    });

    it('when a member or an admin removes a venue, then it leaves the list; a second removal is 404', async () => {
      const path = `${API}/organizations/${orgId}/venues`;
      const saved = (await app.api.post(path, { name: '临时场馆', address: '' }, organizer)).body;
      const removed = await app.api.del(`${path}/${saved.id}`, organizer);
      expectStatus(removed, 200);
      expect(removed.body).toEqual({ removed: true });
      expectError(await app.api.del(`${path}/${saved.id}`, organizer), 404, 'NOT_FOUND');
      const byAdmin = (await app.api.post(path, { name: '管理员的场馆' }, await app.token('demo-admin'))).body;
      expectStatus(await app.api.del(`${path}/${byAdmin.id}`, await app.token('demo-admin')), 200);
      expect((await app.api.get(path, organizer)).body.items.map((v: any) => v.name)).not.toContain('临时场馆');
    });
  });
});
