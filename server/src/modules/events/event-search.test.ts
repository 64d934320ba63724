// Search through the gram index answers exactly what the plain LIKE walk answers, page
// by page, on both engines: random events (written, edited, moved and cancelled through
// the ORM, one moved in raw SQL) and random words, with and without the list's filters.
import 'reflect-metadata';
import fc from 'fast-check';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventListQuery } from '@kepu/shared';
import { createTestDatabase, engines, type TestDatabase } from '../../../../tests/databases';
import { openDatabase } from '../../db/data-source';
import { EventEntity } from '../../db/entities/event.entity';
import { OrganizationEntity } from '../../db/entities/organization.entity';
import { readListState } from '../../db/list-state';
import { countEventCards, listEventCards, listQueryForExplain } from './event-list';
import { newEventRow } from './event.row';
import { TaskTitles } from './task-titles';

const NOW = new Date('2026-12-01T00:00:00Z');
const HOUR = 3_600_000;
/** Han words of 2-4 characters and their parts, Latin in both cases and widths, digits, accents, LIKE's wildcards and escape. */
const ALPHABET = [...'急救科普日防震减灾天文aAbＡé e1１⺜%_!（'];
const CITIES = ['甲市', '乙市'];

const text = (max: number) => fc.array(fc.constantFrom(...ALPHABET), { maxLength: max }).map((chars) => chars.join(''));
interface RandomEvent {
  title: string;
  description: string;
  venueName: string;
  startHours: number;
  /** Milliseconds past the hour: MariaDB keeps them (datetime(3)), and ties at the same start are ordered by id. */
  startMs: number;
  hours: number;
  city: string;
  cancelled: boolean;
}
const eventArb: fc.Arbitrary<RandomEvent> = fc.record({
  // Titles often share a word, so a search finds several events, some starting at the same time.
  title: fc.tuple(fc.constantFrom('急救课', '科普日', '防震减灾', ''), text(6)).map(([common, rest]) => common + rest || '科普'),
  description: text(14),
  venueName: text(6).map((v) => v || '馆'),
  // Few distinct hours, so events often start in the same hour or second.
  startHours: fc.constantFrom(-80, -30, -3, 0, 2, 30, 60, 100, 200),
  startMs: fc.constantFrom(0, 7, 450),
  hours: fc.integer({ min: 1, max: 30 }),
  city: fc.constantFrom(...CITIES),
  cancelled: fc.boolean(),
});
const wordArb = fc.oneof(text(4), fc.constantFrom('急救', '科普日', '防震减灾', 'ab', 'AB', 'a', '1', '１1', 'é e', '%', '!_'));
/** A word: random, or (`pick`) a piece of an event's text as it ends up, so most searches find something. */
const queryArb = fc.record({
  word: wordArb,
  pick: fc.option(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 4 })), { nil: undefined }),
  city: fc.option(fc.constantFrom(...CITIES), { nil: undefined }),
  from: fc.option(fc.constantFrom('2026-11-28', '2026-12-03'), { nil: undefined }),
  to: fc.option(fc.constantFrom('2026-12-05'), { nil: undefined }),
  limit: fc.integer({ min: 1, max: 4 }),
});

/** Replaces every event with these; returns their texts as stored at the end. */
async function resetEvents(manager: EntityManager, events: RandomEvent[], organizerId: string): Promise<string[]> {
  await manager.query('DELETE FROM events');
  const repo = manager.getRepository(EventEntity);
  const rows = events.map((e) => {
    const startsAt = new Date(NOW.getTime() + e.startHours * HOUR + e.startMs);
    return newEventRow(
      {
        title: e.title,
        description: e.description,
        venueName: e.venueName,
        kind: 'activity',
        source: 'organizer',
        status: 'published',
        organizerId,
        city: e.city,
        startsAt,
        endsAt: new Date(startsAt.getTime() + e.hours * HOUR),
        capacity: 10,
      },
      NOW,
    );
  });
  await repo.insert(rows);
  // Edits as the services make them: save() of the loaded entity.
  for (const [i, row] of rows.entries()) {
    if (i % 3 === 1) await repo.save(Object.assign(row, { title: `${events[(i + 1) % events.length]!.title}科`, version: row.version + 1 }));
    if (i % 4 === 2) await repo.save(Object.assign(row, { startsAt: new Date(row.startsAt.getTime() - 5 * HOUR) }));
    if (events[i]!.cancelled) await repo.save(Object.assign(row, { status: 'cancelled' }));
  }
  // A move in raw SQL: the trigger keeps the grams' start in step.
  if (rows[0]) await manager.query('UPDATE events SET startsAt = endsAt WHERE id = ?', [rows[0].id]);
  return rows.flatMap((row) => [row.title, row.description, row.venueName]);
}

function wordOf(query: { word: string; pick: [number, number, number] | undefined }, texts: string[]): string {
  if (!query.pick) return query.word.trim();
  const [which, start, length] = query.pick;
  const chars = [...texts[which % texts.length]!];
  const from = start % Math.max(chars.length, 1);
  return chars
    .slice(from, from + length)
    .join('')
    .trim();
}

/** Every page of the indexed list, following the cursor. */
async function indexedIds(manager: EntityManager, query: EventListQuery): Promise<string[]> {
  const ids: string[] = [];
  const state = await readListState(manager);
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const { page } = await listEventCards(manager, { ...query, ...(cursor ? { cursor } : {}) }, null, NOW, state, new TaskTitles());
    ids.push(...page.items.map((item) => item.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('more than 100 pages');
}

/** The plain LIKE walk, as the list ran it before the index, in one page. */
async function likeIds(manager: EntityManager, query: EventListQuery): Promise<string[]> {
  const { text: sql, params } = listQueryForExplain(manager, { ...query, limit: 1000 }, NOW, await readListState(manager));
  return ((await manager.query(sql, params)) as { id: string }[]).map((row) => row.id);
}

describe.each(engines)('keyword search through the gram index on %s', (engine) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let organizerId: string;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    dataSource = await openDatabase(db.config);
    const organization = Object.assign(new OrganizationEntity(), {
      id: 'org-search',
      name: '科协',
      city: '甲市',
      kind: 'custom',
      trusted: true,
      createdAt: NOW,
    });
    await dataSource.getRepository(OrganizationEntity).insert(organization);
    organizerId = organization.id;
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('when events and words are random, then every page holds exactly what LIKE finds, in the same order, and the count agrees', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { minLength: 1, maxLength: 24 }), fc.array(queryArb, { minLength: 1, maxLength: 8 }), async (events, queries) => {
        const texts = await resetEvents(dataSource.manager, events, organizerId);
        for (const { word, pick, ...filters } of queries) {
          const q = wordOf({ word, pick }, texts);
          if (!q) continue;
          const listQuery: EventListQuery = { ...filters, q };
          const like = await likeIds(dataSource.manager, listQuery);
          expect(await indexedIds(dataSource.manager, listQuery)).toEqual(like);
          const { limit: _limit, ...countQuery } = listQuery;
          expect((await countEventCards(dataSource.manager, countQuery, NOW, await readListState(dataSource.manager))).count).toBe(like.length);
        }
      }),
      { numRuns: engine === 'sqlite' ? 60 : 25 },
    );
  });

  it('when events start within the same second, milliseconds apart or at once, then pages follow the list order', async () => {
    const starts = [0, 7, 450, 7, 0, 450];
    const events = starts.map((startMs, i) => ({
      title: `急救课${i}`,
      description: '',
      venueName: '馆',
      startHours: 2,
      startMs,
      hours: 2,
      city: '甲市',
      cancelled: false,
    }));
    await resetEvents(dataSource.manager, events, organizerId);
    for (const limit of [1, 2, 4]) {
      const query = { q: '急救', limit } as EventListQuery;
      expect(await indexedIds(dataSource.manager, query)).toEqual(await likeIds(dataSource.manager, query));
    }
  });

  it('walks the rarest gram on its key in the list order: no sort, and the events read by id', async () => {
    const state = await readListState(dataSource.manager);
    for (const query of [
      { q: '防震减灾', limit: 20 },
      { q: '防震减灾', city: '甲市', limit: 20 },
    ] as EventListQuery[]) {
      const { text: sql, params } = listQueryForExplain(dataSource.manager, query, NOW, state, ['减灾', '防震', '震减']);
      if (engine === 'sqlite') {
        const plan = ((await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[]).map((row) => row.detail);
        expect(plan[0]).toMatch(/^SEARCH g USING PRIMARY KEY \(gram=\? AND startsAt>\?\)/);
        expect(plan.join('\n')).toMatch(/SEARCH e USING INDEX sqlite_autoindex_events_1 \(id=\?\)/);
        expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|SCAN/);
      } else {
        const plan = (await dataSource.query(`EXPLAIN ${sql}`, params)) as { table: string; type: string; key: string; Extra: string | null }[];
        expect(plan.map((row) => [row.table, row.key])).toEqual([
          ['g', 'PRIMARY'],
          ['g1', 'PRIMARY'],
          ['g2', 'PRIMARY'],
          ['e', 'PRIMARY'],
          ['o', 'PRIMARY'],
        ]);
        expect(plan.map((row) => row.Extra ?? '').join(' ')).not.toMatch(/filesort|temporary/i);
      }
    }
  });

  it('when an event is deleted, then its grams go with it', async () => {
    await resetEvents(
      dataSource.manager,
      [{ title: '防震减灾', description: '', venueName: '馆', startHours: 5, startMs: 0, hours: 2, city: '甲市', cancelled: false }],
      organizerId,
    );
    expect(await dataSource.query('SELECT COUNT(*) AS n FROM event_search_grams')).not.toEqual([{ n: 0 }]);
    await dataSource.query('DELETE FROM events');
    const [row] = (await dataSource.query('SELECT COUNT(*) AS n FROM event_search_grams')) as { n: number | string }[];
    expect(Number(row!.n)).toBe(0);
  });

  it("when an update sets an event's text without naming the event, then it fails instead of leaving the index behind", async () => {
    await expect(dataSource.getRepository(EventEntity).update({ city: '甲市' }, { title: '新标题' })).rejects.toThrow(/search index/);
  });
});
