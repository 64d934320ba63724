// Event covers: the uploads table (who uploaded which processed image, and where its copies
// are stored) and events.coverImageId, a nullable reference to it.
// ADD COLUMN with a reference and no default does not rebuild events on SQLite, so its triggers stay.
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1764000000000-Initial';

export class Uploads1766500000000 implements MigrationInterface {
  name = 'Uploads1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'uploads',
        columns: [
          c.id(),
          c.ref('ownerUserId'),
          c.ref('organizationId', true),
          c.str('mime', 32),
          c.int('width'),
          c.int('height'),
          c.int('originalBytes'),
          c.int('displayBytes'),
          c.int('thumbnailBytes'),
          c.str('displayKey', 120),
          c.str('thumbnailKey', 120),
          c.time('createdAt'),
        ],
        indices: [new TableIndex({ name: 'ix_uploads_owner', columnNames: ['ownerUserId'] })],
      }),
    );
    if (queryRunner.connection.driver.options.type === 'mysql') {
      await queryRunner.query(
        'ALTER TABLE events ADD COLUMN coverImageId varchar(36) NULL, ADD CONSTRAINT fk_events_cover_image FOREIGN KEY (coverImageId) REFERENCES uploads (id)',
      );
    } else {
      await queryRunner.query('ALTER TABLE events ADD COLUMN coverImageId varchar(36) NULL REFERENCES uploads (id)');
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type === 'mysql') {
      await queryRunner.query('ALTER TABLE events DROP FOREIGN KEY fk_events_cover_image');
      await queryRunner.query('ALTER TABLE events DROP INDEX fk_events_cover_image');
    }
    // SQLite (3.35+) drops a column that only references another table.
    await queryRunner.query('ALTER TABLE events DROP COLUMN coverImageId');
    await queryRunner.dropTable('uploads');
  }
}
