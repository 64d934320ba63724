// Who is looking (谁在看): the user may say they are 老年人, 家长, 学生 or 其他,
// so home puts what suits them first. Null until they say; erasure clears it.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ViewerAudience1765800000000 implements MigrationInterface {
  name = 'ViewerAudience1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The same statement on SQLite and MariaDB: a nullable column needs no table rebuild.
    await queryRunner.query('ALTER TABLE users ADD COLUMN audience varchar(10) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users DROP COLUMN audience');
  }
}
