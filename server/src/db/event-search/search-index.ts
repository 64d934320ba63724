// Owns: the search index of events (event_search_grams: each gram of an event's title,
// description and venue name, with the event's start so a gram's events read in list
// order): keeping it in step with every ORM write, and rebuilding it. Does not own:
// searching (modules/events/event-search.ts), or what matches (the list's LIKE). It
// lives beside list-state.ts for the same reason: the data source registers its
// subscriber, and db/ does not import feature modules.
//
// Kept in step without each use case doing it: an insert of an event, or a save that
// changes its text, re-reads the event's row in the same transaction and replaces its
// grams (EventSearchSubscriber). An ORM update() that sets the text without naming the
// event cannot be followed and throws. Triggers of migration 1766400000000 copy a new
// startsAt onto the grams and drop the grams of a deleted event, whoever writes. Raw
// SQL inserts or text updates (the bench's seed) call reindexEvents or
// rebuildSearchIndex afterwards.
import { EventSubscriber, type EntityManager, type EntitySubscriberInterface, type InsertEvent, type UpdateEvent } from 'typeorm';
import { textGrams } from './grams';

export const SEARCH_TABLE = 'event_search_grams';

/** The event columns a search matches on (the list's LIKE). */
export const SEARCHED_COLUMNS = ['title', 'description', 'venueName'] as const;

/** Events read per statement when (re)indexing. */
const EVENTS_PER_READ = 500;
/** Gram rows per INSERT: 3 parameters each, under SQLite's bound-parameter limit. */
const GRAMS_PER_INSERT = 1000;

interface TextRow {
  id: string;
  title: string;
  description: string;
  venueName: string;
  /** As the driver returns it, written back unchanged so it equals events.startsAt exactly. */
  startsAt: unknown;
}

/** Inserts the rows' grams in key order, so each statement's rows land near each other in the index. */
async function insertGramsOf(manager: EntityManager, rows: TextRow[]): Promise<void> {
  const tuples: [string, unknown, string][] = [];
  for (const row of rows) for (const gram of textGrams([row.title, row.description, row.venueName])) tuples.push([gram, row.startsAt, row.id]);
  tuples.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let i = 0; i < tuples.length; i += GRAMS_PER_INSERT) {
    const chunk = tuples.slice(i, i + GRAMS_PER_INSERT);
    await manager.query(`INSERT INTO ${SEARCH_TABLE} (gram, startsAt, eventId) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`, chunk.flat());
  }
}

const TEXT_SELECT = `SELECT id, ${SEARCHED_COLUMNS.join(', ')}, startsAt FROM events`;

/** Replaces the grams of these events with those of their text as stored now; `fresh`: they have none yet (just inserted). */
export async function reindexEvents(manager: EntityManager, ids: readonly string[], fresh = false): Promise<void> {
  for (let i = 0; i < ids.length; i += EVENTS_PER_READ) {
    const chunk = [...new Set(ids.slice(i, i + EVENTS_PER_READ))];
    const marks = chunk.map(() => '?').join(', ');
    if (!fresh) await manager.query(`DELETE FROM ${SEARCH_TABLE} WHERE eventId IN (${marks})`, chunk);
    await insertGramsOf(manager, (await manager.query(`${TEXT_SELECT} WHERE id IN (${marks})`, chunk)) as TextRow[]);
  }
}

/** Events read per batch of a rebuild: the batch's grams are sorted together before they are written. */
const EVENTS_PER_REBUILD_READ = 5000;
/** SQLite's page cache during a rebuild, in KiB (its default, 2 MB, makes the index's random inserts re-read pages). */
const REBUILD_CACHE_KIB = 256 * 1024;

/** Indexes every event afresh (the migration's backfill; a seed written in raw SQL). Run it in a transaction. */
export async function rebuildSearchIndex(manager: EntityManager): Promise<void> {
  const sqlite = manager.connection.options.type !== 'mysql';
  const [cache] = sqlite ? ((await manager.query('PRAGMA cache_size')) as { cache_size: number }[]) : [];
  if (cache) await manager.query(`PRAGMA cache_size = -${REBUILD_CACHE_KIB}`);
  try {
    await manager.query(`DELETE FROM ${SEARCH_TABLE}`);
    let after = '';
    for (;;) {
      const rows = (await manager.query(`${TEXT_SELECT} WHERE id > ? ORDER BY id LIMIT ${EVENTS_PER_REBUILD_READ}`, [after])) as TextRow[];
      if (rows.length === 0) return;
      await insertGramsOf(manager, rows);
      after = rows[rows.length - 1]!.id;
    }
  } finally {
    if (cache) await manager.query(`PRAGMA cache_size = ${Number(cache.cache_size)}`);
  }
}

/** An event's searched text changed: its grams must follow. */
function touchesText(entity: Record<string, unknown> | undefined, updated: readonly { propertyName: string }[]): boolean {
  if (updated.length > 0) return updated.some((column) => (SEARCHED_COLUMNS as readonly string[]).includes(column.propertyName));
  return entity !== undefined && SEARCHED_COLUMNS.some((column) => column in entity);
}

// Registered in data-source.ts, as ListStateSubscriber is.
@EventSubscriber()
export class EventSearchSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<Record<string, unknown>>): Promise<void> {
    if (event.metadata.tableName !== 'events') return;
    const id = event.entity?.id;
    if (typeof id === 'string') await reindexEvents(event.manager, [id], true);
  }

  async afterUpdate(event: UpdateEvent<Record<string, unknown>>): Promise<void> {
    if (event.metadata.tableName !== 'events' || !touchesText(event.entity as Record<string, unknown> | undefined, event.updatedColumns)) return;
    const id = (event.entity as Record<string, unknown> | undefined)?.id ?? (event.databaseEntity as Record<string, unknown> | undefined)?.id;
    if (typeof id !== 'string') {
      throw new Error(
        `An update of events.${SEARCHED_COLUMNS.join('/')} without the event's id: the search index cannot follow it (use save, or call reindexEvents)`,
      );
    }
    await reindexEvents(event.manager, [id]);
  }
}
