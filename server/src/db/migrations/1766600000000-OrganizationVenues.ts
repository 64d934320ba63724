// Saved venues of an organization (常用场馆), unique per organization by name and address.
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1764000000000-Initial';

export class OrganizationVenues1766600000000 implements MigrationInterface {
  name = 'OrganizationVenues1766600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'organization_venues',
        columns: [
          c.id(),
          c.ref('organizationId'),
          c.str('name', 60),
          c.str('address', 120, false, ''),
          c.str('district', 30, false, ''),
          c.double('lat'),
          c.double('lng'),
          c.time('createdAt'),
          c.time('updatedAt'),
        ],
        indices: [new TableIndex({ name: 'uq_organization_venues_org_name_address', columnNames: ['organizationId', 'name', 'address'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('organization_venues');
  }
}
