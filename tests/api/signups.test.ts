// Sign-ups: seats and the waitlist, the sign-up window, my sign-ups,
// check-in codes and check-in, and the organizer's (masked) list and export.
import { In } from 'typeorm';
import { AuditEntryEntity } from '../../server/src/db/entities/audit-entry.entity';
import { EventEntity } from '../../server/src/db/entities/event.entity';
import { NotificationEntity } from '../../server/src/db/entities/notification.entity';
import { SignupEntity } from '../../server/src/db/entities/signup.entity';
import { signToken } from '../../server/src/core/tokens';
import { engines, type ApiResponse } from './harness';
import { API, badFields, createDraft, expectError, expectStatus, publishActivity, signUp, useTestApp, type TestApp } from './fixtures';

async function eventCounts(app: TestApp, id: string): Promise<{ confirmedCount: number; waitlistCount: number }> {
  const { confirmedCount, waitlistCount } = (await app.api.get(`${API}/events/${id}`)).body;
  return { confirmedCount, waitlistCount };
}

async function mySignups(app: TestApp, openid: string, when?: 'upcoming' | 'past'): Promise<any[]> {
  const res = await app.api.get(`${API}/me/signups${when ? `?when=${when}` : ''}`, await app.token(openid));
  expectStatus(res, 200);
  return res.body.items;
}

async function checkinCode(app: TestApp, openid: string, signupId: string): Promise<string> {
  const res = await app.api.get(`${API}/me/signups/${signupId}/checkin-code`, await app.token(openid));
  expectStatus(res, 200);
  return res.body.code;
}

describe.each(engines)('sign-ups on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });

  describe('seats and the waitlist', () => {
    it('when a resident signs up for an open event, the sign-up is confirmed (201) and takes a seat', async () => {
      const event = await publishActivity(app, { capacity: 5 });
      const res = await signUp(app, event.id, 'seat-a');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: expect.any(String), eventId: event.id, status: 'confirmed', partySize: 1 });
      expect(res.body).not.toHaveProperty('waitlistPosition');
      expect(await eventCounts(app, event.id)).toEqual({ confirmedCount: 1, waitlistCount: 0 });
    });

    it('when the same resident signs up again, the existing sign-up comes back with 200 and no seat is taken', async () => {
      const event = await publishActivity(app, { capacity: 5 });
      const first = await signUp(app, event.id, 'seat-b');
      const again = await signUp(app, event.id, 'seat-b', { name: '另一个名字' });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      expect(await eventCounts(app, event.id)).toEqual({ confirmedCount: 1, waitlistCount: 0 });
      expect(await app.count(SignupEntity, { eventId: event.id })).toBe(1);
    });

    it('when the event is full, the sign-up is waitlisted with its place in the queue', async () => {
      const event = await publishActivity(app, { capacity: 1 });
      expect((await signUp(app, event.id, 'full-a')).body.status).toBe('confirmed');
      const second = await signUp(app, event.id, 'full-b');
      const third = await signUp(app, event.id, 'full-c');
      expect(second.status).toBe(201);
      expect(second.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      expect(third.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
      expect(await eventCounts(app, event.id)).toEqual({ confirmedCount: 1, waitlistCount: 2 });
    });

    it('when a confirmed resident cancels, the first waitlisted is promoted at once and told so', async () => {
      const event = await publishActivity(app, { capacity: 1 });
      await signUp(app, event.id, 'promo-a');
      const b = await signUp(app, event.id, 'promo-b');
      await signUp(app, event.id, 'promo-c');

      const res = await app.api.del(`${API}/events/${event.id}/signups/me`, await app.token('promo-a'));
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('cancelled');

      expect(await eventCounts(app, event.id)).toEqual({ confirmedCount: 1, waitlistCount: 1 });
      expect((await mySignups(app, 'promo-b')).find((s) => s.eventId === event.id)).toMatchObject({ id: b.body.id, status: 'confirmed' });
      const c = (await mySignups(app, 'promo-c')).find((s) => s.eventId === event.id);
      expect(c).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      expect((await mySignups(app, 'promo-a')).find((s) => s.eventId === event.id)).toBeUndefined();
      const notes = await app.rows(NotificationEntity, { kind: 'signup.promoted', userId: (await app.user('promo-b')).id });
      expect(notes.map((n) => n.payload.eventId)).toEqual([event.id]);
      expect(await app.count(NotificationEntity, { kind: 'signup.promoted', userId: (await app.user('promo-c')).id })).toBe(0);
    });

    it('when a waitlisted resident cancels, nobody is promoted and the queue closes up', async () => {
      const event = await publishActivity(app, { capacity: 1 });
      await signUp(app, event.id, 'wl-a');
      await signUp(app, event.id, 'wl-b');
      await signUp(app, event.id, 'wl-c');
      expectStatus(await app.api.del(`${API}/events/${event.id}/signups/me`, await app.token('wl-b')), 200);
      expect(await eventCounts(app, event.id)).toEqual({ confirmedCount: 1, waitlistCount: 1 });
      expect((await mySignups(app, 'wl-c')).find((s) => s.eventId === event.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    });

    it('when a party does not fit, it waits, and later singles queue behind it rather than jump ahead', async () => {
      const event = await publishActivity(app, { capacity: 3 });
      expect((await signUp(app, event.id, 'party-a', { partySize: 2 })).body.status).toBe('confirmed');
      // One seat left for a party of two: asked first (see checkins-families.test.ts), here it chose to wait whole.
      expect((await signUp(app, event.id, 'party-b', { partySize: 2, whenShort: 'waitlist' })).body).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 1,
      });
      expect((await signUp(app, event.id, 'party-c', { partySize: 1 })).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
      expect(await eventCounts(app, event.id)).toEqual({ confirmedCount: 2, waitlistCount: 2 });
      // Two seats free up, three in all: the party of two moves up, then the single behind it.
      expectStatus(await app.api.del(`${API}/events/${event.id}/signups/me`, await app.token('party-a')), 200);
      expect(await eventCounts(app, event.id)).toEqual({ confirmedCount: 3, waitlistCount: 0 });
    });

    it('when the organizer adds seats, the waitlist moves up as soon as a reviewer approves the change', async () => {
      const event = await publishActivity(app, { capacity: 1 });
      await signUp(app, event.id, 'seats-a');
      await signUp(app, event.id, 'seats-b');
      await signUp(app, event.id, 'seats-c');
      const edited = await app.api.patch(`${API}/events/${event.id}`, { capacity: 2 }, await app.token('demo-organizer'));
      expect(edited.body).toMatchObject({ capacity: 1, confirmedCount: 1, waitlistCount: 2, revision: { status: 'pending', changes: { capacity: 2 } } });
      const res = await app.api.post(
        `${API}/events/${event.id}/review`,
        { decision: 'approve', version: edited.body.version },
        await app.token('demo-reviewer'),
      );
      expect(res.body).toMatchObject({ capacity: 2, confirmedCount: 2, waitlistCount: 1 });
      expect((await mySignups(app, 'seats-b')).find((s) => s.eventId === event.id)?.status).toBe('confirmed');
      expect((await mySignups(app, 'seats-c')).find((s) => s.eventId === event.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    });

    it('when someone cancels a sign-up they never made, it answers 404', async () => {
      const event = await publishActivity(app);
      expectError(await app.api.del(`${API}/events/${event.id}/signups/me`, await app.token('never-signed')), 404, 'NOT_FOUND');
    });

    it('when someone cancels and signs up again, they keep their sign-up id but go to the back of the queue', async () => {
      const event = await publishActivity(app, { capacity: 1 });
      const first = await signUp(app, event.id, 'again-a');
      await signUp(app, event.id, 'again-b');
      await app.api.del(`${API}/events/${event.id}/signups/me`, await app.token('again-a'));
      const back = await signUp(app, event.id, 'again-a');
      expect(back.status).toBe(201);
      expect(back.body).toMatchObject({ id: first.body.id, status: 'waitlisted', waitlistPosition: 1 });
      expect(await eventCounts(app, event.id)).toEqual({ confirmedCount: 1, waitlistCount: 1 });
    });

    it('when many residents sign up at once, no more than capacity are confirmed and the queue has no gaps', async () => {
      const event = await publishActivity(app, { capacity: 5 });
      const openids = Array.from({ length: 14 }, (_, i) => `rush-${i}`);
      for (const openid of openids) await app.token(openid);
      const results = await Promise.all(openids.map((openid) => signUp(app, event.id, openid)));
      expect(results.map((r) => r.status)).toEqual(openids.map(() => 201));
      expect(results.filter((r) => r.body.status === 'confirmed')).toHaveLength(5);
      const positions = results
        .filter((r) => r.body.status === 'waitlisted')
        .map((r) => r.body.waitlistPosition)
        .sort((a, b) => a - b);
      expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(await eventCounts(app, event.id)).toEqual({ confirmedCount: 5, waitlistCount: 9 });
    });

    it('when one resident double-taps sign-up, there is still one sign-up', async () => {
      const event = await publishActivity(app, { capacity: 5 });
      await app.token('double-tap');
      const results = await Promise.all([1, 2, 3, 4].map(() => signUp(app, event.id, 'double-tap')));
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(await eventCounts(app, event.id)).toEqual({ confirmedCount: 1, waitlistCount: 0 });
    });
  });

  describe('the sign-up window', () => {
    it('when sign-ups have not opened yet, it answers 409 EVENT_NOT_OPEN, and 201 once they open', async () => {
      const event = await publishActivity(app, { signupOpensAt: '2026-11-28T09:00:00+08:00' });
      const early = await signUp(app, event.id, 'window-a');
      expectError(early, 409, 'EVENT_NOT_OPEN');
      expect(early.body.error.details.reason).toBe('not-yet-open');
      app.server.clock.set('2026-11-28T09:00:00+08:00');
      expect((await signUp(app, event.id, 'window-a')).status).toBe(201);
    });

    it('when sign-ups have closed, it answers 409 EVENT_NOT_OPEN', async () => {
      const event = await publishActivity(app, { signupClosesAt: '2026-12-01T18:00:00+08:00' });
      app.server.clock.set('2026-12-01T17:59:00+08:00');
      expect((await signUp(app, event.id, 'window-b')).status).toBe(201);
      app.server.clock.set('2026-12-01T18:00:00+08:00');
      expectError(await signUp(app, event.id, 'window-c'), 409, 'EVENT_NOT_OPEN');
    });

    it('when there is no closing time, sign-ups close as the event starts', async () => {
      const event = await publishActivity(app);
      app.server.clock.set(event.startsAt);
      expectError(await signUp(app, event.id, 'window-d'), 409, 'EVENT_NOT_OPEN');
    });

    it('when the event is cancelled, it answers 409 EVENT_NOT_OPEN', async () => {
      const event = await publishActivity(app);
      await app.api.post(`${API}/events/${event.id}/cancel`, { reason: '天气原因' }, await app.token('demo-organizer'));
      expectError(await signUp(app, event.id, 'window-e'), 409, 'EVENT_NOT_OPEN');
    });

    it('when the event is a draft, its organizer is told it is not open and a resident that it does not exist', async () => {
      const draft = await createDraft(app);
      expectError(await signUp(app, draft.id, 'demo-organizer'), 409, 'EVENT_NOT_OPEN');
      expectError(await signUp(app, draft.id, 'window-f'), 404, 'NOT_FOUND');
      expect(await app.count(SignupEntity, { eventId: draft.id })).toBe(0);
    });

    it('when the event is a campaign period, it answers 409 EVENT_NOT_OPEN', async () => {
      const [campaign] = await app.rows(EventEntity, { kind: 'campaign', status: 'published' });
      // Move the clock before the campaign so only its kind keeps it closed.
      app.server.clock.set(new Date(campaign!.startsAt.getTime() - 7 * 86_400_000).toISOString());
      const res = await signUp(app, campaign!.id, 'window-g');
      expectError(res, 409, 'EVENT_NOT_OPEN');
      expect(res.body.error.details.reason).toBe('not-bookable');
    });

    it('when the event id is unknown, it answers 404', async () => {
      expectError(await signUp(app, 'no-such-event', 'window-h'), 404, 'NOT_FOUND');
    });
  });

  describe('what a sign-up needs', () => {
    it("when a resident signs up someone else (代报名), the attendee's name and phone are kept", async () => {
      const event = await publishActivity(app);
      await app.api.patch(`${API}/me`, { nickname: '女儿', phone: '13600000000' }, await app.token('proxy-a'));
      const res = await signUp(app, event.id, 'proxy-a', { name: '王奶奶', phone: '15900001111' });
      expect(res.status).toBe(201);
      const list = await app.api.get(`${API}/events/${event.id}/signups?unmask=1`, await app.token('demo-organizer'));
      expect(list.body.items).toEqual([expect.objectContaining({ name: '王奶奶', phone: '15900001111' })]);
    });

    it.each([
      ['a phone of ten digits', { phone: '1381234567' }, 'phone'],
      ['a phone starting 12', { phone: '12812345678' }, 'phone'],
      ['a phone with a dash', { phone: '138-1234-5678' }, 'phone'],
      ['an empty name', { name: '' }, 'name'],
      ['a name of 21 characters', { name: '名'.repeat(21) }, 'name'],
      ['a party of 6', { partySize: 6 }, 'partySize'],
      ['a party of 0', { partySize: 0 }, 'partySize'],
      ['a party as a string', { partySize: '2' }, 'partySize'],
    ])('when the sign-up has %s, it answers 400 naming the field and takes no seat', async (_, body, field) => {
      const event = await publishActivity(app);
      expect(badFields(await signUp(app, event.id, 'bad-input', body))).toContain(field);
      expect(await eventCounts(app, event.id)).toEqual({ confirmedCount: 0, waitlistCount: 0 });
    });
  });

  describe('my sign-ups', () => {
    it('when time passes, an event moves from upcoming to past', async () => {
      const soon = await publishActivity(app, { title: '明天的活动', startsAt: '2026-11-26T09:00:00+08:00', endsAt: '2026-11-26T11:00:00+08:00' });
      const later = await publishActivity(app, { title: '下个月的活动', startsAt: '2026-12-20T09:00:00+08:00', endsAt: '2026-12-20T11:00:00+08:00' });
      const cancelled = await publishActivity(app, { title: '我取消了的活动' });
      for (const event of [soon, later, cancelled]) expectStatus(await signUp(app, event.id, 'mine'), 201);
      await app.api.del(`${API}/events/${cancelled.id}/signups/me`, await app.token('mine'));

      const all = await mySignups(app, 'mine');
      expect(all.map((s) => s.event.title)).toEqual(['明天的活动', '下个月的活动']);
      expect(all[0]).toMatchObject({
        id: expect.any(String),
        eventId: soon.id,
        status: 'confirmed',
        event: { id: soon.id, title: '明天的活动', startsAt: '2026-11-26T09:00:00+08:00', venue: { name: '唐山科技馆' } },
      });
      expect((await mySignups(app, 'mine', 'upcoming')).map((s) => s.event.title)).toEqual(['明天的活动', '下个月的活动']);
      expect(await mySignups(app, 'mine', 'past')).toEqual([]);

      app.server.clock.set('2026-11-27T10:00:00+08:00');
      expect((await mySignups(app, 'mine', 'upcoming')).map((s) => s.event.title)).toEqual(['下个月的活动']);
      expect((await mySignups(app, 'mine', 'past')).map((s) => s.event.title)).toEqual(['明天的活动']);
    });

    it('when I page my sign-ups, every one appears once', async () => {
      for (let i = 0; i < 3; i++) await signUp(app, (await publishActivity(app, { title: `翻页${i}` })).id, 'pager');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: ApiResponse = await app.api.get(`${API}/me/signups?limit=2${cursor ? `&cursor=${cursor}` : ''}`, await app.token('pager'));
        expectStatus(res, 200);
        seen.push(...res.body.items.map((s: any) => s.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(3);
      expect(new Set(seen).size).toBe(3);
    });

    it('when nobody is signed in, my sign-ups answer 401', async () => {
      expectError(await app.api.get(`${API}/me/signups`), 401, 'UNAUTHENTICATED');
    });
  });

  describe('check-in', () => {
    async function bookedEvent(openid: string, overrides: Record<string, unknown> = {}) {
      const event = await publishActivity(app, overrides);
      const signup = await signUp(app, event.id, openid);
      expectStatus(signup, 201);
      return { event, signupId: signup.body.id as string };
    }

    it('when a confirmed attendee shows the code, the organizer checks them in once; a second scan answers 409', async () => {
      const { event, signupId } = await bookedEvent('checkin-a');
      const codeRes = await app.api.get(`${API}/me/signups/${signupId}/checkin-code`, await app.token('checkin-a'));
      expect(codeRes.status).toBe(200);
      expect(codeRes.body.expiresAt).toBe('2026-12-05T14:00:00+08:00');
      const organizer = await app.token('demo-organizer');
      const res = await app.api.post(`${API}/events/${event.id}/checkins`, { code: codeRes.body.code }, organizer);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: signupId, status: 'confirmed', checkedInAt: '2026-11-25T10:00:00+08:00' });
      expectError(await app.api.post(`${API}/events/${event.id}/checkins`, { code: codeRes.body.code }, organizer), 409, 'ALREADY_CHECKED_IN');
      expectError(await app.api.del(`${API}/events/${event.id}/signups/me`, await app.token('checkin-a')), 409, 'ALREADY_CHECKED_IN');
    });

    it('when two devices scan the same code at once, exactly one check-in succeeds', async () => {
      const { event, signupId } = await bookedEvent('checkin-twice');
      const code = await checkinCode(app, 'checkin-twice', signupId);
      const organizer = await app.token('demo-organizer');
      const results = await Promise.all([1, 2, 3].map(() => app.api.post(`${API}/events/${event.id}/checkins`, { code }, organizer)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    });

    it('when the code is forged or not ours, it answers 400 INVALID_CHECKIN_CODE', async () => {
      const { event, signupId } = await bookedEvent('checkin-b');
      const organizer = await app.token('demo-organizer');
      const real = await checkinCode(app, 'checkin-b', signupId);
      const exp = Date.parse('2026-12-31T00:00:00Z');
      for (const code of [
        'garbage',
        signToken({ typ: 'checkin', sid: signupId, eid: event.id, exp }, 'not-the-secret'),
        `${Buffer.from(JSON.stringify({ typ: 'checkin', sid: signupId, eid: event.id, exp: exp * 2 })).toString('base64url')}.${real.split('.')[1]}`,
        signToken({ typ: 'session', sid: signupId, eid: event.id, exp }, app.server.config.authSecret),
        signToken({ typ: 'checkin', sid: 'no-such-signup', eid: event.id, exp }, app.server.config.authSecret),
      ]) {
        expectError(await app.api.post(`${API}/events/${event.id}/checkins`, { code }, organizer), 400, 'INVALID_CHECKIN_CODE');
      }
      expect((await app.rows(SignupEntity, { id: signupId }))[0]!.checkedInAt).toBeNull();
    });

    it('when the code belongs to another event, it answers 400 INVALID_CHECKIN_CODE', async () => {
      const { signupId } = await bookedEvent('checkin-c');
      const other = await publishActivity(app);
      const code = await checkinCode(app, 'checkin-c', signupId);
      expectError(await app.api.post(`${API}/events/${other.id}/checkins`, { code }, await app.token('demo-organizer')), 400, 'INVALID_CHECKIN_CODE');
    });

    it('when the code has expired (two hours after the event), it answers 400 CHECKIN_CODE_EXPIRED', async () => {
      const { event, signupId } = await bookedEvent('checkin-d');
      const code = await checkinCode(app, 'checkin-d', signupId);
      app.server.clock.set('2026-12-05T14:00:01+08:00');
      expectError(await app.api.post(`${API}/events/${event.id}/checkins`, { code }, await app.token('demo-organizer')), 400, 'CHECKIN_CODE_EXPIRED');
    });

    it('when an organizer of another organization scans, it answers 403; a resident too', async () => {
      const { event, signupId } = await bookedEvent('checkin-e');
      const code = await checkinCode(app, 'checkin-e', signupId);
      const orgs = (await app.api.get(`${API}/organizations?city=${encodeURIComponent('柳州市')}`)).body.items;
      const stranger = await app.api.login('checkin-stranger');
      await app.api.post(`${API}/organizations/${orgs[0].id}/members`, { userId: stranger.user.id }, await app.token('demo-admin'));
      expectError(await app.api.post(`${API}/events/${event.id}/checkins`, { code }, stranger.token), 403, 'FORBIDDEN');
      expectError(await app.api.post(`${API}/events/${event.id}/checkins`, { code }, await app.token('checkin-e')), 403, 'FORBIDDEN');
      expect((await app.rows(SignupEntity, { id: signupId }))[0]!.checkedInAt).toBeNull();
    });

    it('when the sign-up is waitlisted, there is no check-in code (409)', async () => {
      const event = await publishActivity(app, { capacity: 1 });
      await signUp(app, event.id, 'checkin-f');
      const waiting = await signUp(app, event.id, 'checkin-g');
      expectError(await app.api.get(`${API}/me/signups/${waiting.body.id}/checkin-code`, await app.token('checkin-g')), 409, 'NOT_CONFIRMED');
    });

    it('when the sign-up is cancelled after the code was issued, check-in answers 409', async () => {
      const { event, signupId } = await bookedEvent('checkin-h');
      const code = await checkinCode(app, 'checkin-h', signupId);
      await app.api.del(`${API}/events/${event.id}/signups/me`, await app.token('checkin-h'));
      expectError(await app.api.get(`${API}/me/signups/${signupId}/checkin-code`, await app.token('checkin-h')), 409, 'SIGNUP_NOT_ACTIVE');
      expectError(await app.api.post(`${API}/events/${event.id}/checkins`, { code }, await app.token('demo-organizer')), 409, 'SIGNUP_NOT_ACTIVE');
    });

    it("when someone asks for another person's check-in code, it answers 404", async () => {
      const { signupId } = await bookedEvent('checkin-i');
      expectError(await app.api.get(`${API}/me/signups/${signupId}/checkin-code`, await app.token('checkin-j')), 404, 'NOT_FOUND');
    });
  });

  describe("the organizer's list", () => {
    it('when the organizer lists sign-ups, phones are masked and nothing is audited', async () => {
      const event = await publishActivity(app, { capacity: 1 });
      await signUp(app, event.id, 'list-a', { name: '赵六', phone: '13812345678' });
      await signUp(app, event.id, 'list-b', { name: '钱七', phone: '13987654321' });
      const res = await app.api.get(`${API}/events/${event.id}/signups`, await app.token('demo-organizer'));
      expect(res.status).toBe(200);
      expect(res.body.items.map((r: any) => [r.name, r.phone, r.status, r.waitlistPosition])).toEqual([
        ['赵六', '138****5678', 'confirmed', null],
        ['钱七', '139****4321', 'waitlisted', 1],
      ]);
      expect(res.text).not.toContain('13812345678');
      expect(await app.count(AuditEntryEntity, { target: `event:${event.id}`, action: In(['signups.unmask', 'signups.export']) })).toBe(0);
    });

    it('when the organizer unmasks, full phones come back and the unmask is audited', async () => {
      const event = await publishActivity(app);
      await signUp(app, event.id, 'list-c', { phone: '13812345678' });
      const res = await app.api.get(`${API}/events/${event.id}/signups?unmask=1`, await app.token('demo-organizer'));
      expect(res.body.items[0].phone).toBe('13812345678');
      const [audit] = await app.rows(AuditEntryEntity, { action: 'signups.unmask', target: `event:${event.id}` });
      expect(audit).toMatchObject({ actorId: (await app.user('demo-organizer')).id, details: expect.objectContaining({ rows: 1, unmasked: true }) });
    });

    it('when the organizer exports CSV, it has a BOM and a header, cells cannot become formulas, and the export is audited', async () => {
      const event = await publishActivity(app);
      await signUp(app, event.id, 'csv-a', { name: '=1+2', phone: '13812345678' });
      const res = await app.api.get(`${API}/events/${event.id}/signups?format=csv`, await app.token('demo-organizer'));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      expect(res.headers.get('content-disposition')).toContain('attachment');
      // Named after the event, in UTF-8 per RFC 5987.
      expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(event.title)}`);
      expect(res.headers.get('content-disposition')).not.toContain(event.id);
      // fetch's text() drops a BOM, so read the raw bytes.
      const raw = await fetch(`${app.server.url}${API}/events/${event.id}/signups?format=csv`, {
        headers: { authorization: `Bearer ${await app.token('demo-organizer')}` },
      });
      const bytes = Buffer.from(await raw.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
      expect(lines[0]).toBe('姓名,手机号,人数,状态,候补位置,签到时间,报名时间');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/^'=1\+2,138\*\*\*\*5678,1,已确认,,,2026年11月25日 10:00$/);
      expect(await app.count(AuditEntryEntity, { action: 'signups.export', target: `event:${event.id}` })).toBe(2);
    });

    it('when the format is unknown, it answers 400', async () => {
      const event = await publishActivity(app);
      expect(badFields(await app.api.get(`${API}/events/${event.id}/signups?format=pdf`, await app.token('demo-organizer')))).toContain('format');
    });

    it('when a resident or another organization asks for the list, it answers 403 and nothing is audited', async () => {
      const event = await publishActivity(app);
      await signUp(app, event.id, 'list-d');
      expectError(await app.api.get(`${API}/events/${event.id}/signups?unmask=1`, await app.token('list-d')), 403, 'FORBIDDEN');
      const orgs = (await app.api.get(`${API}/organizations?city=${encodeURIComponent('柳州市')}`)).body.items;
      const stranger = await app.api.login('list-stranger');
      await app.api.post(`${API}/organizations/${orgs[0].id}/members`, { userId: stranger.user.id }, await app.token('demo-admin'));
      expectError(await app.api.get(`${API}/events/${event.id}/signups?unmask=1`, stranger.token), 403, 'FORBIDDEN');
      expect(await app.count(AuditEntryEntity, { target: `event:${event.id}`, action: In(['signups.unmask', 'signups.export']) })).toBe(0);
    });
  });
});
