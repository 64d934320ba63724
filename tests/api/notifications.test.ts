// Notifications, delivered: the outbox worker run step by step against a fake
// WeChat server, on both engines. Sign-up confirmations, reminders, promotions,
// changes and cancellations reach the inbox and, for users who accepted a
// one-time subscription, WeChat, once each; failures back off, then fail visibly.
import { IsNull, Not } from 'typeorm';
import { AuditEntryEntity } from '../../server/src/db/entities/audit-entry.entity';
import { NotificationEntity, NotificationSubscriptionEntity } from '../../server/src/db/entities/notification.entity';
import { runNotificationWorkerOnce, type NotificationWorkerDeps } from '../../server/src/modules/notifications/notifications.worker';
import { MAX_ATTEMPTS, retryDelayMs } from '../../server/src/modules/notifications/notifications.rules';
import { httpWechatMessenger } from '../../server/src/wechat/subscribe-message';
import { engines } from './harness';
import { API, badFields, expectError, expectStatus, publishActivity, signUp, useTestApp, type TestApp } from './fixtures';
import { fakeWechatEnv, keywordProblem, startFakeWechatMessages, type FakeWechatMessages } from './fake-wechat-messages';

/** The clock starts 2026-11-25 10:00 (fixtures START): this event starts two hours later. */
const SOON = { startsAt: '2026-11-25T12:00:00+08:00', endsAt: '2026-11-25T14:00:00+08:00' };
/** Starts in ten days: its reminder waits. */
const LATER = { startsAt: '2026-12-05T09:00:00+08:00', endsAt: '2026-12-05T12:00:00+08:00' };

describe.each(engines)('notifications on %s', (engine) => {
  let wechat: FakeWechatMessages;
  const env: Record<string, string> = {};
  beforeAll(async () => {
    wechat = await startFakeWechatMessages();
    Object.assign(env, fakeWechatEnv(wechat.url));
  });
  afterAll(() => wechat.close());
  const app = useTestApp(engine, { seed: true, env });

  let worker: NotificationWorkerDeps;
  beforeAll(() => {
    const { config } = app.server;
    worker = {
      dataSource: app.server.dataSource,
      tx: app.server.tx,
      messenger: httpWechatMessenger({ ...config.wechat, clock: () => app.server.clock.now }),
      settings: config.notifications,
    };
  });
  beforeEach(() => wechat.failNext(0, 0));
  const runWorker = () => runNotificationWorkerOnce(worker, app.server.clock.now);

  async function openid(name: string): Promise<string> {
    await app.token(name);
    return name;
  }
  async function subscribe(name: string, kinds: string[]) {
    const res = await app.api.post(`${API}/me/subscriptions`, { kinds }, await app.token(name));
    expectStatus(res, 201);
    return res.body;
  }
  /** The demo organization is not trusted: its change to a published event applies once a reviewer approves it. */
  async function changePublishedEvent(eventId: string, changes: Record<string, unknown>) {
    expectStatus(await app.api.patch(`${API}/events/${eventId}`, changes, await app.token('demo-organizer')), 200);
    expectStatus(await app.api.post(`${API}/events/${eventId}/review`, { decision: 'approve' }, await app.token('demo-reviewer')), 200);
  }
  async function inbox(name: string): Promise<any[]> {
    const res = await app.api.get(`${API}/me/notifications?limit=100`, await app.token(name));
    expectStatus(res, 200);
    return res.body.items;
  }
  async function unread(name: string): Promise<number> {
    const res = await app.api.get(`${API}/me/notifications/unread-count`, await app.token(name));
    expectStatus(res, 200);
    return res.body.count;
  }
  const sentTo = (user: string, eventId?: string) => wechat.sent.filter((m) => m.touser === user && (!eventId || m.page.includes(eventId)));
  const rowsOf = async (app: TestApp, eventId: string) => app.rows(NotificationEntity, { eventId });

  it('when a resident signs up for an event starting in 2 hours, one worker run sends the confirmation and the reminder, each once', async () => {
    const event = await publishActivity(app, { title: '两小时后开始的天文观测夜', ...SOON });
    const user = await openid('soon-a');
    await subscribe(user, ['signup.confirmed', 'event.reminder']);
    expectStatus(await signUp(app, event.id, user), 201);

    const report = await runWorker();
    expect(report).toMatchObject({ delivered: 2, failed: 0, retried: 0 });
    const messages = sentTo(user, event.id);
    expect(messages.map((m) => m.template_id).sort()).toEqual(['tmpl-event-reminder', 'tmpl-signup-confirmed']);
    const confirmation = messages.find((m) => m.template_id === 'tmpl-signup-confirmed')!;
    expect(confirmation.page).toMatch(new RegExp(`^pages/event-detail/index\\?id=${event.id}&notice=[0-9a-f-]{36}$`));
    expect(confirmation.data).toEqual({
      thing1: { value: '两小时后开始的天文观测夜' },
      time2: { value: '2026年11月25日 12:00' },
      thing3: { value: '唐山科技馆' },
      thing4: { value: expect.any(String) },
    });
    for (const message of messages) for (const [keyword, field] of Object.entries(message.data)) expect(keywordProblem(keyword, field.value)).toBeNull();

    // A second run, and a second process's view of the same rows: nothing goes twice.
    await runWorker();
    expect(sentTo(user, event.id)).toHaveLength(2);
    const rows = await rowsOf(app, event.id);
    expect(rows.map((r) => [r.kind, r.status, r.channel]).sort()).toEqual([
      ['event.reminder', 'sent', 'wechat'],
      ['signup.confirmed', 'sent', 'wechat'],
    ]);
    // Each acceptance carried one message: none is left.
    expect(await app.count(NotificationSubscriptionEntity, { userId: (await app.user(user)).id, usedAt: Not(IsNull()) })).toBe(2);
    expect((await subscribe(user, [])).available).toEqual([]);

    const items = await inbox(user);
    expect(items.map((n) => n.kind).sort()).toEqual(['event.reminder', 'signup.confirmed']);
    expect(items.find((n) => n.kind === 'signup.confirmed')).toMatchObject({
      title: '报名成功',
      eventId: event.id,
      readAt: null,
      body: expect.stringContaining('两小时后开始的天文观测夜'),
    });
    expect(await unread(user)).toBe(2);
  });

  it('when the event is further away than REMINDER_LEAD_H, the reminder is scheduled and goes out 24 hours before the start', async () => {
    const event = await publishActivity(app, { title: '十天后的科普讲座', ...LATER });
    const user = await openid('later-a');
    await subscribe(user, ['signup.confirmed', 'event.reminder']);
    expectStatus(await signUp(app, event.id, user), 201);

    await runWorker();
    expect(sentTo(user, event.id).map((m) => m.template_id)).toEqual(['tmpl-signup-confirmed']);
    const reminder = (await rowsOf(app, event.id)).find((r) => r.kind === 'event.reminder')!;
    expect(reminder).toMatchObject({ status: 'pending', userId: (await app.user(user)).id });
    expect(reminder.dueAt.toISOString()).toBe(new Date('2026-12-04T09:00:00+08:00').toISOString());
    // Not in the inbox before it is due.
    expect((await inbox(user)).map((n) => n.kind)).toEqual(['signup.confirmed']);

    app.server.clock.set('2026-12-04T08:59:00+08:00');
    await runWorker();
    expect(sentTo(user, event.id)).toHaveLength(1);
    app.server.clock.set('2026-12-04T09:00:00+08:00');
    await runWorker();
    expect(sentTo(user, event.id).map((m) => m.template_id)).toEqual(['tmpl-signup-confirmed', 'tmpl-event-reminder']);
    expect((await inbox(user)).map((n) => n.kind)).toEqual(['event.reminder', 'signup.confirmed']);
  });

  it('when a confirmed resident cancels, the head of the waitlist is promoted and told (signup.promoted), and the canceller gets no reminder', async () => {
    const event = await publishActivity(app, { title: '只有一个名额的实验课', capacity: 1, ...LATER });
    const a = await openid('promo-n-a');
    const b = await openid('promo-n-b');
    const c = await openid('promo-n-c');
    await subscribe(a, ['signup.confirmed', 'event.reminder']);
    await subscribe(b, ['signup.promoted', 'event.reminder']);
    await subscribe(c, ['signup.promoted']);
    expect((await signUp(app, event.id, a)).body.status).toBe('confirmed');
    expect((await signUp(app, event.id, b)).body.status).toBe('waitlisted');
    expect((await signUp(app, event.id, c)).body.status).toBe('waitlisted');
    expectStatus(await app.api.del(`${API}/events/${event.id}/signups/me`, await app.token(a)), 200);

    await runWorker();
    expect(sentTo(b, event.id).map((m) => m.template_id)).toEqual(['tmpl-signup-promoted']);
    expect(sentTo(b, event.id)[0]!.data).toMatchObject({ phrase4: { value: '候补成功' }, time2: { value: '2026年12月05日 09:00' } });
    expect(sentTo(c, event.id)).toEqual([]);
    expect((await inbox(b)).map((n) => [n.kind, n.title])).toEqual([['signup.promoted', '候补成功']]);
    const rows = await rowsOf(app, event.id);
    const userA = (await app.user(a)).id;
    const userB = (await app.user(b)).id;
    expect(rows.filter((r) => r.kind === 'event.reminder').map((r) => [r.userId === userA ? 'a' : r.userId === userB ? 'b' : '?', r.status])).toEqual(
      expect.arrayContaining([
        ['a', 'cancelled'],
        ['b', 'pending'],
      ]),
    );

    // On the day, only the promoted resident is reminded.
    app.server.clock.set('2026-12-04T10:00:00+08:00');
    await runWorker();
    expect(sentTo(a, event.id).map((m) => m.template_id)).toEqual(['tmpl-signup-confirmed']);
    expect(sentTo(b, event.id).map((m) => m.template_id)).toEqual(['tmpl-signup-promoted', 'tmpl-event-reminder']);
  });

  it('when the organizer cancels the event, everyone signed up or waiting is told, and no reminder follows', async () => {
    const event = await publishActivity(app, { title: '因天气取消的户外观鸟', capacity: 2, ...LATER });
    const people = [await openid('cancel-n-a'), await openid('cancel-n-b'), await openid('cancel-n-c')];
    for (const person of people) {
      await subscribe(person, ['event.cancelled']);
      await signUp(app, event.id, person);
    }
    await runWorker();
    const cancelled = await app.api.post(`${API}/events/${event.id}/cancel`, { reason: '台风预警，活动取消' }, await app.token('demo-organizer'));
    expectStatus(cancelled, 200);

    await runWorker();
    for (const person of people) {
      const messages = sentTo(person, event.id).filter((m) => m.template_id === 'tmpl-event-cancelled');
      expect(messages).toHaveLength(1);
      expect(messages[0]!.data).toEqual({
        thing1: { value: '因天气取消的户外观鸟' },
        date2: { value: '2026年12月05日 09:00' },
        thing5: { value: '取消原因：台风预警，活动取消' },
      });
      const told = (await inbox(person)).find((n) => n.kind === 'event.cancelled');
      expect(told).toMatchObject({ title: '活动已取消', eventId: event.id, body: expect.stringContaining('台风预警') });
    }
    const reminders = (await rowsOf(app, event.id)).filter((r) => r.kind === 'event.reminder');
    expect(reminders.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    app.server.clock.set('2026-12-04T10:00:00+08:00');
    expect((await runWorker()).delivered).toBe(0);
  });

  it('when the organizer moves the event, those coming are told (event.changed) and the reminder moves with the start', async () => {
    const event = await publishActivity(app, { title: '改期的机器人工作坊', ...LATER });
    const user = await openid('moved-a');
    await subscribe(user, ['event.changed', 'event.reminder']);
    await signUp(app, event.id, user);
    await runWorker();
    await changePublishedEvent(event.id, { startsAt: '2026-12-06T14:00:00+08:00', endsAt: '2026-12-06T16:00:00+08:00' });
    await runWorker();
    expect(sentTo(user, event.id).map((m) => [m.template_id, m.data.time2?.value])).toEqual([['tmpl-event-changed', '2026年12月06日 14:00']]);
    const reminders = (await rowsOf(app, event.id)).filter((r) => r.kind === 'event.reminder');
    expect(reminders.map((r) => [r.status, r.dueAt.toISOString()]).sort()).toEqual(
      [
        ['cancelled', new Date('2026-12-04T09:00:00+08:00').toISOString()],
        ['pending', new Date('2026-12-05T14:00:00+08:00').toISOString()],
      ].sort(),
    );
    app.server.clock.set('2026-12-04T09:30:00+08:00');
    await runWorker();
    expect(sentTo(user, event.id)).toHaveLength(1);
    app.server.clock.set('2026-12-05T14:00:00+08:00');
    await runWorker();
    expect(sentTo(user, event.id).map((m) => m.template_id)).toEqual(['tmpl-event-changed', 'tmpl-event-reminder']);
  });

  it('when a volunteer is approved, they are told and reminded of the shift', async () => {
    const event = await publishActivity(app, { title: '需要志愿者的科普日', ...LATER });
    const shift = await app.api.post(
      `${API}/events/${event.id}/shifts`,
      { role: '展厅讲解', startsAt: '2026-12-05T08:30:00+08:00', endsAt: '2026-12-05T12:00:00+08:00', slots: 2, skills: ['科普讲解'] },
      await app.token('demo-organizer'),
    );
    expectStatus(shift, 201);
    const volunteer = await openid('notify-volunteer');
    const token = await app.token(volunteer);
    expect([200, 201]).toContain((await app.api.put(`${API}/me/volunteer`, { realName: '王晓红', phone: '13912345678', skills: ['科普讲解'] }, token)).status);
    await subscribe(volunteer, ['application.approved', 'shift.reminder']);
    const application = await app.api.post(`${API}/shifts/${shift.body.id}/applications`, undefined, token);
    expectStatus(application, 201);
    expectStatus(await app.api.post(`${API}/applications/${application.body.id}/decision`, { decision: 'approve' }, await app.token('demo-organizer')), 200);

    await runWorker();
    expect(sentTo(volunteer, event.id).map((m) => [m.template_id, m.data.thing3?.value])).toEqual([['tmpl-application-approved', '展厅讲解']]);
    app.server.clock.set('2026-12-04T08:30:00+08:00');
    await runWorker();
    expect(sentTo(volunteer, event.id).map((m) => [m.template_id, m.data.time2?.value])).toEqual([
      ['tmpl-application-approved', '2026年12月05日 08:30'],
      ['tmpl-shift-reminder', '2026年12月05日 08:30'],
    ]);
    expect((await inbox(volunteer)).map((n) => n.title)).toEqual(['志愿服务即将开始', '岗位申请已通过']);
  });

  it('when the user accepted no subscription of a kind, the notification reaches the inbox only', async () => {
    const event = await publishActivity(app, { title: '只进收件箱的讲座', ...SOON });
    const user = await openid('inbox-only');
    await signUp(app, event.id, user);
    await runWorker();
    expect(sentTo(user)).toEqual([]);
    expect((await rowsOf(app, event.id)).map((r) => [r.kind, r.status, r.channel]).sort()).toEqual([
      ['event.reminder', 'sent', 'inbox'],
      ['signup.confirmed', 'sent', 'inbox'],
    ]);
    expect(await unread(user)).toBe(2);
  });

  it('when WeChat keeps failing, the worker retries with growing waits, then marks the notification failed for admins to see', async () => {
    const event = await publishActivity(app, { title: '微信暂时不可用', ...LATER });
    const user = await openid('retry-a');
    await subscribe(user, ['signup.confirmed']);
    await signUp(app, event.id, user);
    wechat.failNext(100, -1); // -1: 系统繁忙
    const row = async () => (await rowsOf(app, event.id)).find((r) => r.kind === 'signup.confirmed')!;

    const start = app.server.clock.now.getTime();
    let elapsed = 0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect((await runWorker()).retried).toBe(1);
      const pending = await row();
      expect({ status: pending.status, attempts: pending.attempts }).toEqual({ status: 'pending', attempts: attempt });
      expect(pending.nextAttemptAt!.getTime()).toBe(start + elapsed + retryDelayMs(attempt));
      // Not before the wait is over.
      app.server.clock.set(new Date(start + elapsed + retryDelayMs(attempt) - 1000).toISOString());
      expect((await runWorker()).retried).toBe(0);
      elapsed += retryDelayMs(attempt);
      app.server.clock.set(new Date(start + elapsed).toISOString());
    }
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
    expect((await runWorker()).failed).toBe(1);
    const failed = await row();
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: expect.stringContaining('-1') });
    expect(sentTo(user)).toEqual([]);
    // The subscription was never used up, and the inbox has the notice all the same.
    expect((await subscribe(user, [])).available).toEqual([{ kind: 'signup.confirmed', count: 1 }]);
    expect((await inbox(user)).map((n) => n.kind)).toEqual(['signup.confirmed']);

    const seen = await app.api.get(`${API}/admin/notifications?status=failed&limit=100`, await app.token('demo-admin'));
    expectStatus(seen, 200);
    expect(seen.body.items.find((n: any) => n.id === failed.id)).toMatchObject({ kind: 'signup.confirmed', status: 'failed', attempts: MAX_ATTEMPTS });
    expectError(await app.api.get(`${API}/admin/notifications?status=failed`, await app.token(user)), 403, 'FORBIDDEN');
    expect(badFields(await app.api.get(`${API}/admin/notifications?status=lost`, await app.token('demo-admin')))).toEqual(['status']);
  });

  it('when WeChat refuses a template field (47003), the notification fails at once without retries', async () => {
    const event = await publishActivity(app, { title: '模板配置错误', ...LATER });
    const user = await openid('fatal-a');
    await subscribe(user, ['signup.confirmed']);
    await signUp(app, event.id, user);
    wechat.failNext(1, 47003);
    expect((await runWorker()).failed).toBe(1);
    expect((await rowsOf(app, event.id)).find((r) => r.kind === 'signup.confirmed')).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('when an admin retries a failed delivery, the next worker run sends it once, the retry is audited, and a sent one cannot be retried', async () => {
    const event = await publishActivity(app, { title: '模板修好后重试', ...LATER });
    const user = await openid('admin-retry-a');
    await subscribe(user, ['signup.confirmed']);
    await signUp(app, event.id, user);
    wechat.failNext(1, 47003);
    expect((await runWorker()).failed).toBe(1);
    const failed = (await rowsOf(app, event.id)).find((r) => r.kind === 'signup.confirmed')!;
    const admin = await app.token('demo-admin');

    // The list says who (masked), about what, and what went wrong in plain Chinese.
    const listed = await app.api.get(`${API}/admin/notifications?status=failed&attempted=1&limit=100`, admin);
    expectStatus(listed, 200);
    expect(listed.body.items.find((n: any) => n.id === failed.id)).toMatchObject({
      // The default nickname (科普之友 and four digits), masked.
      recipient: expect.stringMatching(/^科\*\*\*\d$/),
      event: { id: event.id, title: '模板修好后重试' },
      lastErrorText: expect.stringContaining('模板字段不符合微信要求'),
      retryable: true,
    });
    expect(JSON.stringify(listed.body)).not.toContain('用户ry-a');

    expectError(await app.api.post(`${API}/admin/notifications/${failed.id}/retry`, undefined, await app.token(user)), 403, 'FORBIDDEN');
    const retried = await app.api.post(`${API}/admin/notifications/${failed.id}/retry`, undefined, admin);
    expectStatus(retried, 200);
    expect(retried.body).toMatchObject({ id: failed.id, status: 'pending', attempts: 1, nextAttemptAt: null });
    const audit = await app.rows(AuditEntryEntity, { action: 'notification.retry', target: `notification:${failed.id}` });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ previousStatus: 'failed', kind: 'signup.confirmed' });

    expect((await runWorker()).delivered).toBe(1);
    expect(sentTo(user, event.id).map((m) => m.template_id)).toEqual(['tmpl-signup-confirmed']);
    expect((await app.rows(NotificationEntity, { id: failed.id }))[0]).toMatchObject({ status: 'sent', channel: 'wechat' });
    // Sent now: nothing to retry, and nothing audited for the refusal.
    expectError(await app.api.post(`${API}/admin/notifications/${failed.id}/retry`, undefined, admin), 409, 'NOTIFICATION_NOT_RETRYABLE');
    expectError(await app.api.post(`${API}/admin/notifications/no-such-notification/retry`, undefined, admin), 404, 'NOT_FOUND');
    expect(await app.count(AuditEntryEntity, { action: 'notification.retry' })).toBe(1);
    expect((await runWorker()).delivered).toBe(0);
    expect(sentTo(user, event.id)).toHaveLength(1);
  });

  it('when a retried delivery fails again, it is failed again at once rather than starting a new series of retries', async () => {
    const event = await publishActivity(app, { title: '重试后仍然失败', ...LATER });
    const user = await openid('admin-retry-b');
    await subscribe(user, ['signup.confirmed']);
    await signUp(app, event.id, user);
    wechat.failNext(100, -1);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await runWorker();
      app.server.clock.set(new Date(app.server.clock.now.getTime() + retryDelayMs(attempt)).toISOString());
    }
    const row = async () => (await rowsOf(app, event.id)).find((r) => r.kind === 'signup.confirmed')!;
    expect(await row()).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expectStatus(await app.api.post(`${API}/admin/notifications/${(await row()).id}/retry`, undefined, await app.token('demo-admin')), 200);
    expect((await runWorker()).failed).toBe(1);
    expect(await row()).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS + 1 });
    expect(sentTo(user)).toEqual([]);
  });

  it('fetches the access token once while it is valid, and again when WeChat says it is stale (40001)', async () => {
    const event = await publishActivity(app, { title: '令牌过期', capacity: 10, ...LATER });
    const before = wechat.tokenRequests.length;
    for (const name of ['token-a', 'token-b']) {
      await subscribe(await openid(name), ['signup.confirmed']);
      await signUp(app, event.id, name);
    }
    await runWorker();
    expect(sentTo('token-a', event.id)).toHaveLength(1);
    expect(sentTo('token-b', event.id)).toHaveLength(1);
    expect(wechat.tokenRequests.length - before).toBeLessThanOrEqual(1);

    wechat.expireToken();
    await subscribe('token-a', ['event.changed']);
    await changePublishedEvent(event.id, { venue: { name: '新馆', address: '新地址', lat: 39.6, lng: 118.2 } });
    const requests = wechat.tokenRequests.length;
    expect((await runWorker()).delivered).toBe(2);
    expect(sentTo('token-a', event.id).map((m) => m.template_id)).toEqual(['tmpl-signup-confirmed', 'tmpl-event-changed']);
    expect(wechat.tokenRequests.length - requests).toBe(1);
    expect(wechat.tokenRequests.at(-1)).toEqual({ grant_type: 'client_credential', appid: 'wx-test-app', secret: 'wx-test-secret' });
  });

  it('marks notifications read by id (only the reader’s own) or all at once', async () => {
    const event = await publishActivity(app, { title: '已读测试', ...SOON });
    const user = await openid('reader-a');
    await signUp(app, event.id, user);
    await signUp(app, event.id, await openid('reader-b'));
    await runWorker();
    const [first, second] = await inbox(user);
    const others = await inbox('reader-b');

    const marked = await app.api.post(`${API}/me/notifications/read`, { ids: [first.id, others[0].id] }, await app.token(user));
    expectStatus(marked, 200);
    expect(marked.body).toEqual({ marked: 1, count: 1 });
    expect(await unread('reader-b')).toBe(2);
    expect((await inbox(user)).find((n) => n.id === first.id).readAt).toBe('2026-11-25T10:00:00+08:00');

    expect((await app.api.post(`${API}/me/notifications/read`, { all: true }, await app.token(user))).body).toEqual({ marked: 1, count: 0 });
    expect((await inbox(user)).find((n) => n.id === second.id).readAt).not.toBeNull();
    expect(badFields(await app.api.post(`${API}/me/notifications/read`, {}, await app.token(user)))).toEqual(expect.any(Array));
    expectError(await app.api.get(`${API}/me/notifications`), 401, 'UNAUTHENTICATED');
  });

  it('pages the inbox newest first without repeats', async () => {
    const user = await openid('pager');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const event = await publishActivity(app, { title: `分页活动${i}`, ...LATER });
      app.server.clock.set(new Date(new Date('2026-11-25T10:00:00+08:00').getTime() + i * 60_000).toISOString());
      await signUp(app, event.id, user);
      ids.push(event.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await app.api.get(`${API}/me/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`, await app.token(user));
      expectStatus(page, 200);
      seen.push(...page.body.items.map((n: any) => n.eventId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('records subscriptions only of known kinds, and lists the template ids the app asks for', async () => {
    const user = await openid('subscriber');
    expect(badFields(await app.api.post(`${API}/me/subscriptions`, { kinds: ['signup.spam'] }, await app.token(user)))).toEqual(['kinds.0']);
    expect((await subscribe(user, ['signup.confirmed', 'signup.confirmed', 'event.reminder'])).available).toEqual([
      { kind: 'signup.confirmed', count: 2 },
      { kind: 'event.reminder', count: 1 },
    ]);
    const templates = await app.api.get(`${API}/notifications/templates`);
    expectStatus(templates, 200);
    expect(templates.body.templates).toContainEqual({ kind: 'signup.confirmed', templateId: 'tmpl-signup-confirmed' });
    expect(templates.body.templates).toHaveLength(8);
  });

  it('when an account is erased, its notifications and subscriptions go with it', async () => {
    const event = await publishActivity(app, { title: '注销测试', ...LATER });
    const user = await openid('erase-n');
    const userId = (await app.user(user)).id;
    await subscribe(user, ['signup.confirmed']);
    await signUp(app, event.id, user);
    expectStatus(await app.api.del(`${API}/me`, await app.token(user)), 200);
    expect(await app.count(NotificationEntity, { userId })).toBe(0);
    expect(await app.count(NotificationSubscriptionEntity, { userId })).toBe(0);
  });
});
