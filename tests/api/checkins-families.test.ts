// v1.1 check-in at the door and families: Ed25519 codes verifiable with the
// kit's public key, short codes, check-in from the list, offline batches
// uploaded from two devices; one sign-up per attendee; parties asked when
// they are larger than the seats left.
import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { AuditEntryEntity } from '../../server/src/db/entities/audit-entry.entity';
import { SignupEntity } from '../../server/src/db/entities/signup.entity';
import { signToken } from '../../server/src/core/tokens';
import { apiClient, engines, startTestServer } from './harness';
import { API, badFields, expectError, expectStatus, publishActivity, signUp, useTestApp, type TestApp } from './fixtures';

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** What the organizer's device does offline, here with node:crypto: verify the signature over the payload's bytes with the kit's key. */
function verifiesWithKit(code: string, publicKeyBase64: string): boolean {
  const [payload, signature] = code.split('.');
  const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(publicKeyBase64, 'base64')]), format: 'der', type: 'spki' });
  return verify(null, Buffer.from(payload!, 'base64url'), key, Buffer.from(signature!, 'base64url'));
}

async function codeOf(app: TestApp, openid: string, signupId: string): Promise<{ code: string; shortCode: string; expiresAt: string }> {
  const res = await app.api.get(`${API}/me/signups/${signupId}/checkin-code`, await app.token(openid));
  expectStatus(res, 200);
  return res.body;
}

async function booked(app: TestApp, openid: string, body: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}) {
  const event = await publishActivity(app, overrides);
  const res = await signUp(app, event.id, openid, body);
  expectStatus(res, 201);
  return { event, signupId: res.body.id as string };
}

describe.each(engines)('check-in at the door and families on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  const organizer = () => app.token('demo-organizer');

  describe('check-in codes', () => {
    it('when a resident opens their code, it is an Ed25519 code naming the event and sign-up that the kit key verifies, with 6 digits', async () => {
      const { event, signupId } = await booked(app, 'ed-a');
      const { code, shortCode } = await codeOf(app, 'ed-a', signupId);
      expect(shortCode).toMatch(/^\d{6}$/);
      const [payload, signature] = code.split('.');
      expect(JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'))).toMatchObject({ typ: 'checkin', sid: signupId, eid: event.id });
      expect(Buffer.from(signature!, 'base64url')).toHaveLength(64);

      const kit = await app.api.get(`${API}/events/${event.id}/checkin-kit`, await organizer());
      expectStatus(kit, 200);
      expect(Buffer.from(kit.body.publicKey, 'base64')).toHaveLength(32);
      expect(verifiesWithKit(code, kit.body.publicKey)).toBe(true);
      // Opening it again gives the same short code and a code the same key verifies.
      const again = await codeOf(app, 'ed-a', signupId);
      expect(again.shortCode).toBe(shortCode);
      expect(verifiesWithKit(again.code, kit.body.publicKey)).toBe(true);
    });

    it('when the code is signed by another key or its signature is altered, it answers 400 online and the kit key refuses it too', async () => {
      const { event, signupId } = await booked(app, 'ed-forged');
      const { code } = await codeOf(app, 'ed-forged', signupId);
      const kit = (await app.api.get(`${API}/events/${event.id}/checkin-kit`, await organizer())).body;
      const [payload, signature] = code.split('.');
      const flipped = Buffer.from(signature!, 'base64url');
      flipped[10] = flipped[10]! ^ 0x01;
      const stranger = generateKeyPairSync('ed25519').privateKey;
      const forgeries = [
        `${payload}.${flipped.toString('base64url')}`,
        `${payload}.${sign(null, Buffer.from(payload!, 'base64url'), stranger).toString('base64url')}`,
      ];
      for (const forged of forgeries) {
        expect(verifiesWithKit(forged, kit.publicKey)).toBe(false);
        expectError(await app.api.post(`${API}/events/${event.id}/checkins`, { code: forged }, await organizer()), 400, 'INVALID_CHECKIN_CODE');
      }
      expect((await app.rows(SignupEntity, { id: signupId }))[0]!.checkedInAt).toBeNull();
    });

    it('when a code was issued before v1.1 (HMAC), it is still accepted online until it expires', async () => {
      const { event, signupId } = await booked(app, 'ed-legacy');
      const exp = Date.parse('2026-12-05T14:00:00+08:00');
      const legacy = signToken({ typ: 'checkin', sid: signupId, eid: event.id, exp }, app.server.config.authSecret);
      expectStatus(await app.api.post(`${API}/events/${event.id}/checkins`, { code: legacy }, await organizer()), 200);
    });

    it('when the organizer types the 6 digits, the attendee is checked in at that event only', async () => {
      const { event, signupId } = await booked(app, 'short-a');
      const other = await publishActivity(app);
      const { shortCode } = await codeOf(app, 'short-a', signupId);
      expectError(await app.api.post(`${API}/events/${other.id}/checkins`, { code: shortCode }, await organizer()), 400, 'INVALID_CHECKIN_CODE');
      const res = await app.api.post(`${API}/events/${event.id}/checkins`, { code: shortCode }, await organizer());
      expectStatus(res, 200);
      expect(res.body).toMatchObject({ id: signupId, checkedInAt: '2026-11-25T10:00:00+08:00' });
      expectError(await app.api.post(`${API}/events/${event.id}/checkins`, { code: shortCode }, await organizer()), 409, 'ALREADY_CHECKED_IN');
    });

    it('when the organizer taps a name in the list, the sign-up is checked in by its id; one of another event is 404', async () => {
      const { event, signupId } = await booked(app, 'tap-a');
      const other = await booked(app, 'tap-b');
      expectError(await app.api.post(`${API}/events/${event.id}/checkins`, { signupId: other.signupId }, await organizer()), 404, 'NOT_FOUND');
      expectStatus(await app.api.post(`${API}/events/${event.id}/checkins`, { signupId }, await organizer()), 200);
      expectError(await app.api.post(`${API}/events/${event.id}/checkins`, { signupId }, await organizer()), 409, 'ALREADY_CHECKED_IN');
      expectError(await app.api.post(`${API}/events/${event.id}/checkins`, { signupId, code: '123456' }, await organizer()), 400, 'VALIDATION_FAILED');
    });

    it('when someone other than the organizer asks for the kit, it answers 403', async () => {
      const { event } = await booked(app, 'kit-forbidden');
      expectError(await app.api.get(`${API}/events/${event.id}/checkin-kit`, await app.token('kit-forbidden')), 403, 'FORBIDDEN');
    });
  });

  describe('the check-in kit and offline batches', () => {
    it('when the organizer downloads the kit, it lists sign-ups with masked names and phones and a salted hash of each short code', async () => {
      const event = await publishActivity(app, { capacity: 2 });
      const a = (await signUp(app, event.id, 'kit-a', { name: '王小明', phone: '13900001234', partySize: 2 })).body;
      const b = (await signUp(app, event.id, 'kit-b', { name: '李四', phone: '13900005678' })).body;
      expect(b.status).toBe('waitlisted');
      const kit = (await app.api.get(`${API}/events/${event.id}/checkin-kit`, await organizer())).body;
      expect(kit.signups).toEqual([
        expect.objectContaining({ id: a.id, name: '王*明', phone: '139****1234', partySize: 2, status: 'confirmed', checkedInAt: null }),
        expect.objectContaining({ id: b.id, name: '李*', phone: '139****5678', status: 'waitlisted', shortCodeHash: '' }),
      ]);
      const { shortCode } = await codeOf(app, 'kit-a', a.id);
      expect(kit.signups[0].shortCodeHash).toBe(createHash('sha256').update(`${kit.shortCodeSalt}:${shortCode}`).digest('hex'));
      expect(JSON.stringify(kit)).not.toContain('13900001234');
      expect(JSON.stringify(kit)).not.toContain(shortCode);
    });

    it('when two devices upload overlapping offline check-ins, twice, each person is checked in once and every item gets a result', async () => {
      const event = await publishActivity(app, { capacity: 10 });
      const ids: string[] = [];
      for (const openid of ['batch-a', 'batch-b', 'batch-c']) ids.push((await signUp(app, event.id, openid)).body.id);
      const codeA = (await codeOf(app, 'batch-a', ids[0]!)).code;
      const shortB = (await codeOf(app, 'batch-b', ids[1]!)).shortCode;
      const deviceOne = {
        items: [
          { code: codeA, at: '2026-11-25T09:30:00+08:00' },
          { code: shortB, at: '2026-11-25T09:31:00+08:00' },
        ],
      };
      const deviceTwo = {
        items: [
          { signupId: ids[0], at: '2026-11-25T09:32:00+08:00' },
          { signupId: ids[2], at: '2026-11-25T09:33:00+08:00' },
          { signupId: ids[2], at: '2026-11-25T09:34:00+08:00' },
          { code: 'forged.code', at: '2026-11-25T09:35:00+08:00' },
        ],
      };
      const one = await app.api.post(`${API}/events/${event.id}/checkins/batch`, deviceOne, await organizer());
      expectStatus(one, 200);
      expect(one.body.results).toEqual([
        { signupId: ids[0], result: 'checked-in', checkedInAt: '2026-11-25T09:30:00+08:00' },
        { signupId: ids[1], result: 'checked-in', checkedInAt: '2026-11-25T09:31:00+08:00' },
      ]);
      const two = await app.api.post(`${API}/events/${event.id}/checkins/batch`, deviceTwo, await organizer());
      expect(two.body.results).toEqual([
        { signupId: ids[0], result: 'already-checked-in', checkedInAt: '2026-11-25T09:30:00+08:00' },
        { signupId: ids[2], result: 'checked-in', checkedInAt: '2026-11-25T09:33:00+08:00' },
        { signupId: ids[2], result: 'already-checked-in', checkedInAt: '2026-11-25T09:33:00+08:00' },
        { signupId: null, result: 'refused', error: 'INVALID_CHECKIN_CODE', checkedInAt: null },
      ]);
      // A device that lost its answer uploads again: nothing changes.
      const repeat = await app.api.post(`${API}/events/${event.id}/checkins/batch`, deviceOne, await organizer());
      expect(repeat.body.results.map((r: { result: string }) => r.result)).toEqual(['already-checked-in', 'already-checked-in']);
      const rows = await app.rows(SignupEntity, { eventId: event.id });
      expect(rows.filter((r) => r.checkedInAt !== null)).toHaveLength(3);
    });

    it('when a device clock runs ahead, the check-in time is never later than the server’s now', async () => {
      const { event, signupId } = await booked(app, 'batch-future');
      const res = await app.api.post(`${API}/events/${event.id}/checkins/batch`, { items: [{ signupId, at: '2026-11-25T12:00:00+08:00' }] }, await organizer());
      expect(res.body.results[0]).toMatchObject({ result: 'checked-in', checkedInAt: '2026-11-25T10:00:00+08:00' });
    });

    it('when a resident uploads a batch, it answers 403; an empty batch is 400', async () => {
      const { event, signupId } = await booked(app, 'batch-resident');
      const items = [{ signupId, at: '2026-11-25T09:00:00+08:00' }];
      expectError(await app.api.post(`${API}/events/${event.id}/checkins/batch`, { items }, await app.token('batch-resident')), 403, 'FORBIDDEN');
      expectError(await app.api.post(`${API}/events/${event.id}/checkins/batch`, { items: [] }, await organizer()), 400, 'VALIDATION_FAILED');
    });
  });

  describe('families', () => {
    it('when a daughter books herself and her father, they are two sign-ups with their own codes, and 我的 says whom each is for', async () => {
      const event = await publishActivity(app, { capacity: 10 });
      const self = await signUp(app, event.id, 'family-a', { name: '王芳', phone: '13900000001' });
      const father = await signUp(app, event.id, 'family-a', { name: '王建国', phone: '13900000002', forOther: true });
      expect([self.status, father.status]).toEqual([201, 201]);
      expect(father.body.id).not.toBe(self.body.id);
      const again = await signUp(app, event.id, 'family-a', { name: '王建国', phone: '13900000002', forOther: true });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(father.body.id);

      const mine = (await app.api.get(`${API}/me/signups`, await app.token('family-a'))).body.items.filter((s: { eventId: string }) => s.eventId === event.id);
      expect(mine.map((s: { attendee: unknown }) => s.attendee).sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name))).toEqual([
        { name: '王建国', forOther: true },
        { name: '王芳', forOther: false },
      ]);
      const codes = [await codeOf(app, 'family-a', self.body.id), await codeOf(app, 'family-a', father.body.id)];
      expect(codes[0]!.code).not.toBe(codes[1]!.code);
      expect(codes[0]!.shortCode).not.toBe(codes[1]!.shortCode);
      expect((await app.api.get(`${API}/events/${event.id}`)).body).toMatchObject({ confirmedCount: 2 });
    });

    it('when the father’s booking is cancelled by its id, the daughter’s stays; DELETE …/signups/me cancels only her own', async () => {
      const event = await publishActivity(app, { capacity: 10 });
      const self = (await signUp(app, event.id, 'family-b')).body;
      const father = (await signUp(app, event.id, 'family-b', { name: '父亲', forOther: true })).body;
      expectError(await app.api.del(`${API}/me/signups/${father.id}`, await app.token('family-stranger')), 404, 'NOT_FOUND');
      const res = await app.api.del(`${API}/me/signups/${father.id}`, await app.token('family-b'));
      expectStatus(res, 200);
      expect(res.body).toMatchObject({ id: father.id, status: 'cancelled' });
      expect((await app.rows(SignupEntity, { id: self.id }))[0]!.status).toBe('confirmed');
      const mother = (await signUp(app, event.id, 'family-b', { name: '母亲', forOther: true })).body;
      expectStatus(await app.api.del(`${API}/events/${event.id}/signups/me`, await app.token('family-b')), 200);
      expect((await app.rows(SignupEntity, { id: mother.id }))[0]!.status).toBe('confirmed');
      expect((await app.api.get(`${API}/events/${event.id}`)).body).toMatchObject({ confirmedCount: 1 });
    });
  });

  describe('editing whom a booking is for', () => {
    it('when the booker corrects a family member’s name and phone, 我的 shows the new name and the old name can be booked again', async () => {
      const event = await publishActivity(app);
      const father = await signUp(app, event.id, 'edit-a', { name: '陈建军', phone: '13800000022', forOther: true });
      const edited = await app.api.patch(`${API}/me/signups/${father.body.id}`, { name: '陈建国', phone: '13800000023' }, await app.token('edit-a'));
      expectStatus(edited, 200);
      expect(edited.body).toMatchObject({ id: father.body.id, name: '陈建国', status: 'confirmed' });
      const mine = (await app.api.get(`${API}/me/signups`, await app.token('edit-a'))).body.items.filter((s: any) => s.eventId === event.id);
      expect(mine.map((s: any) => s.attendee)).toEqual([{ name: '陈建国', forOther: true }]);
      const row = (await app.rows(SignupEntity, { id: father.body.id }))[0]!;
      expect({ phone: row.phone, attendeeKey: row.attendeeKey }).toEqual({ phone: '13800000023', attendeeKey: 'other:陈建国' });
      // The old name is free again: a new booking, not the edited one.
      const other = await signUp(app, event.id, 'edit-a', { name: '陈建军', forOther: true });
      expectStatus(other, 201);
      expect(other.body.id).not.toBe(father.body.id);
      // Renaming onto a name already booked is refused, and nothing changes.
      expectError(await app.api.patch(`${API}/me/signups/${father.body.id}`, { name: '陈建军' }, await app.token('edit-a')), 409, 'CONFLICT');
      expect((await app.rows(SignupEntity, { id: father.body.id }))[0]!.name).toBe('陈建国');
    });

    it('when a split party’s booking is renamed, its waiting rest follows; another user gets 404; a checked-in one is 409', async () => {
      const event = await publishActivity(app, { capacity: 2 });
      const party = await signUp(app, event.id, 'edit-split', { name: '王秀英', partySize: 3, forOther: true, whenShort: 'split' });
      expectStatus(party, 201);
      const restId = party.body.remainder.id;
      expectStatus(await app.api.patch(`${API}/me/signups/${party.body.id}`, { name: '王秀兰' }, await app.token('edit-split')), 200);
      const rest = (await app.rows(SignupEntity, { id: restId }))[0]!;
      expect({ name: rest.name, attendeeKey: rest.attendeeKey }).toEqual({ name: '王秀兰', attendeeKey: 'other:王秀兰+' });

      expectError(await app.api.patch(`${API}/me/signups/${party.body.id}`, { phone: '13911112222' }, await app.token('edit-stranger')), 404, 'NOT_FOUND');
      expect(badFields(await app.api.patch(`${API}/me/signups/${party.body.id}`, {}, await app.token('edit-split')))).toEqual(['']);
      expectStatus(await app.api.post(`${API}/events/${event.id}/checkins`, { signupId: party.body.id }, await organizer()), 200);
      expectError(await app.api.patch(`${API}/me/signups/${party.body.id}`, { name: '王秀' }, await app.token('edit-split')), 409, 'ALREADY_CHECKED_IN');
    });
  });

  describe('a party larger than the seats left', () => {
    it('when nothing is said, it answers 409 PARTY_EXCEEDS_SEATS with the seats left, and takes nothing', async () => {
      const event = await publishActivity(app, { capacity: 2 });
      const res = await signUp(app, event.id, 'party-ask', { partySize: 3 });
      expectError(res, 409, 'PARTY_EXCEEDS_SEATS');
      expect(res.body.error.details).toMatchObject({ seatsLeft: 2, partySize: 3 });
      expect(await app.count(SignupEntity, { eventId: event.id })).toBe(0);
    });

    it('when the family chooses split, it takes the seats left and the rest waits as a second sign-up, promoted on its own', async () => {
      const event = await publishActivity(app, { capacity: 3 });
      expectStatus(await signUp(app, event.id, 'split-first'), 201);
      const res = await signUp(app, event.id, 'split-family', { partySize: 3, whenShort: 'split' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'confirmed', partySize: 2, remainder: { status: 'waitlisted', partySize: 1, waitlistPosition: 1 } });
      expect((await app.api.get(`${API}/events/${event.id}`)).body).toMatchObject({ confirmedCount: 3, waitlistCount: 1 });
      // Asking again returns the same pair.
      const again = await signUp(app, event.id, 'split-family', { partySize: 3, whenShort: 'split' });
      expect(again.status).toBe(200);
      expect(again.body.remainder.id).toBe(res.body.remainder.id);
      // A seat frees up: the rest of the family moves up.
      expectStatus(await app.api.del(`${API}/events/${event.id}/signups/me`, await app.token('split-first')), 200);
      expect((await app.rows(SignupEntity, { id: res.body.remainder.id }))[0]!.status).toBe('confirmed');
      expect((await app.api.get(`${API}/events/${event.id}`)).body).toMatchObject({ confirmedCount: 3, waitlistCount: 0 });
      // Cancelling the booking cancels the whole family.
      expectStatus(await app.api.del(`${API}/events/${event.id}/signups/me`, await app.token('split-family')), 200);
      expect((await app.api.get(`${API}/events/${event.id}`)).body).toMatchObject({ confirmedCount: 0, waitlistCount: 0 });
    });

    it('when the family chooses to wait, everyone waits in one sign-up', async () => {
      const event = await publishActivity(app, { capacity: 2 });
      const res = await signUp(app, event.id, 'wait-family', { partySize: 3, whenShort: 'waitlist' });
      expect(res.body).toMatchObject({ status: 'waitlisted', partySize: 3, waitlistPosition: 1 });
      expect(res.body).not.toHaveProperty('remainder');
    });

    it('when the event is full, a party waits without being asked', async () => {
      const event = await publishActivity(app, { capacity: 1 });
      await signUp(app, event.id, 'full-first');
      expect((await signUp(app, event.id, 'full-family', { partySize: 2 })).body).toMatchObject({ status: 'waitlisted' });
    });
  });

  describe('export with phones', () => {
    it('when the organizer confirms the unmask and exports, the file has full phones and the export of personal data is audited', async () => {
      const event = await publishActivity(app);
      await signUp(app, event.id, 'export-a', { phone: '13912345678' });
      const masked = await app.api.get(`${API}/events/${event.id}/signups?format=csv`, await organizer());
      expect(masked.text).toContain('139****5678');
      const full = await app.api.get(`${API}/events/${event.id}/signups?format=csv&unmask=1`, await organizer());
      expect(full.text).toContain('13912345678');
      const audits = await app.rows(AuditEntryEntity, { target: `event:${event.id}` });
      expect(audits.map((a) => [a.action, a.details])).toEqual(
        expect.arrayContaining([
          ['signups.export', expect.objectContaining({ format: 'csv', unmasked: false })],
          ['signups.unmask', expect.objectContaining({ format: 'csv', unmasked: true })],
        ]),
      );
    });
  });

  describe('forwarded check-in codes (转发给家人)', () => {
    /** A resident books themselves and their father; the father's booking is the one forwarded. */
    async function familyBooking(openid: string, overrides: Record<string, unknown> = {}) {
      const event = await publishActivity(app, overrides);
      expectStatus(await signUp(app, event.id, openid, { name: '陈晓', phone: '13800000011' }), 201);
      const father = await signUp(app, event.id, openid, { name: '陈建国', phone: '13800000022', forOther: true });
      expectStatus(father, 201);
      return { event, signupId: father.body.id as string };
    }
    async function share(openid: string, signupId: string) {
      return app.api.post(`${API}/me/signups/${signupId}/share`, undefined, await app.token(openid));
    }
    const openTicket = (token: string) => app.api.get(`${API}/tickets/${token}`);

    it('when a resident forwards a family member’s booking, the link opens without signing in and shows only that attendee’s code', async () => {
      const { event, signupId } = await familyBooking('fw-a');
      const shared = await share('fw-a', signupId);
      expectStatus(shared, 200);
      expect(shared.body.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(shared.body.expiresAt).toBe(event.endsAt);
      // Forwarding again sends the same link.
      expect((await share('fw-a', signupId)).body.token).toBe(shared.body.token);

      const ticket = await openTicket(shared.body.token);
      expectStatus(ticket, 200);
      expect(Object.keys(ticket.body).sort()).toEqual(['attendeeName', 'checkedInAt', 'code', 'event', 'expiresAt', 'partySize', 'shortCode', 'status']);
      expect(ticket.body).toMatchObject({
        event: { title: event.title, startsAt: event.startsAt, endsAt: event.endsAt, venue: { name: event.venue.name } },
        attendeeName: '陈*国',
        status: 'confirmed',
        partySize: 1,
        checkedInAt: null,
      });
      // The same code and digits the booker sees for that attendee, which the organizer's kit verifies.
      const own = await codeOf(app, 'fw-a', signupId);
      expect(ticket.body.shortCode).toBe(own.shortCode);
      const kit = (await app.api.get(`${API}/events/${event.id}/checkin-kit`, await organizer())).body;
      expect(verifiesWithKit(ticket.body.code, kit.publicKey)).toBe(true);
      expect(JSON.parse(Buffer.from(ticket.body.code.split('.')[0], 'base64url').toString('utf8'))).toMatchObject({ sid: signupId, eid: event.id });
      // Nothing of the booker, nobody else's booking, no phone, no full name.
      const text = JSON.stringify(ticket.body);
      for (const secret of ['13800000022', '13800000011', '陈晓', '陈建国', (await app.user('fw-a')).id]) expect(text).not.toContain(secret);

      // The organizer checks the forwarded digits in; the page then says so.
      expectStatus(await app.api.post(`${API}/events/${event.id}/checkins`, { code: ticket.body.shortCode }, await organizer()), 200);
      expect((await openTicket(shared.body.token)).body.checkedInAt).toEqual(expect.any(String));
    });

    it('when someone else asks to forward a booking that is not theirs, it answers 404 and makes no link', async () => {
      const { signupId } = await familyBooking('fw-owner');
      expectError(await share('fw-stranger', signupId), 404, 'NOT_FOUND');
      expect((await app.rows(SignupEntity, { id: signupId }))[0]!.shareToken).toBeNull();
    });

    it('when the booking is cancelled, the link answers 404 with a Chinese message, and booking again does not bring it back', async () => {
      const { event, signupId } = await familyBooking('fw-cancel');
      const { token } = (await share('fw-cancel', signupId)).body;
      expectStatus(await openTicket(token), 200);
      expectStatus(await app.api.del(`${API}/me/signups/${signupId}`, await app.token('fw-cancel')), 200);
      const gone = await openTicket(token);
      expectError(gone, 404, 'TICKET_NOT_FOUND');
      expect(gone.body.error.message).toContain('已失效');

      const again = await signUp(app, event.id, 'fw-cancel', { name: '陈建国', phone: '13800000022', forOther: true });
      expect(again.body.id).toBe(signupId);
      const fresh = (await share('fw-cancel', signupId)).body.token;
      expect(fresh).not.toBe(token);
      expectError(await openTicket(token), 404, 'TICKET_NOT_FOUND');
      expectStatus(await openTicket(fresh), 200);
    });

    it('when the event ends, the link expires and no new one is made; before that it still opens', async () => {
      const { event, signupId } = await familyBooking('fw-expiry');
      const { token, expiresAt } = (await share('fw-expiry', signupId)).body;
      app.server.clock.set(new Date(Date.parse(expiresAt) - 60_000).toISOString());
      expectStatus(await openTicket(token), 200);
      app.server.clock.set(event.endsAt);
      expectError(await openTicket(token), 404, 'TICKET_NOT_FOUND');
      expectError(await share('fw-expiry', signupId), 409, 'TICKET_UNAVAILABLE');
    });

    it('when the event is cancelled, the link answers 404', async () => {
      const { event, signupId } = await familyBooking('fw-event-cancelled');
      const { token } = (await share('fw-event-cancelled', signupId)).body;
      expectStatus(await app.api.post(`${API}/events/${event.id}/cancel`, { reason: '场地维修' }, await organizer()), 200);
      expectError(await openTicket(token), 404, 'TICKET_NOT_FOUND');
    });

    it('when the forwarded booking is waitlisted, the page has no code until a seat frees up', async () => {
      const event = await publishActivity(app, { capacity: 1 });
      expectStatus(await signUp(app, event.id, 'fw-seat'), 201);
      const waiting = await signUp(app, event.id, 'fw-wait', { name: '王秀英', forOther: true });
      expect(waiting.body.status).toBe('waitlisted');
      const { token } = (await share('fw-wait', waiting.body.id)).body;
      expect((await openTicket(token)).body).toMatchObject({ status: 'waitlisted', code: null, shortCode: null, attendeeName: '王*英' });
      expectStatus(await app.api.del(`${API}/events/${event.id}/signups/me`, await app.token('fw-seat')), 200);
      expect((await openTicket(token)).body).toMatchObject({ status: 'confirmed', shortCode: expect.stringMatching(/^\d{6}$/) });
    });

    it.each([
      ['too short', 'abc'],
      ['of the right shape but never made', 'A'.repeat(32)],
      ['with odd characters', encodeURIComponent('😀'.repeat(16))],
    ])('when the token is %s, it answers 404 TICKET_NOT_FOUND', async (_, token) => {
      expectError(await openTicket(token), 404, 'TICKET_NOT_FOUND');
    });

    it('when one client keeps trying tokens, it is rate-limited (429) like the other public doors', async () => {
      const limited = await startTestServer(app.server.config.database, { env: { RATE_LIMIT: 'on' } });
      try {
        const client = apiClient(limited.url);
        const statuses: number[] = [];
        for (let i = 0; i < 61; i++) statuses.push((await client.get(`${API}/tickets/${'B'.repeat(31)}${i % 10}`)).status);
        expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
        expect(statuses[60]).toBe(429);
      } finally {
        await limited.close();
      }
    });
  });
});
