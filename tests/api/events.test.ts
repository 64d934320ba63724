// Events: the public list and its filters and paging, details and who may see
// drafts, the organizer -> reviewer workflow, cancellation, and iCalendar.
import { AuditEntryEntity } from '../../server/src/db/entities/audit-entry.entity';
import { encodeCursor } from '../../server/src/core/paging';
import { haversineKm } from '../../server/src/modules/events/events.service';
import { NotificationEntity } from '../../server/src/db/entities/notification.entity';
import { OrganizationEntity } from '../../server/src/db/entities/organization.entity';
import { engines, type ApiResponse } from './harness';
import {
  API,
  activityInput,
  badFields,
  createDraft,
  expectError,
  expectStatus,
  organizerOrgId,
  publishActivity,
  signUp,
  useTestApp,
  type TestApp,
} from './fixtures';

const q = (params: Record<string, string | number>) =>
  '?' +
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

async function listAll(app: TestApp, params: Record<string, string | number>, token?: string): Promise<any[]> {
  const res = await app.api.get(`${API}/events${q(params)}`, token);
  expectStatus(res, 200);
  return res.body.items;
}

async function titles(app: TestApp, params: Record<string, string | number>): Promise<string[]> {
  return (await listAll(app, { limit: 100, ...params })).map((e) => e.title);
}

/** Another city's organization, which demo-organizer does not act for. */
async function foreignOrgId(app: TestApp): Promise<string> {
  const items = (await app.api.get(`${API}/organizations${q({ city: '柳州市' })}`)).body.items as { id: string; name: string }[];
  return items.find((o) => o.name === '市科协')!.id;
}

describe.each(engines)('events on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });

  describe('the public list', () => {
    // Fixture events in cities of their own, so other stories' events stay out of these lists.
    beforeAll(async () => {
      const at = (day: string, from: string, to: string) => ({ startsAt: `${day}T${from}:00+08:00`, endsAt: `${day}T${to}:00+08:00` });
      await publishActivity(app, {
        title: '甲市机器人编程营',
        city: '甲市',
        district: '东区',
        audiences: ['青少年'],
        themes: ['科技'],
        campaign: 'national-science-day',
        ...at('2026-12-05', '09:00', '12:00'),
        venue: { name: '甲市科技馆', address: '东区一路', lat: 39.6437, lng: 118.1836 },
      });
      await publishActivity(app, {
        title: '甲市银龄健康讲座',
        description: '讲解慢病管理与合理用药',
        city: '甲市',
        district: '西区',
        audiences: ['老年人'],
        themes: ['健康'],
        ...at('2026-12-10', '09:30', '11:00'),
        venue: { name: '甲市图书馆', address: '西区二路', lat: 39.8325, lng: 118.1627 },
      });
      await publishActivity(app, {
        title: '甲市应急演练',
        city: '甲市',
        district: '东区',
        audiences: ['社区居民'],
        themes: ['应急'],
        ...at('2026-11-25', '08:00', '12:00'),
        venue: { name: '甲市消防站', address: '东区三路', lat: 39.7, lng: 118.3 },
      });
      await publishActivity(app, {
        title: '甲市已结束的讲座',
        city: '甲市',
        district: '东区',
        ...at('2026-11-25', '07:00', '09:59'),
      });
      await publishActivity(app, {
        title: '甲市上周的活动',
        city: '甲市',
        district: '东区',
        ...at('2026-11-18', '09:00', '11:00'),
      });
      await publishActivity(app, {
        title: '乙市食品安全课堂',
        city: '乙市',
        audiences: ['社区居民'],
        themes: ['食品安全', '健康'],
        campaign: 'food-safety-week',
        ...at('2026-12-01', '15:00', '17:00'),
        venue: { name: '乙市科技馆', address: '', lat: 24.3106, lng: 109.4297 },
      });
      await createDraft(app, { title: '甲市草稿活动', city: '甲市', ...at('2026-12-02', '09:00', '10:00') });
    });

    it("when nothing but a city is asked, the list holds the city's published events that have not ended, soonest first", async () => {
      const events = await listAll(app, { city: '甲市' });
      expect(events.map((e) => e.title)).toEqual(['甲市应急演练', '甲市机器人编程营', '甲市银龄健康讲座']);
      for (const event of events) expect(event.status).toBe('published');
    });

    it('when from is given, ended events of that range come back too', async () => {
      expect(await titles(app, { city: '甲市', from: '2026-11-18', to: '2026-11-25' })).toEqual(['甲市上周的活动', '甲市已结束的讲座', '甲市应急演练']);
      expect(await titles(app, { city: '甲市', from: '2026-12-06' })).toEqual(['甲市银龄健康讲座']);
      expect(await titles(app, { city: '甲市', from: '2026-11-19', to: '2026-12-05' })).toEqual(['甲市已结束的讲座', '甲市应急演练', '甲市机器人编程营']);
    });

    it('when from and to are full times, the bounds are exact instants', async () => {
      expect(await titles(app, { city: '甲市', from: '2026-11-25T10:00:00+08:00', to: '2026-12-05T08:59:59+08:00' })).toEqual(['甲市应急演练']);
      expect(await titles(app, { city: '甲市', from: '2026-11-25T01:59:00Z', to: '2026-11-25T23:59:59Z' })).toEqual(['甲市已结束的讲座', '甲市应急演练']);
    });

    it('when to is before from, the list answers 400', async () => {
      expect(badFields(await app.api.get(`${API}/events${q({ from: '2026-12-10', to: '2026-12-01' })}`))).toContain('to');
    });

    it.each([
      ['theme', { theme: '健康' }, ['甲市银龄健康讲座', '乙市食品安全课堂']],
      ['audience', { audience: '青少年' }, ['甲市机器人编程营']],
      ['district', { district: '西区' }, ['甲市银龄健康讲座']],
      ['campaign', { campaign: 'food-safety-week' }, ['乙市食品安全课堂']],
      ['keyword in the title', { q: '银龄' }, ['甲市银龄健康讲座']],
      ['keyword in the description', { q: '合理用药' }, ['甲市银龄健康讲座']],
      ['keyword in the venue', { q: '乙市科技馆' }, ['乙市食品安全课堂']],
      ['keyword with LIKE wildcards', { q: '%' }, []],
      ['keyword with an underscore and a quote', { q: '_\'"\\' }, []],
      ['partial tag that is not a whole tag', { theme: '健' }, []],
    ])('when the list is filtered by %s, only matching events come back', async (_, filter, expected) => {
      const found = (await titles(app, { ...filter })).filter((t) => t.startsWith('甲市') || t.startsWith('乙市'));
      expect(found.sort()).toEqual([...expected].sort());
    });

    it('when the list is filtered by city, no other city appears', async () => {
      expect(await titles(app, { city: '乙市' })).toEqual(['乙市食品安全课堂']);
    });

    it("when kind=campaign is asked over past years, only the plans' campaign events come back", async () => {
      const events = await listAll(app, { kind: 'campaign', from: '2022-01-01', limit: 100 });
      expect(events.length).toBeGreaterThan(3);
      for (const event of events) expect(event).toMatchObject({ kind: 'campaign', source: 'plan', capacity: 0 });
      const activities = await listAll(app, { kind: 'activity', city: '甲市' });
      expect(activities.length).toBe(3);
    });

    it('when near is given, events carry distanceKm and come nearest first', async () => {
      const events = await listAll(app, { near: '39.6437,118.1836', city: '甲市' });
      expect(events.map((e) => e.title)).toEqual(['甲市机器人编程营', '甲市应急演练', '甲市银龄健康讲座']);
      expect(events[0].distanceKm).toBe(0);
      const distances = events.map((e) => e.distanceKm as number);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      // 甲市图书馆 is about 21 km north of 甲市科技馆.
      expect(distances[2]).toBeGreaterThan(18);
      expect(distances[2]).toBeLessThan(24);
    });

    it('when near is far from every venue, the order is still by distance', async () => {
      const events = await listAll(app, { near: '24.30,109.43', limit: 100 });
      expect(events[0].title).toBe('乙市食品安全课堂');
      const distances = events.map((e) => e.distanceKm as number);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
    });

    it.each(['39.6', '91,118', '39.6,181', 'abc,def', '39.6;118.1', '39.6,118.1,5'])('when near is %s, the list answers 400', async (near) => {
      expect(badFields(await app.api.get(`${API}/events${q({ near })}`))).toContain('near');
    });

    it('when a draft exists, it is not in the public list but its organizer sees it with status=draft', async () => {
      expect(await titles(app, { city: '甲市', from: '2026-01-01' })).not.toContain('甲市草稿活动');
      const drafts = await listAll(app, { status: 'draft', city: '甲市' }, await app.token('demo-organizer'));
      expect(drafts.map((e) => e.title)).toEqual(['甲市草稿活动']);
      expectError(await app.api.get(`${API}/events${q({ status: 'draft' })}`), 401, 'UNAUTHENTICATED');
      expectError(await app.api.get(`${API}/events${q({ status: 'draft' })}`, await app.token('demo-resident')), 403, 'FORBIDDEN');
    });
  });

  describe('paging', () => {
    const city = '丙市';
    const created: string[] = [];
    beforeAll(async () => {
      // Five events at the same minute and place (ties on time and distance) and two more.
      const days = ['2026-12-08', '2026-12-08', '2026-12-08', '2026-12-08', '2026-12-08', '2026-12-09', '2026-12-07'];
      for (const [i, day] of days.entries()) {
        created.push((await publishActivity(app, { title: `丙市活动${i}`, city, startsAt: `${day}T09:00:00+08:00`, endsAt: `${day}T11:00:00+08:00` })).id);
      }
    });

    async function walk(params: Record<string, string | number>): Promise<{ ids: string[]; pages: number }> {
      const ids: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: ApiResponse = await app.api.get(`${API}/events${q({ ...params, ...(cursor ? { cursor } : {}) })}`);
        expectStatus(res, 200);
        expect(res.body.items.length).toBeLessThanOrEqual(Number(params.limit));
        ids.push(...res.body.items.map((e: any) => e.id));
        cursor = res.body.nextCursor;
        pages += 1;
        expect(pages).toBeLessThan(20);
      } while (cursor);
      return { ids, pages };
    }

    it.each([1, 2, 3, 7])('when a client follows nextCursor with limit=%i, it sees every event once, in time order', async (limit) => {
      const { ids, pages } = await walk({ city, limit });
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...created].sort());
      expect(pages).toBe(Math.ceil(7 / limit));
      const all = await listAll(app, { city, limit: 100 });
      expect(ids).toEqual(all.map((e) => e.id));
    });

    it('when a client pages a near list, it sees every event once', async () => {
      const { ids } = await walk({ city, limit: 2, near: '39.64,118.18' });
      expect(new Set(ids).size).toBe(7);
      expect([...ids].sort()).toEqual([...created].sort());
    });

    it.each([
      ['not base64 JSON', '%%%'],
      ['JSON of the wrong shape', Buffer.from('{"kind":"keyset"}').toString('base64url')],
      ['a time no database holds', encodeCursor({ kind: 'keyset', startsAt: 1e300, id: 'x' })],
      ['a negative offset', encodeCursor({ kind: 'offset', offset: -5 })],
      ['an offset cursor on a time-ordered list', encodeCursor({ kind: 'offset', offset: 2 })],
      ['null', Buffer.from('null').toString('base64url')],
    ])('when the cursor is %s, the list answers 400', async (_, cursor) => {
      const res = await app.api.get(`${API}/events?cursor=${encodeURIComponent(cursor)}`);
      expect(badFields(res)).toContain('cursor');
    });

    it('when a time-ordered cursor is used on a near list, the list answers 400', async () => {
      const first = await app.api.get(`${API}/events${q({ city, limit: 2 })}`);
      const res = await app.api.get(`${API}/events${q({ city, limit: 2, near: '39.64,118.18', cursor: first.body.nextCursor })}`);
      expect(badFields(res)).toContain('cursor');
    });

    it.each(['0', '101', '-1', '1.5', 'ten'])('when limit is %s, the list answers 400', async (limit) => {
      expect(badFields(await app.api.get(`${API}/events?limit=${limit}`))).toContain('limit');
    });
  });

  describe('nearest first across search radii', () => {
    // Venues due north of a point at about 3, 12, 60, 250 and 900 km: each page must come from the right radius.
    const origin = { lat: 30, lng: 110 };
    const kmNorth = [900, 3, 250, 12, 60];
    beforeAll(async () => {
      for (const km of kmNorth) {
        await publishActivity(app, {
          title: `近邻市${km}公里外`,
          city: '近邻市',
          venue: { name: `近邻市场馆${km}`, address: '', lat: origin.lat + km / 111.2, lng: origin.lng },
        });
      }
    });

    it('when a near list is paged two at a time, every event comes once, nearest first, with the right distances', async () => {
      const seen: any[] = [];
      let cursor: string | null = null;
      do {
        const res: ApiResponse = await app.api.get(
          `${API}/events${q({ city: '近邻市', near: `${origin.lat},${origin.lng}`, limit: 2, ...(cursor ? { cursor } : {}) })}`,
        );
        expectStatus(res, 200);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen.map((e) => e.title)).toEqual(['近邻市3公里外', '近邻市12公里外', '近邻市60公里外', '近邻市250公里外', '近邻市900公里外']);
      seen.forEach((e, i) => expect(Math.abs(e.distanceKm - [3, 12, 60, 250, 900][i]!)).toBeLessThan(1));
    });

    it('when events lie just inside the first radius, paging one at a time still sees each once, in order', async () => {
      // Due north at 4.996 km sits just inside the 5 km radius but on the edge of the search box; two
      // diagonal ones slightly further fit the box easily. The box must be no smaller than the radius,
      // or the north one is skipped for a page and another shown twice.
      const edge = { lat: -20, lng: 140 };
      const kmPerDegree = 111.195;
      const place = (km: number, bearingDeg: number) => ({
        lat: edge.lat + (km * Math.cos((bearingDeg * Math.PI) / 180)) / kmPerDegree,
        lng: edge.lng + (km * Math.sin((bearingDeg * Math.PI) / 180)) / (kmPerDegree * Math.cos((edge.lat * Math.PI) / 180)),
      });
      const spots = [
        { name: '近处', at: place(1, 0) },
        { name: '正北', at: place(4.996, 0) },
        { name: '东北', at: place(4.9985, 45) },
        { name: '西北', at: place(4.9995, -45) },
      ];
      for (const spot of spots) {
        await publishActivity(app, { title: `边界市${spot.name}`, city: '边界市', venue: { name: `边界市${spot.name}场馆`, address: '', ...spot.at } });
      }
      const expected = [...spots].sort((a, b) => haversineKm(edge.lat, edge.lng, a.at.lat, a.at.lng) - haversineKm(edge.lat, edge.lng, b.at.lat, b.at.lng));
      expect(expected.map((s) => s.name)).toEqual(['近处', '正北', '东北', '西北']);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: ApiResponse = await app.api.get(
          `${API}/events${q({ city: '边界市', near: `${edge.lat},${edge.lng}`, limit: 1, ...(cursor ? { cursor } : {}) })}`,
        );
        seen.push(...res.body.items.map((e: any) => e.title));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected.map((s) => `边界市${s.name}`));
    });
  });

  describe('details', () => {
    it('when a resident opens a published event, every contract field is there with CST times', async () => {
      const event = await publishActivity(app, {
        title: '详情测试活动',
        startsAt: '2026-12-05T01:00:00Z',
        endsAt: '2026-12-05T04:00:00Z',
        campaign: 'national-science-day',
        signupOpensAt: '2026-11-20T09:00:00+08:00',
        signupClosesAt: '2026-12-04T18:00:00+08:00',
      });
      const res = await app.api.get(`${API}/events/${event.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: event.id,
        title: '详情测试活动',
        kind: 'activity',
        source: 'organizer',
        status: 'published',
        campaign: { code: 'national-science-day', name: '全国科普月' },
        organizer: { id: await organizerOrgId(app), name: '唐山市科协' },
        city: '唐山市',
        district: '路北区',
        audiences: ['青少年'],
        themes: ['科技'],
        venue: { name: '唐山科技馆', address: '路北区建设北路', lat: 39.6437, lng: 118.1836 },
        startsAt: '2026-12-05T09:00:00+08:00',
        endsAt: '2026-12-05T12:00:00+08:00',
        signupOpensAt: '2026-11-20T09:00:00+08:00',
        signupClosesAt: '2026-12-04T18:00:00+08:00',
        capacity: 30,
        confirmedCount: 0,
        waitlistCount: 0,
        planTasks: [],
        isDemo: false,
        reviewReason: null,
        cancelReason: null,
      });
      // parentId was never used and left the contract (migration DropEventParent).
      expect(res.body).not.toHaveProperty('parentId');
    });

    it('when the id is unknown, the detail answers 404', async () => {
      expectError(await app.api.get(`${API}/events/00000000-0000-0000-0000-000000000000`), 404, 'NOT_FOUND');
    });

    it('when someone else opens a draft, it answers 404; its organizer and reviewers see it', async () => {
      const draft = await createDraft(app, { title: '别人看不到的草稿' });
      expectError(await app.api.get(`${API}/events/${draft.id}`), 404, 'NOT_FOUND');
      expectError(await app.api.get(`${API}/events/${draft.id}`, await app.token('demo-resident')), 404, 'NOT_FOUND');
      const stranger = await app.api.login('other-organizer');
      const foreign = await foreignOrgId(app);
      await app.api.post(`${API}/organizations/${foreign}/members`, { userId: stranger.user.id }, await app.token('demo-admin'));
      expectError(await app.api.get(`${API}/events/${draft.id}`, (await app.api.login('other-organizer')).token), 404, 'NOT_FOUND');
      expect((await app.api.get(`${API}/events/${draft.id}`, await app.token('demo-organizer'))).body.status).toBe('draft');
      expect((await app.api.get(`${API}/events/${draft.id}`, await app.token('demo-reviewer'))).status).toBe(200);
      expectError(await app.api.get(`${API}/events/${draft.id}/calendar.ics`), 404, 'NOT_FOUND');
    });
  });

  describe('creating and editing', () => {
    it('when an organizer creates an activity for its own organization, it is a 201 draft', async () => {
      const orgId = await organizerOrgId(app);
      const res = await app.api.post(`${API}/events`, activityInput(orgId, { title: '新建草稿' }), await app.token('demo-organizer'));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: expect.any(String), status: 'draft', kind: 'activity', source: 'organizer', organizer: { id: orgId } });
      expect((await app.api.get(`${API}/events/${res.body.id}`, await app.token('demo-organizer'))).body.title).toBe('新建草稿');
    });

    it('when an organizer creates an activity for another organization, it answers 403', async () => {
      const res = await app.api.post(`${API}/events`, activityInput(await foreignOrgId(app)), await app.token('demo-organizer'));
      expectError(res, 403, 'FORBIDDEN');
    });

    it('when an admin names an organization that does not exist, it answers 400 on organizerId', async () => {
      const res = await app.api.post(`${API}/events`, activityInput('no-such-org'), await app.token('demo-admin'));
      expect(badFields(res)).toContain('organizerId');
    });

    describe("the city is the organization's", () => {
      const elsewhere = { city: '柳州市', district: '城中区', venue: { name: '柳州科技馆', address: '城中区', lat: 24.3, lng: 109.4 } };

      it("when an organizer creates an event in another city than its organization's, it answers 400 EVENT_CITY_MISMATCH and saves nothing", async () => {
        const token = await app.token('demo-organizer');
        const before = (await listAll(app, { status: 'draft', limit: 100 }, token)).length;
        const res = await app.api.post(`${API}/events`, activityInput(await organizerOrgId(app), { title: '越界的活动', ...elsewhere }), token);
        expectError(res, 400, 'EVENT_CITY_MISMATCH');
        expect(res.body.error.details).toMatchObject({ organizationCity: '唐山市', fields: [{ path: 'city', message: expect.stringContaining('唐山市') }] });
        expect((await listAll(app, { status: 'draft', limit: 100 }, token)).length).toBe(before);
      });

      it('when an organizer creates a series in another city, it answers 400 EVENT_CITY_MISMATCH', async () => {
        const body = { ...activityInput(await organizerOrgId(app), { title: '越界的系列', ...elsewhere }), recurrence: { frequency: 'weekly', count: 2 } };
        expectError(await app.api.post(`${API}/events/series`, body, await app.token('demo-organizer')), 400, 'EVENT_CITY_MISMATCH');
      });

      it('when an organizer moves an event to another city, the edit answers 400 and the event keeps its city', async () => {
        const draft = await createDraft(app, { title: '不能搬走的活动' });
        const token = await app.token('demo-organizer');
        expectError(await app.api.patch(`${API}/events/${draft.id}`, { city: '柳州市' }, token), 400, 'EVENT_CITY_MISMATCH');
        expect((await app.api.get(`${API}/events/${draft.id}`, token)).body.city).toBe('唐山市');
        // Sending the city it has (as the form does) is no change and passes.
        expectStatus(await app.api.patch(`${API}/events/${draft.id}`, { city: '唐山市', title: '留在唐山的活动' }, token), 200);
      });

      it("when an admin posts for an organization in another city, it is allowed (a correction or a wider body's event)", async () => {
        const res = await app.api.post(
          `${API}/events`,
          activityInput(await organizerOrgId(app), { title: '管理员代发', ...elsewhere }),
          await app.token('demo-admin'),
        );
        expectStatus(res, 201);
        expect(res.body.city).toBe('柳州市');
        // The organization's own member may still edit it without moving it.
        expectStatus(await app.api.patch(`${API}/events/${res.body.id}`, { city: '柳州市', capacity: 40 }, await app.token('demo-organizer')), 200);
      });

      it("the signed-in organizer's memberships carry the organization's city (the form fixes the event's city to it)", async () => {
        const me = (await app.api.get(`${API}/me`, await app.token('demo-organizer'))).body;
        expect(me.organizations[0]).toMatchObject({ name: '唐山市科协', city: '唐山市' });
      });
    });

    it.each([
      ['endsAt before startsAt', { startsAt: '2026-12-05T12:00:00+08:00', endsAt: '2026-12-05T09:00:00+08:00' }, 'endsAt'],
      ['endsAt equal to startsAt', { startsAt: '2026-12-05T12:00:00+08:00', endsAt: '2026-12-05T12:00:00+08:00' }, 'endsAt'],
      ['capacity 0', { capacity: 0 }, 'capacity'],
      ['a fractional capacity', { capacity: 2.5 }, 'capacity'],
      ['a one-letter title', { title: '讲' }, 'title'],
      ['a title of 81 characters', { title: '科'.repeat(81) }, 'title'],
      ['a time without an offset', { startsAt: '2026-12-05T09:00:00' }, 'startsAt'],
      ['a latitude of 91', { venue: { name: '馆', lat: 91, lng: 118 } }, 'venue.lat'],
      ['kind campaign', { kind: 'campaign' }, 'kind'],
      ['an unknown campaign', { campaign: 'no-such-campaign' }, 'campaign'],
      ['a plan task that does not exist', { planTasks: [{ planId: 'no-such-plan', number: 1 }] }, 'planTasks.0'],
      ['eleven audiences', { audiences: Array.from({ length: 11 }, (_, i) => `人群${i}`) }, 'audiences'],
    ])('when the body has %s, create answers 400 naming the field and saves nothing', async (_, override, field) => {
      const token = await app.token('demo-organizer');
      const before = (await listAll(app, { status: 'draft', limit: 100 }, token)).length;
      const res = await app.api.post(`${API}/events`, activityInput(await organizerOrgId(app), override), token);
      expect(badFields(res)).toContain(field);
      expect((await listAll(app, { status: 'draft', limit: 100 }, token)).length).toBe(before);
    });

    it('when an organizer edits a draft, the changes are kept and it stays a draft', async () => {
      const draft = await createDraft(app);
      const res = await app.api.patch(
        `${API}/events/${draft.id}`,
        { title: '改过的标题', capacity: 50, endsAt: '2026-12-05T13:00:00+08:00' },
        await app.token('demo-organizer'),
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: '改过的标题', capacity: 50, endsAt: '2026-12-05T13:00:00+08:00', status: 'draft' });
    });

    it('when an edit would end the event before it starts, it answers 400 and nothing changes', async () => {
      const draft = await createDraft(app);
      const res = await app.api.patch(`${API}/events/${draft.id}`, { endsAt: '2026-12-05T08:00:00+08:00' }, await app.token('demo-organizer'));
      expect(badFields(res)).toContain('endsAt');
      expect((await app.api.get(`${API}/events/${draft.id}`, await app.token('demo-organizer'))).body.endsAt).toBe(draft.endsAt);
    });

    it("when another organization's organizer edits a draft, it is as if the draft did not exist", async () => {
      const draft = await createDraft(app);
      const stranger = await app.api.login('other-organizer-2');
      await app.api.post(`${API}/organizations/${await foreignOrgId(app)}/members`, { userId: stranger.user.id }, await app.token('demo-admin'));
      const token = (await app.api.login('other-organizer-2')).token;
      expectError(await app.api.patch(`${API}/events/${draft.id}`, { title: '偷改' }, token), 404, 'NOT_FOUND');
      expectError(await app.api.post(`${API}/events/${draft.id}/submit`, undefined, token), 404, 'NOT_FOUND');
    });

    it("when another organization's organizer edits a published event, it answers 403", async () => {
      const event = await publishActivity(app);
      const stranger = await app.api.login('other-organizer-3');
      await app.api.post(`${API}/organizations/${await foreignOrgId(app)}/members`, { userId: stranger.user.id }, await app.token('demo-admin'));
      const token = (await app.api.login('other-organizer-3')).token;
      expectError(await app.api.patch(`${API}/events/${event.id}`, { title: '偷改' }, token), 403, 'FORBIDDEN');
      expectError(await app.api.post(`${API}/events/${event.id}/cancel`, { reason: '偷取消' }, token), 403, 'FORBIDDEN');
    });

    it('when the capacity is lowered below the confirmed seats, it answers 409', async () => {
      const event = await publishActivity(app, { capacity: 3 });
      await signUp(app, event.id, 'cap-a');
      await signUp(app, event.id, 'cap-b');
      const res = await app.api.patch(`${API}/events/${event.id}`, { capacity: 1 }, await app.token('demo-organizer'));
      expectError(res, 409, 'EVENT_FULL_CAPACITY_TOO_LOW');
      expect((await app.api.get(`${API}/events/${event.id}`)).body.capacity).toBe(3);
    });
  });

  describe('review', () => {
    it('when a draft is submitted and approved, it is pending then published and listed', async () => {
      const organizer = await app.token('demo-organizer');
      const draft = await createDraft(app, { title: '待审核的活动', city: '丁市' });
      const submitted = await app.api.post(`${API}/events/${draft.id}/submit`, undefined, organizer);
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('pending');
      expect(await titles(app, { city: '丁市' })).toEqual([]);
      expectError(await app.api.post(`${API}/events/${draft.id}/submit`, undefined, organizer), 409, 'EVENT_STATE_CONFLICT');

      const approved = await app.api.post(`${API}/events/${draft.id}/review`, { decision: 'approve' }, await app.token('demo-reviewer'));
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('published');
      expect(await titles(app, { city: '丁市' })).toEqual(['待审核的活动']);
      expect(await app.count(AuditEntryEntity, { action: 'event.approve', target: `event:${draft.id}` })).toBe(1);
      expectError(
        await app.api.post(`${API}/events/${draft.id}/review`, { decision: 'approve' }, await app.token('demo-reviewer')),
        409,
        'EVENT_STATE_CONFLICT',
      );
    });

    it('when a reviewer rejects with a reason, the organizer sees it, edits back to draft and resubmits', async () => {
      const organizer = await app.token('demo-organizer');
      const reviewer = await app.token('demo-reviewer');
      const draft = await createDraft(app, { title: '会被驳回的活动' });
      await app.api.post(`${API}/events/${draft.id}/submit`, undefined, organizer);

      expect(badFields(await app.api.post(`${API}/events/${draft.id}/review`, { decision: 'reject' }, reviewer))).toContain('reason');
      const rejected = await app.api.post(`${API}/events/${draft.id}/review`, { decision: 'reject', reason: '请补充场地安全预案' }, reviewer);
      expect(rejected.status).toBe(200);
      expect(rejected.body.status).toBe('rejected');
      const seen = (await app.api.get(`${API}/events/${draft.id}`, organizer)).body;
      expect(seen).toMatchObject({ status: 'rejected', reviewReason: '请补充场地安全预案' });
      expectError(await app.api.get(`${API}/events/${draft.id}`, await app.token('demo-resident')), 404, 'NOT_FOUND');
      expect(await app.count(AuditEntryEntity, { action: 'event.reject', target: `event:${draft.id}` })).toBe(1);

      const edited = await app.api.patch(`${API}/events/${draft.id}`, { description: '已补充安全预案' }, organizer);
      expect(edited.body.status).toBe('draft');
      const resubmitted = await app.api.post(`${API}/events/${draft.id}/submit`, undefined, organizer);
      expect(resubmitted.body).toMatchObject({ status: 'pending', reviewReason: null });
      expect((await app.api.post(`${API}/events/${draft.id}/review`, { decision: 'approve' }, reviewer)).body.status).toBe('published');
    });

    it('when a trusted organization submits, the event is published without the review queue', async () => {
      const orgId = await organizerOrgId(app);
      await app.server.dataSource.getRepository(OrganizationEntity).update({ id: orgId }, { trusted: true });
      try {
        const draft = await createDraft(app, { title: '可信单位的活动' });
        const res = await app.api.post(`${API}/events/${draft.id}/submit`, undefined, await app.token('demo-organizer'));
        expect(res.body.status).toBe('published');
      } finally {
        await app.server.dataSource.getRepository(OrganizationEntity).update({ id: orgId }, { trusted: false });
      }
      const other = await createDraft(app);
      expect((await app.api.post(`${API}/events/${other.id}/submit`, undefined, await app.token('demo-organizer'))).body.status).toBe('pending');
    });

    it.each(['demo-organizer', 'demo-resident'])('when %s tries to review, it answers 403 and the event stays pending', async (openid) => {
      const draft = await createDraft(app);
      await app.api.post(`${API}/events/${draft.id}/submit`, undefined, await app.token('demo-organizer'));
      expectError(await app.api.post(`${API}/events/${draft.id}/review`, { decision: 'approve' }, await app.token(openid)), 403, 'FORBIDDEN');
      expect((await app.api.get(`${API}/events/${draft.id}`, await app.token('demo-organizer'))).body.status).toBe('pending');
    });

    it('when the decision is neither approve nor reject, it answers 400', async () => {
      const draft = await createDraft(app);
      expect(badFields(await app.api.post(`${API}/events/${draft.id}/review`, { decision: 'maybe' }, await app.token('demo-reviewer')))).toContain('decision');
    });
  });

  describe('cancelling', () => {
    it('when a draft that was never published is cancelled, it stays private; a cancelled published one stays readable', async () => {
      const draft = await createDraft(app, { title: '从未发布就取消的草稿' });
      expectStatus(await app.api.post(`${API}/events/${draft.id}/cancel`, { reason: '不办了' }, await app.token('demo-organizer')), 200);
      expectError(await app.api.get(`${API}/events/${draft.id}`), 404, 'NOT_FOUND');
      expect((await app.api.get(`${API}/events/${draft.id}`, await app.token('demo-organizer'))).body.status).toBe('cancelled');
      const published = await publishActivity(app, { title: '发布后取消的活动' });
      expectStatus(await app.api.post(`${API}/events/${published.id}/cancel`, { reason: '场地维修' }, await app.token('demo-organizer')), 200);
      expect((await app.api.get(`${API}/events/${published.id}`)).body).toMatchObject({ status: 'cancelled', cancelReason: '场地维修' });
    });

    it('when an organizer cancels, everyone signed up is notified, the audit says so and the event leaves the list', async () => {
      const event = await publishActivity(app, { title: '将被取消的活动', city: '戊市', capacity: 1 });
      const first = await signUp(app, event.id, 'cancel-a');
      const second = await signUp(app, event.id, 'cancel-b');
      const quitter = await signUp(app, event.id, 'cancel-c');
      expect([first.body.status, second.body.status, quitter.body.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
      expectStatus(await app.api.del(`${API}/events/${event.id}/signups/me`, await app.token('cancel-c')), 200);

      const res = await app.api.post(`${API}/events/${event.id}/cancel`, { reason: '场馆临时检修' }, await app.token('demo-organizer'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: '场馆临时检修' });

      const notified = await app.rows(NotificationEntity, { kind: 'event.cancelled' });
      const forEvent = notified.filter((n) => n.payload.eventId === event.id);
      const userIds = [(await app.user('cancel-a')).id, (await app.user('cancel-b')).id].sort();
      expect(forEvent.map((n) => n.userId).sort()).toEqual(userIds);
      expect(forEvent[0]!.payload).toMatchObject({ title: '将被取消的活动', reason: '场馆临时检修' });

      const [audit] = await app.rows(AuditEntryEntity, { action: 'event.cancel', target: `event:${event.id}` });
      expect(audit!.details).toMatchObject({ reason: '场馆临时检修', notified: 2 });
      expect(audit!.actorId).toBe((await app.user('demo-organizer')).id);

      expect(await titles(app, { city: '戊市' })).toEqual([]);
      expect((await app.api.get(`${API}/events/${event.id}`)).body.status).toBe('cancelled');
      expectError(await app.api.post(`${API}/events/${event.id}/cancel`, { reason: '再取消' }, await app.token('demo-organizer')), 409, 'EVENT_STATE_CONFLICT');
    });

    it('when no reason is given, cancel answers 400 and the event stays published', async () => {
      const event = await publishActivity(app);
      expect(badFields(await app.api.post(`${API}/events/${event.id}/cancel`, { reason: '  ' }, await app.token('demo-organizer')))).toContain('reason');
      expect((await app.api.get(`${API}/events/${event.id}`)).body.status).toBe('published');
    });
  });

  describe('iCalendar', () => {
    it('when a resident adds an event to a calendar, it is a VCALENDAR with one VEVENT in UTC', async () => {
      const event = await publishActivity(app, { title: '日历里的活动,带逗号;和分号', description: '第一行\n第二行' });
      const res = await app.api.get(`${API}/events/${event.id}/calendar.ics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/calendar');
      // The file is named after the event and its day (RFC 5987), not its id.
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="kepu-event.ics"; filename*=UTF-8''${encodeURIComponent('日历里的活动,带逗号;和分号 2026年12月5日.ics')}`,
      );
      const lines = res.text.split('\r\n');
      expect(lines[0]).toBe('BEGIN:VCALENDAR');
      expect(lines).toContain('VERSION:2.0');
      expect(res.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(res.text.match(/^BEGIN:VEVENT$/gm)).toHaveLength(1);
      expect(lines).toContain('DTSTART:20261205T010000Z');
      expect(lines).toContain('DTEND:20261205T040000Z');
      expect(lines).toContain('DTSTAMP:20261125T020000Z');
      expect(lines).toContain(`UID:${event.id}@kepu`);
      const unfolded = res.text.replace(/\r\n /g, '');
      expect(unfolded).toContain('SUMMARY:日历里的活动\\,带逗号\\;和分号');
      expect(unfolded).toContain('\\n第一行\\n第二行');
      for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(res.text).not.toMatch(/[^\r]\n/);
    });

    it('when a calendar feed is filtered by city, it holds one VEVENT per listed event', async () => {
      const listed = await listAll(app, { city: '甲市' });
      const res = await app.api.get(`${API}/calendar.ics${q({ city: '甲市' })}`);
      expect(res.status).toBe(200);
      expect(res.text.match(/^BEGIN:VEVENT$/gm)).toHaveLength(listed.length);
      expect(res.text).toContain('DTSTART:20261205T010000Z');
    });
  });
});
