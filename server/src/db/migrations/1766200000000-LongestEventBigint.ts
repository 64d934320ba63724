// event_stats.longestSeconds was an INT: on MariaDB an event spanning more than 68 years
// (dates may run from 1970 to 2100) overflowed it and the edit answered 500. A BIGINT holds
// any span the schema accepts. SQLite's INTEGER is already 64-bit, so only MariaDB changes.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LongestEventBigint1766200000000 implements MigrationInterface {
  name = 'LongestEventBigint1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'mysql') return;
    await queryRunner.query('ALTER TABLE event_stats MODIFY longestSeconds BIGINT NOT NULL DEFAULT 0');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'mysql') return;
    await queryRunner.query('ALTER TABLE event_stats MODIFY longestSeconds INT NOT NULL DEFAULT 0');
  }
}
