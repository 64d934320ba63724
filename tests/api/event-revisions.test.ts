// The review-bypass story (issue 13): a published event of an organization that
// is not trusted changes only through a reviewer; the approved version stays
// public meanwhile; a pending event is approved only as the reviewer saw it;
// trusted organizations edit directly; every edit is audited.
import { AuditEntryEntity } from '../../server/src/db/entities/audit-entry.entity';
import { NotificationEntity } from '../../server/src/db/entities/notification.entity';
import { OrganizationEntity } from '../../server/src/db/entities/organization.entity';
import { engines } from './harness';
import { API, badFields, createDraft, expectError, expectStatus, organizerOrgId, publishActivity, signUp, useTestApp, type TestApp } from './fixtures';

describe.each(engines)('changes to published and pending events on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  const organizer = () => app.token('demo-organizer');
  const reviewer = () => app.token('demo-reviewer');

  const publicView = async (id: string) => (await app.api.get(`${API}/events/${id}`)).body;
  const organizerView = async (id: string) => (await app.api.get(`${API}/events/${id}`, await organizer())).body;
  const edit = async (id: string, changes: Record<string, unknown>) => {
    const res = await app.api.patch(`${API}/events/${id}`, changes, await organizer());
    expectStatus(res, 200);
    return res.body;
  };
  const decide = async (id: string, body: Record<string, unknown>) => app.api.post(`${API}/events/${id}/review`, body, await reviewer());
  const queue = async (token?: string, query = '') => {
    const res = await app.api.get(`${API}/event-revisions${query}`, token ?? (await reviewer()));
    return res;
  };
  const queuedIds = async () => {
    const res = await queue();
    expectStatus(res, 200);
    return res.body.items.map((e: any) => e.id);
  };
  const searchTitles = async (q: string) => (await app.api.get(`${API}/events?q=${encodeURIComponent(q)}&limit=100`)).body.items.map((e: any) => e.title);
  const audit = async (action: string, eventId: string) =>
    (await app.rows(AuditEntryEntity, { action, target: `event:${eventId}` })).map((a) => a.details as any);
  const changedNotices = async (eventId: string) =>
    (await app.rows(NotificationEntity, { kind: 'event.changed' })).filter((n) => (n.payload as any).eventId === eventId);

  async function setTrusted(app: TestApp, trusted: boolean) {
    await app.server.dataSource.getRepository(OrganizationEntity).update({ id: await organizerOrgId(app) }, { trusted });
  }

  it("an untrusted organizer's edit of a published event stays private until a reviewer approves it", async () => {
    const event = await publishActivity(app, { title: '原定的天文讲座', description: '认识冬季星空', capacity: 1 });
    await signUp(app, event.id, 'rev-coming');
    await signUp(app, event.id, 'rev-waiting');
    const proposed = {
      title: '改名后的讲座',
      description: '完全不同的介绍：请扫码购买课程',
      startsAt: '2026-12-05T14:00:00+08:00',
      endsAt: '2026-12-05T16:00:00+08:00',
      venue: { name: '唐山市图书馆', address: '路南区新华道' },
      capacity: 2,
    };
    const edited = await edit(event.id, proposed);

    // The organizer sees the approved event with its change awaiting review.
    expect(edited).toMatchObject({ status: 'published', title: '原定的天文讲座', capacity: 1, version: event.version + 1 });
    expect(edited.revision).toMatchObject({
      status: 'pending',
      reason: null,
      changes: {
        title: '改名后的讲座',
        description: '完全不同的介绍：请扫码购买课程',
        startsAt: '2026-12-05T14:00:00+08:00',
        endsAt: '2026-12-05T16:00:00+08:00',
        venue: { name: '唐山市图书馆', address: '路南区新华道', lat: null, lng: null },
        capacity: 2,
      },
    });
    // Fields the edit did not change are not part of the proposal.
    expect(Object.keys(edited.revision.changes).sort()).toEqual(['capacity', 'description', 'endsAt', 'startsAt', 'title', 'venue']);

    // The public, a resident and the list see the approved version only, and nothing of the proposal.
    for (const token of [undefined, await app.token('demo-resident')]) {
      const res = await app.api.get(`${API}/events/${event.id}`, token);
      expect(res.body).toMatchObject({ title: '原定的天文讲座', description: '认识冬季星空', startsAt: event.startsAt, capacity: 1, revision: null });
      expect(res.text).not.toContain('改名后的讲座');
      expect(res.text).not.toContain('扫码购买');
    }
    expect(await searchTitles('改名后的讲座')).toEqual([]);
    expect(await searchTitles('原定的天文讲座')).toEqual(['原定的天文讲座']);
    const calendar = await app.api.get(`${API}/events/${event.id}/calendar.ics`);
    expect(calendar.text).not.toContain('改名后');
    // Nobody coming is told of a change that has not happened; nobody moved up from the waitlist.
    expect(await changedNotices(event.id)).toEqual([]);
    expect(await publicView(event.id)).toMatchObject({ confirmedCount: 1, waitlistCount: 1 });

    // The reviewer's queue holds it, with before (the event) and after (the changes).
    expect(await queuedIds()).toContain(event.id);
    expectError(await queue(await app.token('demo-resident')), 403, 'FORBIDDEN');
    expectError(await queue(await organizer()), 403, 'FORBIDDEN');
    const own = await queue(await organizer(), `?organizerId=${await organizerOrgId(app)}`);
    expect(own.body.items.map((e: any) => e.id)).toContain(event.id);

    const approved = await decide(event.id, { decision: 'approve', version: edited.version });
    expectStatus(approved, 200);
    expect(approved.body).toMatchObject({ status: 'published', title: '改名后的讲座', capacity: 2, revision: null, version: edited.version + 1 });
    expect(await publicView(event.id)).toMatchObject({
      title: '改名后的讲座',
      description: '完全不同的介绍：请扫码购买课程',
      startsAt: '2026-12-05T14:00:00+08:00',
      venue: { name: '唐山市图书馆' },
      capacity: 2,
      // The new seat went to the waitlist at once.
      confirmedCount: 2,
      waitlistCount: 0,
    });
    expect(await queuedIds()).not.toContain(event.id);
    // Everyone coming is told of the new time and place, once.
    const notices = await changedNotices(event.id);
    const coming = await Promise.all(['rev-coming', 'rev-waiting'].map(async (o) => (await app.user(o)).id));
    expect(notices.map((n) => n.userId).sort()).toEqual(coming.sort());
    expect(notices[0]!.payload).toMatchObject({ changed: ['time', 'venue'], startsAt: '2026-12-05T14:00:00+08:00', venue: '唐山市图书馆' });

    // The audit shows the edit with what it changed, and the approval of that change.
    const [editEntry] = await audit('event.edit', event.id);
    expect(editEntry).toMatchObject({
      changes: { title: { before: '原定的天文讲座', after: '改名后的讲座' }, capacity: { before: 1, after: 2 } },
      awaitingReview: expect.arrayContaining(['title', 'description', 'capacity']),
      revisionId: edited.revision.id,
    });
    const [approval] = await audit('event.revision_approve', event.id);
    expect(approval).toMatchObject({
      revisionId: edited.revision.id,
      changes: { description: { before: '认识冬季星空', after: '完全不同的介绍：请扫码购买课程' } },
    });
  });

  it('a rejected change is discarded; its organizer sees the reason, the public never sees the change', async () => {
    const event = await publishActivity(app, { title: '会被驳回修改的活动' });
    const edited = await edit(event.id, { title: '不当的新标题' });
    expect(badFields(await decide(event.id, { decision: 'reject' }))).toContain('reason');
    const rejected = await decide(event.id, { decision: 'reject', reason: '标题与活动内容不符', version: edited.version });
    expectStatus(rejected, 200);
    expect(rejected.body).toMatchObject({ status: 'published', title: '会被驳回修改的活动' });

    expect(await organizerView(event.id)).toMatchObject({
      title: '会被驳回修改的活动',
      revision: { status: 'rejected', reason: '标题与活动内容不符', changes: { title: '不当的新标题' }, decidedAt: expect.any(String) },
    });
    expect(await publicView(event.id)).toMatchObject({ title: '会被驳回修改的活动', revision: null, reviewReason: null });
    expect(await queuedIds()).not.toContain(event.id);
    // Nothing is left to decide on.
    expectError(await decide(event.id, { decision: 'approve' }), 409, 'EVENT_STATE_CONFLICT');
    expect(await audit('event.revision_reject', event.id)).toEqual([
      expect.objectContaining({ reason: '标题与活动内容不符', changes: { title: { before: '会被驳回修改的活动', after: '不当的新标题' } } }),
    ]);

    // A new attempt is a new change awaiting review.
    const again = await edit(event.id, { title: '修改后的合适标题' });
    expect(again.revision).toMatchObject({ status: 'pending', changes: { title: '修改后的合适标题' } });
    expect(again.revision.id).not.toBe(edited.revision.id);
  });

  it("a trusted organization's edit applies at once, and is audited", async () => {
    const event = await publishActivity(app, { title: '可信单位发布的活动' });
    await setTrusted(app, true);
    try {
      const edited = await edit(event.id, { title: '可信单位直接改名' });
      expect(edited).toMatchObject({ title: '可信单位直接改名', revision: null, version: event.version + 1 });
    } finally {
      await setTrusted(app, false);
    }
    // An edit changes what it sends and nothing else (no defaults blank the description or tags).
    expect(await publicView(event.id)).toMatchObject({
      title: '可信单位直接改名',
      description: '搭建并编程一台巡线小车，适合8-14岁。',
      audiences: ['青少年'],
      themes: ['科技'],
      district: '路北区',
    });
    expect(await queuedIds()).not.toContain(event.id);
    expect(await audit('event.edit', event.id)).toEqual([
      expect.objectContaining({ changes: { title: { before: '可信单位发布的活动', after: '可信单位直接改名' } }, awaitingReview: [], revisionId: null }),
    ]);
  });

  it('the sign-up window changes at once while the text waits for review', async () => {
    const event = await publishActivity(app, { title: '报名时间调整的活动', signupClosesAt: '2026-12-04T18:00:00+08:00' });
    const edited = await edit(event.id, { title: '顺便改个标题', signupClosesAt: '2026-11-30T18:00:00+08:00' });
    expect(edited.revision.changes).toEqual({ title: '顺便改个标题' });
    expect(await publicView(event.id)).toMatchObject({ title: '报名时间调整的活动', signupClosesAt: '2026-11-30T18:00:00+08:00' });
    const [entry] = await audit('event.edit', event.id);
    expect(entry.changes).toEqual({
      title: { before: '报名时间调整的活动', after: '顺便改个标题' },
      signupClosesAt: { before: '2026-12-04T18:00:00+08:00', after: '2026-11-30T18:00:00+08:00' },
    });
  });

  it('a second edit while a change waits joins it; a decision on the version seen before answers 409', async () => {
    const event = await publishActivity(app, { title: '两次修改的活动' });
    const first = await edit(event.id, { title: '第一次修改' });
    const seen = (await queue()).body.items.find((e: any) => e.id === event.id);
    expect(seen).toMatchObject({ version: first.version, revision: { changes: { title: '第一次修改' } } });
    const second = await edit(event.id, { description: '第二次补充的介绍' });
    expect(second.revision).toMatchObject({ id: first.revision.id, changes: { title: '第一次修改', description: '第二次补充的介绍' } });
    expect(second.version).toBe(first.version + 1);

    const stale = await decide(event.id, { decision: 'approve', version: seen.version });
    expectError(stale, 409, 'EVENT_CHANGED');
    expect(stale.body.error.message).toContain('刷新');
    expect((await publicView(event.id)).title).toBe('两次修改的活动');
    expectStatus(await decide(event.id, { decision: 'approve', version: second.version }), 200);
    expect(await publicView(event.id)).toMatchObject({ title: '第一次修改', description: '第二次补充的介绍' });
  });

  it('an edit that brings every field back withdraws the change', async () => {
    const event = await publishActivity(app, { title: '改回原样的活动' });
    await edit(event.id, { title: '临时的标题' });
    const back = await edit(event.id, { title: '改回原样的活动' });
    expect(back.revision).toBeNull();
    expect(await queuedIds()).not.toContain(event.id);
    // The same body twice is no edit at all: no new version, no audit entry.
    const again = await edit(event.id, { title: '改回原样的活动' });
    expect(again.version).toBe(back.version);
    expect(await audit('event.edit', event.id)).toHaveLength(2);
  });

  it('seats confirmed while a smaller capacity waited make its approval answer 409; a capacity below the confirmed seats is refused at once', async () => {
    const event = await publishActivity(app, { title: '名额调整的活动', capacity: 3 });
    await signUp(app, event.id, 'cap-rev-a');
    await signUp(app, event.id, 'cap-rev-b');
    expectError(await app.api.patch(`${API}/events/${event.id}`, { capacity: 1, title: '顺带改名' }, await organizer()), 409, 'EVENT_FULL_CAPACITY_TOO_LOW');
    expect((await organizerView(event.id)).revision).toBeNull();
    await edit(event.id, { capacity: 2 });
    await signUp(app, event.id, 'cap-rev-c');
    expectError(await decide(event.id, { decision: 'approve' }), 409, 'EVENT_FULL_CAPACITY_TOO_LOW');
    expect(await publicView(event.id)).toMatchObject({ capacity: 3, confirmedCount: 3 });
    expectStatus(await decide(event.id, { decision: 'reject', reason: '已有3人报名' }), 200);
  });

  it('cancelling an event withdraws its change awaiting review', async () => {
    const event = await publishActivity(app, { title: '改后又取消的活动' });
    await edit(event.id, { title: '想改的标题' });
    expectStatus(await app.api.post(`${API}/events/${event.id}/cancel`, { reason: '场地维修' }, await organizer()), 200);
    expect(await queuedIds()).not.toContain(event.id);
    expect((await organizerView(event.id)).revision).toBeNull();
  });

  it('a pending event edited after the reviewer looked is approved only in the version they saw', async () => {
    const draft = await createDraft(app, { title: '待审核时被修改的活动' });
    const submitted = (await app.api.post(`${API}/events/${draft.id}/submit`, undefined, await organizer())).body;
    const seen = (await app.api.get(`${API}/events?status=pending&limit=100`, await reviewer())).body.items.find((e: any) => e.id === draft.id);
    expect(seen.version).toBe(submitted.version);

    const edited = await edit(draft.id, { description: '提交后偷偷换掉的介绍' });
    // Still in review, with what the reviewer will now see.
    expect(edited).toMatchObject({ status: 'pending', description: '提交后偷偷换掉的介绍', version: seen.version + 1, revision: null });
    expectError(await decide(draft.id, { decision: 'approve', version: seen.version }), 409, 'EVENT_CHANGED');
    expect((await organizerView(draft.id)).status).toBe('pending');
    expectError(await app.api.get(`${API}/events/${draft.id}`), 404, 'NOT_FOUND');

    const approved = await decide(draft.id, { decision: 'approve', version: edited.version });
    expect(approved.body).toMatchObject({ status: 'published', description: '提交后偷偷换掉的介绍' });
    expect(await audit('event.edit', draft.id)).toEqual([
      expect.objectContaining({ changes: { description: { before: '搭建并编程一台巡线小车，适合8-14岁。', after: '提交后偷偷换掉的介绍' } } }),
    ]);
    expect(await audit('event.approve', draft.id)).toEqual([expect.objectContaining({ version: edited.version })]);
  });

  it('the audit keeps the start of a long text, not all of it', async () => {
    const event = await publishActivity(app, { title: '长介绍的活动' });
    await edit(event.id, { description: '长'.repeat(5000) });
    const [entry] = await audit('event.edit', event.id);
    expect(entry.changes.description.after).toBe(`${'长'.repeat(200)}…`);
    // The reviewer still sees the whole proposed text.
    expect((await organizerView(event.id)).revision.changes.description).toHaveLength(5000);
  });
});
