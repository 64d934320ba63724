// What the resident's discovery screens ask of the server: the count behind
// 查看 N 场 (same filters as the list, cached like it, fresh after a write and
// once an event ends), the districts of a city whatever else is filtered, and
// the cities nearest a position for the first-run question.
import { engines } from './harness';
import { API, badFields, expectStatus, publishActivity, useTestApp } from './fixtures';

const at = (day: string, from: string, to: string) => ({ startsAt: `${day}T${from}:00+08:00`, endsAt: `${day}T${to}:00+08:00` });
const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
const CITY = '唐山市';
/** A word only this suite's events carry, so the seed's events never count. */
const WORD = '发现测试';

describe.each(engines)('discovery on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });

  const count = async (params: Record<string, string>) => {
    const res = await app.api.get(`${API}/events/count${q(params)}`);
    expectStatus(res, 200);
    return res.body.count as number;
  };
  const listed = async (params: Record<string, string>) => {
    const res = await app.api.get(`${API}/events${q({ ...params, limit: '100' })}`);
    expectStatus(res, 200);
    return res.body.items as { title: string; district: string }[];
  };
  const districts = async (params: Record<string, string>) => {
    const res = await app.api.get(`${API}/events/districts${q(params)}`);
    expectStatus(res, 200);
    return (res.body.items as { district: string; events: number }[]).filter((d) => ['路北区', '路南区', '丰南区', '开平区'].includes(d.district));
  };

  beforeAll(async () => {
    await publishActivity(app, { title: `${WORD}：路北区健康讲座`, district: '路北区', themes: ['健康'], ...at('2026-11-26', '09:00', '11:00') });
    await publishActivity(app, { title: `${WORD}：路北区航天课`, district: '路北区', themes: ['航天'], ...at('2026-12-03', '09:00', '11:00') });
    await publishActivity(app, { title: `${WORD}：路南区健康义诊`, district: '路南区', themes: ['健康'], ...at('2026-12-10', '09:00', '11:00') });
    // Ended before START: in no count and no district.
    await publishActivity(app, { title: `${WORD}：丰南区旧讲座`, district: '丰南区', themes: ['健康'], ...at('2026-11-20', '09:00', '11:00') });
  });

  it('when the filters match some events, the count is the number of events the list holds for them', async () => {
    const cases: Record<string, string>[] = [
      { q: WORD },
      { q: WORD, theme: '健康' },
      { q: WORD, district: '路北区' },
      { q: WORD, from: '2026-12-01', to: '2026-12-31' },
    ];
    for (const filters of cases) {
      const params = { city: CITY, ...filters };
      expect(await count(params)).toBe((await listed(params)).length);
    }
    expect(await count({ city: CITY, q: WORD })).toBe(3);
    expect(await count({ city: CITY, q: WORD, theme: '健康' })).toBe(2);
    expect(await count({ city: CITY, q: WORD, theme: '消防' })).toBe(0);
  });

  it('when an event is published or one ends, the next count shows it', async () => {
    expect(await count({ city: CITY, q: WORD, district: '路南区' })).toBe(1);
    await publishActivity(app, { title: `${WORD}：路南区消防体验`, district: '路南区', themes: ['消防'], ...at('2026-12-12', '09:00', '11:00') });
    expect(await count({ city: CITY, q: WORD, district: '路南区' })).toBe(2);
    expect(await count({ city: CITY, q: WORD, district: '路北区' })).toBe(2);
    // After the first 路北区 event ended (26 Nov, 11:00): one left, with no write in between.
    app.server.clock.set('2026-11-26T11:30:00+08:00');
    expect(await count({ city: CITY, q: WORD, district: '路北区' })).toBe(1);
  });

  it("when a district is asked for, the city's districts with events not ended are listed, whatever else is filtered", async () => {
    const all = await districts({ city: CITY });
    expect(all.find((d) => d.district === '路北区')?.events).toBeGreaterThanOrEqual(2);
    expect(all.map((d) => d.district)).toContain('路南区');
    expect(all.map((d) => d.district)).not.toContain('丰南区');
    // Another city names none of them.
    expect(await districts({ city: '柳州市' })).toEqual([]);
  });

  it('when the city is missing or the position malformed, the answer is 400 naming the field', async () => {
    expect(badFields(await app.api.get(`${API}/events/districts`))).toEqual(['city']);
    expect(new Set(badFields(await app.api.get(`${API}/events/count${q({ near: '北京' })}`)))).toEqual(new Set(['near']));
    expect(new Set(badFields(await app.api.get(`${API}/cities${q({ near: '91,200' })}`)))).toEqual(new Set(['near']));
  });

  it('when a position is given, the cities come nearest first with the distance to their nearest venue', async () => {
    // Next to 唐山科技馆 (the fixture's venue).
    const res = await app.api.get(`${API}/cities${q({ near: '39.64,118.18' })}`);
    expectStatus(res, 200);
    const items = res.body.items as { city: string; distanceKm: number | null }[];
    expect(items[0]).toMatchObject({ city: CITY });
    expect(items[0]!.distanceKm).toBeLessThan(1);
    const known = items.filter((item) => item.distanceKm !== null).map((item) => item.distanceKm!);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    // Without a position: by name, no distances.
    const plain = (await app.api.get(`${API}/cities`)).body.items as Record<string, unknown>[];
    expect(plain.every((item) => !('distanceKm' in item))).toBe(true);
  });

  describe('who is looking', () => {
    it('when a user says they are 老年人, their recommendations put events for older people first, each saying why', async () => {
      const elder = await publishActivity(app, {
        title: `${WORD}：银龄防诈骗课堂`,
        district: '路北区',
        audiences: ['老年人'],
        themes: ['安全'],
        ...at('2026-12-20', '09:00', '11:00'),
      });
      const token = await app.token('discovery-elder');
      const saved = await app.api.patch(`${API}/me`, { audience: '老年人' }, token);
      expectStatus(saved, 200);
      expect(saved.body.audience).toBe('老年人');
      expect((await app.api.get(`${API}/me`, token)).body.audience).toBe('老年人');

      const res = await app.api.get(`${API}/events/recommended${q({ city: CITY, limit: '100' })}`, token);
      expectStatus(res, 200);
      const items = res.body.items as { id: string; title: string; reason: string | null; audiences: string[]; themes: string[] }[];
      expect(items.find((item) => item.id === elder.id)?.reason).toBe('为老年人推荐');
      const reasons = items.map((item) => item.reason);
      const firstPlain = reasons.indexOf(null);
      // Every recommended one before every other one.
      expect(reasons.slice(0, firstPlain === -1 ? undefined : firstPlain).every((reason) => reason === '为老年人推荐')).toBe(true);
      if (firstPlain !== -1) expect(reasons.slice(firstPlain).every((reason) => reason === null)).toBe(true);
      // The same events as the city's list, only reordered.
      expect(new Set(items.map((item) => item.id))).toEqual(new Set((await listed({ city: CITY })).map((item) => (item as unknown as { id: string }).id)));
    });

    it('when nobody said who is looking, nothing is singled out; saying null forgets it', async () => {
      const token = await app.token('discovery-other');
      expect((await app.api.get(`${API}/me`, token)).body.audience).toBeNull();
      const res = await app.api.get(`${API}/events/recommended${q({ city: CITY })}`, token);
      expect((res.body.items as { reason: string | null }[]).every((item) => item.reason === null)).toBe(true);
      await app.api.patch(`${API}/me`, { audience: '学生' }, token);
      expect((await app.api.patch(`${API}/me`, { audience: null }, token)).body.audience).toBeNull();
    });

    it('when the answer is not one of 老年人, 家长, 学生, 其他 it is a 400 naming it; recommendations need a signed-in user', async () => {
      expect(badFields(await app.api.patch(`${API}/me`, { audience: '老人' }, await app.token('discovery-other')))).toEqual(['audience']);
      expect((await app.api.get(`${API}/events/recommended`)).status).toBe(401);
    });
  });
});
