// Plan progress by year (GET /plans/:id/progress) looked up every linked event by key
// (ix_events_progress) to read its date, organizer, district, campaign and capacity, then
// dropped the two thirds dated outside the year: ~33,000 look-ups for ~10,000 counted
// events, ~0.3 s per query on MariaDB. Now each plan-task link also carries a copy of
// those event fields, and ix_event_plan_tasks_window orders the links by (planId,
// eventStatus, startsAt), so progress reads the window's published links as one index
// range; only the audiences (a JSON list, not copied) are read from the window's events.
//
// The copies are kept like those of 1765000000000-ProgressCounters, by triggers of their
// own (the helpers there are left as they are):
// - tr_event_plan_tasks_progress_window: a new link starts with its event's fields;
// - tr_events_progress_window: when an event's time, organizer, district, campaign
//   or capacity change, its links follow.
//
// Later migrations, beware (SQLite): a migration that recreates events or event_plan_tasks
// drops these triggers first and creates them again after (dropProgressWindowTriggers /
// createProgressWindowTriggers below), as it does those of 1765000000000.
import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** [column, SQL type] copied from events onto each link. */
const columns: [string, string][] = [
  ['startsAt', 'datetime NULL'],
  ['organizerId', 'varchar(36) NULL'],
  ['district', "varchar(30) NOT NULL DEFAULT ''"],
  ['campaignCode', 'varchar(64) NULL'],
  ['capacity', 'integer NOT NULL DEFAULT 0'],
];
const copied = columns.map(([c]) => c);

/** The window's published links in date order, with everything progress sums or groups on except audiences. */
export const progressWindowIndexColumns = [
  'planId',
  'eventStatus',
  'startsAt',
  'taskNumber',
  'organizerId',
  'eventId',
  'district',
  'campaignCode',
  'capacity',
  'confirmedSignupCount',
  'checkedInCount',
  'volunteerCents',
];

const isMysql = (queryRunner: QueryRunner) => queryRunner.connection.driver.options.type === 'mysql';
const fromEvent = (column: string, eventId: string) => `(SELECT e.${column} FROM events e WHERE e.id = ${eventId})`;
/** Null-safe "differs" in each engine. */
const differs = (mysql: boolean, column: string) => (mysql ? `NOT (NEW.${column} <=> OLD.${column})` : `NEW.${column} IS NOT OLD.${column}`);

function linkCopyTrigger(mysql: boolean): string {
  // A link whose event does not exist (yet) keeps the defaults, as in 1765000000000.
  return mysql
    ? `CREATE TRIGGER tr_event_plan_tasks_progress_window BEFORE INSERT ON event_plan_tasks FOR EACH ROW BEGIN ${copied
        .map((c) => `SET NEW.${c} = COALESCE(${fromEvent(c, 'NEW.eventId')}, NEW.${c})`)
        .join('; ')}; END`
    : `CREATE TRIGGER tr_event_plan_tasks_progress_window AFTER INSERT ON event_plan_tasks FOR EACH ROW BEGIN UPDATE event_plan_tasks SET ${copied
        .map((c) => `${c} = COALESCE(${fromEvent(c, 'NEW.eventId')}, ${c})`)
        .join(', ')} WHERE eventId = NEW.eventId AND planId = NEW.planId AND taskNumber = NEW.taskNumber; END`;
}

function eventChangeTrigger(mysql: boolean): string {
  const condition = copied.map((c) => differs(mysql, c)).join(' OR ');
  const update = `UPDATE event_plan_tasks SET ${copied.map((c) => `${c} = NEW.${c}`).join(', ')} WHERE eventId = NEW.id`;
  return mysql
    ? `CREATE TRIGGER tr_events_progress_window AFTER UPDATE ON events FOR EACH ROW BEGIN IF ${condition} THEN ${update}; END IF; END`
    : `CREATE TRIGGER tr_events_progress_window AFTER UPDATE ON events FOR EACH ROW WHEN ${condition} BEGIN ${update}; END`;
}

/** Creates the triggers that keep the links' copies of their events' fields (the columns must exist). */
export async function createProgressWindowTriggers(queryRunner: QueryRunner): Promise<void> {
  const mysql = isMysql(queryRunner);
  await queryRunner.query(linkCopyTrigger(mysql));
  await queryRunner.query(eventChangeTrigger(mysql));
}

export async function dropProgressWindowTriggers(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('DROP TRIGGER IF EXISTS tr_events_progress_window');
  await queryRunner.query('DROP TRIGGER IF EXISTS tr_event_plan_tasks_progress_window');
}

export class ProgressLinkWindow1766100000000 implements MigrationInterface {
  name = 'ProgressLinkWindow1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [column, type] of columns) await queryRunner.query(`ALTER TABLE event_plan_tasks ADD COLUMN ${column} ${type}`);
    await queryRunner.query(
      `UPDATE event_plan_tasks SET ${copied.map((c) => `${c} = COALESCE(${fromEvent(c, 'event_plan_tasks.eventId')}, ${c})`).join(', ')}`,
    );
    await queryRunner.createIndex('event_plan_tasks', new TableIndex({ name: 'ix_event_plan_tasks_window', columnNames: progressWindowIndexColumns }));
    await createProgressWindowTriggers(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropProgressWindowTriggers(queryRunner);
    await queryRunner.dropIndex('event_plan_tasks', 'ix_event_plan_tasks_window');
    for (const column of [...copied].reverse()) await queryRunner.query(`ALTER TABLE event_plan_tasks DROP COLUMN ${column}`);
  }
}
