// Volunteers: a city on the profile (the shift list starts with it) and the
// certificates issued, each with its serial for the public verification page.
// volunteer_profiles has no progress triggers; ADD COLUMN does not rebuild it on SQLite.
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1764000000000-Initial';

export class VolunteerCertificates1766000000000 implements MigrationInterface {
  name = 'VolunteerCertificates1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.query('ALTER TABLE volunteer_profiles ADD COLUMN city varchar(20) NULL');
    await queryRunner.createTable(
      new Table({
        name: 'volunteer_certificates',
        columns: [
          c.id('userId'),
          c.str('serial', 24),
          { ...c.double('totalHours'), isNullable: false },
          c.int('serviceCount'),
          c.text('organizations'),
          c.time('issuedAt'),
        ],
        indices: [new TableIndex({ name: 'uq_volunteer_certificates_serial', columnNames: ['serial'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('volunteer_certificates');
    await queryRunner.query('ALTER TABLE volunteer_profiles DROP COLUMN city');
  }
}
