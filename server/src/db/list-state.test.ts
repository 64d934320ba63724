// The counters and the longest duration follow every ORM write to the tables
// the list reads: in the writing transaction, once per transaction, never for
// a write that was rolled back.
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { createTestDatabase, engines, type TestDatabase } from '../../../tests/databases';
import { openDatabase } from './data-source';
import { EventEntity } from './entities/event.entity';
import { listStateReader, readListState } from './list-state';
import { newEventRow } from '../modules/events/event.row';

const HOUR = 3600_000;
const eventOf = (hours: number) =>
  newEventRow(
    {
      title: '活动',
      description: '',
      kind: 'activity',
      source: 'organizer',
      status: 'published',
      organizerId: 'org',
      city: '唐山市',
      venueName: '科技馆',
      startsAt: new Date('2026-12-01T01:00:00Z'),
      endsAt: new Date(Date.parse('2026-12-01T01:00:00Z') + hours * HOUR),
      capacity: 10,
    },
    new Date('2026-11-25T02:00:00Z'),
  );

describe.each(engines)('the list state on %s', (engine) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    dataSource = await openDatabase(db.config);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('when many events are inserted at once outside a transaction, the counter moves once and the longest covers them', async () => {
    const before = await readListState(dataSource.manager);
    await dataSource.getRepository(EventEntity).insert([eventOf(2), eventOf(5), eventOf(3)]);
    const after = await readListState(dataSource.manager);
    expect(BigInt(after.events) - BigInt(before.events)).toBe(1n);
    expect(after.plans).toBe(before.plans);
    expect(after.longestMs).toBe(5 * HOUR);
  });

  it('when a transaction writes several times, the counter moves once at its commit; a rolled-back one moves nothing', async () => {
    const before = await readListState(dataSource.manager);
    await dataSource.transaction(async (manager) => {
      const event = eventOf(1);
      await manager.getRepository(EventEntity).insert(event);
      await manager.getRepository(EventEntity).update({ id: event.id }, { confirmedCount: 1 });
      // Not visible to others before the commit.
      expect((await readListState(dataSource.manager)).events).toBe(before.events);
    });
    const committed = await readListState(dataSource.manager);
    expect(BigInt(committed.events) - BigInt(before.events)).toBe(1n);

    await expect(
      dataSource.transaction(async (manager) => {
        await manager.getRepository(EventEntity).insert(eventOf(100));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await readListState(dataSource.manager)).toEqual(committed);
  });

  it('when an update moves only the end, the longest duration is worked out by the database', async () => {
    const event = eventOf(1);
    await dataSource.getRepository(EventEntity).insert(event);
    await dataSource.getRepository(EventEntity).update({ id: event.id }, { endsAt: new Date(event.startsAt.getTime() + 48 * HOUR) });
    const state = await readListState(dataSource.manager);
    expect(state.longestMs).toBeGreaterThanOrEqual(48 * HOUR);
    expect(state.longestMs).toBeLessThanOrEqual(48 * HOUR + 1000);
  });

  it('when the hot path reads the counters straight on the driver, it reads what readListState reads, write after write', async () => {
    const read = listStateReader(dataSource.manager);
    const viaTypeorm = jest.spyOn(dataSource.manager, 'query');
    const before = await read();
    // Not through a TypeORM query runner: that is the point of it.
    expect(viaTypeorm).not.toHaveBeenCalled();
    viaTypeorm.mockRestore();
    expect(before).toEqual(await readListState(dataSource.manager));
    await dataSource.getRepository(EventEntity).insert(eventOf(7));
    const after = await read();
    expect(after).toEqual(await readListState(dataSource.manager));
    expect(BigInt(after.events) - BigInt(before.events)).toBe(1n);
    expect(after.longestMs).toBeGreaterThanOrEqual(7 * HOUR);
  });
});
