// The v1.1 plan import: what the general importer reads about a plan (place, level, kind, period,
// script, review verdict), the admin's corrections and the source text they are re-applied to,
// tasks keyed by their position (numbering may restart per section), campaign dates admins set
// for years the catalogue does not know, and the flag on an event whose plan task changed.
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1764000000000-Initial';

export class PlanImportV111764500000000 implements MigrationInterface {
  name = 'PlanImportV111764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    const mysql = queryRunner.connection.driver.options.type === 'mysql';
    // MariaDB's TEXT holds 64 KB; a task or a source text the import schema accepts can be larger.
    const long = (name: string, nullable = false) => new TableColumn({ name, type: mysql ? 'mediumtext' : 'text', isNullable: nullable });
    const nullableText = (name: string) => new TableColumn({ ...c.text(name), isNullable: true });

    await queryRunner.addColumns('plans', [
      new TableColumn(c.str('place', 80, true)),
      new TableColumn(c.str('level', 16, true)),
      new TableColumn(c.str('kind', 40, true)),
      new TableColumn({ ...c.int('periodFrom'), isNullable: true }),
      new TableColumn({ ...c.int('periodTo'), isNullable: true }),
      new TableColumn(c.str('script', 16, false, 'simplified')),
      new TableColumn(c.bool('needsReview')),
      long('warnings', true),
      nullableText('corrections'),
      long('sourceText', true),
      new TableColumn(c.str('originCity', 20, true)),
      new TableColumn({ ...c.int('originYear'), isNullable: true }),
    ]);
    // Plans stored before knew only their city and year, which is where the text filed them.
    await queryRunner.query('UPDATE plans SET originCity = city, originYear = year, place = city');
    if (mysql) {
      await queryRunner.query('ALTER TABLE plan_tasks MODIFY `text` MEDIUMTEXT NOT NULL');
      await queryRunner.query('ALTER TABLE plans MODIFY `sections` MEDIUMTEXT NOT NULL');
    }

    // Tasks are keyed by their position: two sections may each have a task 1.
    await queryRunner.addColumn('plan_tasks', new TableColumn(c.int('ordinal', 0)));
    const tasks: { id: string; planId: string }[] = await queryRunner.query('SELECT id, planId FROM plan_tasks ORDER BY planId, number');
    const seen = new Map<string, number>();
    for (const task of tasks) {
      const ordinal = (seen.get(task.planId) ?? 0) + 1;
      seen.set(task.planId, ordinal);
      await queryRunner.query('UPDATE plan_tasks SET ordinal = ? WHERE id = ?', [ordinal, task.id]);
    }
    await queryRunner.dropIndex('plan_tasks', 'uq_plan_tasks_plan_number');
    await queryRunner.createIndex('plan_tasks', new TableIndex({ name: 'uq_plan_tasks_plan_ordinal', columnNames: ['planId', 'ordinal'], isUnique: true }));
    await queryRunner.createIndex('plan_tasks', new TableIndex({ name: 'ix_plan_tasks_plan_number', columnNames: ['planId', 'number'] }));

    await queryRunner.addColumn('events', new TableColumn(c.bool('planTaskChanged')));

    await queryRunner.createTable(
      new Table({
        name: 'campaign_years',
        columns: [
          { ...c.str('code', 64), isPrimary: true },
          { ...c.int('year'), isPrimary: true },
          c.str('startsOn', 10),
          c.str('endsOn', 10),
          c.ref('updatedBy', true),
          c.time('updatedAt'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('campaign_years');
    await queryRunner.dropColumn('events', 'planTaskChanged');
    await queryRunner.dropIndex('plan_tasks', 'ix_plan_tasks_plan_number');
    await queryRunner.dropIndex('plan_tasks', 'uq_plan_tasks_plan_ordinal');
    await queryRunner.dropColumn('plan_tasks', 'ordinal');
    await queryRunner.createIndex('plan_tasks', new TableIndex({ name: 'uq_plan_tasks_plan_number', columnNames: ['planId', 'number'], isUnique: true }));
    await queryRunner.dropColumns('plans', [
      'place',
      'level',
      'kind',
      'periodFrom',
      'periodTo',
      'script',
      'needsReview',
      'warnings',
      'corrections',
      'sourceText',
      'originCity',
      'originYear',
    ]);
  }
}
