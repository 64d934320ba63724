// The counts on the tabs of 活动管理: an organization's events not ended yet, by
// state, for its members and admins only; the numbers match what each tab lists.
import { engines } from './harness';
import { API, createDraft, expectError, expectStatus, organizerOrgId, publishActivity, useTestApp } from './fixtures';

const states = ['draft', 'pending', 'published', 'rejected', 'cancelled'] as const;

describe.each(engines)('organization event counts on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });

  const counts = async (openid = 'demo-organizer') => {
    const res = await app.api.get(`${API}/organizations/${await organizerOrgId(app)}/events/counts`, await app.token(openid));
    expectStatus(res, 200);
    return res.body as Record<'all' | (typeof states)[number], number>;
  };
  /** What the organizer's list shows for a state, followed to its last page. */
  const listed = async (status: string) => {
    const orgId = await organizerOrgId(app);
    let total = 0;
    let cursor: string | null = null;
    do {
      const query: string = `organizerId=${orgId}&status=${status}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await app.api.get(`${API}/events?${query}`, await app.token('demo-organizer'));
      expectStatus(res, 200);
      total += res.body.items.length;
      cursor = res.body.nextCursor;
    } while (cursor);
    return total;
  };

  it('when the organization has a draft, a pending, a published, a rejected and a cancelled event, then each tab counts one more and 全部 counts them all', async () => {
    const before = await counts();
    const organizer = await app.token('demo-organizer');
    const reviewer = await app.token('demo-reviewer');

    await createDraft(app, { title: '计数：草稿' });
    const pending = await createDraft(app, { title: '计数：待审核' });
    expectStatus(await app.api.post(`${API}/events/${pending.id}/submit`, undefined, organizer), 200);
    await publishActivity(app, { title: '计数：已发布' });
    const rejected = await createDraft(app, { title: '计数：未通过' });
    expectStatus(await app.api.post(`${API}/events/${rejected.id}/submit`, undefined, organizer), 200);
    expectStatus(await app.api.post(`${API}/events/${rejected.id}/review`, { decision: 'reject', reason: '时间待定' }, reviewer), 200);
    const cancelled = await publishActivity(app, { title: '计数：已取消' });
    expectStatus(await app.api.post(`${API}/events/${cancelled.id}/cancel`, { reason: '场地维修' }, organizer), 200);

    const after = await counts();
    for (const state of states) expect({ state, n: after[state] - before[state] }).toEqual({ state, n: 1 });
    expect(after.all - before.all).toBe(5);
    expect(after.all).toBe(states.reduce((sum, state) => sum + after[state], 0));
    for (const state of states) expect({ state, n: await listed(state) }).toEqual({ state, n: after[state] });
    // An admin sees the same numbers.
    expect(await counts('demo-admin')).toEqual(after);
  });

  it('when an event has ended, then it leaves the counts as it leaves the list', async () => {
    const event = await publishActivity(app, { title: '计数：会结束', startsAt: '2026-11-26T09:00:00+08:00', endsAt: '2026-11-26T10:00:00+08:00' });
    const before = await counts();
    app.server.clock.set('2026-11-26T10:30:00+08:00');
    const after = await counts();
    expect(after.published).toBe(before.published - 1);
    expect(after.all).toBe(before.all - 1);
    expect(event.id).toEqual(expect.any(String));
  });

  it('when a resident, a reviewer or another organization asks, then 403; an unknown organization is 404 for an admin', async () => {
    const path = `${API}/organizations/${await organizerOrgId(app)}/events/counts`;
    expectError(await app.api.get(path), 401, 'UNAUTHENTICATED');
    expectError(await app.api.get(path, await app.token('demo-resident')), 403, 'FORBIDDEN');
    expectError(await app.api.get(path, await app.token('demo-reviewer')), 403, 'FORBIDDEN');
    expectError(await app.api.get(`${API}/organizations/no-such-org/events/counts`, await app.token('demo-admin')), 404, 'NOT_FOUND');
  });
});
