// Event-to-task links (event_plan_tasks) were keyed by the task's written number, but plans
// that number their tasks again in each section (一、 1.–5., 二、 1.–4.) have two tasks 1.: an
// event could not be linked to the second one, and progress added both tasks' counts together.
// Now a link names the task by its position in the plan (plan_tasks.ordinal, 1-based, what
// the plan's `tasks[]` order and the admin's corrections already use): the key is
// (eventId, planId, taskOrdinal). taskNumber stays on the link as the written number, for
// reading; the import keeps both right when it re-parses a plan (plan-import.apply.ts).
//
// Backfill of the links already stored:
// - a number only one task of the plan has: that task's position;
// - a number several tasks have (which one was meant cannot be known): the event is linked to
//   each of them, as progress counted it until now, and an organizer's event is flagged
//   (planTaskChanged) so its organizer picks the right one; a plan-derived campaign event
//   goes to those of them that name its campaign (re-derived on the next import anyway);
// - a number no task has (a dangling link): kept, with taskOrdinal = -number, so it names no
//   task and counts nowhere, as before.
//
// Indexes: taskOrdinal takes taskNumber's place in ix_event_plan_tasks_progress, _plan_event
// and _window. SQLite cannot change a primary key in place: the table is rebuilt, with the
// progress triggers of 1765000000000 and 1766100000000 dropped before and created again after.
// (Their SQLite link-copy triggers find the new row by eventId, planId and taskNumber: with two
// links of one number that updates both, with the same copies of the same event, which is harmless.)
import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createProgressTriggers, dropProgressTriggers } from './1765000000000-ProgressCounters';
import { createProgressWindowTriggers, dropProgressWindowTriggers } from './1766100000000-ProgressLinkWindow';

const copies = ['eventStatus', 'confirmedSignupCount', 'checkedInCount', 'volunteerCents'];
const windowTail = ['organizerId', 'eventId', 'district', 'campaignCode', 'capacity', 'confirmedSignupCount', 'checkedInCount', 'volunteerCents'];

/** The three indexes over the links, keyed by `task` (taskOrdinal now, taskNumber before). */
const indexes = (task: string) => [
  new TableIndex({ name: 'ix_event_plan_tasks_progress', columnNames: ['planId', task, ...copies] }),
  new TableIndex({ name: 'ix_event_plan_tasks_plan_event', columnNames: ['planId', 'eventId', task, ...copies] }),
  new TableIndex({ name: 'ix_event_plan_tasks_window', columnNames: ['planId', 'eventStatus', 'startsAt', task, ...windowTail] }),
];

const isMysql = (queryRunner: QueryRunner) => queryRunner.connection.driver.options.type === 'mysql';

/** The position of the task of the link's number when the plan has exactly one (else the first of them; else -number). */
const ORDINAL_OF_NUMBER = `COALESCE((SELECT MIN(t.ordinal) FROM plan_tasks t WHERE t.planId = l.planId AND t.number = l.taskNumber), -l.taskNumber)`;

/** SQLite: the table again with `key` as the last column of its primary key; `select` fills it from the old one (aliased l). */
async function rebuildSqlite(queryRunner: QueryRunner, withOrdinal: boolean, select: string): Promise<void> {
  await dropProgressWindowTriggers(queryRunner);
  await dropProgressTriggers(queryRunner);
  await queryRunner.query(
    `CREATE TABLE "event_plan_tasks_new" ("eventId" varchar(36) NOT NULL, "planId" varchar(36) NOT NULL, "taskNumber" int NOT NULL,
      ${withOrdinal ? '"taskOrdinal" integer NOT NULL DEFAULT 0, ' : ''}confirmedSignupCount integer NOT NULL DEFAULT 0, checkedInCount integer NOT NULL DEFAULT 0,
      volunteerCents integer NOT NULL DEFAULT 0, eventStatus varchar(16) NOT NULL DEFAULT '', startsAt datetime NULL, organizerId varchar(36) NULL,
      district varchar(30) NOT NULL DEFAULT '', campaignCode varchar(64) NULL, capacity integer NOT NULL DEFAULT 0,
      PRIMARY KEY ("eventId", "planId", "${withOrdinal ? 'taskOrdinal' : 'taskNumber'}"))`,
  );
  const kept =
    'eventId, planId, taskNumber, confirmedSignupCount, checkedInCount, volunteerCents, eventStatus, startsAt, organizerId, district, campaignCode, capacity';
  await queryRunner.query(`INSERT INTO event_plan_tasks_new (${kept}${withOrdinal ? ', taskOrdinal' : ''}) ${select}`);
  await queryRunner.query('DROP TABLE event_plan_tasks');
  await queryRunner.query('ALTER TABLE event_plan_tasks_new RENAME TO event_plan_tasks');
  for (const index of indexes(withOrdinal ? 'taskOrdinal' : 'taskNumber')) await queryRunner.createIndex('event_plan_tasks', index);
  await createProgressTriggers(queryRunner);
  await createProgressWindowTriggers(queryRunner);
}

interface AmbiguousLink {
  eventId: string;
  planId: string;
  taskNumber: number | string;
}

/**
 * Links whose number several tasks of the plan have: linked to each of those tasks (for a
 * campaign event, to those naming its campaign); organizers' events flagged. Returns how many.
 */
async function spreadAmbiguousLinks(queryRunner: QueryRunner): Promise<number> {
  const links = (await queryRunner.query(
    `SELECT l.eventId, l.planId, l.taskNumber FROM event_plan_tasks l
     WHERE (SELECT COUNT(*) FROM plan_tasks t WHERE t.planId = l.planId AND t.number = l.taskNumber) > 1`,
  )) as AmbiguousLink[];
  for (const link of links) {
    const number = Number(link.taskNumber);
    const tasks = (await queryRunner.query('SELECT ordinal, campaigns FROM plan_tasks WHERE planId = ? AND number = ? ORDER BY ordinal', [
      link.planId,
      number,
    ])) as { ordinal: number | string; campaigns: string | null }[];
    const [event] = (await queryRunner.query('SELECT derivedKey FROM events WHERE id = ?', [link.eventId])) as { derivedKey: string | null }[];
    const campaign = event?.derivedKey?.startsWith(`${link.planId}:`) ? event.derivedKey.slice(link.planId.length + 1) : null;
    const naming = campaign ? tasks.filter((t) => (JSON.parse(t.campaigns ?? '[]') as { code: string }[]).some((c) => c.code === campaign)) : [];
    const targets = (naming.length ? naming : tasks).map((t) => Number(t.ordinal));
    await queryRunner.query('DELETE FROM event_plan_tasks WHERE eventId = ? AND planId = ? AND taskNumber = ?', [link.eventId, link.planId, number]);
    for (const ordinal of targets) {
      await queryRunner.query('INSERT INTO event_plan_tasks (eventId, planId, taskNumber, taskOrdinal) VALUES (?, ?, ?, ?)', [
        link.eventId,
        link.planId,
        number,
        ordinal,
      ]);
    }
    if (event && campaign === null) await queryRunner.query('UPDATE events SET planTaskChanged = 1 WHERE id = ?', [link.eventId]);
  }
  return links.length;
}

export class TaskLinkOrdinal1766700000000 implements MigrationInterface {
  name = 'TaskLinkOrdinal1766700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isMysql(queryRunner)) {
      await queryRunner.query('ALTER TABLE event_plan_tasks ADD COLUMN taskOrdinal int NOT NULL DEFAULT 0');
      await queryRunner.query(`UPDATE event_plan_tasks l SET l.taskOrdinal = ${ORDINAL_OF_NUMBER}`);
      await queryRunner.query('ALTER TABLE event_plan_tasks DROP PRIMARY KEY, ADD PRIMARY KEY (eventId, planId, taskOrdinal)');
      for (const index of indexes('taskNumber')) await queryRunner.dropIndex('event_plan_tasks', index.name!);
      for (const index of indexes('taskOrdinal')) await queryRunner.createIndex('event_plan_tasks', index);
    } else {
      await rebuildSqlite(
        queryRunner,
        true,
        `SELECT l.eventId, l.planId, l.taskNumber, l.confirmedSignupCount, l.checkedInCount, l.volunteerCents, l.eventStatus, l.startsAt, l.organizerId,
                l.district, l.campaignCode, l.capacity, ${ORDINAL_OF_NUMBER} FROM event_plan_tasks l`,
      );
    }
    const spread = await spreadAmbiguousLinks(queryRunner);
    if (spread > 0) {
      const message = `TaskLinkOrdinal: ${spread} event-task link(s) named a number several tasks of the plan share: linked to each, organizers' events flagged`;
      queryRunner.connection.logger.log('warn', message, queryRunner);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // One link per written number again: the first task of that number's.
    if (isMysql(queryRunner)) {
      await queryRunner.query(
        `DELETE l FROM event_plan_tasks l JOIN event_plan_tasks k
           ON k.eventId = l.eventId AND k.planId = l.planId AND k.taskNumber = l.taskNumber AND k.taskOrdinal < l.taskOrdinal`,
      );
      for (const index of indexes('taskOrdinal')) await queryRunner.dropIndex('event_plan_tasks', index.name!);
      await queryRunner.query('ALTER TABLE event_plan_tasks DROP PRIMARY KEY, ADD PRIMARY KEY (eventId, planId, taskNumber)');
      await queryRunner.query('ALTER TABLE event_plan_tasks DROP COLUMN taskOrdinal');
      for (const index of indexes('taskNumber')) await queryRunner.createIndex('event_plan_tasks', index);
    } else {
      await rebuildSqlite(
        queryRunner,
        false,
        `SELECT l.eventId, l.planId, l.taskNumber, l.confirmedSignupCount, l.checkedInCount, l.volunteerCents, l.eventStatus, l.startsAt, l.organizerId,
                l.district, l.campaignCode, l.capacity FROM event_plan_tasks l
         WHERE NOT EXISTS (SELECT 1 FROM event_plan_tasks k WHERE k.eventId = l.eventId AND k.planId = l.planId AND k.taskNumber = l.taskNumber AND k.taskOrdinal < l.taskOrdinal)`,
      );
    }
  }
}
