// 单位统计: an organization's published, not-cancelled events of a year, per month and in
// total, checked against events built here by hand (every number below counted by hand).
import { randomUUID } from 'node:crypto';
import { EventEntity } from '../../server/src/db/entities/event.entity';
import { SignupEntity } from '../../server/src/db/entities/signup.entity';
import { ShiftApplicationEntity } from '../../server/src/db/entities/volunteer.entities';
import { newEventRow } from '../../server/src/modules/events/event.row';
import { engines } from './harness';
import { API, badFields, expectError, expectStatus, organizerOrgId, useTestApp, type TestApp } from './fixtures';

interface Spec {
  startsAt: string;
  status?: 'published' | 'cancelled' | 'draft';
  /** Another organization's event: never counted here. */
  otherOrganization?: boolean;
  capacity: number;
  /** confirmed sign-ups, how many of them checked in, waitlisted ones */
  signups?: [number, number, number];
  /** completed volunteer hours */
  hours?: number;
}

// 2023 in China time: no seeded event is that old.
const specs: Spec[] = [
  // March: two confirmed, one checked in, one waiting; 2.5 volunteer hours.
  { startsAt: '2023-03-15T10:00:00+08:00', capacity: 30, signups: [2, 1, 1], hours: 2.5 },
  // March too: nobody came.
  { startsAt: '2023-03-20T10:00:00+08:00', capacity: 10, signups: [1, 0, 0] },
  // The first half hour of 2023 in China (still 2022 in UTC): January.
  { startsAt: '2023-01-01T00:30:00+08:00', capacity: 20, hours: 1.25 },
  // Cancelled, a draft, the last hour of 2022 and another organization's: none counts.
  { startsAt: '2023-03-18T10:00:00+08:00', capacity: 100, status: 'cancelled', signups: [3, 0, 0], hours: 4 },
  { startsAt: '2023-04-18T10:00:00+08:00', capacity: 100, status: 'draft' },
  { startsAt: '2022-12-31T23:00:00+08:00', capacity: 15, signups: [1, 1, 0] },
  { startsAt: '2023-05-01T10:00:00+08:00', capacity: 40, otherOrganization: true, signups: [1, 1, 0] },
];

async function build(app: TestApp, orgId: string, otherOrgId: string): Promise<void> {
  const manager = app.server.dataSource.manager;
  const now = app.server.clock.now;
  for (const [i, spec] of specs.entries()) {
    const startsAt = new Date(spec.startsAt);
    const event = newEventRow(
      {
        title: `统计活动${i}`,
        description: '',
        kind: 'activity',
        organizerId: spec.otherOrganization ? otherOrgId : orgId,
        city: '唐山市',
        district: '路南区',
        audiences: [],
        themes: [],
        campaignCode: null,
        venueName: '唐山科技馆',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 7_200_000),
        capacity: spec.capacity,
        status: spec.status ?? 'published',
        source: 'organizer',
      },
      now,
    );
    await manager.insert(EventEntity, event);
    const [confirmed, checkedIn, waiting] = spec.signups ?? [0, 0, 0];
    for (let k = 0; k < confirmed + waiting; k++) {
      await manager.insert(SignupEntity, {
        id: randomUUID(),
        eventId: event.id,
        userId: randomUUID(),
        name: `参与者${k}`,
        phone: '13900000000',
        partySize: 1,
        status: k < confirmed ? 'confirmed' : 'waitlisted',
        seq: k + 1,
        checkedInAt: k < checkedIn ? now : null,
        cancelledAt: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    if (spec.hours !== undefined) {
      await manager.insert(ShiftApplicationEntity, {
        id: randomUUID(),
        shiftId: randomUUID(),
        eventId: event.id,
        userId: randomUUID(),
        status: 'completed',
        hours: spec.hours,
        decisionReason: null,
        appliedAt: now,
        decidedAt: null,
        decidedBy: null,
        checkedInAt: null,
        checkedOutAt: null,
        completedAt: now,
        completedBy: null,
      });
    }
  }
}

const tally = (events: number, seats: number, signups: number, checkins: number, checkinRate: number | null, volunteerHours: number) => ({
  events,
  seats,
  signups,
  checkins,
  checkinRate,
  volunteerHours,
});

describe.each(engines)('organization statistics (单位统计) on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  let orgId: string;
  beforeAll(async () => {
    orgId = await organizerOrgId(app);
    const admin = await app.token('demo-admin');
    const other = await app.api.post(`${API}/organizations`, { name: '统计测试学校', city: '唐山市' }, admin);
    expectStatus(other, 201);
    await build(app, orgId, other.body.id as string);
  });

  it('when a member asks for a year, then it counts the published events of that year per month, not the cancelled, draft or other ones', async () => {
    const res = await app.api.get(`${API}/organizations/${orgId}/stats?year=2023`, await app.token('demo-organizer'));
    expectStatus(res, 200);
    expect(res.body.organizationId).toBe(orgId);
    expect(res.body.organizationName).toBeTruthy();
    expect(res.body.year).toBe(2023);
    expect(res.body.totals).toEqual(tally(3, 60, 3, 1, 0.333, 3.75));
    expect(res.body.months).toHaveLength(12);
    expect(res.body.months[0]).toEqual({ month: '2023-01', ...tally(1, 20, 0, 0, null, 1.25) });
    expect(res.body.months[2]).toEqual({ month: '2023-03', ...tally(2, 40, 3, 1, 0.333, 2.5) });
    for (const i of [1, 3, 4, 5, 6, 7, 8, 9, 10, 11])
      expect(res.body.months[i]).toEqual({ month: `2023-${String(i + 1).padStart(2, '0')}`, ...tally(0, 0, 0, 0, null, 0) });
  });

  it('when an admin asks, then the same numbers come back; a year without events is all zeros', async () => {
    const admin = await app.token('demo-admin');
    const res = await app.api.get(`${API}/organizations/${orgId}/stats?year=2023`, admin);
    expectStatus(res, 200);
    expect(res.body.totals).toEqual(tally(3, 60, 3, 1, 0.333, 3.75));
    const empty = await app.api.get(`${API}/organizations/${orgId}/stats?year=2021`, admin);
    expectStatus(empty, 200);
    expect(empty.body.totals).toEqual(tally(0, 0, 0, 0, null, 0));
  });

  it('when no year is given, then this year in China is shown', async () => {
    const res = await app.api.get(`${API}/organizations/${orgId}/stats`, await app.token('demo-organizer'));
    expectStatus(res, 200);
    expect(res.body.year).toBe(2026);
    expect(res.body.months[0].month).toBe('2026-01');
  });

  it('refuses a resident, anyone signed out and an unknown organization (other organizations: authz-and-errors); a bad year is a 400 naming the field', async () => {
    expectError(await app.api.get(`${API}/organizations/${orgId}/stats?year=2023`, await app.token('stats-resident')), 403, 'FORBIDDEN');
    expectError(await app.api.get(`${API}/organizations/${orgId}/stats?year=2023`), 401, 'UNAUTHENTICATED');
    const admin = await app.token('demo-admin');
    expectError(await app.api.get(`${API}/organizations/${randomUUID()}/stats?year=2023`, admin), 404, 'NOT_FOUND');
    const bad = await app.api.get(`${API}/organizations/${orgId}/stats?year=20x3`, admin);
    expectStatus(bad, 400);
    expect(badFields(bad)).toEqual(['year']);
  });
});
