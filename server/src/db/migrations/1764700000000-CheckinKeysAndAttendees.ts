// v1.1 check-in at the door and families:
// - `checkin_keys`: one Ed25519 key pair per event, made when first needed;
// - sign-ups name their attendee (`attendeeKey`, `forOther`), so a user can
//   book themselves and family members, one sign-up each; existing rows are
//   the account holder's own (`self`);
// - `shortCode`: the 6 digits read out at the door, unique within an event.
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1764000000000-Initial';

export class CheckinKeysAndAttendees1764700000000 implements MigrationInterface {
  name = 'CheckinKeysAndAttendees1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'checkin_keys',
        columns: [c.id('eventId'), c.str('publicKey', 64), c.str('privateKey', 128), c.time('createdAt')],
      }),
    );
    await queryRunner.addColumns('signups', [
      new TableColumn(c.str('attendeeKey', 40, false, 'self')),
      new TableColumn(c.bool('forOther')),
      new TableColumn(c.str('shortCode', 6, true)),
    ]);
    // The new unique key first: on MariaDB it also serves the lookups by eventId the old one served.
    await queryRunner.createIndex(
      'signups',
      new TableIndex({ name: 'uq_signups_event_user_attendee', columnNames: ['eventId', 'userId', 'attendeeKey'], isUnique: true }),
    );
    await queryRunner.dropIndex('signups', 'uq_signups_event_user');
    // Several NULLs (no code issued yet) are allowed by both engines.
    await queryRunner.createIndex('signups', new TableIndex({ name: 'uq_signups_event_short_code', columnNames: ['eventId', 'shortCode'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('signups', 'uq_signups_event_short_code');
    // Family members' rows cannot fit the old one-per-user key: only the account holders' own stay.
    await queryRunner.query(`DELETE FROM signups WHERE attendeeKey <> 'self'`);
    await queryRunner.createIndex('signups', new TableIndex({ name: 'uq_signups_event_user', columnNames: ['eventId', 'userId'], isUnique: true }));
    await queryRunner.dropIndex('signups', 'uq_signups_event_user_attendee');
    await queryRunner.dropColumns('signups', ['shortCode', 'forOther', 'attendeeKey']);
    await queryRunner.dropTable('checkin_keys');
  }
}
