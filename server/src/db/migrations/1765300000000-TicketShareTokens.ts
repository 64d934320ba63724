// v1.1 forwarded check-in codes: `signups.shareToken`, the unguessable token of
// the link a resident forwards to a family member attending alone. Null until
// the booker first forwards it; cleared when the sign-up is cancelled.
// A plain ADD COLUMN on both engines: SQLite keeps the table (and its progress
// triggers) instead of rebuilding it, as TypeORM's addColumn would.
import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class TicketShareTokens1765300000000 implements MigrationInterface {
  name = 'TicketShareTokens1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE signups ADD COLUMN shareToken varchar(64) NULL');
    // Several NULLs (never forwarded) are allowed by both engines.
    await queryRunner.createIndex('signups', new TableIndex({ name: 'uq_signups_share_token', columnNames: ['shareToken'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('signups', 'uq_signups_share_token');
    await queryRunner.query('ALTER TABLE signups DROP COLUMN shareToken');
  }
}
