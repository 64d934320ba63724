// Plan progress (GET /plans/:id/progress) counted each linked event's sign-ups,
// check-ins and certified hours from their rows on every request: seconds at
// 100,000 events. Each event now carries those three tallies, kept by triggers
// on signups and shift_applications in the writing transaction, so progress is
// one pass over the plan's links with a primary-key look-up per event.
//
// Why triggers and not the services: every writer keeps them right, including
// multi-row INSERTs (the bench's fixtures, tests that seed at scale) and any
// future code path; an increment in SQL needs no read of the event first, so
// two check-ins at once both count. Cascaded deletes skip MariaDB triggers, but
// they only happen when the event row itself goes.
//
// What they count is exactly what the old query did: confirmed sign-ups (rows,
// one per attendee, not seats), sign-ups checked in whatever their status now,
// and ROUND(hours * 100) of completed volunteer applications.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const counters = ['confirmedSignupCount', 'checkedInCount', 'volunteerCents'] as const;

/** [counter, what one signups row adds to it] */
const signupTerms = (row: 'NEW' | 'OLD'): [string, string][] => [
  ['confirmedSignupCount', `CASE WHEN ${row}.status = 'confirmed' THEN 1 ELSE 0 END`],
  ['checkedInCount', `CASE WHEN ${row}.checkedInAt IS NOT NULL THEN 1 ELSE 0 END`],
];
const applicationTerms = (row: 'NEW' | 'OLD'): [string, string][] => [
  ['volunteerCents', `CASE WHEN ${row}.status = 'completed' THEN COALESCE(ROUND(${row}.hours * 100), 0) ELSE 0 END`],
];

interface CounterTrigger {
  table: string;
  terms: (row: 'NEW' | 'OLD') => [string, string][];
}
const triggered: Record<string, CounterTrigger> = {
  signups: { table: 'signups', terms: signupTerms },
  applications: { table: 'shift_applications', terms: applicationTerms },
};

const bump = (terms: [string, string][], sign: '+' | '-', row: 'NEW' | 'OLD') =>
  `UPDATE events SET ${terms.map(([column, term]) => `${column} = ${column} ${sign} ${term}`).join(', ')} WHERE id = ${row}.eventId`;

/** [name, event, condition, statements] of the three triggers of one table. */
function triggersOf({ table, terms }: CounterTrigger): [string, string, string, string[]][] {
  const changed = terms('NEW')
    .map(([, term], i) => `(${term}) <> (${terms('OLD')[i]![1]})`)
    .concat('NEW.eventId <> OLD.eventId')
    .join(' OR ');
  const counts = (row: 'NEW' | 'OLD') =>
    terms(row)
      .map(([, term]) => `(${term}) <> 0`)
      .join(' OR ');
  return [
    [`tr_${table}_progress_ins`, `AFTER INSERT ON ${table}`, counts('NEW'), [bump(terms('NEW'), '+', 'NEW')]],
    // Only changes that move a counter touch the event row (an erasure's name blanking does not).
    [`tr_${table}_progress_upd`, `AFTER UPDATE ON ${table}`, changed, [bump(terms('OLD'), '-', 'OLD'), bump(terms('NEW'), '+', 'NEW')]],
    [`tr_${table}_progress_del`, `AFTER DELETE ON ${table}`, counts('OLD'), [bump(terms('OLD'), '-', 'OLD')]],
  ];
}

export class ProgressCounters1765000000000 implements MigrationInterface {
  name = 'ProgressCounters1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.driver.options.type === 'mysql';
    for (const column of counters) await queryRunner.query(`ALTER TABLE events ADD COLUMN ${column} integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `UPDATE events SET
        confirmedSignupCount = (SELECT COUNT(*) FROM signups s WHERE s.eventId = events.id AND s.status = 'confirmed'),
        checkedInCount = (SELECT COUNT(*) FROM signups s WHERE s.eventId = events.id AND s.checkedInAt IS NOT NULL),
        volunteerCents = (SELECT COALESCE(SUM(ROUND(a.hours * 100)), 0) FROM shift_applications a WHERE a.eventId = events.id AND a.status = 'completed')`,
    );
    for (const trigger of Object.values(triggered)) {
      for (const [name, on, condition, statements] of triggersOf(trigger)) {
        await queryRunner.query(
          mysql
            ? `CREATE TRIGGER ${name} ${on} FOR EACH ROW BEGIN IF ${condition} THEN ${statements.join('; ')}; END IF; END`
            : `CREATE TRIGGER ${name} ${on} FOR EACH ROW WHEN ${condition} BEGIN ${statements.join('; ')}; END`,
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of Object.values(triggered)) for (const [name] of triggersOf(trigger)) await queryRunner.query(`DROP TRIGGER IF EXISTS ${name}`);
    for (const column of [...counters].reverse()) await queryRunner.query(`ALTER TABLE events DROP COLUMN ${column}`);
  }
}
