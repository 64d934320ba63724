// Drops events.parentId: written as null by every writer and never read.
// Recurring events are tied by seriesId, campaigns by campaignCode.
import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1764000000000-Initial';

export class DropEventParent1764300000000 implements MigrationInterface {
  name = 'DropEventParent1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // SQLite has no DROP COLUMN that TypeORM trusts: it copies the table without the column, rows and indexes included.
    await queryRunner.dropColumn('events', 'parentId');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('events', new TableColumn(columnKit(queryRunner).ref('parentId', true)));
  }
}
