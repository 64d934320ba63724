// MariaDB's TEXT holds 64 KB (about 16,000 CJK characters or emoji in utf8mb4).
// An admin's plan corrections, their audit entry and a task's derived lists
// can be larger than that within the 1 MB request limit: MEDIUMTEXT (16 MB)
// there. SQLite's TEXT has no such limit, so nothing changes on SQLite.
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** [table, column, nullable] of the texts that can outgrow 64 KB. */
const longTexts: [string, string, boolean][] = [
  ['plans', 'corrections', true],
  ['audit_entries', 'details', false],
  ['plan_tasks', 'sectionPath', false],
  ['plan_tasks', 'responsibleUnits', false],
  ['plan_tasks', 'audiences', false],
  ['plan_tasks', 'themes', false],
  ['plan_tasks', 'campaigns', false],
];

export class LongTexts1764900000000 implements MigrationInterface {
  name = 'LongTexts1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'mysql') return;
    for (const [table, column, nullable] of longTexts) {
      await queryRunner.query(`ALTER TABLE \`${table}\` MODIFY \`${column}\` MEDIUMTEXT ${nullable ? 'NULL' : 'NOT NULL'}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'mysql') return;
    for (const [table, column, nullable] of longTexts) {
      await queryRunner.query(`ALTER TABLE \`${table}\` MODIFY \`${column}\` TEXT ${nullable ? 'NULL' : 'NOT NULL'}`);
    }
  }
}
