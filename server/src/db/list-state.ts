// What every process needs to know, cheaply, about the rows behind the public
// event list: whether anything it shows changed (version counters), and the
// longest an event has ever lasted (the list's lower time bound).
//
// Kept correct by one TypeORM subscriber rather than by each use case: every
// insert, update or delete through the ORM on a table the list reads from marks
// its transaction, and just before that transaction commits the counters are
// bumped in it (a write outside a transaction bumps at once). So a write and
// its bump commit together, a rolled-back write bumps nothing, and a writer
// added later cannot forget. Bumping last also means the counter row is locked
// for the commit only, after the rows the write locked itself: no deadlock
// cycle through it. Raw SQL writes to these tables bypass the ORM and must call
// refreshListState afterwards (the bench seeds this way).
import {
  EventSubscriber,
  type EntityManager,
  type EntitySubscriberInterface,
  type InsertEvent,
  type QueryRunner,
  type RemoveEvent,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
  type UpdateEvent,
} from 'typeorm';

/** Tables whose rows the list shows: events, their plan-task links and organizers. */
const EVENT_TABLES = new Set(['events', 'event_plan_tasks', 'organizations']);
/** Plan-task titles appear on cards too, and have their own cache. */
const PLAN_TABLES = new Set(['plan_tasks', 'plans']);

export interface ListState {
  /** Changes whenever an event, link or organizer row changes. */
  events: string;
  /** Changes whenever a plan or plan task changes. */
  plans: string;
  /** No event lasts longer (it may have once: the bound only grows). */
  longestMs: number;
}

const LIST_STATE_SQL = `SELECT (SELECT version FROM cache_versions WHERE name = 'events') AS events,
            (SELECT version FROM cache_versions WHERE name = 'plans') AS plans,
            (SELECT longestSeconds FROM event_stats WHERE id = 1) AS longest`;

type StateRow = { events: unknown; plans: unknown; longest: unknown } | undefined;

function stateOf(row: StateRow): ListState {
  return { events: String(row?.events), plans: String(row?.plans), longestMs: Number(row?.longest ?? 0) * 1000 };
}

/** One indexed read of both counters and the bound. */
export async function readListState(manager: EntityManager): Promise<ListState> {
  const [row] = (await manager.query(LIST_STATE_SQL)) as StateRow[];
  return stateOf(row);
}

/** What the raw drivers under TypeORM offer for this one statement. */
interface SqliteHandle {
  open: boolean;
  prepare(sql: string): { get(): unknown };
}
interface MysqlPool {
  execute(sql: string, callback: (error: Error | null, rows: unknown) => void): void;
}

/**
 * readListState for the hot path (every anonymous list and detail request):
 * the same statement, straight on the driver under TypeORM (a prepared
 * better-sqlite3 statement; mysql2's pool.execute, prepared once per pooled
 * connection) instead of through a query runner. Same connection, same
 * answer; errors are the drivers' own, which the error middleware maps the
 * same way (503 while the database is away). Falls back to readListState when
 * the driver is neither.
 */
export function listStateReader(manager: EntityManager): () => Promise<ListState> {
  // Chosen on the first read: the driver exists once the data source is initialized.
  let read: (() => Promise<ListState>) | null = null;
  return () => (read ??= driverReader(manager))();
}

function driverReader(manager: EntityManager): () => Promise<ListState> {
  const driver = manager.connection.driver as unknown as { databaseConnection?: SqliteHandle; pool?: MysqlPool };
  const type = manager.connection.options.type;
  if (type === 'better-sqlite3') {
    let preparedOn: SqliteHandle | null = null;
    let statement: { get(): unknown } | null = null;
    return async () => {
      const db = driver.databaseConnection;
      if (!db?.open) return readListState(manager);
      // Prepared again if TypeORM reopened the database.
      if (db !== preparedOn || !statement) {
        statement = db.prepare(LIST_STATE_SQL);
        preparedOn = db;
      }
      return stateOf(statement.get() as StateRow);
    };
  }
  if (type === 'mysql') {
    return () => {
      const pool = driver.pool;
      if (!pool) return readListState(manager);
      return new Promise<ListState>((resolve, reject) => {
        pool.execute(LIST_STATE_SQL, (error, rows) => (error ? reject(error) : resolve(stateOf((rows as StateRow[])[0]))));
      });
    };
  }
  return () => readListState(manager);
}

/**
 * After writes that bypassed the ORM (raw SQL, a bulk seed): recomputes the
 * longest duration exactly and bumps both counters, so every process drops
 * what it cached.
 */
export async function refreshListState(manager: EntityManager): Promise<void> {
  await manager.query(
    `UPDATE event_stats SET longestSeconds = (SELECT COALESCE(MAX(${durationSql(manager.connection.options.type)}), 0) + 1 FROM events) WHERE id = 1`,
  );
  await manager.query(`UPDATE cache_versions SET version = version + 1`);
}

function durationSql(engine: string): string {
  return engine === 'mysql' ? 'TIMESTAMPDIFF(SECOND, startsAt, endsAt)' : 'CAST((julianday(endsAt) - julianday(startsAt)) * 86400 AS INTEGER)';
}

/** What one transaction (or one write outside a transaction) changed. */
interface Pending {
  events: boolean;
  plans: boolean;
  /** Longest duration written, in whole seconds rounded up. */
  longestSeconds: number;
  /** An update set one of startsAt/endsAt without the other: the duration is only known to the database. */
  recompute: boolean;
}

const pendingByRunner = new WeakMap<QueryRunner, Pending>();

function pendingOf(runner: QueryRunner): Pending {
  let pending = pendingByRunner.get(runner);
  if (!pending) {
    pending = { events: false, plans: false, longestSeconds: 0, recompute: false };
    pendingByRunner.set(runner, pending);
  }
  return pending;
}

function isTime(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

// Registered in data-source.ts; the decorator is how TypeORM accepts a class as a subscriber.
@EventSubscriber()
export class ListStateSubscriber implements EntitySubscriberInterface {
  afterInsert(event: InsertEvent<Record<string, unknown>>): Promise<void> {
    return this.noteWrite(event.queryRunner, event.metadata.tableName, event.entity, true);
  }

  afterUpdate(event: UpdateEvent<Record<string, unknown>>): Promise<void> {
    return this.noteWrite(event.queryRunner, event.metadata.tableName, event.entity, false);
  }

  afterRemove(event: RemoveEvent<Record<string, unknown>>): Promise<void> {
    return this.noteWrite(event.queryRunner, event.metadata.tableName, undefined, false);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    await flush(event.queryRunner);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    // A savepoint rolled back may leave marks of writes that are gone: bumping anyway is only a cache miss.
    if (!event.queryRunner.isTransactionActive) pendingByRunner.delete(event.queryRunner);
  }

  private async noteWrite(runner: QueryRunner, table: string, entity: Record<string, unknown> | undefined, inserted: boolean): Promise<void> {
    const isEvents = EVENT_TABLES.has(table);
    const isPlans = PLAN_TABLES.has(table);
    if (!isEvents && !isPlans) return;
    const pending = pendingOf(runner);
    if (isEvents) pending.events = true;
    if (isPlans) pending.plans = true;
    if (table === 'events' && entity) {
      const { startsAt, endsAt } = entity;
      if (isTime(startsAt) && isTime(endsAt)) {
        pending.longestSeconds = Math.max(pending.longestSeconds, Math.ceil((endsAt.getTime() - startsAt.getTime()) / 1000));
      } else if (inserted || 'startsAt' in entity || 'endsAt' in entity) {
        // A time written without the other one: only the database knows the duration now.
        pending.recompute = true;
      }
    }
    if (!runner.isTransactionActive) await flushSoon(runner);
  }
}

const scheduledFlushes = new WeakMap<QueryRunner, Promise<void>>();

/**
 * A write outside a transaction has committed already: bump now. One insert of
 * many rows reports each row in the same tick; they share one flush.
 */
function flushSoon(runner: QueryRunner): Promise<void> {
  let scheduled = scheduledFlushes.get(runner);
  if (!scheduled) {
    scheduled = Promise.resolve().then(() => {
      scheduledFlushes.delete(runner);
      return flush(runner);
    });
    scheduledFlushes.set(runner, scheduled);
  }
  return scheduled;
}

async function flush(runner: QueryRunner): Promise<void> {
  const pending = pendingByRunner.get(runner);
  if (!pending) return;
  pendingByRunner.delete(runner);
  const names = [...(pending.events ? ['events'] : []), ...(pending.plans ? ['plans'] : [])];
  if (pending.recompute) {
    const greatest = runner.connection.options.type === 'mysql' ? 'GREATEST' : 'MAX';
    await runner.query(
      `UPDATE event_stats SET longestSeconds = ${greatest}(longestSeconds, (SELECT COALESCE(MAX(${durationSql(runner.connection.options.type)}), 0) + 1 FROM events)) WHERE id = 1`,
    );
  } else if (pending.longestSeconds > 0) {
    await runner.query('UPDATE event_stats SET longestSeconds = ? WHERE id = 1 AND longestSeconds < ?', [pending.longestSeconds, pending.longestSeconds]);
  }
  if (names.length) await runner.query(`UPDATE cache_versions SET version = version + 1 WHERE name IN (${names.map(() => '?').join(', ')})`, names);
}
