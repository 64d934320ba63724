// What the public list needs to stay fast at any history size:
// - indexes whose order is the list's order (startsAt, id), per status and per
//   city, carrying endsAt so "not ended yet" is checked in the index, and a box
//   index for near=;
// - `event_stats.longestSeconds`, the longest any event has ever lasted, so the
//   list can start its walk at `now - longest` instead of at the oldest event;
// - `cache_versions`, counters bumped in the same transaction as any write that
//   changes what the public list shows, so every process can tell whether its
//   cached answers still hold (see modules/events/public-state.ts).
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class EventListIndexes1764610000000 implements MigrationInterface {
  name = 'EventListIndexes1764610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.driver.options.type === 'mysql';
    const index = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames });
    await queryRunner.createIndex('events', index('ix_events_list', ['status', 'startsAt', 'id', 'endsAt']));
    await queryRunner.createIndex('events', index('ix_events_list_city', ['status', 'city', 'startsAt', 'id', 'endsAt']));
    await queryRunner.createIndex('events', index('ix_events_near', ['status', 'venueLat', 'venueLng', 'endsAt']));
    // A prefix of ix_events_list: it would only cost writes.
    await queryRunner.dropIndex('events', 'ix_events_status_starts');

    await queryRunner.createTable(
      new Table({
        name: 'cache_versions',
        columns: [
          { name: 'name', type: 'varchar', length: '32', isPrimary: true },
          { name: 'version', type: 'bigint', default: 0 },
        ],
      }),
    );
    await queryRunner.query(`INSERT INTO cache_versions (name, version) VALUES ('events', 0), ('plans', 0)`);

    await queryRunner.createTable(
      new Table({
        name: 'event_stats',
        columns: [
          { name: 'id', type: 'int', isPrimary: true },
          { name: 'longestSeconds', type: 'int', default: 0 },
        ],
      }),
    );
    const duration = mysql ? 'TIMESTAMPDIFF(SECOND, startsAt, endsAt)' : 'CAST((julianday(endsAt) - julianday(startsAt)) * 86400 AS INTEGER)';
    // +1: rounding down a fraction of a second must not leave an event out.
    await queryRunner.query(`INSERT INTO event_stats (id, longestSeconds) SELECT 1, COALESCE(MAX(${duration}), 0) + 1 FROM events`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('event_stats');
    await queryRunner.dropTable('cache_versions');
    await queryRunner.createIndex('events', new TableIndex({ name: 'ix_events_status_starts', columnNames: ['status', 'startsAt'] }));
    await queryRunner.dropIndex('events', 'ix_events_near');
    await queryRunner.dropIndex('events', 'ix_events_list_city');
    await queryRunner.dropIndex('events', 'ix_events_list');
  }
}
