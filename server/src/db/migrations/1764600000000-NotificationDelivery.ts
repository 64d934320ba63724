// Notifications, delivered (v1.1): the outbox rows get a due time, a delivery
// status with retries and a claim lease for the workers, the inbox's read
// mark, and the users' one-time WeChat subscriptions get a table.
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1764000000000-Initial';

export class NotificationDelivery1764600000000 implements MigrationInterface {
  name = 'NotificationDelivery1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.addColumns('notifications', [
      new TableColumn(c.ref('eventId', true)),
      new TableColumn(c.time('dueAt', true)),
      new TableColumn(c.str('status', 10, false, 'pending')),
      new TableColumn(c.str('channel', 10, true)),
      new TableColumn(c.int('attempts', 0)),
      new TableColumn(c.time('nextAttemptAt', true)),
      new TableColumn(c.ref('claimToken', true)),
      new TableColumn(c.time('claimedUntil', true)),
      new TableColumn({ ...c.text('lastError'), isNullable: true }),
      new TableColumn(c.str('dedupeKey', 120, true)),
      new TableColumn(c.time('readAt', true)),
    ]);
    // Rows queued before delivery existed land in the inbox as they are; none is sent late.
    await queryRunner.query(`UPDATE notifications SET dueAt = createdAt, status = 'sent', channel = 'inbox', sentAt = createdAt`);
    const rows: { id: string; payload: string }[] = await queryRunner.query('SELECT id, payload FROM notifications');
    for (const row of rows) {
      const eventId = (JSON.parse(row.payload) as { eventId?: unknown }).eventId;
      if (typeof eventId === 'string') await queryRunner.query('UPDATE notifications SET eventId = ? WHERE id = ?', [eventId, row.id]);
    }
    await queryRunner.changeColumn('notifications', 'dueAt', new TableColumn(c.time('dueAt')));
    await queryRunner.createIndices('notifications', [
      new TableIndex({ name: 'ix_notifications_inbox', columnNames: ['userId', 'dueAt', 'id'] }),
      new TableIndex({ name: 'ix_notifications_outbox', columnNames: ['status', 'dueAt'] }),
      new TableIndex({ name: 'ix_notifications_event_kind', columnNames: ['eventId', 'kind'] }),
      new TableIndex({ name: 'uq_notifications_key', columnNames: ['dedupeKey'], isUnique: true }),
    ]);

    await queryRunner.createTable(
      new Table({
        name: 'notification_subscriptions',
        columns: [c.id(), c.ref('userId'), c.str('kind', 40), c.time('acceptedAt'), c.time('usedAt', true), c.ref('notificationId', true)],
        indices: [new TableIndex({ name: 'ix_notification_subscriptions_open', columnNames: ['userId', 'kind', 'usedAt'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notification_subscriptions');
    for (const name of ['uq_notifications_key', 'ix_notifications_event_kind', 'ix_notifications_outbox', 'ix_notifications_inbox']) {
      await queryRunner.dropIndex('notifications', name);
    }
    await queryRunner.dropColumns('notifications', [
      'eventId',
      'dueAt',
      'status',
      'channel',
      'attempts',
      'nextAttemptAt',
      'claimToken',
      'claimedUntil',
      'lastError',
      'dedupeKey',
      'readAt',
    ]);
  }
}
