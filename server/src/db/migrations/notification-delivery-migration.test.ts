// Notifications queued before delivery existed land in the inbox as delivered
// (none is sent late to WeChat), with the event they are about.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { openDatabase } from '../data-source';
import { migrations } from '.';

describe('the notification delivery migration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kepu-migration-'));
  const path = join(dir, 'kepu.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when a database holds notifications from before, they become delivered inbox items with their event, and new columns have their defaults', async () => {
    const before = new DataSource({
      type: 'better-sqlite3',
      database: path,
      migrations: migrations.filter((m) => m.name !== 'NotificationDelivery1764600000000'),
    });
    await before.initialize();
    await before.runMigrations();
    await before.query(
      `INSERT INTO notifications (id, userId, kind, payload, sentAt, createdAt) VALUES
       ('n1', 'u1', 'event.cancelled', '{"eventId":"e1","title":"讲座","reason":"下雨"}', NULL, '2026-11-01 00:00:00'),
       ('n2', 'u1', 'event.plan_task_changed', '{"planId":"p1"}', NULL, '2026-11-02 00:00:00')`,
    );
    await before.destroy();

    const after = await openDatabase({ type: 'sqlite', path });
    const rows = await after.query('SELECT id, eventId, dueAt, status, channel, attempts, readAt, sentAt FROM notifications ORDER BY id');
    await after.destroy();
    expect(rows).toEqual([
      { id: 'n1', eventId: 'e1', dueAt: '2026-11-01 00:00:00', status: 'sent', channel: 'inbox', attempts: 0, readAt: null, sentAt: '2026-11-01 00:00:00' },
      { id: 'n2', eventId: null, dueAt: '2026-11-02 00:00:00', status: 'sent', channel: 'inbox', attempts: 0, readAt: null, sentAt: '2026-11-02 00:00:00' },
    ]);
  });
});
