// The public list and event details at speed: answers cached as bytes in each
// process, compressed, with ETag/304; every write that changes them shows in
// the next anonymous read, in this process and in another one on the same
// database; the list's lower time bound never hides a long event; its query
// walks the covering index in order (no sort, no temp B-tree).
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eventListQuerySchema } from '@kepu/shared';
import { OrganizationEntity } from '../../server/src/db/entities/organization.entity';
import { readListState } from '../../server/src/db/list-state';
import { listQueryForExplain } from '../../server/src/modules/events/event-list';
import { engines, startTestServer, type TestServer } from './harness';
import { API, START, createDraft, expectStatus, organizerOrgId, publishActivity, signUp, useTestApp } from './fixtures';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly these headers (fetch would add its own Accept-Encoding and decode). */
function rawGet(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(baseUrl + path, { method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(res: RawResponse): any {
  const encoding = res.headers['content-encoding'];
  const bytes = encoding === 'br' ? brotliDecompressSync(res.body) : encoding === 'gzip' ? gunzipSync(res.body) : res.body;
  return JSON.parse(bytes.toString('utf8'));
}

const at = (day: string, from: string, to: string) => ({ startsAt: `${day}T${from}:00+08:00`, endsAt: `${day}T${to}:00+08:00` });
const LONG_TEXT = '本次活动邀请科技馆讲解员介绍机器人、航天与健康知识，适合家庭参加。'.repeat(8);

describe.each(engines)('the cached public list on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  let city = 0;
  /** A city of its own per story, so lists hold only that story's events. */
  const freshCity = () => `缓存${++city}市`;
  const listPath = (cityName: string, extra = '') => `${API}/events?city=${encodeURIComponent(cityName)}${extra}`;
  const anonymousList = async (server: { url: string }, cityName: string, extra = '') => decoded(await rawGet(server.url, listPath(cityName, extra)));

  describe('validators and encodings', () => {
    let cityName: string;
    beforeAll(async () => {
      cityName = freshCity();
      for (const day of ['2026-12-01', '2026-12-02', '2026-12-03']) {
        await publishActivity(app, { title: `${cityName}讲座${day}`, city: cityName, description: LONG_TEXT, ...at(day, '09:00', '11:00') });
      }
    });

    it('when a client asks again with the ETag it holds, the list answers 304 without a body', async () => {
      const first = await rawGet(app.server.url, listPath(cityName));
      expect(first.status).toBe(200);
      expect(first.headers['cache-control']).toBe('public, no-cache');
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^W\/".+"$/);
      const again = await rawGet(app.server.url, listPath(cityName), { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      const other = await rawGet(app.server.url, listPath(cityName), { 'if-none-match': 'W/"something-else"' });
      expect(other.status).toBe(200);
      expect(decoded(other).items).toHaveLength(3);
    });

    it('when the client accepts br or gzip, the list comes compressed in it; without, as plain JSON; all the same items', async () => {
      const br = await rawGet(app.server.url, listPath(cityName), { 'accept-encoding': 'br' });
      const gzip = await rawGet(app.server.url, listPath(cityName), { 'accept-encoding': 'gzip' });
      const plain = await rawGet(app.server.url, listPath(cityName));
      expect([br.headers['content-encoding'], gzip.headers['content-encoding'], plain.headers['content-encoding']]).toEqual(['br', 'gzip', undefined]);
      expect(br.headers.vary).toMatch(/Accept-Encoding/i);
      expect(br.body.length).toBeLessThan(plain.body.length);
      expect(gzip.body.length).toBeLessThan(plain.body.length);
      expect(decoded(br)).toEqual(JSON.parse(plain.body.toString('utf8')));
      expect(decoded(gzip)).toEqual(JSON.parse(plain.body.toString('utf8')));
      // One validator for every encoding of the same answer.
      expect(br.headers.etag).toBe(plain.headers.etag);
    });

    it('when a published event is read twice, the second read with its ETag is a 304; the detail is compressed too', async () => {
      const [event] = (await anonymousList(app.server, cityName)).items;
      const first = await rawGet(app.server.url, `${API}/events/${event.id}`, { 'accept-encoding': 'gzip' });
      expect(first.status).toBe(200);
      expect(first.headers['content-encoding']).toBe('gzip');
      expect(decoded(first).title).toBe(event.title);
      const again = await rawGet(app.server.url, `${API}/events/${event.id}`, { 'if-none-match': first.headers.etag as string });
      expect(again.status).toBe(304);
    });

    it('when another JSON GET is over 1 KB, it is compressed and carries an ETag that answers 304', async () => {
      const first = await rawGet(app.server.url, `${API}/campaigns`, { 'accept-encoding': 'gzip' });
      expect(first.status).toBe(200);
      expect(first.headers['content-encoding']).toBe('gzip');
      expect(Array.isArray(decoded(first).items ?? decoded(first))).toBe(true);
      const again = await rawGet(app.server.url, `${API}/campaigns`, { 'if-none-match': first.headers.etag as string });
      expect(again.status).toBe(304);
    });

    it('when the list is answered from the cache to a signed-out client, it carries the very headers and bytes a signed-in one gets the whole way, in every encoding and as a 304', async () => {
      const token = await app.token('cache-header-resident');
      // Headers that differ per request or per connection by nature.
      const comparable = (res: RawResponse) => {
        const { date: _date, 'x-request-id': requestId, connection: _connection, 'keep-alive': _keepAlive, ...rest } = res.headers;
        expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
        return { status: res.status, headers: rest, body: res.body.toString('base64') };
      };
      // Built by the first request, so every request below is a cache hit.
      await rawGet(app.server.url, listPath(cityName));
      for (const encoding of ['br', 'gzip', 'gzip, deflate, br', 'identity', '']) {
        const headers: Record<string, string> = encoding ? { 'accept-encoding': encoding } : {};
        // The first one in an encoding may compress it and go the whole way; the second is served from the ready bytes.
        await rawGet(app.server.url, listPath(cityName), headers);
        const signedOut = await rawGet(app.server.url, listPath(cityName), headers);
        const signedIn = await rawGet(app.server.url, listPath(cityName), { ...headers, authorization: `Bearer ${token}` });
        expect(signedOut.status).toBe(200);
        expect(comparable(signedOut)).toEqual(comparable(signedIn));
        const etag = signedOut.headers.etag as string;
        const notModified = await rawGet(app.server.url, listPath(cityName), { ...headers, 'if-none-match': etag });
        const notModifiedSignedIn = await rawGet(app.server.url, listPath(cityName), { ...headers, 'if-none-match': etag, authorization: `Bearer ${token}` });
        expect(notModified.status).toBe(304);
        expect(comparable(notModified)).toEqual(comparable(notModifiedSignedIn));
      }
    });

    it('when an answer is under 1 KB, it goes out uncompressed', async () => {
      const res = await rawGet(app.server.url, listPath('没有活动的城市'), { 'accept-encoding': 'gzip, br' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(decoded(res)).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('every write shows in the next anonymous read', () => {
    /** A second app on the same database: another process, with a cache of its own. */
    let other: TestServer;
    beforeAll(async () => {
      other = await startTestServer(app.server.config.database, { now: START });
    });
    afterAll(async () => {
      await other.close();
    });

    it('when someone signs up, both processes list the new seat count at once', async () => {
      const cityName = freshCity();
      const event = await publishActivity(app, { title: `${cityName}报名`, city: cityName, ...at('2026-12-06', '09:00', '11:00') });
      // Both processes have the list cached before the sign-up.
      expect((await anonymousList(app.server, cityName)).items[0].confirmedCount).toBe(0);
      expect((await anonymousList(other, cityName)).items[0].confirmedCount).toBe(0);
      const etag = (await rawGet(other.url, listPath(cityName))).headers.etag as string;
      expectStatus(await signUp(app, event.id, 'cache-resident-1'), 201);
      expect((await anonymousList(app.server, cityName)).items[0].confirmedCount).toBe(1);
      expect((await anonymousList(other, cityName)).items[0].confirmedCount).toBe(1);
      // The copy a client held is no longer current.
      expect((await rawGet(other.url, listPath(cityName), { 'if-none-match': etag })).status).toBe(200);
      const detail = await rawGet(other.url, `${API}/events/${event.id}`);
      expect(decoded(detail).confirmedCount).toBe(1);
    });

    it('when an organizer edits or cancels a published event, the next list and detail show it, in both processes', async () => {
      const cityName = freshCity();
      const event = await publishActivity(app, { title: `${cityName}原标题`, city: cityName, ...at('2026-12-07', '09:00', '11:00') });
      expect((await anonymousList(other, cityName)).items.map((e: any) => e.title)).toEqual([`${cityName}原标题`]);
      expect(decoded(await rawGet(other.url, `${API}/events/${event.id}`)).title).toBe(`${cityName}原标题`);

      const edited = await app.api.patch(`${API}/events/${event.id}`, { title: `${cityName}新标题` }, await app.token('demo-organizer'));
      expectStatus(edited, 200);
      // What the public sees after an edit is whatever the server now publishes for this event.
      const published = decoded(await rawGet(app.server.url, `${API}/events/${event.id}`));
      expect((await anonymousList(other, cityName)).items.map((e: any) => e.title)).toEqual([published.title]);
      expect(decoded(await rawGet(other.url, `${API}/events/${event.id}`)).title).toBe(published.title);

      const cancelled = await app.api.post(`${API}/events/${event.id}/cancel`, { reason: '场地检修' }, await app.token('demo-organizer'));
      expectStatus(cancelled, 200);
      expect((await anonymousList(other, cityName)).items).toEqual([]);
      expect(decoded(await rawGet(other.url, `${API}/events/${event.id}`)).status).toBe('cancelled');
    });

    it('when a draft is approved, it appears in the next list of the other process', async () => {
      const cityName = freshCity();
      expect((await anonymousList(other, cityName)).items).toEqual([]);
      await publishActivity(app, { title: `${cityName}新活动`, city: cityName, ...at('2026-12-08', '09:00', '11:00') });
      expect((await anonymousList(other, cityName)).items.map((e: any) => e.title)).toEqual([`${cityName}新活动`]);
    });

    it('when time passes the end of a listed event, the cached list drops it without any write', async () => {
      const cityName = freshCity();
      await publishActivity(app, { title: `${cityName}上午`, city: cityName, ...at('2026-11-26', '09:00', '10:00') });
      await publishActivity(app, { title: `${cityName}下午`, city: cityName, ...at('2026-11-26', '14:00', '16:00') });
      expect((await anonymousList(app.server, cityName)).items).toHaveLength(2);
      app.server.clock.set('2026-11-26T10:00:00+08:00');
      expect((await anonymousList(app.server, cityName)).items).toHaveLength(2);
      app.server.clock.set('2026-11-26T10:00:00.001+08:00');
      expect((await anonymousList(app.server, cityName)).items.map((e: any) => e.title)).toEqual([`${cityName}下午`]);
    });
  });

  describe('the time bound and search', () => {
    it('when an event started long ago and has not ended, it is still listed among many short ones', async () => {
      const cityName = freshCity();
      await publishActivity(app, { title: `${cityName}长期展览`, city: cityName, startsAt: '2026-06-01T09:00:00+08:00', endsAt: '2027-01-31T17:00:00+08:00' });
      for (const day of ['2026-11-20', '2026-11-21', '2026-11-28']) {
        await publishActivity(app, { title: `${cityName}短活动${day}`, city: cityName, ...at(day, '09:00', '11:00') });
      }
      const titles = (await anonymousList(app.server, cityName)).items.map((e: any) => e.title);
      expect(titles).toEqual([`${cityName}长期展览`, `${cityName}短活动2026-11-28`]);
      // The bound covers it: the longest duration on record is at least this event's.
      const state = await readListState(app.server.dataSource.manager);
      expect(state.longestMs).toBeGreaterThanOrEqual(Date.parse('2027-01-31T17:00:00+08:00') - Date.parse('2026-06-01T09:00:00+08:00'));
    });

    it('when q is given, it matches a substring of the title, the description or the venue name, nothing else', async () => {
      const cityName = freshCity();
      const base = { city: cityName, ...at('2026-12-09', '09:00', '11:00') };
      await publishActivity(app, { ...base, title: `${cityName}天文观测夜`, description: '看星星' });
      await publishActivity(app, { ...base, title: `${cityName}讲座甲`, description: '介绍天文望远镜的使用' });
      await publishActivity(app, {
        ...base,
        title: `${cityName}讲座乙`,
        description: '健康',
        venue: { name: '天文馆报告厅', address: '', lat: null, lng: null },
      });
      await publishActivity(app, {
        ...base,
        title: `${cityName}讲座丙`,
        description: '健康',
        venue: { name: '图书馆', address: '天文路1号', lat: null, lng: null },
      });
      await createDraft(app, { ...base, title: `${cityName}天文草稿` });
      const search = async (q: string) =>
        ((await anonymousList(app.server, cityName, `&q=${encodeURIComponent(q)}&limit=100`)).items as any[]).map((e) => e.title).sort();
      expect(await search('天文')).toEqual([`${cityName}天文观测夜`, `${cityName}讲座乙`, `${cityName}讲座甲`].sort());
      expect(await search('望远镜')).toEqual([`${cityName}讲座甲`]);
      expect(await search('天文路')).toEqual([]);
      // LIKE wildcards are text like any other.
      expect(await search('%')).toEqual([]);
    });

    it('when q is searched through the index, one character, Latin in any case and an edited or cancelled event answer as LIKE does', async () => {
      const cityName = freshCity();
      const base = { city: cityName, ...at('2026-12-10', '09:00', '11:00') };
      const first = await publishActivity(app, { ...base, title: `${cityName}家庭急救课`, description: '学习 CPR 与AED' });
      await publishActivity(app, { ...base, title: `${cityName}防震减灾科普日`, description: '地震来了怎么办' });
      const search = async (q: string) =>
        ((await anonymousList(app.server, cityName, `&q=${encodeURIComponent(q)}&limit=100`)).items as any[]).map((e) => e.title).sort();
      expect(await search('急救')).toEqual([`${cityName}家庭急救课`]);
      expect(await search('科普日')).toEqual([`${cityName}防震减灾科普日`]);
      expect(await search('震')).toEqual([`${cityName}防震减灾科普日`]);
      expect(await search('cpr')).toEqual([`${cityName}家庭急救课`]);
      expect(await search('aed')).toEqual([`${cityName}家庭急救课`]);

      // A trusted organization's edit is public at once: the next search follows the new words.
      await app.server.dataSource.getRepository(OrganizationEntity).update({ id: await organizerOrgId(app) }, { trusted: true });
      try {
        expectStatus(await app.api.patch(`${API}/events/${first.id}`, { title: `${cityName}心肺复苏课` }, await app.token('demo-organizer')), 200);
      } finally {
        await app.server.dataSource.getRepository(OrganizationEntity).update({ id: await organizerOrgId(app) }, { trusted: false });
      }
      expect(await search('急救')).toEqual([]);
      expect(await search('复苏')).toEqual([`${cityName}心肺复苏课`]);
      expectStatus(await app.api.post(`${API}/events/${first.id}/cancel`, { reason: '场地维修' }, await app.token('demo-organizer')), 200);
      expect(await search('复苏')).toEqual([]);
    });

    it('when near is given, events come nearest first with their distance, paged without repeats', async () => {
      const cityName = freshCity();
      const spots = [
        { name: '近', lat: 30.001, lng: 120.001 },
        { name: '中', lat: 30.05, lng: 120.05 },
        { name: '远', lat: 30.5, lng: 120.5 },
        { name: '更远', lat: 33, lng: 121 },
      ];
      for (const spot of [...spots].reverse()) {
        await publishActivity(app, {
          title: `${cityName}${spot.name}`,
          city: cityName,
          venue: { name: spot.name, address: '', lat: spot.lat, lng: spot.lng },
          ...at('2026-12-10', '09:00', '11:00'),
        });
      }
      const first = await anonymousList(app.server, cityName, '&near=30,120&limit=3');
      expect(first.items.map((e: any) => e.title)).toEqual(['近', '中', '远'].map((n) => `${cityName}${n}`));
      const distances = first.items.map((e: any) => e.distanceKm);
      expect(distances).toEqual([...distances].sort((a: number, b: number) => a - b));
      expect(distances[0]).toBeCloseTo(0.14, 1);
      const second = await anonymousList(app.server, cityName, `&near=30,120&limit=3&cursor=${first.nextCursor}`);
      expect(second.items.map((e: any) => e.title)).toEqual([`${cityName}更远`]);
      expect(second.nextCursor).toBeNull();
    });
  });

  describe('query plans', () => {
    it('when the default and the per-city list run, the database walks the list index in order, with no sort of its own', async () => {
      const manager = app.server.dataSource.manager;
      const state = await readListState(manager);
      const now = new Date(START);
      for (const [raw, index] of [
        [{}, 'ix_events_list'],
        [{ city: '唐山市' }, 'ix_events_list_city'],
      ] as const) {
        const { text, params } = listQueryForExplain(manager, eventListQuerySchema.parse(raw), now, state);
        if (engine === 'sqlite') {
          const plan = ((await manager.query(`EXPLAIN QUERY PLAN ${text}`, params)) as { detail: string }[]).map((row) => row.detail).join('\n');
          expect(plan).toContain(`USING INDEX ${index} (status=? AND ${'city' in raw ? 'city=? AND ' : ''}startsAt>?)`);
          expect(plan).not.toMatch(/TEMP B-TREE|SCAN e\b/);
        } else {
          const plan = (await manager.query(`EXPLAIN ${text}`, params)) as { table: string; type: string; key: string; Extra: string | null }[];
          const events = plan.find((row) => row.table === 'e')!;
          expect({ type: events.type, key: events.key }).toEqual({ type: 'range', key: index });
          expect(plan.map((row) => row.Extra ?? '').join(' ')).not.toMatch(/filesort|temporary/i);
        }
      }
    });
  });

  it('keeps organizer lists of non-public states out of the cache', async () => {
    const draft = await createDraft(app, { title: '缓存草稿', city: freshCity() });
    const token = await app.token('demo-organizer');
    const res = await app.api.get(`${API}/events?status=draft&organizerId=${await organizerOrgId(app)}&limit=100`, token);
    expectStatus(res, 200);
    expect(res.body.items.map((e: any) => e.id)).toContain(draft.id);
    expect(res.headers.get('cache-control')).toBeNull();
  });
});
