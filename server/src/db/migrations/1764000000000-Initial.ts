// The first schema, written with TypeORM's Table API so the same migration
// produces the right DDL on SQLite and on MySQL/MariaDB.
import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

type Col = TableColumnOptions;

export function columnKit(queryRunner: QueryRunner) {
  const mysql = queryRunner.connection.driver.options.type === 'mysql';
  return {
    id: (name = 'id'): Col => ({ name, type: 'varchar', length: '36', isPrimary: true }),
    ref: (name: string, nullable = false): Col => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
    str: (name: string, length: number, nullable = false, defaultValue?: string): Col => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
      ...(defaultValue !== undefined ? { default: `'${defaultValue}'` } : {}),
    }),
    text: (name: string): Col => ({ name, type: 'text' }),
    int: (name: string, defaultValue?: number): Col => ({ name, type: 'int', ...(defaultValue !== undefined ? { default: defaultValue } : {}) }),
    bool: (name: string): Col => ({ name, type: 'boolean', default: mysql ? 0 : false }),
    double: (name: string): Col => ({ name, type: 'double', isNullable: true }),
    // Millisecond precision on MySQL; SQLite keeps what TypeORM writes.
    time: (name: string, nullable = false): Col => ({ name, type: 'datetime', isNullable: nullable, ...(mysql ? { precision: 3 } : {}) }),
  };
}

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    const unique = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames, isUnique: true });
    const index = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames });

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          c.id(),
          { ...c.str('openid', 64, true), isUnique: true },
          c.str('nickname', 32),
          c.str('phone', 20, true),
          c.bool('largeText'),
          c.bool('isReviewer'),
          c.bool('isAdmin'),
          c.time('erasedAt', true),
          c.time('createdAt'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'organizations',
        columns: [c.id(), c.str('name', 80), c.str('city', 20), c.str('kind', 16), c.bool('trusted'), c.time('createdAt')],
        indices: [unique('uq_organizations_city_name', ['city', 'name'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'memberships',
        columns: [c.id(), c.ref('organizationId'), c.ref('userId'), c.str('role', 16, false, 'organizer'), c.time('createdAt')],
        indices: [unique('uq_memberships_org_user', ['organizationId', 'userId']), index('ix_memberships_user', ['userId'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'plans',
        columns: [
          c.id(),
          c.str('city', 20),
          c.int('year'),
          c.str('title', 120),
          c.str('issuer', 80, true),
          c.str('issuedOn', 10, true),
          c.str('documentNumber', 40, true),
          c.str('textHash', 64),
          c.text('sections'),
          c.int('taskCount'),
          c.time('createdAt'),
          c.time('updatedAt'),
        ],
        indices: [unique('uq_plans_city_year', ['city', 'year'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'plan_tasks',
        columns: [
          c.id(),
          c.ref('planId'),
          c.int('number'),
          c.str('title', 200),
          c.text('text'),
          c.text('sectionPath'),
          c.text('responsibleUnits'),
          c.text('audiences'),
          c.text('themes'),
          c.text('campaigns'),
        ],
        indices: [unique('uq_plan_tasks_plan_number', ['planId', 'number'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'events',
        columns: [
          c.id(),
          c.str('title', 80),
          c.text('description'),
          c.str('kind', 16),
          c.ref('parentId', true),
          c.str('campaignCode', 64, true),
          c.ref('organizerId'),
          c.str('city', 20),
          c.str('district', 30, false, ''),
          c.text('audiences'),
          c.text('themes'),
          c.str('venueName', 60),
          c.str('venueAddress', 120, false, ''),
          c.double('venueLat'),
          c.double('venueLng'),
          c.time('startsAt'),
          c.time('endsAt'),
          c.int('capacity'),
          c.int('confirmedCount', 0),
          c.int('waitlistCount', 0),
          c.int('signupSeq', 0),
          c.time('signupOpensAt', true),
          c.time('signupClosesAt', true),
          c.str('status', 16),
          c.str('source', 16),
          c.bool('isDemo'),
          c.str('reviewReason', 200, true),
          c.str('cancelReason', 200, true),
          { ...c.str('derivedKey', 120, true), isUnique: true },
          c.time('createdAt'),
          c.time('updatedAt'),
        ],
        indices: [
          index('ix_events_status_starts', ['status', 'startsAt']),
          index('ix_events_city_starts', ['city', 'startsAt']),
          index('ix_events_organizer', ['organizerId']),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'event_plan_tasks',
        columns: [c.id('eventId'), c.id('planId'), { ...c.int('taskNumber'), isPrimary: true }],
        indices: [index('ix_event_plan_tasks_plan', ['planId', 'taskNumber'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'signups',
        columns: [
          c.id(),
          c.ref('eventId'),
          c.ref('userId'),
          c.str('name', 20),
          c.str('phone', 20),
          c.int('partySize', 1),
          c.str('status', 16),
          c.int('seq'),
          c.time('checkedInAt', true),
          c.time('cancelledAt', true),
          c.time('createdAt'),
          c.time('updatedAt'),
        ],
        indices: [
          unique('uq_signups_event_user', ['eventId', 'userId']),
          index('ix_signups_event_status_seq', ['eventId', 'status', 'seq']),
          index('ix_signups_user', ['userId']),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [c.id(), c.time('at'), c.ref('actorId', true), c.str('action', 40), c.str('target', 80), c.text('details')],
        indices: [index('ix_audit_entries_at', ['at'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [c.id(), c.ref('userId'), c.str('kind', 40), c.text('payload'), c.time('sentAt', true), c.time('createdAt')],
        indices: [index('ix_notifications_user', ['userId'])],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'notifications',
      'audit_entries',
      'signups',
      'event_plan_tasks',
      'events',
      'plan_tasks',
      'plans',
      'memberships',
      'organizations',
      'users',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
