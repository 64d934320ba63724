// One way to run a unit of work atomically on either engine. SQLite has one
// connection per process, so its transactions queue behind each other here and
// take the file's write lock as they begin; MySQL gets real transactions,
// retried when InnoDB picks them as a deadlock victim.
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** How TypeORM begins a SQLite transaction (savepoints of nested ones are left alone). */
const DEFERRED_BEGIN = /^\s*BEGIN(\s+DEFERRED)?(\s+TRANSACTION)?\s*;?\s*$/i;

const RETRYABLE_MYSQL_ERRNOS = new Set([1213 /* deadlock */, 1205 /* lock wait timeout */]);

export class Transactions {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'mysql') return this.runMysql(work);
    const result = this.sqliteQueue.then(() => this.runSqlite(work));
    this.sqliteQueue = result.catch(() => undefined);
    return result;
  }

  /**
   * BEGIN IMMEDIATE takes the write lock up front, waiting out the busy timeout while another
   * process writes. TypeORM's plain BEGIN defers it to the first write, and a transaction that
   * read first cannot wait then: SQLite fails it with "database is locked" at once. Only the
   * statement changes: TypeORM still runs the transaction, so its subscribers see it begin and end.
   */
  private async runSqlite<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const plainQuery = runner.query.bind(runner) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
    runner.query = ((sql: string, ...rest: unknown[]) =>
      plainQuery(DEFERRED_BEGIN.test(sql) ? 'BEGIN IMMEDIATE TRANSACTION' : sql, ...rest)) as typeof runner.query;
    try {
      return await runner.manager.transaction(work);
    } finally {
      await runner.release();
    }
  }

  private async runMysql<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction('READ COMMITTED', work);
      } catch (error) {
        const errno = (error as { driverError?: { errno?: number }; errno?: number }).driverError?.errno ?? (error as { errno?: number }).errno;
        if (attempt >= 5 || errno === undefined || !RETRYABLE_MYSQL_ERRNOS.has(errno)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
      }
    }
  }
}

/** Reads a row and, on MySQL, holds its write lock until the transaction ends. */
export async function findForUpdate<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, id: string): Promise<T | null> {
  const query = manager.createQueryBuilder(entity, 'row').where('row.id = :id', { id });
  if (manager.connection.options.type === 'mysql') query.setLock('pessimistic_write');
  return query.getOne();
}

/**
 * A use case that runs as one transaction. Write it as a function of the
 * transaction's EntityManager; `transactional` turns it into a function of
 * the Transactions runner that opens that transaction itself:
 *
 *   export const cancelEvent = transactional(async (manager: EntityManager, user: AuthUser, ...) => { ... });
 *   await cancelEvent(deps.tx, user, ...);            // a route: its own transaction
 *   await cancelEvent.within(manager, user, ...);     // another use case: joins the caller's transaction
 *
 * So a route never decides where a transaction starts or ends, and a use case
 * called from another commits or rolls back with it. Reads need no transaction:
 * they take an EntityManager (routes pass deps.dataSource.manager).
 */
export type UseCase<Args extends unknown[], Result> = ((tx: Transactions, ...args: Args) => Promise<Result>) & {
  /** Runs inside a transaction the caller already holds. */
  within: (manager: EntityManager, ...args: Args) => Promise<Result>;
};

export function transactional<Args extends unknown[], Result>(work: (manager: EntityManager, ...args: Args) => Promise<Result>): UseCase<Args, Result> {
  const inOwnTransaction = (tx: Transactions, ...args: Args) => tx.run((manager) => work(manager, ...args));
  return Object.assign(inOwnTransaction, { within: work });
}
