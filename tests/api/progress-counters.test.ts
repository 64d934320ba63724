// Plan progress reads tallies that triggers keep on events and on their plan-task
// links (migration 1765000000000). They must stay what a recount of the sign-up and
// application rows gives through every write: sign-up, waitlist, check-in (one and
// batch), cancellation with promotion, hours recorded, the event cancelled.
import { EventEntity, EventPlanTaskEntity } from '../../server/src/db/entities/event.entity';
import { SignupEntity } from '../../server/src/db/entities/signup.entity';
import { ShiftApplicationEntity } from '../../server/src/db/entities/volunteer.entities';
import { engines } from './harness';
import { API, expectStatus, publishActivity, signUp, useTestApp, type TestApp } from './fixtures';

/** The tallies counted from the rows, as the old progress query did. */
async function recount(app: TestApp, eventId: string) {
  const signups = await app.rows(SignupEntity, { eventId });
  const applications = await app.rows(ShiftApplicationEntity, { eventId });
  return {
    confirmedSignupCount: signups.filter((s) => s.status === 'confirmed').length,
    checkedInCount: signups.filter((s) => s.checkedInAt !== null).length,
    volunteerCents: applications.filter((a) => a.status === 'completed').reduce((n, a) => n + Math.round(a.hours! * 100), 0),
  };
}

describe.each(engines)('plan progress tallies on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  const organizer = () => app.token('demo-organizer');

  it('the event and its links keep the counts a recount of the rows gives, and progress follows them', async () => {
    const plan = (await app.api.get(`${API}/plans`)).body.items[0] as { id: string };
    const task = (await app.api.get(`${API}/plans/${plan.id}`)).body.tasks[0].number as number;
    const progressOf = async () => {
      // The event is in 2026; the plan is 2023's.
      const res = await app.api.get(`${API}/plans/${plan.id}/progress?year=2026`);
      expectStatus(res, 200);
      return res.body.tasks.find((t: { number: number }) => t.number === task);
    };
    const before = await progressOf();
    // It ends late in the day, so it can still be cancelled after the morning shift's hours are recorded.
    const event = await publishActivity(app, { capacity: 2, endsAt: '2026-12-05T18:00:00+08:00', planTasks: [{ planId: plan.id, number: task }] });

    const expectInStep = async (expected: { confirmedSignupCount: number; checkedInCount: number; volunteerCents: number }, status = 'published') => {
      expect(await recount(app, event.id)).toEqual(expected);
      const [row] = await app.rows(EventEntity, { id: event.id });
      expect({ confirmedSignupCount: row!.confirmedSignupCount, checkedInCount: row!.checkedInCount, volunteerCents: row!.volunteerCents }).toEqual(expected);
      const links = await app.rows(EventPlanTaskEntity, { eventId: event.id });
      expect(links).toEqual([{ eventId: event.id, planId: plan.id, taskNumber: task, taskOrdinal: expect.any(Number), eventStatus: status, ...expected }]);
      const counted = status === 'cancelled' ? { confirmedSignupCount: 0, checkedInCount: 0, volunteerCents: 0 } : expected;
      expect(await progressOf()).toMatchObject({
        events: before.events + (status === 'published' ? 1 : 0),
        published: before.published + (status === 'published' ? 1 : 0),
        signups: before.signups + counted.confirmedSignupCount,
        checkins: before.checkins + counted.checkedInCount,
        volunteerHours: expect.closeTo(before.volunteerHours + counted.volunteerCents / 100, 2),
      });
    };
    await expectInStep({ confirmedSignupCount: 0, checkedInCount: 0, volunteerCents: 0 });

    // Two seats: a and b confirmed, c waits.
    const ids: string[] = [];
    for (const openid of ['tally-a', 'tally-b', 'tally-c']) {
      const res = await signUp(app, event.id, openid);
      expectStatus(res, 201);
      ids.push(res.body.id);
    }
    await expectInStep({ confirmedSignupCount: 2, checkedInCount: 0, volunteerCents: 0 });

    expectStatus(await app.api.post(`${API}/events/${event.id}/checkins`, { signupId: ids[0] }, await organizer()), 200);
    await expectInStep({ confirmedSignupCount: 2, checkedInCount: 1, volunteerCents: 0 });

    // b cancels: c is promoted, still two confirmed.
    expectStatus(await app.api.del(`${API}/events/${event.id}/signups/me`, await app.token('tally-b')), 200);
    expect((await app.rows(SignupEntity, { id: ids[2] }))[0]!.status).toBe('confirmed');
    await expectInStep({ confirmedSignupCount: 2, checkedInCount: 1, volunteerCents: 0 });

    // A batch from the door: c checks in, a again (already), b refused (cancelled).
    const batch = await app.api.post(
      `${API}/events/${event.id}/checkins/batch`,
      {
        items: [
          { signupId: ids[2], at: '2026-11-25T09:30:00+08:00' },
          { signupId: ids[0], at: '2026-11-25T09:31:00+08:00' },
          { signupId: ids[1], at: '2026-11-25T09:32:00+08:00' },
        ],
      },
      await organizer(),
    );
    expectStatus(batch, 200);
    expect(batch.body.results.map((r: { result: string }) => r.result)).toEqual(['checked-in', 'already-checked-in', 'refused']);
    await expectInStep({ confirmedSignupCount: 2, checkedInCount: 2, volunteerCents: 0 });

    // A volunteer's hours count once recorded, not when approved.
    const token = await app.token('tally-vol');
    const profile = { realName: '李四', phone: '13900001111', skills: ['科普讲解'], tags: [], team: '唐山市科技志愿服务队', bio: '' };
    expect([200, 201]).toContain((await app.api.put(`${API}/me/volunteer`, profile, token)).status);
    const shift = await app.api.post(
      `${API}/events/${event.id}/shifts`,
      { role: '展厅讲解', startsAt: '2026-12-05T08:30:00+08:00', endsAt: '2026-12-05T12:00:00+08:00', slots: 2, skills: ['科普讲解'] },
      await organizer(),
    );
    expectStatus(shift, 201);
    const application = await app.api.post(`${API}/shifts/${shift.body.id}/applications`, undefined, token);
    expectStatus(application, 201);
    expectStatus(await app.api.post(`${API}/applications/${application.body.id}/decision`, { decision: 'approve' }, await organizer()), 200);
    await expectInStep({ confirmedSignupCount: 2, checkedInCount: 2, volunteerCents: 0 });
    app.server.clock.set('2026-12-05T12:30:00+08:00');
    expectStatus(await app.api.post(`${API}/applications/${application.body.id}/complete`, { hours: 2.5 }, await organizer()), 200);
    await expectInStep({ confirmedSignupCount: 2, checkedInCount: 2, volunteerCents: 250 });

    // Cancelled, the event keeps its tallies but leaves the plan's progress.
    expectStatus(await app.api.post(`${API}/events/${event.id}/cancel`, { reason: '场馆检修' }, await organizer()), 200);
    // (Whatever the cancellation does to its sign-ups, the tallies follow the rows.)
    await expectInStep(await recount(app, event.id), 'cancelled');
  });
});
