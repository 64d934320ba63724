// Venue conflicts: two organizations booking the same venue at overlapping
// times each hear of the other on create, edit, submit and review, and the
// review queue can ask for them; touching or distant bookings are no conflict.
import { engines } from './harness';
import { API, activityInput, expectError, expectStatus, organizerOrgId, useTestApp, type TestApp } from './fixtures';

const day = '2026-12-12';
const at = (from: string, to: string) => ({ startsAt: `${day}T${from}:00+08:00`, endsAt: `${day}T${to}:00+08:00` });
const museum = { name: '唐山科技馆', address: '路北区建设北路', lat: 39.6437, lng: 118.1836 };

/** A second organization in 唐山市 with a member of its own: another organization that books the same museum. */
async function otherOrganization(app: TestApp): Promise<{ orgId: string; token: string }> {
  const admin = await app.token('demo-admin');
  const created = await app.api.post(`${API}/organizations`, { name: '唐山市青少年宫', city: '唐山市' }, admin);
  expect([200, 201]).toContain(created.status);
  const member = await app.api.login('conflict-youth-palace');
  const added = await app.api.post(`${API}/organizations/${created.body.id}/members`, { userId: member.user.id }, admin);
  expect([200, 201]).toContain(added.status);
  return { orgId: created.body.id, token: (await app.api.login('conflict-youth-palace')).token };
}

describe.each(engines)('venue conflicts on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  let booked: any;
  let other: { orgId: string; token: string };

  beforeAll(async () => {
    other = await otherOrganization(app);
    // 唐山市科协 books the museum for the morning and submits it (pending review).
    const organizer = await app.token('demo-organizer');
    const created = await app.api.post(
      `${API}/events`,
      activityInput(await organizerOrgId(app), { title: '科协：冬季星空观测', venue: museum, ...at('09:00', '12:00') }),
      organizer,
    );
    expectStatus(created, 201);
    expect(created.body.conflicts).toEqual([]);
    const submitted = await app.api.post(`${API}/events/${created.body.id}/submit`, undefined, organizer);
    expectStatus(submitted, 200);
    booked = submitted.body;
  });

  it('when another organization books the same venue 30 minutes into the booking, its create answer names the booking (title, organization, times; nothing personal)', async () => {
    const res = await app.api.post(
      `${API}/events`,
      activityInput(other.orgId, { title: '少年宫：机器人课', venue: museum, ...at('11:30', '13:00') }),
      other.token,
    );
    expectStatus(res, 201);
    expect(res.body.conflicts).toEqual([
      {
        id: booked.id,
        title: '科协：冬季星空观测',
        organization: { id: booked.organizer.id, name: '唐山市科协' },
        venue: '唐山科技馆',
        startsAt: `${day}T09:00:00+08:00`,
        endsAt: `${day}T12:00:00+08:00`,
        status: 'pending',
      },
    ]);
    expect(JSON.stringify(res.body.conflicts)).not.toMatch(/phone|realName|1[3-9]\d{9}/);
  });

  it('when the other booking only touches it (ends as this one starts), or is on another day, there is no conflict', async () => {
    const touching = await app.api.post(
      `${API}/events`,
      activityInput(other.orgId, { title: '少年宫：下午场', venue: museum, ...at('12:00', '14:00') }),
      other.token,
    );
    expect(touching.body.conflicts).toEqual([]);
    const nextDay = await app.api.post(
      `${API}/events`,
      activityInput(other.orgId, { title: '少年宫：第二天', venue: museum, startsAt: '2026-12-13T09:00:00+08:00', endsAt: '2026-12-13T12:00:00+08:00' }),
      other.token,
    );
    expect(nextDay.body.conflicts).toEqual([]);
  });

  it('when a venue of another name lies within 100 m it is the same place; 1 km away it is not', async () => {
    const square = { name: '科技馆东广场', address: '', lat: museum.lat + 0.0005, lng: museum.lng };
    const near = await app.api.post(
      `${API}/events`,
      activityInput(other.orgId, { title: '少年宫：广场科普', venue: square, ...at('10:00', '11:00') }),
      other.token,
    );
    expect(near.body.conflicts.map((c: any) => c.id)).toEqual([booked.id]);
    const park = { name: '大城山公园', address: '', lat: museum.lat + 0.01, lng: museum.lng };
    const far = await app.api.post(
      `${API}/events`,
      activityInput(other.orgId, { title: '少年宫：公园观鸟', venue: park, ...at('10:00', '11:00') }),
      other.token,
    );
    expect(far.body.conflicts).toEqual([]);
  });

  it('when the same venue name is in another city, there is no conflict', async () => {
    // Only an admin posts outside the organization's city.
    const res = await app.api.post(
      `${API}/events`,
      activityInput(other.orgId, { title: '别处的同名馆', city: '柳州市', venue: { ...museum, lat: null, lng: null }, ...at('09:00', '12:00') }),
      await app.token('demo-admin'),
    );
    expectStatus(res, 201);
    expect(res.body.conflicts).toEqual([]);
  });

  it('a draft holds nothing: only events awaiting review or published are reported', async () => {
    const organizer = await app.token('demo-organizer');
    const draft = await app.api.post(
      `${API}/events`,
      activityInput(await organizerOrgId(app), { title: '科协：草稿', venue: museum, ...at('15:00', '17:00') }),
      organizer,
    );
    expect(draft.body.conflicts).toEqual([]);
    const res = await app.api.post(`${API}/events`, activityInput(other.orgId, { title: '少年宫：傍晚', venue: museum, ...at('16:00', '18:00') }), other.token);
    expect(res.body.conflicts).toEqual([]);
  });

  it('edit, submit and review answers carry the conflicts; an edit to a free time clears them; the queue reads them from GET /events/:id/conflicts', async () => {
    const created = await app.api.post(
      `${API}/events`,
      activityInput(other.orgId, { title: '少年宫：编程课', venue: museum, ...at('07:00', '08:00') }),
      other.token,
    );
    expect(created.body.conflicts).toEqual([]);
    const moved = await app.api.patch(`${API}/events/${created.body.id}`, at('08:30', '09:30'), other.token);
    expectStatus(moved, 200);
    expect(moved.body.conflicts.map((c: any) => c.title)).toEqual(['科协：冬季星空观测']);
    const submitted = await app.api.post(`${API}/events/${created.body.id}/submit`, undefined, other.token);
    expect(submitted.body.conflicts.map((c: any) => c.title)).toEqual(['科协：冬季星空观测']);

    // The reviewer sees both sides before deciding.
    const reviewer = await app.token('demo-reviewer');
    const queue = await app.api.get(`${API}/events/${booked.id}/conflicts`, reviewer);
    expectStatus(queue, 200);
    // The other organization's drafts at that time (机器人课, 广场科普) hold nothing yet.
    expect(queue.body.items.map((c: any) => [c.title, c.organization.name, c.status])).toEqual([['少年宫：编程课', '唐山市青少年宫', 'pending']]);
    const reviewed = await app.api.post(`${API}/events/${booked.id}/review`, { decision: 'approve' }, reviewer);
    expectStatus(reviewed, 200);
    expect(reviewed.body.conflicts.map((c: any) => c.title)).toEqual(['少年宫：编程课']);

    // Either organization's members may ask; the booking is published now.
    const mine = await app.api.get(`${API}/events/${created.body.id}/conflicts`, other.token);
    expect(mine.body.items).toEqual([expect.objectContaining({ title: '科协：冬季星空观测', status: 'published' })]);

    const cleared = await app.api.patch(`${API}/events/${created.body.id}`, at('13:00', '14:00'), other.token);
    expect(cleared.body.conflicts).toEqual([]);
  });

  it("an organizer of a third organization, and a resident, may not read an event's conflicts", async () => {
    const outsider = await app.api.login('conflict-outsider-organizer');
    const admin = await app.token('demo-admin');
    const third = await app.api.post(`${API}/organizations`, { name: '唐山市图书馆', city: '唐山市' }, admin);
    await app.api.post(`${API}/organizations/${third.body.id}/members`, { userId: outsider.user.id }, admin);
    const token = (await app.api.login('conflict-outsider-organizer')).token;
    expectError(await app.api.get(`${API}/events/${booked.id}/conflicts`, token), 403, 'FORBIDDEN');
    expectError(await app.api.get(`${API}/events/${booked.id}/conflicts`, await app.token('demo-resident')), 403, 'FORBIDDEN');
    expectError(await app.api.get(`${API}/events/${booked.id}/conflicts`), 401, 'UNAUTHENTICATED');
  });
});
