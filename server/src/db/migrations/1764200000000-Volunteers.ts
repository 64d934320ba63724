// 科技志愿服务 (profiles, shifts, applications with hours), recurring event
// series, and when an event was first published.
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1764000000000-Initial';

export class Volunteers1764200000000 implements MigrationInterface {
  name = 'Volunteers1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    const unique = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames, isUnique: true });
    const index = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames });

    await queryRunner.addColumns('events', [new TableColumn(c.ref('seriesId', true)), new TableColumn(c.time('publishedAt', true))]);
    await queryRunner.createIndex('events', index('ix_events_series', ['seriesId']));
    // Everything published so far counts as published when it last changed. A cancelled event was
    // public if the plan made it or anyone had signed up: those stay readable for the people told of it.
    await queryRunner.query(`UPDATE events SET publishedAt = updatedAt WHERE status = 'published'`);
    await queryRunner.query(
      `UPDATE events SET publishedAt = updatedAt WHERE status = 'cancelled' AND (source = 'plan' OR id IN (SELECT eventId FROM signups))`,
    );

    await queryRunner.createTable(
      new Table({
        name: 'volunteer_profiles',
        columns: [
          c.id('userId'),
          c.str('realName', 20),
          c.str('phone', 20),
          c.text('skills'),
          c.text('tags'),
          c.str('team', 40, true),
          c.text('bio'),
          c.time('createdAt'),
          c.time('updatedAt'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'shifts',
        columns: [
          c.id(),
          c.ref('eventId'),
          c.str('role', 30),
          c.text('description'),
          c.time('startsAt'),
          c.time('endsAt'),
          c.int('slots'),
          c.int('approvedCount', 0),
          c.text('skills'),
          c.time('createdAt'),
        ],
        indices: [index('ix_shifts_event', ['eventId']), index('ix_shifts_starts', ['startsAt', 'id'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'shift_applications',
        columns: [
          c.id(),
          c.ref('shiftId'),
          c.ref('eventId'),
          c.ref('userId'),
          c.str('status', 16),
          c.double('hours'),
          c.str('decisionReason', 200, true),
          c.time('appliedAt'),
          c.time('decidedAt', true),
          c.ref('decidedBy', true),
          c.time('checkedInAt', true),
          c.time('checkedOutAt', true),
          c.time('completedAt', true),
          c.ref('completedBy', true),
        ],
        indices: [
          unique('uq_shift_applications_shift_user', ['shiftId', 'userId']),
          index('ix_shift_applications_user', ['userId']),
          index('ix_shift_applications_event', ['eventId']),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['shift_applications', 'shifts', 'volunteer_profiles']) await queryRunner.dropTable(table);
    await queryRunner.dropIndex('events', 'ix_events_series');
    await queryRunner.dropColumns('events', ['seriesId', 'publishedAt']);
  }
}
