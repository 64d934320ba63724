// One-time login codes for H5 sign-in without WeChat (issue 15): an admin issues one for a
// user, the user redeems it once on the H5 login page. Only the code's keyed hash is kept.
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1764000000000-Initial';

export class LoginCodes1765600000000 implements MigrationInterface {
  name = 'LoginCodes1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'login_codes',
        columns: [c.id(), c.ref('userId'), c.str('codeHash', 64), c.ref('issuedBy', true), c.time('createdAt'), c.time('expiresAt'), c.time('usedAt', true)],
        indices: [
          new TableIndex({ name: 'ux_login_codes_hash', columnNames: ['codeHash'], isUnique: true }),
          new TableIndex({ name: 'ix_login_codes_user', columnNames: ['userId'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_codes');
  }
}
