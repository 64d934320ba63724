// Volunteers, issue 15: open shifts of the volunteer's city ranked by their skills (with the reason),
// plan tasks that call for 科技志愿服务 (read off a plan written here) and the organizer's prompt to
// add shifts, and certificates: refused without certified hours, one stable serial, a public check.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEntity } from '../../server/src/db/entities/event.entity';
import { VolunteerCertificateEntity } from '../../server/src/db/entities/volunteer.entities';
import { engines } from './harness';
import { API, expectError, expectStatus, publishActivity, useTestApp, activityInput, type TestApp } from './fixtures';

const BASE = 'https://kepu.example.cn';

const profile = (overrides: Record<string, unknown> = {}) => ({
  realName: '王晓红',
  phone: '13912345678',
  skills: ['科普讲解'],
  team: null,
  ...overrides,
});

/** The event runs 2026-12-05 09:00–12:00; the clock starts 2026-11-25. */
const shiftInput = (overrides: Record<string, unknown> = {}) => ({
  role: '现场协助',
  startsAt: '2026-12-05T08:30:00+08:00',
  endsAt: '2026-12-05T12:00:00+08:00',
  slots: 3,
  skills: [],
  ...overrides,
});

async function eventWithShift(app: TestApp, title: string, shift: Record<string, unknown>) {
  const event = await publishActivity(app, { title });
  const created = await app.api.post(`${API}/events/${event.id}/shifts`, shiftInput(shift), await app.token('demo-organizer'));
  expectStatus(created, 201);
  return { event, shift: created.body };
}

/** 秦皇岛 2026, written here: task 2 calls for volunteers, tasks 1 and 3 do not. */
const plan = `2026年秦皇岛市全民科学素质行动工作要点

为深入实施《全民科学素质行动规划纲要（2021—2035年）》，做好2026年全市全民科学素质工作，制定本工作要点。

一、提升重点人群科学素质
1.开展青少年科技创新活动。组织青少年科技创新大赛和校园科技节。（市科协牵头，市教育局配合）
2.深化应急科普进社区。组织科技志愿者深入社区开展应急避险和急救知识宣讲。（市科协牵头，市应急管理局配合）
3.开展高考志愿填报科普咨询。为考生介绍理工科专业。（市教育局）
`;

describe.each(engines)('volunteer needs, matching and certificates on %s', (engine) => {
  const app = useTestApp(engine, { seed: true, env: { PUBLIC_BASE_URL: `${BASE}/` } });

  describe('open shifts for a volunteer', () => {
    it('a volunteer of 唐山市 sees only 唐山 shifts; another city is one switch away; anonymous callers see every city', async () => {
      const here = await eventWithShift(app, '唐山岗位活动', { role: '入口引导' });
      const there = await eventWithShift(app, '柳州岗位活动', { role: '入口引导' });
      // The event moves city in the database: the test is about the list, not about who may publish where.
      await app.server.dataSource.getRepository(EventEntity).update({ id: there.event.id }, { city: '柳州市' });
      const token = await app.token('vol-city');
      expectStatus(await app.api.put(`${API}/me/volunteer`, profile({ city: '唐山市' }), token), 201);
      expect((await app.api.get(`${API}/me/volunteer`, token)).body.city).toBe('唐山市');

      const mine = (await app.api.get(`${API}/shifts?limit=100`, token)).body.items as any[];
      expect(mine.map((s) => s.id)).toContain(here.shift.id);
      expect(mine.map((s) => s.id)).not.toContain(there.shift.id);
      expect(mine.every((s) => s.event.city === '唐山市')).toBe(true);
      const switched = (await app.api.get(`${API}/shifts?limit=100&city=${encodeURIComponent('柳州市')}`, token)).body.items as any[];
      expect(switched.map((s) => s.id)).toEqual([there.shift.id]);
      expect(switched[0].event).toMatchObject({ city: '柳州市', venue: { name: '唐山科技馆' } });
      // Asked for by its event, a shift of another city is listed.
      expect((await app.api.get(`${API}/shifts?eventId=${there.event.id}`, token)).body.items.map((s: any) => s.id)).toEqual([there.shift.id]);
      const anonymous = (await app.api.get(`${API}/shifts?limit=100`)).body.items.map((s: any) => s.id);
      expect(anonymous).toEqual(expect.arrayContaining([here.shift.id, there.shift.id]));
    });

    it('sort=match puts the shifts that suit the volunteer skills first and says why; by time otherwise', async () => {
      const early = await eventWithShift(app, '手语岗位活动', { role: '无障碍服务', skills: ['手语'], startsAt: '2026-12-05T08:00:00+08:00' });
      const late = await eventWithShift(app, '讲解岗位活动', { role: '展厅讲解', skills: ['科普讲解'], startsAt: '2026-12-05T10:00:00+08:00' });
      const token = await app.token('vol-match');
      expectStatus(await app.api.put(`${API}/me/volunteer`, profile({ skills: ['科普讲解'], city: '唐山市' }), token), 201);
      const ids = (items: any[]) => items.map((s) => s.id).filter((id) => id === early.shift.id || id === late.shift.id);

      const byTime = (await app.api.get(`${API}/shifts?limit=100`, token)).body.items;
      expect(ids(byTime)).toEqual([early.shift.id, late.shift.id]);
      expect(byTime[0].match).toBeUndefined();

      const ranked = (await app.api.get(`${API}/shifts?limit=100&sort=match`, token)).body.items as any[];
      expect(ids(ranked)).toEqual([late.shift.id, early.shift.id]);
      const suited = ranked.find((s) => s.id === late.shift.id);
      expect(suited.match).toEqual({ score: 2, skills: ['科普讲解'], reason: '与你的技能相符（科普讲解）' });
      expect(ranked.find((s) => s.id === early.shift.id).match).toEqual({ score: 0, skills: [], reason: null });
      // Ranked pages follow each other without repeats.
      const first = await app.api.get(`${API}/shifts?limit=1&sort=match`, token);
      const second = await app.api.get(`${API}/shifts?limit=1&sort=match&cursor=${first.body.nextCursor}`, token);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
      expect(first.body.items[0].id).toBe(ranked[0].id);
    });
  });

  describe('plan tasks that call for volunteers', () => {
    it('the plan marks the task that calls for 科技志愿服务, and its lead unit is prompted to add shifts to its events', async () => {
      const admin = await app.token('demo-admin');
      const imported = await app.api.post(`${API}/plans/import`, { text: plan }, admin);
      expectStatus(imported, 201);
      const planId = imported.body.plan.id as string;
      const view = (await app.api.get(`${API}/plans/${planId}`)).body;
      expect(view.tasks.map((t: any) => [t.number, t.volunteerNeed])).toEqual([
        [1, false],
        [2, true],
        [3, false],
      ]);

      const orgs = (await app.api.get(`${API}/organizations?city=${encodeURIComponent('秦皇岛市')}`)).body.items as { id: string; name: string }[];
      const kx = orgs.find((o) => o.name === '市科协')!;
      expectStatus(await app.api.post(`${API}/organizations/${kx.id}/members`, { userId: (await app.user('need-kx')).id }, admin), 201);
      // The membership is read at sign-in: a fresh session.
      const organizer = (await app.api.login('need-kx')).token;

      const led = (await app.api.get(`${API}/me/volunteer-needs`, organizer)).body.items;
      expect(led).toEqual([{ planId, planTitle: view.title, taskNumber: 2, taskOrdinal: 2, taskTitle: view.tasks[1].title, events: [] }]);

      const created = await app.api.post(
        `${API}/events`,
        activityInput(kx.id, {
          title: '应急科普进社区',
          city: '秦皇岛市',
          district: '海港区',
          venue: { name: '秦皇岛市科技馆', address: '海港区河北大街', lat: 39.94, lng: 119.6 },
          planTasks: [
            { planId, number: 1 },
            { planId, number: 2 },
          ],
        }),
        organizer,
      );
      expectStatus(created, 201);
      const withEvent = (await app.api.get(`${API}/me/volunteer-needs`, organizer)).body.items;
      expect(withEvent).toHaveLength(1);
      expect(withEvent[0].events).toEqual([{ id: created.body.id, title: '应急科普进社区', startsAt: '2026-12-05T09:00:00+08:00', shiftCount: 0 }]);
      expectStatus(await app.api.post(`${API}/events/${created.body.id}/shifts`, shiftInput(), organizer), 201);
      expect((await app.api.get(`${API}/me/volunteer-needs`, organizer)).body.items[0].events[0].shiftCount).toBe(1);

      // Residents are not organizers; another city's organizer has no such task.
      expectError(await app.api.get(`${API}/me/volunteer-needs`, await app.token('demo-resident')), 403, 'FORBIDDEN');
      expect((await app.api.get(`${API}/me/volunteer-needs`, await app.token('demo-organizer'))).body.items.map((n: any) => n.planId)).not.toContain(planId);
    });
  });

  describe('certificates', () => {
    const download = async (token: string) => {
      const res = await fetch(`${app.server.url}${API}/me/volunteer/certificate.pdf`, { headers: { authorization: `Bearer ${token}` } });
      return { res, bytes: Buffer.from(await res.arrayBuffer()) };
    };

    it('without certified hours it is refused with 409 and a Chinese message, and no serial is issued', async () => {
      const token = await app.token('vol-zero');
      expectStatus(await app.api.put(`${API}/me/volunteer`, profile(), token), 201);
      const { res, bytes } = await download(token);
      expect(res.status).toBe(409);
      const body = JSON.parse(bytes.toString('utf8'));
      expect(body.error.code).toBe('CERTIFICATE_NO_HOURS');
      expect(body.error.message).toMatch(/服务时长/);
      expect(await app.count(VolunteerCertificateEntity, { userId: (await app.user('vol-zero')).id })).toBe(0);
    });

    it('with certified hours: one serial, kept across downloads, printed with the QR address; the public check shows the masked name and hours', async () => {
      const token = await app.token('vol-cert');
      expectStatus(await app.api.put(`${API}/me/volunteer`, profile(), token), 201);
      const organizer = await app.token('demo-organizer');
      const complete = async (hours: number) => {
        app.server.clock.set('2026-11-25T10:00:00+08:00');
        const { shift } = await eventWithShift(app, `证书活动${hours}`, { role: '展厅讲解' });
        const applied = await app.api.post(`${API}/shifts/${shift.id}/applications`, undefined, token);
        expectStatus(await app.api.post(`${API}/applications/${applied.body.id}/decision`, { decision: 'approve' }, organizer), 200);
        app.server.clock.set('2026-12-05T12:30:00+08:00');
        expectStatus(await app.api.post(`${API}/applications/${applied.body.id}/complete`, { hours }, organizer), 200);
      };
      await complete(2);

      const first = await download(token);
      expect(first.res.status).toBe(200);
      const serial = first.res.headers.get('x-certificate-serial')!;
      expect(serial).toMatch(/^KP-2026-[2-9A-HJ-NP-Z]{8}$/);
      const file = join(mkdtempSync(join(tmpdir(), 'kepu-cert-')), 'cert.pdf');
      writeFileSync(file, first.bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(`证书编号：${serial}`);
      expect(text.replace(/\s+/g, '')).toContain(`${BASE}/#/packages/volunteer/pages/certificate/index?serial=${serial}`);

      const again = await download(token);
      expect(again.res.headers.get('x-certificate-serial')).toBe(serial);
      expect(again.bytes.equals(first.bytes)).toBe(true);

      const check = await app.api.get(`${API}/certificates/${serial}`);
      expectStatus(check, 200);
      expect(check.body).toEqual({ serial, maskedName: '王*红', totalHours: 2, serviceCount: 1, organizations: ['唐山市科协'], issuedOn: '2026-12-05' });
      expect(JSON.stringify(check.body)).not.toMatch(/13912345678|王晓红|\d{3}\*{4}\d{4}/);
      // Typed in lower case, it is the same certificate.
      expect((await app.api.get(`${API}/certificates/${serial.toLowerCase()}`)).body.serial).toBe(serial);

      // More hours: the same serial, the new total, a new PDF.
      app.server.clock.set('2026-11-25T10:00:00+08:00');
      await complete(1.5);
      const later = await download(token);
      expect(later.res.headers.get('x-certificate-serial')).toBe(serial);
      expect(later.bytes.equals(first.bytes)).toBe(false);
      expect((await app.api.get(`${API}/certificates/${serial}`)).body).toMatchObject({ totalHours: 3.5, serviceCount: 2 });
      expect(await app.count(VolunteerCertificateEntity, { userId: (await app.user('vol-cert')).id })).toBe(1);
    });

    it('an unknown or malformed serial answers 404', async () => {
      expectError(await app.api.get(`${API}/certificates/KP-2026-ZZZZZZZZ`), 404, 'NOT_FOUND');
      expectError(await app.api.get(`${API}/certificates/${encodeURIComponent("x' OR 1=1 --")}`), 404, 'NOT_FOUND');
    });
  });
});

describe.each(engines)('the public certificate check on %s', (engine) => {
  const app = useTestApp(engine, { env: { RATE_LIMIT: 'on' } });

  it('is rate-limited per address: guessing serials stops at 429 with a Chinese message', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await app.api.get(`${API}/certificates/KP-2026-ZZZZZZZZ`)).status);
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expectError(await app.api.get(`${API}/certificates/KP-2026-ZZZZZZZZ`), 429, 'RATE_LIMITED');
  });
});
