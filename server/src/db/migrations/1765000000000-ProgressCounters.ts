// Plan progress (GET /plans/:id/progress) counted each linked event's sign-ups,
// check-ins and certified hours from their rows on every request, and grouped
// the plan's links per event: seconds at 100,000 events. Now:
// - each event carries those three tallies (confirmedSignupCount, checkedInCount,
//   volunteerCents), kept by triggers on signups and shift_applications in the
//   writing transaction;
// - each plan-task link carries a copy of them and of its event's status, kept by
//   the same triggers, one on events (status) and one on new links (copy);
// - covering indexes: (planId, taskNumber, eventStatus, tallies) replaces
//   ix_event_plan_tasks_plan, and ix_event_plan_tasks_plan_event gains the copies,
//   so progress reads those two indexes alone, with no join to events (a look-up
//   per event costs ~0.3 s at 100,000 on MariaDB, ~0.2 s on SQLite).
//
// Why triggers and not the services: every writer keeps them right, including
// multi-row INSERTs (the bench's fixtures, tests that seed at scale) and any
// future code path; an increment in SQL needs no read of the event first, so
// two check-ins at once both count. Cascaded deletes skip MariaDB triggers, but
// they only happen when the event row itself goes (and its links with it).
//
// What they count is exactly what the old query did: confirmed sign-ups (rows,
// one per attendee, not seats), sign-ups checked in whatever their status now,
// and ROUND(hours * 100) of completed volunteer applications.
//
// Later migrations, beware (SQLite): TypeORM alters a SQLite table by copying it to
// a new one and renaming that. Recreating signups, shift_applications or events that
// way drops the triggers on it, and the rename fails while a trigger on another table
// names the one being recreated. Such a migration drops these triggers first and
// creates them again after (dropProgressTriggers / createProgressTriggers below);
// progress-counters-migration.test.ts checks they work after every migration.
import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const counters = ['confirmedSignupCount', 'checkedInCount', 'volunteerCents'] as const;
const copied = ['eventStatus', ...counters] as const;

type Row = 'NEW' | 'OLD';
/** [counter, what one row adds to it] */
type Terms = (row: Row) => [string, string][];
const signupTerms: Terms = (row) => [
  ['confirmedSignupCount', `CASE WHEN ${row}.status = 'confirmed' THEN 1 ELSE 0 END`],
  ['checkedInCount', `CASE WHEN ${row}.checkedInAt IS NOT NULL THEN 1 ELSE 0 END`],
];
const applicationTerms: Terms = (row) => [['volunteerCents', `CASE WHEN ${row}.status = 'completed' THEN COALESCE(ROUND(${row}.hours * 100), 0) ELSE 0 END`]];

/** The event's row and its links move together. */
const bump = (terms: [string, string][], sign: '+' | '-', row: Row) => {
  const set = terms.map(([column, term]) => `${column} = ${column} ${sign} ${term}`).join(', ');
  return [`UPDATE events SET ${set} WHERE id = ${row}.eventId`, `UPDATE event_plan_tasks SET ${set} WHERE eventId = ${row}.eventId`];
};

interface Trigger {
  name: string;
  /** e.g. AFTER INSERT ON signups */
  on: string;
  condition: string;
  statements: string[];
}

/** The three triggers that keep one table's tallies. */
function counterTriggers(table: string, terms: Terms): Trigger[] {
  const changed = terms('NEW')
    .map(([, term], i) => `(${term}) <> (${terms('OLD')[i]![1]})`)
    .concat('NEW.eventId <> OLD.eventId')
    .join(' OR ');
  const counts = (row: Row) =>
    terms(row)
      .map(([, term]) => `(${term}) <> 0`)
      .join(' OR ');
  return [
    { name: `tr_${table}_progress_ins`, on: `AFTER INSERT ON ${table}`, condition: counts('NEW'), statements: bump(terms('NEW'), '+', 'NEW') },
    // Only changes that move a tally touch the event (an erasure's blanking of names does not).
    {
      name: `tr_${table}_progress_upd`,
      on: `AFTER UPDATE ON ${table}`,
      condition: changed,
      statements: [...bump(terms('OLD'), '-', 'OLD'), ...bump(terms('NEW'), '+', 'NEW')],
    },
    { name: `tr_${table}_progress_del`, on: `AFTER DELETE ON ${table}`, condition: counts('OLD'), statements: bump(terms('OLD'), '-', 'OLD') },
  ];
}

const eventStatusTrigger: Trigger = {
  name: 'tr_events_progress_status',
  on: 'AFTER UPDATE ON events',
  condition: 'NEW.status <> OLD.status',
  statements: ['UPDATE event_plan_tasks SET eventStatus = NEW.status WHERE eventId = NEW.id'],
};

const fromEvent = (column: string, eventId: string) => `(SELECT e.${column === 'eventStatus' ? 'status' : column} FROM events e WHERE e.id = ${eventId})`;

function createTrigger(mysql: boolean, { name, on, condition, statements }: Trigger): string {
  return mysql
    ? `CREATE TRIGGER ${name} ${on} FOR EACH ROW BEGIN IF ${condition} THEN ${statements.join('; ')}; END IF; END`
    : `CREATE TRIGGER ${name} ${on} FOR EACH ROW WHEN ${condition} BEGIN ${statements.join('; ')}; END`;
}

/** A new link starts with its event's status and tallies (MariaDB can set NEW before the insert; SQLite updates the row after it). */
function linkCopyTrigger(mysql: boolean): string {
  return mysql
    ? `CREATE TRIGGER tr_event_plan_tasks_progress_ins BEFORE INSERT ON event_plan_tasks FOR EACH ROW BEGIN ${copied
        .map((c) => `SET NEW.${c} = COALESCE(${fromEvent(c, 'NEW.eventId')}, NEW.${c})`)
        .join('; ')}; END`
    : `CREATE TRIGGER tr_event_plan_tasks_progress_ins AFTER INSERT ON event_plan_tasks FOR EACH ROW BEGIN UPDATE event_plan_tasks SET ${copied
        .map((c) => `${c} = COALESCE(${fromEvent(c, 'NEW.eventId')}, ${c})`)
        .join(', ')} WHERE eventId = NEW.eventId AND planId = NEW.planId AND taskNumber = NEW.taskNumber; END`;
}

const triggers = [...counterTriggers('signups', signupTerms), ...counterTriggers('shift_applications', applicationTerms), eventStatusTrigger];
/** Per-task sums read this index alone. */
const perTaskIndex = ['planId', 'taskNumber', ...copied];
/** The plan's links in event order (1764650000000-ProgressIndexes), now with the copies: events with several tasks are read from it alone. */
const perEventIndex = ['planId', 'eventId', 'taskNumber', ...copied];

/** Creates every trigger that keeps the progress tallies (the columns must exist). */
export async function createProgressTriggers(queryRunner: QueryRunner): Promise<void> {
  const mysql = queryRunner.connection.driver.options.type === 'mysql';
  for (const trigger of triggers) await queryRunner.query(createTrigger(mysql, trigger));
  await queryRunner.query(linkCopyTrigger(mysql));
}

export async function dropProgressTriggers(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('DROP TRIGGER IF EXISTS tr_event_plan_tasks_progress_ins');
  for (const { name } of [...triggers].reverse()) await queryRunner.query(`DROP TRIGGER IF EXISTS ${name}`);
}

export class ProgressCounters1765000000000 implements MigrationInterface {
  name = 'ProgressCounters1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['events', 'event_plan_tasks']) {
      for (const column of counters) await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN ${column} integer NOT NULL DEFAULT 0`);
    }
    await queryRunner.query(`ALTER TABLE event_plan_tasks ADD COLUMN eventStatus varchar(16) NOT NULL DEFAULT ''`);
    await queryRunner.query(
      `UPDATE events SET
        confirmedSignupCount = (SELECT COUNT(*) FROM signups s WHERE s.eventId = events.id AND s.status = 'confirmed'),
        checkedInCount = (SELECT COUNT(*) FROM signups s WHERE s.eventId = events.id AND s.checkedInAt IS NOT NULL),
        volunteerCents = (SELECT COALESCE(SUM(ROUND(a.hours * 100)), 0) FROM shift_applications a WHERE a.eventId = events.id AND a.status = 'completed')`,
    );
    // A link whose event is gone keeps the defaults.
    await queryRunner.query(
      `UPDATE event_plan_tasks SET ${copied.map((c) => `${c} = COALESCE(${fromEvent(c, 'event_plan_tasks.eventId')}, ${c})`).join(', ')}`,
    );
    await queryRunner.dropIndex('event_plan_tasks', 'ix_event_plan_tasks_plan');
    await queryRunner.createIndex('event_plan_tasks', new TableIndex({ name: 'ix_event_plan_tasks_progress', columnNames: perTaskIndex }));
    await queryRunner.dropIndex('event_plan_tasks', 'ix_event_plan_tasks_plan_event');
    await queryRunner.createIndex('event_plan_tasks', new TableIndex({ name: 'ix_event_plan_tasks_plan_event', columnNames: perEventIndex }));
    await createProgressTriggers(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropProgressTriggers(queryRunner);
    await queryRunner.dropIndex('event_plan_tasks', 'ix_event_plan_tasks_plan_event');
    await queryRunner.createIndex(
      'event_plan_tasks',
      new TableIndex({ name: 'ix_event_plan_tasks_plan_event', columnNames: ['planId', 'eventId', 'taskNumber'] }),
    );
    await queryRunner.dropIndex('event_plan_tasks', 'ix_event_plan_tasks_progress');
    await queryRunner.createIndex('event_plan_tasks', new TableIndex({ name: 'ix_event_plan_tasks_plan', columnNames: ['planId', 'taskNumber'] }));
    await queryRunner.query('ALTER TABLE event_plan_tasks DROP COLUMN eventStatus');
    for (const table of ['event_plan_tasks', 'events']) {
      for (const column of [...counters].reverse()) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    }
  }
}
