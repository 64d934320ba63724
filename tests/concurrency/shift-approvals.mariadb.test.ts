// Volunteer approvals under real concurrency: two built server processes on one
// fresh MariaDB database; an organizer's devices approve every applicant of a
// shift at once. Never more approved than slots, and the count column agrees.
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { apiClient, createTestDatabase, type ApiClient, type TestDatabase } from '../api/harness';
import { describeMysql, ensureBuilt, inBatches, mysqlUrl, startServerProcess, statusCounts, stopServerProcess, type ServerProcess } from './processes';

const APPLICANTS = 60;
const SLOTS = 5;

jest.setTimeout(180_000);

interface CountRow extends RowDataPacket {
  status: string;
  n: number;
}

describeMysql('shift approvals across two server processes on one MariaDB database', () => {
  let database: TestDatabase | undefined;
  let db: Connection | undefined;
  const servers: ServerProcess[] = [];
  let api: ApiClient[] = [];

  beforeAll(async () => {
    ensureBuilt();
    database = await createTestDatabase('mysql');
    const dbUrl = mysqlUrl(database.config);
    servers.push(await startServerProcess(dbUrl));
    servers.push(await startServerProcess(dbUrl));
    api = servers.map((s) => apiClient(s.url));
    if (database.config.type !== 'mysql') throw new Error('unreachable');
    const { host, port, username, password, database: name } = database.config;
    db = await createConnection({ host, port, user: username, password, database: name });
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => stopServerProcess(s)));
    await db?.end();
    await database?.drop();
  });

  async function statusCountsInDb(shiftId: string): Promise<Record<string, number>> {
    const [rows] = await db!.query<CountRow[]>('SELECT status, COUNT(*) AS n FROM shift_applications WHERE shiftId = ? GROUP BY status', [shiftId]);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  async function approvedCountColumn(shiftId: string): Promise<number> {
    const [rows] = await db!.query<RowDataPacket[]>('SELECT approvedCount FROM shifts WHERE id = ?', [shiftId]);
    return Number(rows[0]!.approvedCount);
  }

  /** A published event of demo-organizer's organization with one shift of `slots`, 30 days ahead. */
  async function shiftOnNewEvent(title: string, slots: number): Promise<{ shiftId: string; organizerToken: string }> {
    const organizer = await api[0]!.login('demo-organizer');
    const organizationId: string = organizer.user.organizations[0].id;
    const city: string = (await api[0]!.get('/api/v1/organizations')).body.items.find((o: { id: string }) => o.id === organizationId).city;
    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    const endsAt = new Date(startsAt.getTime() + 3 * 3600_000);
    const created = await api[0]!.post(
      '/api/v1/events',
      {
        title,
        kind: 'activity',
        organizerId: organizationId,
        city,
        venue: { name: '科技馆' },
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        capacity: 100,
      },
      organizer.token,
    );
    expect(created.status).toBe(201);
    const submitted = await api[1]!.post(`/api/v1/events/${created.body.id}/submit`, undefined, organizer.token);
    if (submitted.body.status === 'pending') {
      const reviewer = await api[1]!.login('demo-reviewer');
      expect((await api[1]!.post(`/api/v1/events/${created.body.id}/review`, { decision: 'approve' }, reviewer.token)).status).toBe(200);
    }
    const shift = await api[1]!.post(
      `/api/v1/events/${created.body.id}/shifts`,
      {
        role: '现场引导',
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        slots,
      },
      organizer.token,
    );
    expect(shift.status).toBe(201);
    return { shiftId: shift.body.id, organizerToken: organizer.token };
  }

  /** Signs `count` volunteers in with a profile each, spread over both processes. */
  function volunteersNamed(prefix: string, count: number) {
    return inBatches(count, 12, async (i) => {
      const client = api[i % 2]!;
      const session = await client.login(`${prefix}-${i}`);
      const profile = await client.put(
        '/api/v1/me/volunteer',
        { realName: `志愿者${i}`, phone: `137${String(i).padStart(8, '0')}`, skills: ['秩序引导'] },
        session.token,
      );
      expect(profile.status).toBe(201);
      return session;
    });
  }

  test(`when ${APPLICANTS} applicants of a ${SLOTS}-slot shift are approved at once on two processes, exactly ${SLOTS} are approved`, async () => {
    const { shiftId, organizerToken } = await shiftOnNewEvent('并发审批：志愿者岗位', SLOTS);
    const organizer = { token: organizerToken };
    const shift = { body: { id: shiftId } };
    const volunteers = await volunteersNamed('concurrency-volunteer', APPLICANTS);
    // Everyone applies at once, on both processes.
    const applications = await Promise.all(volunteers.map((v, i) => api[i % 2]!.post(`/api/v1/shifts/${shift.body.id}/applications`, undefined, v.token)));
    expect(statusCounts(applications)).toEqual({ 201: APPLICANTS });

    // The organizer approves every one at once, half on each process.
    const decisions = await Promise.all(
      applications.map((a, i) => api[(i + 1) % 2]!.post(`/api/v1/applications/${a.body.id}/decision`, { decision: 'approve' }, organizer.token)),
    );
    const approved = decisions.filter((d) => d.status === 200);
    const full = decisions.filter((d) => d.status === 409);
    expect(approved).toHaveLength(SLOTS);
    expect(full).toHaveLength(APPLICANTS - SLOTS);
    expect(full.every((d) => d.body.error.code === 'SHIFT_FULL')).toBe(true);
    expect(await statusCountsInDb(shift.body.id)).toEqual({ approved: SLOTS, applied: APPLICANTS - SLOTS });
    expect(await approvedCountColumn(shift.body.id)).toBe(SLOTS);

    // One approved volunteer withdraws while the organizer approves all the rest again: exactly one more gets in.
    const leaver = volunteers[applications.findIndex((a) => a.body.id === approved[0]!.body.id)]!;
    const waiting = applications.filter((a) => !approved.some((d) => d.body.id === a.body.id));
    const [withdrawn, ...again] = await Promise.all([
      api[0]!.post(`/api/v1/applications/${approved[0]!.body.id}/withdraw`, undefined, leaver.token),
      ...waiting.map((a, i) => api[i % 2]!.post(`/api/v1/applications/${a.body.id}/decision`, { decision: 'approve' }, organizer.token)),
    ]);
    expect(withdrawn!.status).toBe(200);
    // The withdrawal may land after every approval attempt: then nobody new fits, and that is right too.
    const newlyApproved = again.filter((d) => d.status === 200).length;
    expect(newlyApproved).toBeLessThanOrEqual(1);
    const counts = await statusCountsInDb(shift.body.id);
    expect(counts.approved).toBe(SLOTS - 1 + newlyApproved);
    expect(await approvedCountColumn(shift.body.id)).toBe(counts.approved);
    // Whatever the interleaving, the freed slot can be filled now.
    if (newlyApproved === 0) {
      const next = await api[1]!.post(`/api/v1/applications/${waiting[0]!.body.id}/decision`, { decision: 'approve' }, organizer.token);
      expect(next.status).toBe(200);
    }
    expect((await statusCountsInDb(shift.body.id)).approved).toBe(SLOTS);
    expect(await approvedCountColumn(shift.body.id)).toBe(SLOTS);
  });

  test('when volunteers erase their accounts while the organizer approves them, the count and the rows still agree', async () => {
    const { shiftId, organizerToken } = await shiftOnNewEvent('并发审批：注销与审批', SLOTS);
    const volunteers = await volunteersNamed('concurrency-eraser', 20);
    const applications = await Promise.all(volunteers.map((v, i) => api[i % 2]!.post(`/api/v1/shifts/${shiftId}/applications`, undefined, v.token)));
    expect(statusCounts(applications)).toEqual({ 201: 20 });
    // Every other volunteer erases their account at the same moment as the approvals go out.
    await Promise.all([
      ...applications.map((a, i) => api[i % 2]!.post(`/api/v1/applications/${a.body.id}/decision`, { decision: 'approve' }, organizerToken)),
      ...volunteers.filter((_, i) => i % 2 === 0).map((v, i) => api[(i + 1) % 2]!.del('/api/v1/me', v.token)),
    ]);
    const counts = await statusCountsInDb(shiftId);
    expect(counts.approved ?? 0).toBeLessThanOrEqual(SLOTS);
    expect(await approvedCountColumn(shiftId)).toBe(counts.approved ?? 0);
    // The erased volunteers hold no slot: every approved application belongs to someone still here.
    const [rows] = await db!.query<RowDataPacket[]>(
      'SELECT a.status, p.userId AS profile FROM shift_applications a LEFT JOIN volunteer_profiles p ON p.userId = a.userId WHERE a.shiftId = ?',
      [shiftId],
    );
    expect(rows.filter((r) => r.status === 'approved' && r.profile === null)).toEqual([]);
  });
});
