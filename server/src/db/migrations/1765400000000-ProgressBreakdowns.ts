// Plan progress by year (GET /plans/:id/progress, v1.1) joins the plan's links to their
// events to read each event's date, organizer, district, campaign, capacity and tallies.
// ix_events_progress holds all of them after the key, so each look-up reads the index
// alone instead of the event's row (whose description makes it wide). Only an index:
// no table is rebuilt, so the progress triggers are untouched.
import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export const progressIndexColumns = [
  'id',
  'status',
  'startsAt',
  'organizerId',
  'district',
  'campaignCode',
  'capacity',
  'confirmedSignupCount',
  'checkedInCount',
  'volunteerCents',
];

export class ProgressBreakdowns1765400000000 implements MigrationInterface {
  name = 'ProgressBreakdowns1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('events', new TableIndex({ name: 'ix_events_progress', columnNames: progressIndexColumns }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('events', 'ix_events_progress');
  }
}
