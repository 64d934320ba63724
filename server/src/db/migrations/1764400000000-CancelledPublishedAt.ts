// The backfill that 1764200000000-Volunteers gained after it was released:
// cancelled events that had been public (made by a plan, or someone signed up)
// get a publishedAt, so they stay readable for the people told of them.
// Databases migrated before that edit never ran it; it is harmless to run twice.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CancelledPublishedAt1764400000000 implements MigrationInterface {
  name = 'CancelledPublishedAt1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE events SET publishedAt = updatedAt
        WHERE status = 'cancelled' AND publishedAt IS NULL AND (source = 'plan' OR id IN (SELECT eventId FROM signups))`,
    );
  }

  async down(): Promise<void> {
    // A backfill of facts: nothing to undo.
  }
}
