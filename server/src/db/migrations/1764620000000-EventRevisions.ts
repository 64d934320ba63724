// Review of changes to published events (issue 13): an event's version, which a
// reviewer's decision names, and the changes organizations that are not trusted
// propose, held until a reviewer decides.
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1764000000000-Initial';

export class EventRevisions1764620000000 implements MigrationInterface {
  name = 'EventRevisions1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    // Every stored event starts at version 1: no reviewer has named a version yet.
    await queryRunner.addColumn('events', new TableColumn(c.int('version', 1)));
    await queryRunner.createTable(
      new Table({
        name: 'event_revisions',
        columns: [
          c.id(),
          c.ref('eventId'),
          c.str('status', 16),
          c.int('version'),
          c.text('changes'),
          c.ref('proposedBy', true),
          c.time('proposedAt'),
          c.ref('decidedBy', true),
          c.time('decidedAt', true),
          c.str('reason', 200, true),
        ],
        indices: [
          new TableIndex({ name: 'ix_event_revisions_queue', columnNames: ['status', 'proposedAt', 'id'] }),
          new TableIndex({ name: 'ix_event_revisions_event', columnNames: ['eventId', 'version'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('event_revisions');
    await queryRunner.dropColumn('events', 'version');
  }
}
