// The v1.1 plan import through the API: plans of any level (a national plan, a county's),
// a plan whose place or year cannot be read (parsed, but saving needs city/year), a re-import
// that says what changed (its dry run too, before anything is saved) and flags the events linked
// to changed tasks, a dropped campaign whose
// event is cancelled with its sign-ups told, an admin's correction that survives re-import, and
// campaign dates an admin sets so that the plan's campaign event appears.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { EventEntity } from '../../server/src/db/entities/event.entity';
import { NotificationEntity } from '../../server/src/db/entities/notification.entity';
import { SignupEntity } from '../../server/src/db/entities/signup.entity';
import { AuditEntryEntity } from '../../server/src/db/entities/audit-entry.entity';
import { engines } from './harness';
import { API, SEEDS_DIR, expectError, expectStatus, publishActivity, useTestApp } from './fixtures';

const fixture = (name: string) => readFileSync(join(__dirname, '../importer/fixtures', name), 'utf8');
const tangshanText = readFileSync(join(SEEDS_DIR, 'tangshan-2023.txt'), 'utf8');
/** Tangshan's plan as another city's, four years on: its campaigns are still ahead at the test clock (2026-11-25). */
const langfang2027 = tangshanText.replaceAll('唐山', '廊坊').replaceAll('2023', '2027');
const importPath = `${API}/plans/import`;
const badFieldPath = (res: { body: any }) => res.body.error.details.fields[0].path as string;

describe.each(engines)('plan import v1.1 on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  const admin = () => app.token('demo-admin');

  it('when the national plan is imported, it is filed under 全国 with its level, and its events are organized by the issuing body', async () => {
    const res = await app.api.post(importPath, { text: fixture('national-2024.txt') }, await admin());
    expectStatus(res, 201);
    expect(res.body.plan).toMatchObject({ city: '全国', place: '全国', level: 'national', kind: '工作要点', year: 2024, script: 'simplified' });
    expect(res.body).toMatchObject({ needsReview: expect.any(Boolean), warnings: expect.any(Array) });
    const published = res.body.derivedEvents.filter((d: any) => d.published);
    for (const d of published) expect(d.organizerName).toBe('全民科学素质纲要实施工作办公室');
  });

  it('when a county plan numbers its tasks again in each section, every task is stored, units carry role and inherited, and a task is corrected by its position', async () => {
    const res = await app.api.post(importPath, { text: fixture('changxing-2023-circled.txt') }, await admin());
    expectStatus(res, 201);
    expect(res.body.plan).toMatchObject({ city: '长兴县', place: '长兴县', level: 'county', year: 2023 });
    expect(res.body.plan.tasks.map((t: any) => t.number).sort()).toEqual([1, 1, 1, 1, 2, 2, 2]);
    const units = res.body.plan.tasks.flatMap((t: any) => t.responsibleUnits);
    expect(units).toContainEqual({ name: '县教育局', organizationId: expect.any(String), role: 'lead', inherited: false });
    for (const unit of units) expect(['lead', 'support', null]).toContain(unit.role);
    const planId = res.body.plan.id;
    expectError(
      await app.api.patch(`${API}/plans/${planId}`, { tasks: [{ number: 1, units: [{ name: '县科技局', role: 'lead' }] }] }, await admin()),
      400,
      'VALIDATION_FAILED',
    );
    const corrected = await app.api.patch(`${API}/plans/${planId}`, { tasks: [{ ordinal: 3, units: [{ name: '县科技局', role: 'lead' }] }] }, await admin());
    expectStatus(corrected, 200);
    expect(corrected.body.tasks[2].responsibleUnits).toEqual([{ name: '县科技局', organizationId: expect.any(String), role: 'lead', inherited: false }]);
    expect(corrected.body.tasks[0].responsibleUnits).toEqual(res.body.plan.tasks[0].responsibleUnits);
  });

  it('when the parse ran two tasks together or cut one in two, an admin moves the boundary, and re-importing keeps it', async () => {
    // The page break ate task 2's number, so the importer reads tasks 1 and 2 as one.
    const text = tangshanText.replaceAll('唐山', '保定').replace('\n2.深入贯彻落实', '深入贯彻落实');
    const created = await app.api.post(importPath, { text }, await admin());
    expectStatus(created, 201);
    const planId = created.body.plan.id;
    expect(created.body.plan.tasks.map((t: any) => t.number).slice(0, 3)).toEqual([1, 3, 4]);

    expect(
      (await app.api.patch(`${API}/plans/${planId}`, { tasks: [{ number: 1, split: { before: '并不存在的文字', number: 2 } }] }, await admin())).body.error
        .details.fields[0].path,
    ).toBe('tasks.0.split.before');
    const split = await app.api.patch(`${API}/plans/${planId}`, { tasks: [{ number: 1, split: { before: '深入贯彻落实', number: 2 } }] }, await admin());
    expectStatus(split, 200);
    expect(split.body.tasks.map((t: any) => t.number).slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(split.body.tasks[0].title).toBe('全面学习贯彻党的二十大精神');
    expect(split.body.tasks[1].text.startsWith('深入贯彻落实习近平总书记')).toBe(true);
    expect(split.body.tasks).toHaveLength(22);

    // The dry run of the same text lays the stored correction over its parse too: nothing would change.
    const dry = await app.api.post(`${importPath}?dryRun=1`, { text }, await admin());
    expect(dry.body.changes).toEqual({ tasksAdded: [], tasksRemoved: [], tasksChanged: [], eventsAffected: [] });
    expect(dry.body.plan.tasks.map((t: any) => t.number).slice(0, 4)).toEqual([1, 2, 3, 4]);
    const again = await app.api.post(importPath, { text }, await admin());
    expect(again.body.changes).toEqual({ tasksAdded: [], tasksRemoved: [], tasksChanged: [], eventsAffected: [] });
    expect(again.body.plan).toEqual(split.body);

    // Now the other way: tasks 3 and 4 read as one task.
    // Positions are the corrected outline's: after the split, the last task is the 22nd.
    const last = split.body.tasks.length;
    expect(badFieldPath(await app.api.patch(`${API}/plans/${planId}`, { tasks: [{ ordinal: last, mergeWithNext: true }] }, await admin()))).toBe(
      'tasks.0.mergeWithNext',
    );
    const merged = await app.api.patch(`${API}/plans/${planId}`, { tasks: [{ number: 3, mergeWithNext: true }] }, await admin());
    expectStatus(merged, 200);
    expect(merged.body.tasks.map((t: any) => t.number).slice(0, 4)).toEqual([1, 2, 3, 5]);
    expect(merged.body.tasks[2].text).toContain('利用科普资源助推“双减”工作');
    const reimported = await app.api.post(importPath, { text }, await admin());
    expect(reimported.body.changes).toEqual({ tasksAdded: [], tasksRemoved: [], tasksChanged: [], eventsAffected: [] });
    expect(reimported.body.plan).toEqual(merged.body);
  });

  it('when an admin corrects the parts of a split task, splits a part again and merges across it, each request addresses the outline the admin sees, and re-importing keeps them', async () => {
    // Page breaks ate the numbers of tasks 2 and 3: the importer reads tasks 1, 2 and 3 as one.
    const text = tangshanText.replaceAll('唐山', '沧州').replace('\n2.深入贯彻落实', '深入贯彻落实').replace('\n3.大力弘扬', '大力弘扬');
    const created = await app.api.post(importPath, { text }, await admin());
    expectStatus(created, 201);
    const planId = created.body.plan.id;
    const patch = async (body: object) => app.api.patch(`${API}/plans/${planId}`, body, await admin());
    expect(created.body.plan.tasks.map((t: any) => t.number).slice(0, 3)).toEqual([1, 4, 5]);

    const split = await patch({ tasks: [{ ordinal: 1, split: { before: '深入贯彻落实', number: 2 } }] });
    expectStatus(split, 200);
    expect(split.body.tasks.map((t: any) => t.number).slice(0, 3)).toEqual([1, 2, 4]);

    // The second part is the 2nd task of the outline the admin sees (the parse has no 2nd task of that text).
    const units = [
      { name: '市委宣传部', role: 'lead' },
      { name: '市科协', role: 'support' },
    ];
    const corrected = await patch({ tasks: [{ ordinal: 2, units }] });
    expectStatus(corrected, 200);
    expect(corrected.body.tasks[1].text.startsWith('深入贯彻落实')).toBe(true);
    expect(corrected.body.tasks[1].responsibleUnits.map(({ name, role }: any) => ({ name, role }))).toEqual(units);
    expect(corrected.body.tasks[2].responsibleUnits).toEqual(split.body.tasks[2].responsibleUnits);
    const firstPart = await patch({ tasks: [{ ordinal: 1, units: [{ name: '市委组织部', role: 'lead' }] }] });
    expect(firstPart.body.tasks.map((t: any) => t.responsibleUnits.map((u: any) => u.name)).slice(0, 2)).toEqual([['市委组织部'], ['市委宣传部', '市科协']]);

    // The second part split again: tasks 1, 2 and 3 as the document numbers them.
    const again = await patch({ tasks: [{ ordinal: 2, split: { before: '大力弘扬科学精神和科学家精神', number: 3 } }] });
    expectStatus(again, 200);
    expect(again.body.tasks.map((t: any) => t.number).slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(again.body.tasks[2].title).toBe('大力弘扬科学精神和科学家精神');
    expect(again.body.tasks).toHaveLength(created.body.plan.tasks.length + 2);
    // The units that closed the part stay with its end, as for any split; the new middle task gets its own.
    expect(again.body.tasks.map((t: any) => t.responsibleUnits.map((u: any) => u.name)).slice(1, 3)).toEqual([[], ['市委宣传部', '市科协']]);
    const middle = await patch({ tasks: [{ ordinal: 2, units: [{ name: '市委宣传部', role: 'lead' }] }] });
    expect(middle.body.tasks[1].responsibleUnits.map((u: any) => u.name)).toEqual(['市委宣传部']);

    // A merge across the split: the part that became task 3 with the document's task 4.
    expect(badFieldPath(await patch({ tasks: [{ ordinal: again.body.tasks.length + 1, units }] }))).toBe('tasks.0');
    const merged = await patch({ tasks: [{ ordinal: 3, mergeWithNext: true }] });
    expectStatus(merged, 200);
    expect(merged.body.tasks.map((t: any) => t.number).slice(0, 4)).toEqual([1, 2, 3, 5]);
    expect(merged.body.tasks[2].text).toContain('利用科普资源助推“双减”工作');

    // The same text again: every correction re-applied, nothing changes.
    const same = await app.api.post(importPath, { text }, await admin());
    expectStatus(same, 200);
    expect(same.body.changes).toEqual({ tasksAdded: [], tasksRemoved: [], tasksChanged: [], eventsAffected: [] });
    expect(same.body.plan).toEqual(merged.body);

    // An edit elsewhere keeps every correction.
    const elsewhere = text.replace('加强中小学科学教师', '加强中小学科学课教师');
    const kept = await app.api.post(importPath, { text: elsewhere }, await admin());
    expectStatus(kept, 200);
    expect(kept.body.changes.tasksChanged).toEqual([5]);
    expect(kept.body.warnings.map((w: any) => w.code)).not.toContain('CORRECTION_NOT_APPLIED');
    expect(kept.body.plan.tasks.slice(0, 3).map((t: any) => t.text)).toEqual(merged.body.tasks.slice(0, 3).map((t: any) => t.text));
    expect(kept.body.plan.tasks[1].responsibleUnits.map((u: any) => u.name)).toEqual(['市委宣传部']);

    // An edit of the document's task 4 leaves the merge nothing to apply to: a warning (in the dry run too), not a merge of other tasks.
    const edited = elsewhere.replace('遴选推荐一批', '遴选推荐若干');
    const dry = await app.api.post(`${importPath}?dryRun=1`, { text: edited }, await admin());
    expect(dry.body.warnings.filter((w: any) => w.code === 'CORRECTION_NOT_APPLIED').map((w: any) => w.message)).toEqual([
      expect.stringContaining('与下一项合并'),
    ]);
    const reported = await app.api.post(importPath, { text: edited }, await admin());
    expectStatus(reported, 200);
    expect(reported.body.needsReview).toBe(true);
    expect(reported.body.warnings.filter((w: any) => w.code === 'CORRECTION_NOT_APPLIED')).toHaveLength(1);
    expect(reported.body.plan.tasks.map((t: any) => t.number).slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(reported.body.plan.tasks[3].text.startsWith('利用科普资源助推“双减”工作')).toBe(true);
    expect(reported.body.plan.tasks[1].responsibleUnits.map((u: any) => u.name)).toEqual(['市委宣传部']);
    expect(reported.body.changes).toMatchObject({ tasksAdded: [4], tasksChanged: [3] });
    const twice = await app.api.post(importPath, { text: edited }, await admin());
    expect(twice.body.changes).toEqual({ tasksAdded: [], tasksRemoved: [], tasksChanged: [], eventsAffected: [] });

    const audit = await app.rows(AuditEntryEntity, { target: `plan:${planId}` });
    expect(audit.filter((a) => a.action === 'plan.correct')).toHaveLength(6);
    // Five imports asked for, and each correction's re-run of the import.
    expect(audit.filter((a) => a.action === 'plan.import')).toHaveLength(5 + 6);
  });

  it('when units are written in two ways (市卫健委, 市卫生健康委员会), they are one organization; the task keeps the written name', async () => {
    const text = tangshanText.replaceAll('唐山', '张家口');
    const created = await app.api.post(importPath, { text }, await admin());
    const planId = created.body.plan.id;
    const corrected = await app.api.patch(
      `${API}/plans/${planId}`,
      {
        tasks: [
          { number: 1, units: [{ name: '市卫健委', role: 'lead' }] },
          { number: 2, units: [{ name: '市卫生健康委', role: null }] },
        ],
      },
      await admin(),
    );
    expectStatus(corrected, 200);
    const [first, second] = corrected.body.tasks.map((t: any) => t.responsibleUnits[0]);
    expect([first.name, second.name]).toEqual(['市卫健委', '市卫生健康委']);
    expect(first.organizationId).toBe(second.organizationId);
  });

  it("when a plan's place cannot be read, the dry run parses it with a warning, saving answers PLAN_INCOMPLETE, and with a city it is saved", async () => {
    const text = fixture('untitled-2024.txt');
    const dry = await app.api.post(`${importPath}?dryRun=1`, { text }, await admin());
    expectStatus(dry, 200);
    expect(dry.body.needsReview).toBe(true);
    expect(dry.body.plan.city).toBeNull();
    expect(dry.body.changes).toBeUndefined();
    expect(dry.body.warnings.map((w: any) => w.code)).toContain('NO_PLACE');
    const refused = await app.api.post(importPath, { text }, await admin());
    expectError(refused, 422, 'PLAN_INCOMPLETE');
    expect(refused.body.error.details.missing).toEqual(['city']);
    const saved = await app.api.post(importPath, { text, city: '某某市' }, await admin());
    expectStatus(saved, 201);
    expect(saved.body.plan).toMatchObject({ city: '某某市', year: 2024 });
  });

  it('when an edited seed is re-imported, the answer lists exactly what changed, and the organizer of an event linked to a changed task is told', async () => {
    const plans = (await app.api.get(`${API}/plans?city=唐山市`)).body.items;
    const planId = plans[0].id;
    const activity = await publishActivity(app, { planTasks: [{ planId, number: 4 }] });
    const removedLink = await publishActivity(app, { title: '基层科普服务站开放日', planTasks: [{ planId, number: 22 }] });
    const edited = tangshanText.replace('4.利用科普资源助推“双减”工作。', '4.利用科普资源全面助推“双减”工作。').replace(/\n22\.[^\n]*/, '');
    // The dry run says the same before anything is saved, and flags or tells no one.
    const dry = await app.api.post(`${importPath}?dryRun=1`, { text: edited }, await admin());
    expectStatus(dry, 200);
    expect(dry.body.changes).toEqual({ tasksAdded: [], tasksRemoved: [22], tasksChanged: [4], eventsAffected: [activity.id, removedLink.id].sort() });
    expect((await app.api.get(`${API}/events/${activity.id}`)).body.planTaskChanged).toBe(false);
    expect((await app.api.get(`${API}/plans/${planId}`)).body.tasks).toHaveLength(22);
    const organizer = await app.user('demo-organizer');
    expect(await app.rows(NotificationEntity, { userId: organizer.id, kind: 'event.plan_task_changed' })).toEqual([]);
    const res = await app.api.post(importPath, { text: edited }, await admin());
    expectStatus(res, 200);
    expect(res.body.changes).toEqual({
      tasksAdded: [],
      tasksRemoved: [22],
      tasksChanged: [4],
      eventsAffected: [activity.id, removedLink.id].sort(),
    });
    const event = (await app.api.get(`${API}/events/${activity.id}`)).body;
    expect(event.planTaskChanged).toBe(true);
    expect(event.planTasks).toEqual([{ planId, number: 4, ordinal: expect.any(Number), title: '利用科普资源全面助推“双减”工作' }]);
    // Never re-pointed: the link to the task that is gone is dropped, not left for a later task 22.
    expect((await app.api.get(`${API}/events/${removedLink.id}`)).body).toMatchObject({ planTaskChanged: true, planTasks: [] });
    const told = await app.rows(NotificationEntity, { userId: organizer.id, kind: 'event.plan_task_changed' });
    expect(told.map((n) => (n.payload as any).eventId).sort()).toEqual([activity.id, removedLink.id].sort());
    // Re-importing the same edited text is a no-op.
    const again = await app.api.post(importPath, { text: edited }, await admin());
    expect(again.body.changes).toEqual({ tasksAdded: [], tasksRemoved: [], tasksChanged: [], eventsAffected: [] });
    // Editing the event is the organizer looking at it again.
    const patched = await app.api.patch(`${API}/events/${activity.id}`, { description: '已按修订后的任务调整' }, await app.token('demo-organizer'));
    expect(patched.body.planTaskChanged).toBe(false);
  });

  it('when a re-import drops a campaign, its event is cancelled and a signed-up resident is told', async () => {
    const first = await app.api.post(importPath, { text: langfang2027 }, await admin());
    expectStatus(first, 201);
    const spaceDay = first.body.derivedEvents.find((d: any) => d.campaignName === '中国航天日');
    expect(spaceDay).toMatchObject({ published: true, startsOn: '2027-04-24' });
    const resident = await app.user('demo-resident');
    await app.server.dataSource.getRepository(SignupEntity).insert(
      Object.assign(new SignupEntity(), {
        id: randomUUID(),
        eventId: spaceDay.eventId,
        userId: resident.id,
        name: '张三',
        phone: '13812345678',
        partySize: 1,
        status: 'confirmed',
        seq: 1,
        checkedInAt: null,
        cancelledAt: null,
        createdAt: app.server.clock.now,
        updatedAt: app.server.clock.now,
      }),
    );
    const dry = await app.api.post(`${importPath}?dryRun=1`, { text: langfang2027.replace('中国航天日、', '') }, await admin());
    expect(dry.body.changes.eventsAffected).toEqual([spaceDay.eventId]);
    expect((await app.rows(EventEntity, { id: spaceDay.eventId }))[0]).toMatchObject({ status: 'published' });
    const res = await app.api.post(importPath, { text: langfang2027.replace('中国航天日、', '') }, await admin());
    expectStatus(res, 200);
    expect(res.body.changes.eventsAffected).toEqual([spaceDay.eventId]);
    const [event] = await app.rows(EventEntity, { id: spaceDay.eventId });
    expect(event).toMatchObject({ status: 'cancelled', cancelReason: '工作要点修订后不再包含该主题活动' });
    const told = await app.rows(NotificationEntity, { userId: resident.id, kind: 'event.cancelled' });
    expect(told.map((n) => (n.payload as any).eventId)).toContain(spaceDay.eventId);
  });

  it("when an admin corrects a task's units and the place, the correction survives re-importing the same text, which changes nothing", async () => {
    const text = tangshanText.replaceAll('唐山', '承德');
    const created = await app.api.post(importPath, { text }, await admin());
    expectStatus(created, 201);
    const planId = created.body.plan.id;
    const corrected = await app.api.patch(
      `${API}/plans/${planId}`,
      {
        place: '河北省承德市',
        tasks: [
          {
            number: 3,
            units: [
              { name: '市卫健委', role: 'lead' },
              { name: '市科协', role: 'support' },
            ],
          },
        ],
      },
      await admin(),
    );
    expectStatus(corrected, 200);
    expect(corrected.body.place).toBe('河北省承德市');
    const task3 = corrected.body.tasks.find((t: any) => t.number === 3);
    expect(task3.responsibleUnits).toEqual([
      { name: '市卫健委', organizationId: expect.any(String), role: 'lead', inherited: false },
      { name: '市科协', organizationId: expect.any(String), role: 'support', inherited: false },
    ]);
    const again = await app.api.post(importPath, { text }, await admin());
    expectStatus(again, 200);
    expect(again.body.changes).toEqual({ tasksAdded: [], tasksRemoved: [], tasksChanged: [], eventsAffected: [] });
    expect(again.body.plan).toEqual(corrected.body);
    const audit = await app.rows(AuditEntryEntity, { target: `plan:${planId}` });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['plan.import', 'plan.correct']));
  });

  it("when an admin sets 科技活动周 2027, the campaign is listed with those dates and the plan's event for it appears", async () => {
    const plan = (await app.api.get(`${API}/plans?city=廊坊市`)).body.items[0];
    const before = (await app.api.get(`${API}/plans/${plan.id}`)).body;
    expect(before.campaignsPending).toContainEqual({ code: 'science-tech-week', name: '全国科技活动周' });
    const res = await app.api.put(`${API}/campaigns/science-tech-week/years/2027`, { startsOn: '2027-05-22', endsOn: '2027-05-29' }, await admin());
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ code: 'science-tech-week', year: 2027, startsOn: '2027-05-22', endsOn: '2027-05-29' });
    const listed = (await app.api.get(`${API}/campaigns?year=2027`)).body.items.find((c: any) => c.code === 'science-tech-week');
    expect(listed).toMatchObject({ startsOn: '2027-05-22', endsOn: '2027-05-29' });
    const after = (await app.api.get(`${API}/plans/${plan.id}`)).body;
    expect(after.campaignsPending.map((c: any) => c.code)).not.toContain('science-tech-week');
    const events = (await app.api.get(`${API}/events?city=廊坊市&campaign=science-tech-week&from=2027-01-01T00:00:00%2B08:00&to=2027-12-31T00:00:00%2B08:00`))
      .body.items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'campaign', startsAt: '2027-05-22T00:00:00+08:00' });
    expect(await app.count(AuditEntryEntity, { action: 'campaign.dates' })).toBe(1);
  });

  it("when the catalogue knows the year's dates, setting them answers 409; an unknown campaign 404; a reversed range 400", async () => {
    expectError(
      await app.api.put(`${API}/campaigns/national-science-day/years/2026`, { startsOn: '2026-09-01', endsOn: '2026-09-30' }, await admin()),
      409,
      'CAMPAIGN_DATES_KNOWN',
    );
    expectError(
      await app.api.put(`${API}/campaigns/no-such-day/years/2026`, { startsOn: '2026-09-01', endsOn: '2026-09-30' }, await admin()),
      404,
      'NOT_FOUND',
    );
    expectError(
      await app.api.put(`${API}/campaigns/food-safety-week/years/2026`, { startsOn: '2026-09-30', endsOn: '2026-09-01' }, await admin()),
      400,
      'VALIDATION_FAILED',
    );
  });

  it.each(['demo-resident', 'demo-organizer', 'demo-reviewer'])('when %s corrects a plan or sets campaign dates, it answers 403', async (openid) => {
    const planId = (await app.api.get(`${API}/plans`)).body.items[0].id;
    const token = await app.token(openid);
    expectError(await app.api.patch(`${API}/plans/${planId}`, { place: '某地' }, token), 403, 'FORBIDDEN');
    expectError(await app.api.put(`${API}/campaigns/food-safety-week/years/2026`, { startsOn: '2026-06-01', endsOn: '2026-06-07' }, token), 403, 'FORBIDDEN');
  });
});
