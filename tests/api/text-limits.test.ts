// Every text a request schema accepts fits its column on both engines: the
// longest value each schema allows, made of 4-byte emoji and CJK (what fills a
// utf8mb4 column fastest), is written through the API and read back intact.
// MariaDB counts VARCHAR(n) in characters but TEXT in bytes (64 KB), so the
// limits come from the schemas themselves, not from numbers copied here.
import type { ZodType } from 'zod';
import {
  applicationDecisionSchema,
  cancelEventSchema,
  correctPlanSchema,
  createEventSchema,
  createShiftSchema,
  createSignupSchema,
  devLoginSchema,
  reviewEventSchema,
  updateMeSchema,
  volunteerProfileSchema,
} from '@kepu/shared';
import { apiRoutes } from '../../server/src/app';
import type { AppDeps } from '../../server/src/deps';
import { AuditEntryEntity } from '../../server/src/db/entities/audit-entry.entity';
import { PlanEntity } from '../../server/src/db/entities/plan.entity';
import { jsonSchemaOf, type JsonSchema } from '../fuzz/generate';
import { engines } from './harness';
import { API, createDraft, expectStatus, publishActivity, useTestApp } from './fixtures';

// Migrations and seed plans on MariaDB, and a plan re-parsed after its correction.
jest.setTimeout(60_000);

/** The schema's node at a dotted path ('venue.name', 'audiences.items'). */
function nodeAt(schema: ZodType, path: string): JsonSchema {
  let node = jsonSchemaOf(schema);
  for (const key of path.split('.')) {
    node = (key === 'items' ? node.items : node.properties?.[key])!;
    node = node.anyOf?.find((branch) => branch.type !== 'null') ?? node;
    if (!node) throw new Error(`no ${path} in the schema`);
  }
  return node;
}
const maxLength = (schema: ZodType, path: string) => nodeAt(schema, path).maxLength!;
const maxItems = (schema: ZodType, path: string) => nodeAt(schema, path).maxItems!;

/** Exactly `units` UTF-16 code units (what zod counts), 4-byte emoji and CJK in turn, no blank to trim. */
function longest(units: number, salt = 0): string {
  let out = '';
  for (let i = salt; out.length < units; i += 1) out += units - out.length >= 2 && i % 2 === 0 ? '🧪' : '科普汇活动'[i % 5];
  return out;
}

describe.each(engines)('the longest texts the schemas accept, on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });

  it('when an event has every text at its limit, it is stored and read back unchanged (title, description, place, tags, reasons)', async () => {
    const organizer = await app.token('demo-organizer');
    const texts = {
      title: longest(maxLength(createEventSchema, 'title')),
      description: longest(maxLength(createEventSchema, 'description')),
      district: longest(maxLength(createEventSchema, 'district')),
      audiences: Array.from({ length: maxItems(createEventSchema, 'audiences') }, (_, i) => longest(maxLength(createEventSchema, 'audiences.items'), i)),
      themes: Array.from({ length: maxItems(createEventSchema, 'themes') }, (_, i) => longest(maxLength(createEventSchema, 'themes.items'), i + 1)),
    };
    const venue = {
      name: longest(maxLength(createEventSchema, 'venue.name')),
      address: longest(maxLength(createEventSchema, 'venue.address')),
      lat: null,
      lng: null,
    };
    const draft = await createDraft(app, { ...texts, venue });
    const read = (await app.api.get(`${API}/events/${draft.id}`, organizer)).body;
    expect({ ...read, venue: { ...read.venue } }).toMatchObject({ ...texts, venue });

    const reason = longest(maxLength(reviewEventSchema, 'reason'));
    expectStatus(await app.api.post(`${API}/events/${draft.id}/submit`, undefined, organizer), 200);
    expectStatus(await app.api.post(`${API}/events/${draft.id}/review`, { decision: 'reject', reason }, await app.token('demo-reviewer')), 200);
    expect((await app.api.get(`${API}/events/${draft.id}`, organizer)).body.reviewReason).toBe(reason);

    const published = await publishActivity(app);
    const cancelReason = longest(maxLength(cancelEventSchema, 'reason'), 1);
    expectStatus(await app.api.post(`${API}/events/${published.id}/cancel`, { reason: cancelReason }, organizer), 200);
    expect((await app.api.get(`${API}/events/${published.id}`)).body.cancelReason).toBe(cancelReason);
  });

  it('when the name and city of an organization are at their limits, it is stored and found by its city', async () => {
    const admin = await app.token('demo-admin');
    // The organization body is the route's own schema: read it from the declaration.
    const deps = { config: app.server.config, dataSource: app.server.dataSource, tx: app.server.tx, clock: () => app.server.clock.now } as AppDeps;
    const body = apiRoutes(deps).find((r) => r.method === 'post' && r.path === '/organizations')!.body!;
    const city = longest(maxLength(body, 'city'));
    const name = longest(maxLength(body, 'name'));
    const created = await app.api.post(`${API}/organizations`, { name, city }, admin);
    expectStatus(created, 201);
    expect((await app.api.get(`${API}/organizations?city=${encodeURIComponent(city)}`)).body.items.map((o: { name: string }) => o.name)).toEqual([name]);
  });

  it('when a sign-up name, a nickname and a volunteer profile are at their limits, each is read back unchanged', async () => {
    const event = await publishActivity(app);
    const name = longest(maxLength(createSignupSchema, 'name'));
    const signedUp = await app.api.post(`${API}/events/${event.id}/signups`, { name, phone: '13812345678' }, await app.token('limits-resident'));
    expectStatus(signedUp, 201);
    const listed = await app.api.get(`${API}/events/${event.id}/signups?unmask=1`, await app.token('demo-organizer'));
    expect(listed.body.items.map((s: { name: string }) => s.name)).toContain(name);

    const nickname = longest(maxLength(devLoginSchema, 'nickname'));
    const session = await app.api.login('limits-nickname', nickname);
    expect(session.user.nickname).toBe(nickname);
    const renamed = longest(maxLength(updateMeSchema, 'nickname'), 1);
    expectStatus(await app.api.patch(`${API}/me`, { nickname: renamed }, session.token), 200);
    expect((await app.api.get(`${API}/me`, session.token)).body.nickname).toBe(renamed);

    const profile = {
      realName: longest(maxLength(volunteerProfileSchema, 'realName')),
      phone: '13700001111',
      skills: ['科普讲解'],
      tags: Array.from({ length: maxItems(volunteerProfileSchema, 'tags') }, (_, i) => longest(maxLength(volunteerProfileSchema, 'tags.items'), i)),
      team: longest(maxLength(volunteerProfileSchema, 'team')),
      bio: longest(maxLength(volunteerProfileSchema, 'bio')),
    };
    const volunteer = await app.token('limits-volunteer');
    expectStatus(await app.api.put(`${API}/me/volunteer`, profile, volunteer), 201);
    expect((await app.api.get(`${API}/me/volunteer`, volunteer)).body).toMatchObject(profile);
  });

  it('when a shift and a decision are at their limits, they are read back unchanged', async () => {
    const event = await publishActivity(app);
    const organizer = await app.token('demo-organizer');
    const shift = {
      role: longest(maxLength(createShiftSchema, 'role')),
      description: longest(maxLength(createShiftSchema, 'description')),
      startsAt: '2026-12-05T08:30:00+08:00',
      endsAt: '2026-12-05T12:00:00+08:00',
      slots: 2,
    };
    const created = await app.api.post(`${API}/events/${event.id}/shifts`, shift, organizer);
    expectStatus(created, 201);
    const listed = (await app.api.get(`${API}/events/${event.id}/shifts`)).body;
    expect((listed.items ?? listed).find((s: { id: string }) => s.id === created.body.id)).toMatchObject({ role: shift.role, description: shift.description });

    const volunteer = await app.token('limits-volunteer');
    const applied = await app.api.post(`${API}/shifts/${created.body.id}/applications`, undefined, volunteer);
    expectStatus(applied, 201);
    const reason = longest(maxLength(applicationDecisionSchema, 'reason'));
    const decided = await app.api.post(`${API}/applications/${applied.body.id}/decision`, { decision: 'reject', reason }, organizer);
    expectStatus(decided, 200);
    expect(decided.body.decisionReason).toBe(reason);
  });

  it('when an admin corrects every task of a plan with the most units of the longest names, the corrections (over 64 KB) and their audit are stored', async () => {
    const admin = await app.token('demo-admin');
    const plans = (await app.api.get(`${API}/plans`)).body.items;
    const plan = (await app.api.get(`${API}/plans/${plans[0].id}`)).body;
    const units = maxItems(correctPlanSchema, 'tasks.items.units');
    const nameLength = maxLength(correctPlanSchema, 'tasks.items.units.items.name');
    const tasks = plan.tasks.map((_: unknown, i: number) => ({
      ordinal: i + 1,
      units: Array.from({ length: units }, (__, u) => ({ name: `${u}${longest(nameLength - String(u).length, i + u)}`, role: null })),
    }));
    const place = longest(maxLength(correctPlanSchema, 'place'));
    const body = { place, tasks };
    // Big enough to overflow a 64 KB TEXT column in utf8mb4, small enough for the 1 MB body limit.
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(65_535);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(1024 * 1024);
    const corrected = await app.api.patch(`${API}/plans/${plan.id}`, body, admin);
    expectStatus(corrected, 200);
    expect(corrected.body.place).toBe(place);
    expect(corrected.body.tasks[0].responsibleUnits.map((u: { name: string }) => u.name)).toEqual(tasks[0].units.map((u: { name: string }) => u.name));
    const stored = await app.server.dataSource.getRepository(PlanEntity).findOneByOrFail({ id: plan.id });
    // Stored in the order made, each by position with an anchor to find its task again.
    expect(stored.corrections!.place).toBe(place);
    expect(stored.corrections!.tasks!.map(({ ordinal, units: written }) => ({ ordinal, units: written }))).toEqual(tasks);
    const audits = await app.rows(AuditEntryEntity, { action: 'plan.correct' });
    expect(audits.map((a) => a.details)).toContainEqual({ place, tasks });
  });
});
