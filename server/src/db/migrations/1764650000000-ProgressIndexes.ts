// Indexes for plan progress (GET /plans/:id/progress), which aggregates every event
// linked to a plan in SQL: the plan's links in event order (no sort for the per-event
// GROUP BY), an event's status without reading its row, and sign-up check-ins and
// certified hours per event from the index alone.
import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const progressIndexes: [table: string, name: string, columns: string[]][] = [
  ['event_plan_tasks', 'ix_event_plan_tasks_plan_event', ['planId', 'eventId', 'taskNumber']],
  ['events', 'ix_events_id_status', ['id', 'status']],
  ['signups', 'ix_signups_event_checkin', ['eventId', 'checkedInAt']],
  ['shift_applications', 'ix_shift_applications_event_status', ['eventId', 'status', 'hours']],
];

export class ProgressIndexes1764650000000 implements MigrationInterface {
  name = 'ProgressIndexes1764650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name, columnNames] of progressIndexes) await queryRunner.createIndex(table, new TableIndex({ name, columnNames }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name] of [...progressIndexes].reverse()) await queryRunner.dropIndex(table, name);
  }
}
