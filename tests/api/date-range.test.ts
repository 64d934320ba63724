// Every date a request carries is held to 1970-2100 (shared/src/schemas/common.ts):
// bodies, list bounds, and the dates a server works out from them (a series'
// later occurrences), on both engines.
import { engines } from './harness';
import { API, activityInput, badFields, organizerOrgId, useTestApp } from './fixtures';

jest.setTimeout(60_000);

describe.each(engines)('dates out of range on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });

  it('when a series starts in range but its later occurrences would run past 2100, it is refused with 400', async () => {
    const organizerId = await organizerOrgId(app);
    const body = {
      ...activityInput(organizerId, { startsAt: '2100-12-30T09:00:00+08:00', endsAt: '2100-12-30T11:00:00+08:00' }),
      recurrence: { frequency: 'daily', count: 5 },
    };
    const res = await app.api.post(`${API}/events/series`, body, await app.token('demo-organizer'));
    expect(badFields(res)).toEqual(['recurrence']);
    expect(res.body.error.message).toContain('1970 年至 2100 年');
  });

  it('when a series ends on the last day of 2100, it is created', async () => {
    const organizerId = await organizerOrgId(app);
    const body = {
      ...activityInput(organizerId, { startsAt: '2100-12-30T09:00:00+08:00', endsAt: '2100-12-30T11:00:00+08:00' }),
      recurrence: { frequency: 'daily', count: 2 },
    };
    expect((await app.api.post(`${API}/events/series`, body, await app.token('demo-organizer'))).status).toBe(201);
  });

  it('when an event spans the whole range (1970 to 2100, longer than an INT of seconds), it is created and edited, not a 500', async () => {
    const organizerId = await organizerOrgId(app);
    const body = activityInput(organizerId, { startsAt: '1970-01-02T09:00:00+08:00', endsAt: '2100-12-30T11:00:00+08:00' });
    const created = await app.api.post(`${API}/events`, body, await app.token('demo-organizer'));
    expect(created.status).toBe(201);
    const edited = await app.api.patch(`${API}/events/${created.body.id}`, { endsAt: '2100-12-31T11:00:00+08:00' }, await app.token('demo-organizer'));
    expect(edited.status).toBe(200);
  });

  it.each([
    ['/shifts?from=0001-01-01', 'from'],
    ['/shifts?to=10000-01-01', 'to'],
    ['/events?to=2101-01-01', 'to'],
    ['/calendar.ics?from=1969-12-31', 'from'],
  ])('when %s, it is refused with 400 naming the bound', async (path, field) => {
    expect(badFields(await app.api.get(`${API}${path}`, await app.token('demo-admin')))).toContain(field);
  });

  it.each([
    ['year 1', { startsOn: '0001-10-01', endsOn: '0001-10-07' }],
    ['year 10000', { startsOn: '2027-10-01', endsOn: '10000-10-07' }],
  ])('when campaign dates are in %s, they are refused with 400', async (_, dates) => {
    const campaigns = (await app.api.get(`${API}/campaigns?year=2027`)).body.items as { code: string }[];
    const res = await app.api.put(`${API}/campaigns/${campaigns[0]!.code}/years/2027`, dates, await app.token('demo-admin'));
    expect(badFields(res).length).toBeGreaterThan(0);
  });
});
