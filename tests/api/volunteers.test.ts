// 科技志愿服务 end to end through the HTTP API: profiles, shifts, applications,
// approvals within slots, hours recorded once and rounded, the certificate,
// exports with masked phones, cancellation notices and erasure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { AuditEntryEntity } from '../../server/src/db/entities/audit-entry.entity';
import { NotificationEntity } from '../../server/src/db/entities/notification.entity';
import { ShiftApplicationEntity, VolunteerProfileEntity } from '../../server/src/db/entities/volunteer.entities';
import { engines } from './harness';
import { API, START, activityInput, badFields, expectError, expectStatus, organizerOrgId, publishActivity, signUp, useTestApp, type TestApp } from './fixtures';

const profile = (overrides: Record<string, unknown> = {}) => ({
  realName: '王晓红',
  phone: '13912345678',
  skills: ['科普讲解', '应急救护'],
  tags: ['会开车'],
  team: '唐山市科技志愿服务队',
  bio: '退休教师',
  ...overrides,
});

/** The event runs 2026-12-05 09:00–12:00; the clock starts 2026-11-25. */
const shiftInput = (overrides: Record<string, unknown> = {}) => ({
  role: '展厅讲解',
  startsAt: '2026-12-05T08:30:00+08:00',
  endsAt: '2026-12-05T12:00:00+08:00',
  slots: 2,
  skills: ['科普讲解'],
  ...overrides,
});

async function becomeVolunteer(app: TestApp, openid: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const token = await app.token(openid);
  expect([200, 201]).toContain((await app.api.put(`${API}/me/volunteer`, profile(overrides), token)).status);
  return token;
}

async function eventWithShift(app: TestApp, shift: Record<string, unknown> = {}, event: Record<string, unknown> = {}) {
  const published = await publishActivity(app, { title: '志愿者测试活动', ...event });
  const created = await app.api.post(`${API}/events/${published.id}/shifts`, shiftInput(shift), await app.token('demo-organizer'));
  expectStatus(created, 201);
  return { event: published, shift: created.body };
}

async function apply(app: TestApp, shiftId: string, openid: string) {
  return app.api.post(`${API}/shifts/${shiftId}/applications`, undefined, await becomeVolunteer(app, openid));
}

describe.each(engines)('volunteers on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  const organizer = () => app.token('demo-organizer');

  /** An event with a shift and `openid`'s application to it, approved by demo-organizer. */
  async function approved(openid: string, shift: Record<string, unknown> = {}) {
    const setup = await eventWithShift(app, shift);
    const application = (await apply(app, setup.shift.id, openid)).body;
    expectStatus(await app.api.post(`${API}/applications/${application.id}/decision`, { decision: 'approve' }, await organizer()), 200);
    return { ...setup, application };
  }

  describe('profiles', () => {
    it('when a resident completes the profile, they become a volunteer (201, then 200 on edits) and it is audited once', async () => {
      const token = await app.token('vol-new');
      expect((await app.api.get(`${API}/me`, token)).body.roles).not.toContain('volunteer');
      expectError(await app.api.get(`${API}/me/volunteer`, token), 404, 'NOT_FOUND');
      const created = await app.api.put(`${API}/me/volunteer`, profile(), token);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ realName: '王晓红', skills: ['科普讲解', '应急救护'], tags: ['会开车'], totalHours: 0, record: [] });
      expect((await app.api.get(`${API}/me`, token)).body.roles).toContain('volunteer');
      const edited = await app.api.put(`${API}/me/volunteer`, profile({ team: null, bio: '' }), token);
      expect(edited.status).toBe(200);
      expect(edited.body.team).toBeNull();
      const user = await app.user('vol-new');
      expect(await app.count(AuditEntryEntity, { action: 'volunteer.register', target: `user:${user.id}` })).toBe(1);
    });

    it('counts a skill or tag given twice once, and an empty team as none', async () => {
      const token = await app.token('vol-dupes');
      const saved = await app.api.put(`${API}/me/volunteer`, profile({ skills: ['科普讲解', '科普讲解'], tags: ['a', 'a'], team: '' }), token);
      expect(saved.body).toMatchObject({ skills: ['科普讲解'], tags: ['a'], team: null });
    });

    it('when the profile is incomplete or a skill is not on the list, it answers 400 naming the fields', async () => {
      const token = await app.token('vol-bad');
      expect(badFields(await app.api.put(`${API}/me/volunteer`, { realName: '王', phone: '123', skills: [] }, token)).sort()).toEqual([
        'phone',
        'realName',
        'skills',
      ]);
      expect(badFields(await app.api.put(`${API}/me/volunteer`, profile({ skills: ['算命'] }), token))).toEqual(['skills.0']);
      expect(await app.count(VolunteerProfileEntity, { userId: (await app.user('vol-bad')).id })).toBe(0);
    });
  });

  describe('shifts', () => {
    it('when the organizer adds a shift, it is listed on the event and among open shifts, filterable by skill and city', async () => {
      const { event, shift } = await eventWithShift(app, { role: '应急演示', skills: ['应急救护'] });
      expect(shift).toMatchObject({ eventId: event.id, role: '应急演示', slots: 2, approvedCount: 0, skills: ['应急救护'] });
      expect((await app.api.get(`${API}/events/${event.id}/shifts`)).body.items.map((s: any) => s.id)).toEqual([shift.id]);
      const bySkill = await app.api.get(`${API}/shifts?skill=${encodeURIComponent('应急救护')}&limit=100`);
      expect(bySkill.body.items.map((s: any) => s.id)).toContain(shift.id);
      expect(bySkill.body.items.every((s: any) => s.skills.includes('应急救护'))).toBe(true);
      expect((await app.api.get(`${API}/shifts?skill=${encodeURIComponent('手语')}`)).body.items.map((s: any) => s.id)).not.toContain(shift.id);
      expect((await app.api.get(`${API}/shifts?city=${encodeURIComponent('柳州市')}`)).body.items.map((s: any) => s.id)).not.toContain(shift.id);
    });

    it('when the date range of open shifts is reversed, it answers 400', async () => {
      expect(badFields(await app.api.get(`${API}/shifts?from=2026-12-01T00:00:00%2B08:00&to=2026-11-01`))).toEqual(['to']);
    });

    it('pages open shifts with a cursor, soonest first, no shift twice', async () => {
      const published = await publishActivity(app, { title: '分页岗位活动' });
      for (let i = 0; i < 5; i++) {
        expectStatus(
          await app.api.post(
            `${API}/events/${published.id}/shifts`,
            shiftInput({ role: `岗位${i}`, startsAt: `2026-12-05T0${i + 1}:00:00+08:00` }),
            await organizer(),
          ),
          201,
        );
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await app.api.get(`${API}/shifts?eventId=${published.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((s: any) => s.role));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['岗位0', '岗位1', '岗位2', '岗位3', '岗位4']);
    });

    it('when a shift lies far outside its event, or ends before it starts, it answers 400', async () => {
      const published = await publishActivity(app, { title: '岗位时间校验' });
      expect(
        badFields(await app.api.post(`${API}/events/${published.id}/shifts`, shiftInput({ startsAt: '2026-12-01T09:00:00+08:00' }), await organizer())),
      ).toEqual(['startsAt']);
      expect(
        badFields(await app.api.post(`${API}/events/${published.id}/shifts`, shiftInput({ endsAt: '2026-12-05T08:00:00+08:00' }), await organizer())),
      ).toEqual(['endsAt']);
    });

    it("when another organization's organizer adds a shift, it answers 403", async () => {
      const published = await publishActivity(app, { title: '他人活动' });
      const outsider = await app.api.login('vol-other-organizer');
      const orgs = (await app.api.get(`${API}/organizations?city=${encodeURIComponent('唐山市')}`)).body.items;
      const ownOrgId = await organizerOrgId(app);
      const otherOrg = orgs.find((o: any) => o.id !== ownOrgId);
      expectStatus(await app.api.post(`${API}/organizations/${otherOrg.id}/members`, { userId: outsider.user.id }, await app.token('demo-admin')), 201);
      expectError(await app.api.post(`${API}/events/${published.id}/shifts`, shiftInput(), outsider.token), 403, 'FORBIDDEN');
    });
  });

  describe('applications', () => {
    it('when someone without a volunteer profile applies, it answers 403 and asks for the profile', async () => {
      const { shift } = await eventWithShift(app);
      expectError(
        await app.api.post(`${API}/shifts/${shift.id}/applications`, undefined, await app.token('vol-no-profile')),
        403,
        'VOLUNTEER_PROFILE_REQUIRED',
      );
    });

    it('when a volunteer applies twice, the second call returns the same application with 200', async () => {
      const { shift } = await eventWithShift(app);
      const first = await apply(app, shift.id, 'vol-twice');
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ status: 'applied', shiftId: shift.id, hours: null });
      const again = await apply(app, shift.id, 'vol-twice');
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
    });

    it('approves up to the slots, then answers 409 SHIFT_FULL; the volunteer sees decisions, reasons and notifications', async () => {
      const { shift } = await eventWithShift(app, { slots: 2 });
      const applications = [];
      for (const who of ['vol-a', 'vol-b', 'vol-c', 'vol-d']) applications.push((await apply(app, shift.id, who)).body);
      const decide = async (id: string, body: unknown) => app.api.post(`${API}/applications/${id}/decision`, body, await organizer());
      expect((await decide(applications[0].id, { decision: 'approve' })).body.status).toBe('approved');
      expect((await decide(applications[1].id, { decision: 'approve' })).body.status).toBe('approved');
      expectError(await decide(applications[2].id, { decision: 'approve' }), 409, 'SHIFT_FULL');
      const rejected = await decide(applications[3].id, { decision: 'reject', reason: '本岗位需要应急救护证书' });
      expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: '本岗位需要应急救护证书' });
      // A repeat of the same decision is a no-op; changing a decided one is a conflict.
      expect((await decide(applications[0].id, { decision: 'approve' })).status).toBe(200);
      expectError(await decide(applications[3].id, { decision: 'approve' }), 409, 'APPLICATION_STATE_CONFLICT');

      expect((await app.api.get(`${API}/events/${shift.eventId}/shifts`)).body.items[0]).toMatchObject({ slots: 2, approvedCount: 2 });
      const open = await app.api.get(`${API}/shifts?eventId=${shift.eventId}`);
      expect(open.body.items).toEqual([]); // a full shift is not open any more
      const mine = await app.api.get(`${API}/me/applications`, await app.token('vol-d'));
      expect(mine.body.items[0]).toMatchObject({ status: 'rejected', decisionReason: '本岗位需要应急救护证书', shift: { role: '展厅讲解' } });
      const volA = await app.user('vol-a');
      expect(await app.count(NotificationEntity, { userId: volA.id, kind: 'application.approved' })).toBe(1);
      expect(await app.count(AuditEntryEntity, { action: 'application.approve', target: `application:${applications[0].id}` })).toBe(1);
    });

    it('when an approved volunteer withdraws, the slot frees up for the next one, and they may apply again', async () => {
      const { shift } = await eventWithShift(app, { slots: 1 });
      const first = (await apply(app, shift.id, 'vol-withdraw')).body;
      const second = (await apply(app, shift.id, 'vol-waiting')).body;
      expectStatus(await app.api.post(`${API}/applications/${first.id}/decision`, { decision: 'approve' }, await organizer()), 200);
      expectError(await app.api.post(`${API}/applications/${second.id}/decision`, { decision: 'approve' }, await organizer()), 409, 'SHIFT_FULL');
      expectError(await app.api.post(`${API}/applications/${first.id}/withdraw`, undefined, await app.token('vol-waiting')), 404, 'NOT_FOUND');
      expect((await app.api.post(`${API}/applications/${first.id}/withdraw`, undefined, await app.token('vol-withdraw'))).body.status).toBe('withdrawn');
      expect((await app.api.post(`${API}/applications/${second.id}/decision`, { decision: 'approve' }, await organizer())).body.status).toBe('approved');
      const again = await apply(app, shift.id, 'vol-withdraw');
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ id: first.id, status: 'applied' });
    });

    it('an organizer who volunteers on their own event cannot approve or certify themselves', async () => {
      const { shift } = await eventWithShift(app);
      const own = (await apply(app, shift.id, 'demo-organizer')).body;
      expectError(await app.api.post(`${API}/applications/${own.id}/decision`, { decision: 'approve' }, await organizer()), 403, 'FORBIDDEN');
      expect((await app.api.post(`${API}/applications/${own.id}/decision`, { decision: 'approve' }, await app.token('demo-admin'))).body.status).toBe(
        'approved',
      );
    });

    it('when the shift has started, applying answers 409 SHIFT_CLOSED', async () => {
      const { shift } = await eventWithShift(app);
      app.server.clock.set('2026-12-05T08:31:00+08:00');
      expectError(await apply(app, shift.id, 'vol-late'), 409, 'SHIFT_CLOSED');
    });
  });

  describe('hours', () => {
    it('records hours once, after the shift starts, rounded down to half hours; the profile sums them', async () => {
      const { application } = await approved('vol-hours');
      const complete = (body: unknown) => organizer().then((t) => app.api.post(`${API}/applications/${application.id}/complete`, body, t));
      expectError(await complete({ hours: 3 }), 409, 'SHIFT_NOT_STARTED');
      app.server.clock.set('2026-12-05T12:30:00+08:00');
      const done = await complete({ hours: 2.7 });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ status: 'completed', hours: 2.5 });
      expectError(await complete({ hours: 3 }), 409, 'HOURS_ALREADY_RECORDED');
      const me = (await app.api.get(`${API}/me/volunteer`, await app.token('vol-hours'))).body;
      expect(me.totalHours).toBe(2.5);
      expect(me.record).toEqual([
        expect.objectContaining({ hours: 2.5, role: '展厅讲解', organization: expect.objectContaining({ name: expect.stringContaining('科协') }) }),
      ]);
      expect(await app.count(AuditEntryEntity, { action: 'application.complete', target: `application:${application.id}` })).toBe(1);
    });

    it('works hours out from check-in and check-out times, and refuses a check-out in the future', async () => {
      const { application } = await approved('vol-times');
      app.server.clock.set('2026-12-05T12:30:00+08:00');
      const complete = (body: unknown) => organizer().then((t) => app.api.post(`${API}/applications/${application.id}/complete`, body, t));
      expect(badFields(await complete({ checkedInAt: '2026-12-05T08:40:00+08:00', checkedOutAt: '2026-12-05T13:00:00+08:00' }))).toEqual(['checkedOutAt']);
      expect(badFields(await complete({ checkedInAt: '2026-12-05T08:40:00+08:00', checkedOutAt: '2026-12-05T08:50:00+08:00' }))).toEqual(['hours']);
      const done = await complete({ checkedInAt: '2026-12-05T08:40:00+08:00', checkedOutAt: '2026-12-05T12:05:00+08:00' });
      expect(done.body).toMatchObject({ status: 'completed', hours: 3 });
    });

    it('when hours or times do not fit the shift (give or take four hours), it answers 400', async () => {
      const { application } = await approved('vol-window');
      app.server.clock.set('2026-12-06T12:30:00+08:00');
      const complete = (body: unknown) => organizer().then((t) => app.api.post(`${API}/applications/${application.id}/complete`, body, t));
      // The shift runs 08:30–12:00 (3.5 h): at most 11.5 h with both margins.
      expect(badFields(await complete({ hours: 12 }))).toEqual(['hours']);
      expect(badFields(await complete({ checkedInAt: '2026-12-05T04:00:00+08:00', checkedOutAt: '2026-12-05T12:00:00+08:00' }))).toEqual(['checkedInAt']);
      // A year MariaDB cannot even store is refused by the payload's date range already.
      expect(badFields(await complete({ checkedInAt: '0001-01-01T09:00:00+08:00', checkedOutAt: '2026-12-05T12:00:00+08:00' }))).toContain('checkedInAt');
      expect(badFields(await complete({ checkedInAt: '2026-12-05T08:30:00+08:00', checkedOutAt: '2026-12-05T16:30:00+08:00' }))).toEqual(['checkedOutAt']);
      expect((await complete({ checkedInAt: '2026-12-05T05:00:00+08:00', checkedOutAt: '2026-12-05T15:30:00+08:00' })).body.hours).toBe(10.5);
    });

    it('when hours are not a positive number up to 24, or both forms are mixed, it answers 400', async () => {
      const { application } = await approved('vol-bad-hours');
      app.server.clock.set('2026-12-05T12:30:00+08:00');
      for (const body of [{ hours: 0 }, { hours: -1 }, { hours: 25 }, { hours: '3' }, {}, { hours: 2, checkedInAt: '2026-12-05T08:40:00+08:00' }]) {
        expectError(await app.api.post(`${API}/applications/${application.id}/complete`, body, await organizer()), 400, 'VALIDATION_FAILED');
      }
      expect((await app.rows(ShiftApplicationEntity, { id: application.id }))[0]!.status).toBe('approved');
    });

    it('prints the record as a PDF certificate with the name, hours, event and organization', async () => {
      const { application, event } = await approved('vol-pdf');
      app.server.clock.set('2026-12-05T12:30:00+08:00');
      expectStatus(await app.api.post(`${API}/applications/${application.id}/complete`, { hours: 3.5 }, await organizer()), 200);
      const res = await fetch(`${app.server.url}${API}/me/volunteer/certificate.pdf`, { headers: { authorization: `Bearer ${await app.token('vol-pdf')}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const pdf = Buffer.from(await res.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const file = join(mkdtempSync(join(tmpdir(), 'kepu-cert-')), 'cert.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('志愿服务记录证明');
      expect(text).toContain('王晓红');
      expect(text).toContain('累计服务时长：3.5 小时');
      expect(text).toContain(event.title);
      expect(text).toContain('科协');
      // Dates as people write them, never ISO.
      expect(text).toContain('出具日期：2026年12月5日');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      // Without PUBLIC_BASE_URL the QR code's address is the server the PDF came from.
      expect(text.replace(/\s+/g, '')).toContain(
        `${app.server.url}/#/packages/volunteer/pages/certificate/index?serial=${res.headers.get('x-certificate-serial')}`,
      );
    });

    it('when the record has not changed, the same certificate bytes come back without a new render; a new service renders a new one', async () => {
      const rendered = async () => Number(/^kepu_certificates_rendered_total (\d+)$/m.exec((await app.api.get('/metrics')).text)?.[1]);
      const download = async () => {
        const res = await fetch(`${app.server.url}${API}/me/volunteer/certificate.pdf`, {
          headers: { authorization: `Bearer ${await app.token('vol-cache')}` },
        });
        expect(res.status).toBe(200);
        return Buffer.from(await res.arrayBuffer());
      };
      const first = await approved('vol-cache');
      app.server.clock.set('2026-12-05T12:30:00+08:00');
      expectStatus(await app.api.post(`${API}/applications/${first.application.id}/complete`, { hours: 2 }, await organizer()), 200);
      const before = await rendered();
      const one = await download();
      const two = await download();
      expect(two.equals(one)).toBe(true);
      expect(await rendered()).toBe(before + 1);

      app.server.clock.set(START);
      const second = await approved('vol-cache');
      app.server.clock.set('2026-12-05T12:30:00+08:00');
      expectStatus(await app.api.post(`${API}/applications/${second.application.id}/complete`, { hours: 1 }, await organizer()), 200);
      const three = await download();
      expect(three.equals(one)).toBe(false);
      expect(await rendered()).toBe(before + 2);
    });

    it('counts certified hours in the plan progress of the task the event serves', async () => {
      const plans = (await app.api.get(`${API}/plans`)).body.items;
      const tangshan = plans.find((p: any) => p.city === '唐山市');
      const { application, event } = await approved('vol-progress');
      expectStatus(await app.api.patch(`${API}/events/${event.id}`, { planTasks: [{ planId: tangshan.id, number: 1 }] }, await organizer()), 200);
      const before = (await app.api.get(`${API}/plans/${tangshan.id}/progress?year=2026`)).body.tasks.find((t: any) => t.number === 1).volunteerHours;
      app.server.clock.set('2026-12-05T12:30:00+08:00');
      expectStatus(await app.api.post(`${API}/applications/${application.id}/complete`, { hours: 2 }, await organizer()), 200);
      const progress = (await app.api.get(`${API}/plans/${tangshan.id}/progress?year=2026`)).body;
      expect(progress.tasks.find((t: any) => t.number === 1).volunteerHours).toBe(before + 2);
    });
  });

  describe('exports and audit', () => {
    it("masks volunteers' phones by default; unmasking and each export are audited; CSV and XLSX carry the same rows", async () => {
      const { event, shift } = await eventWithShift(app);
      await apply(app, shift.id, 'vol-export');
      const masked = await app.api.get(`${API}/events/${event.id}/volunteers`, await organizer());
      expect(masked.body.items[0].volunteer).toMatchObject({ realName: '王晓红', phone: '139****5678' });
      const before = await app.count(AuditEntryEntity, { target: `event:${event.id}` });
      const unmasked = await app.api.get(`${API}/events/${event.id}/volunteers?unmask=1`, await organizer());
      expect(unmasked.body.items[0].volunteer.phone).toBe('13912345678');
      const csv = await app.api.get(`${API}/events/${event.id}/volunteers?format=csv`, await organizer());
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(csv.text).toContain('139****5678');
      expect(csv.text).toContain('展厅讲解');
      const xlsx = await fetch(`${app.server.url}${API}/events/${event.id}/volunteers?format=xlsx`, {
        headers: { authorization: `Bearer ${await organizer()}` },
      });
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['姓名', '手机号', '岗位']));
      expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['王晓红', '139****5678', '展厅讲解']));
      expect(await app.count(AuditEntryEntity, { target: `event:${event.id}` })).toBe(before + 3);
      expect(await app.count(AuditEntryEntity, { action: 'volunteers.unmask', target: `event:${event.id}` })).toBe(1);
    });

    it('exports sign-ups as XLSX too, with formula-like names neutralised', async () => {
      const published = await publishActivity(app, { title: '报名导出活动' });
      expectStatus(await signUp(app, published.id, 'xlsx-signup', { name: '=1+2' }), 201);
      const res = await fetch(`${app.server.url}${API}/events/${published.id}/signups?format=xlsx`, {
        headers: { authorization: `Bearer ${await organizer()}` },
      });
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const row = workbook.worksheets[0]!.getRow(2);
      expect(row.getCell(1).value).toBe("'=1+2");
      expect(row.getCell(2).value).toBe('138****5678');
      // 报名时间 is a date cell a spreadsheet can sort, showing China time.
      expect(row.getCell(7).value).toBeInstanceOf(Date);
      expect(row.getCell(7).numFmt).toBe('yyyy"年"m"月"d"日" hh:mm');
    });

    it('lets admins read the audit log newest first with the actor, page by page; nobody else', async () => {
      const admin = await app.token('demo-admin');
      expectError(await app.api.get(`${API}/audit`, await organizer()), 403, 'FORBIDDEN');
      const first = await app.api.get(`${API}/audit?limit=3`, admin);
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(3);
      const times = first.body.items.map((i: any) => Date.parse(i.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      const second = await app.api.get(`${API}/audit?limit=3&cursor=${first.body.nextCursor}`, admin);
      const ids = [...first.body.items, ...second.body.items].map((i: any) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      const unmasks = await app.api.get(`${API}/audit?action=volunteers.unmask`, admin);
      expect(unmasks.body.items.length).toBeGreaterThan(0);
      expect(unmasks.body.items[0]).toMatchObject({ action: 'volunteers.unmask', actor: { nickname: '演示组织者' } });
      expect(badFields(await app.api.get(`${API}/audit?action=DROP%20TABLE`, admin))).toEqual(['action']);
    });
  });

  describe('cancellation and erasure', () => {
    it('when an event is cancelled, every sign-up and volunteer is told once, and open applications end', async () => {
      const { event, shift } = await eventWithShift(app);
      const both = (await apply(app, shift.id, 'vol-and-attendee')).body;
      expectStatus(await signUp(app, event.id, 'vol-and-attendee'), 201);
      const onlyVolunteer = (await apply(app, shift.id, 'vol-only')).body;
      expectStatus(await app.api.post(`${API}/applications/${onlyVolunteer.id}/decision`, { decision: 'approve' }, await organizer()), 200);
      expectStatus(await signUp(app, event.id, 'attendee-only'), 201);
      expectStatus(await app.api.post(`${API}/events/${event.id}/cancel`, { reason: '暴雨预警' }, await organizer()), 200);
      const notices = (await app.rows(NotificationEntity, { kind: 'event.cancelled' })).filter((n) => n.payload.eventId === event.id);
      const ids = await Promise.all(['vol-and-attendee', 'vol-only', 'attendee-only'].map(async (o) => (await app.user(o)).id));
      expect(notices.map((n) => n.userId).sort()).toEqual(ids.sort());
      const rows = await app.rows(ShiftApplicationEntity, { shiftId: shift.id });
      expect(rows.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
      expect(rows.find((r) => r.id === both.id)).toBeTruthy();
    });

    it('when a published event moves in time or place, everyone coming is told once; a new description tells nobody', async () => {
      const { event, shift } = await eventWithShift(app);
      await apply(app, shift.id, 'vol-moved');
      expectStatus(await signUp(app, event.id, 'vol-moved'), 201);
      expectStatus(await signUp(app, event.id, 'attendee-moved'), 201);
      const changed = async () => (await app.rows(NotificationEntity, { kind: 'event.changed' })).filter((n) => n.payload.eventId === event.id);
      // The organization is not trusted: each change applies when a reviewer approves it.
      const editAndApprove = async (changes: Record<string, unknown>) => {
        expectStatus(await app.api.patch(`${API}/events/${event.id}`, changes, await organizer()), 200);
        expectStatus(await app.api.post(`${API}/events/${event.id}/review`, { decision: 'approve' }, await app.token('demo-reviewer')), 200);
      };
      await editAndApprove({ description: '补充：请带身份证' });
      expect(await changed()).toEqual([]);
      await editAndApprove({ startsAt: '2026-12-05T09:30:00+08:00' });
      const notices = await changed();
      const ids = await Promise.all(['vol-moved', 'attendee-moved'].map(async (o) => (await app.user(o)).id));
      expect(notices.map((n) => n.userId).sort()).toEqual(ids.sort());
      expect(notices[0]!.payload).toMatchObject({ changed: ['time'], startsAt: '2026-12-05T09:30:00+08:00' });
    });

    it('when an event has ended, it cannot be cancelled, so hours still to record are not lost', async () => {
      const { event, application } = await approved('vol-ended');
      app.server.clock.set('2026-12-05T13:00:00+08:00');
      expectError(await app.api.post(`${API}/events/${event.id}/cancel`, { reason: '事后取消' }, await organizer()), 409, 'EVENT_STATE_CONFLICT');
      expect((await app.api.post(`${API}/applications/${application.id}/complete`, { hours: 3 }, await organizer())).body.status).toBe('completed');
    });

    it('when a volunteer erases their account after their shift started, the organizer can still certify the hours, without a name', async () => {
      const { shift } = await eventWithShift(app, { slots: 1 });
      const mine = (await apply(app, shift.id, 'vol-erase-late')).body;
      expectStatus(await app.api.post(`${API}/applications/${mine.id}/decision`, { decision: 'approve' }, await organizer()), 200);
      app.server.clock.set('2026-12-05T12:30:00+08:00');
      const user = await app.user('vol-erase-late');
      expectStatus(await app.api.del(`${API}/me`, await app.token('vol-erase-late')), 200);
      expect((await app.api.get(`${API}/events/${shift.eventId}/shifts`)).body.items[0].approvedCount).toBe(1);
      expect((await app.api.post(`${API}/applications/${mine.id}/complete`, { hours: 3 }, await organizer())).body).toMatchObject({
        status: 'completed',
        hours: 3,
      });
      const list = await app.api.get(`${API}/events/${shift.eventId}/volunteers`, await organizer());
      expect(list.body.items[0]).toMatchObject({ status: 'completed', volunteer: { realName: '已注销', phone: '' } });
      const erasure = (await app.rows(AuditEntryEntity, { action: 'user.erase', target: `user:${user.id}` }))[0]!;
      expect(erasure.details).toMatchObject({ volunteerProfile: true });
    });

    it('when a volunteer erases their account, the profile goes, their approved slot frees up, certified hours stay anonymous', async () => {
      const { shift } = await eventWithShift(app, { slots: 1 });
      const mine = (await apply(app, shift.id, 'vol-erase')).body;
      expectStatus(await app.api.post(`${API}/applications/${mine.id}/decision`, { decision: 'approve' }, await organizer()), 200);
      const user = await app.user('vol-erase');
      expectStatus(await app.api.del(`${API}/me`, await app.token('vol-erase')), 200);
      expect(await app.count(VolunteerProfileEntity, { userId: user.id })).toBe(0);
      expect((await app.api.get(`${API}/events/${shift.eventId}/shifts`)).body.items[0].approvedCount).toBe(0);
      const list = await app.api.get(`${API}/events/${shift.eventId}/volunteers`, await organizer());
      expect(list.body.items[0]).toMatchObject({ status: 'withdrawn', volunteer: { realName: '已注销', phone: '' } });
    });
  });

  describe('recurring series', () => {
    it('creates every Saturday as its own draft with its own seats, and submits the series at once', async () => {
      const body = {
        ...activityInput(await organizerOrgId(app), {
          title: '银龄智能手机课堂',
          capacity: 20,
          startsAt: '2026-12-05T09:00:00+08:00',
          endsAt: '2026-12-05T10:30:00+08:00',
        }),
        signupClosesAt: '2026-12-04T20:00:00+08:00',
        recurrence: { frequency: 'weekly', until: '2026-12-26' },
      };
      const created = await app.api.post(`${API}/events/series`, body, await organizer());
      expect(created.status).toBe(201);
      expect(created.body.items.map((e: any) => e.startsAt)).toEqual([
        '2026-12-05T09:00:00+08:00',
        '2026-12-12T09:00:00+08:00',
        '2026-12-19T09:00:00+08:00',
        '2026-12-26T09:00:00+08:00',
      ]);
      expect(created.body.items.map((e: any) => e.signupClosesAt)).toEqual([
        '2026-12-04T20:00:00+08:00',
        '2026-12-11T20:00:00+08:00',
        '2026-12-18T20:00:00+08:00',
        '2026-12-25T20:00:00+08:00',
      ]);
      expect(new Set(created.body.items.map((e: any) => e.seriesId))).toEqual(new Set([created.body.seriesId]));
      expect(created.body.items.every((e: any) => e.status === 'draft' && e.capacity === 20 && e.confirmedCount === 0)).toBe(true);
      const submitted = await app.api.post(`${API}/series/${created.body.seriesId}/submit`, undefined, await organizer());
      expect(submitted.body.items.map((e: any) => e.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
      const listed = await app.api.get(`${API}/events?status=pending&seriesId=${created.body.seriesId}`, await app.token('demo-reviewer'));
      expect(listed.body.items).toHaveLength(4);
    });

    it('when the rule yields a single occurrence or no end, it answers 400', async () => {
      const base = activityInput(await organizerOrgId(app));
      expect(
        badFields(await app.api.post(`${API}/events/series`, { ...base, recurrence: { frequency: 'weekly', until: '2026-12-06' } }, await organizer())),
      ).toEqual(['recurrence']);
      expect(badFields(await app.api.post(`${API}/events/series`, { ...base, recurrence: { frequency: 'weekly' } }, await organizer()))).toEqual([
        'recurrence.until',
      ]);
    });
  });

  describe('organizations and roles', () => {
    it('when an admin marks an organization trusted, its submissions publish without review; both are audited', async () => {
      const admin = await app.token('demo-admin');
      const created = await app.api.post(`${API}/organizations`, { name: '唐山市第一中学', city: '唐山市' }, admin);
      expect(created.status).toBe(201);
      expect((await app.api.post(`${API}/organizations`, { name: '唐山市第一中学', city: '唐山市' }, admin)).status).toBe(200);
      const teacher = await app.api.login('trusted-teacher');
      expectStatus(await app.api.post(`${API}/organizations/${created.body.id}/members`, { userId: teacher.user.id }, admin), 201);
      const draft = (await app.api.post(`${API}/events`, activityInput(created.body.id), teacher.token)).body;
      expect((await app.api.post(`${API}/events/${draft.id}/submit`, undefined, teacher.token)).body.status).toBe('pending');
      expect((await app.api.patch(`${API}/organizations/${created.body.id}`, { trusted: true }, admin)).body.trusted).toBe(true);
      const second = (await app.api.post(`${API}/events`, activityInput(created.body.id, { title: '可信单位的活动' }), teacher.token)).body;
      const published = await app.api.post(`${API}/events/${second.id}/submit`, undefined, teacher.token);
      expect(published.body.status).toBe('published');
      expect((await app.api.get(`${API}/events/${second.id}`)).status).toBe(200);
      for (const action of ['organization.create', 'organization.trust', 'membership.add']) {
        expect(await app.count(AuditEntryEntity, { action, target: `organization:${created.body.id}` })).toBe(1);
      }
    });

    it('when an admin grants and withdraws roles, the user gains and loses them, audited; the last admin cannot be demoted', async () => {
      const admin = await app.token('demo-admin');
      const someone = await app.api.login('role-change');
      expect((await app.api.patch(`${API}/users/${someone.user.id}/roles`, { reviewer: true }, admin)).body.roles).toContain('reviewer');
      expect((await app.api.get(`${API}/me`, someone.token)).body.roles).toContain('reviewer');
      expect((await app.api.patch(`${API}/users/${someone.user.id}/roles`, { reviewer: false }, admin)).body.roles).not.toContain('reviewer');
      expect(await app.count(AuditEntryEntity, { action: 'user.roles', target: `user:${someone.user.id}` })).toBe(2);
      const self = await app.user('demo-admin');
      expectError(await app.api.patch(`${API}/users/${self.id}/roles`, { admin: false }, admin), 409, 'LAST_ADMIN');
      const found = await app.api.get(`${API}/users?q=${encodeURIComponent('用户')}`, admin);
      expect(found.status).toBe(200);
      expect(found.body.items.every((u: any) => !('phone' in u))).toBe(true);
    });

    it('when an admin removes a member, they can no longer act for the organization', async () => {
      const admin = await app.token('demo-admin');
      const orgId = await organizerOrgId(app);
      const member = await app.api.login('removed-member');
      expectStatus(await app.api.post(`${API}/organizations/${orgId}/members`, { userId: member.user.id }, admin), 201);
      expect((await app.api.post(`${API}/events`, activityInput(orgId), member.token)).status).toBe(201);
      expectStatus(await app.api.del(`${API}/organizations/${orgId}/members/${member.user.id}`, admin), 200);
      expectError(await app.api.post(`${API}/events`, activityInput(orgId), member.token), 403, 'FORBIDDEN');
      expectError(await app.api.del(`${API}/organizations/${orgId}/members/${member.user.id}`, admin), 404, 'NOT_FOUND');
    });
  });
});

describe('hours rounding is configurable (HOURS_ROUNDING)', () => {
  const app = useTestApp('sqlite', { seed: true, env: { HOURS_ROUNDING: 'up:60' } });

  it('when the rule is up:60, 2.1 hours are recorded as 3', async () => {
    const { shift } = await eventWithShift(app);
    const application = (await apply(app, shift.id, 'vol-rounding')).body;
    expectStatus(await app.api.post(`${API}/applications/${application.id}/decision`, { decision: 'approve' }, await app.token('demo-organizer')), 200);
    app.server.clock.set('2026-12-05T12:30:00+08:00');
    const done = await app.api.post(`${API}/applications/${application.id}/complete`, { hours: 2.1 }, await app.token('demo-organizer'));
    expect(done.body.hours).toBe(3);
  });
});
