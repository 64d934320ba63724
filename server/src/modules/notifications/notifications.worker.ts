// The delivery worker every server process runs (WORKER_INTERVAL_MS; NOTIFY=off
// leaves the outbox undelivered). Each run claims due notifications under a
// lease (FOR UPDATE SKIP LOCKED on MySQL, one conditional UPDATE on SQLite), so
// no two processes hold the same row; delivers each to the inbox and, when the
// user holds a one-time subscription of its kind, as a WeChat subscribe
// message; and retries failures with exponential backoff until MAX_ATTEMPTS.
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { NotificationKind } from '@kepu/shared';
import type { Config, NotificationConfig } from '../../config';
import type { Transactions } from '../../core/transaction';
import { NotificationEntity } from '../../db/entities/notification.entity';
import { EventEntity } from '../../db/entities/event.entity';
import { SignupEntity } from '../../db/entities/signup.entity';
import { ShiftApplicationEntity, ShiftEntity } from '../../db/entities/volunteer.entities';
import { UserEntity } from '../../db/entities/user.entity';
import { httpWechatMessenger, type WechatMessenger } from '../../wechat/subscribe-message';
import { afterFailure, reminderStillDue, wechatData, wechatPage, wechatVerdict } from './notifications.rules';
import { releaseSubscription, reserveSubscription } from './notifications.service';

export interface NotificationWorkerDeps {
  dataSource: DataSource;
  tx: Transactions;
  /** Null when WX_APPID/WX_SECRET are not set: notifications reach the inbox only. */
  messenger: WechatMessenger | null;
  settings: Pick<NotificationConfig, 'templates'>;
}

export interface WorkerRunReport {
  delivered: number;
  retried: number;
  failed: number;
  withdrawn: number;
}

/** Rows claimed per round, and rounds per run: a backlog drains over several runs, never in one long one. */
const BATCH = 20;
const MAX_ROUNDS = 10;
/** How long a claim holds: far longer than a delivery takes (two WeChat calls of at most 5 s each). */
const LEASE_MS = 5 * 60_000;

/** One run: claim what is due, deliver it, until nothing is due (or the round limit). */
export async function runNotificationWorkerOnce(deps: NotificationWorkerDeps, now: Date): Promise<WorkerRunReport> {
  const report: WorkerRunReport = { delivered: 0, retried: 0, failed: 0, withdrawn: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const claim = randomUUID();
    const claimed = await claimDue(deps, claim, now);
    for (const notification of claimed) await deliver(deps, notification, claim, now, report);
    if (claimed.length < BATCH) break;
  }
  return report;
}

async function claimDue(deps: NotificationWorkerDeps, claim: string, now: Date): Promise<NotificationEntity[]> {
  const lease = { claimToken: claim, claimedUntil: new Date(now.getTime() + LEASE_MS) };
  const due = (manager: EntityManager) =>
    manager
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.status = :pending', { pending: 'pending' })
      .andWhere('n.dueAt <= :now', { now })
      .andWhere('(n.nextAttemptAt IS NULL OR n.nextAttemptAt <= :now)', { now })
      .andWhere('(n.claimedUntil IS NULL OR n.claimedUntil < :now)', { now })
      .orderBy('n.dueAt', 'ASC')
      .addOrderBy('n.id', 'ASC')
      .limit(BATCH);
  const ids = await deps.tx.run(async (manager) => {
    if (manager.connection.options.type === 'mysql') {
      // Rows another process is claiming right now are skipped, not waited for.
      const rows = await due(manager).select('n.id', 'id').setLock('pessimistic_write').setOnLocked('skip_locked').getRawMany<{ id: string }>();
      if (rows.length)
        await manager.getRepository(NotificationEntity).update(
          rows.map((r) => r.id),
          lease,
        );
      return rows.map((r) => r.id);
    }
    // SQLite: one statement claims, under the database's single write lock.
    const pick = due(manager).select('n.id');
    await manager.createQueryBuilder().update(NotificationEntity).set(lease).where(`id IN (${pick.getQuery()})`).setParameters(pick.getParameters()).execute();
    return (await manager.getRepository(NotificationEntity).find({ where: { claimToken: claim }, select: { id: true } })).map((r) => r.id);
  });
  if (ids.length === 0) return [];
  const rows = await deps.dataSource.getRepository(NotificationEntity).findBy({ claimToken: claim });
  return rows.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
}

/** Writes the outcome, only while the claim is still ours (a lease that ran out belongs to someone else now). */
async function settle(deps: NotificationWorkerDeps, id: string, claim: string, changes: Partial<Omit<NotificationEntity, 'payload'>>): Promise<void> {
  await deps.dataSource.getRepository(NotificationEntity).update({ id, claimToken: claim }, { ...changes, claimToken: null, claimedUntil: null });
}

async function deliver(deps: NotificationWorkerDeps, n: NotificationEntity, claim: string, now: Date, report: WorkerRunReport): Promise<void> {
  const manager = deps.dataSource.manager;
  if (!(await stillRelevant(manager, n, now))) {
    await settle(deps, n.id, claim, { status: 'cancelled' });
    report.withdrawn++;
    return;
  }
  const template = deps.settings.templates[n.kind as NotificationKind];
  const openid = deps.messenger && template ? (await manager.getRepository(UserEntity).findOneBy({ id: n.userId }))?.openid : null;
  const subscription = openid ? await reserveSubscription(manager, n.userId, n.kind, n.id, now) : null;
  if (!deps.messenger || !template || !openid || !subscription) {
    // No WeChat way to this user for this kind: the inbox is the delivery.
    await settle(deps, n.id, claim, { status: 'sent', channel: 'inbox', sentAt: now });
    report.delivered++;
    return;
  }
  const outcome = await deps.messenger.sendSubscribeMessage({
    touser: openid,
    templateId: template.id,
    page: wechatPage(n.id, n.eventId),
    data: wechatData(n.kind, n.payload, template.fields),
  });
  if (outcome.ok) {
    await settle(deps, n.id, claim, { status: 'sent', channel: 'wechat', sentAt: now, lastError: null });
    report.delivered++;
    return;
  }
  const verdict = wechatVerdict(outcome.errcode);
  if (verdict === 'spent') {
    // WeChat holds no subscription for this user any more: that one is used up, the inbox has the notice.
    await settle(deps, n.id, claim, { status: 'sent', channel: 'inbox', sentAt: now, lastError: outcome.message });
    report.delivered++;
    return;
  }
  await releaseSubscription(manager, subscription);
  const attempts = n.attempts + 1;
  const next = verdict === 'fatal' ? ({ status: 'failed' } as const) : afterFailure(attempts, now);
  await settle(deps, n.id, claim, {
    attempts,
    lastError: outcome.message.slice(0, 1000),
    ...(next.status === 'failed' ? { status: 'failed' } : { status: 'pending', nextAttemptAt: next.nextAttemptAt }),
  });
  if (next.status === 'failed') {
    report.failed++;
    console.warn(`[kepu] notification ${n.id} (${n.kind}) failed after ${attempts} attempt(s): ${outcome.message}`);
  } else {
    report.retried++;
  }
}

/**
 * Reminders are checked again when due: the sign-up still holds its seat (the application is still
 * approved), the event is still on, at the time the reminder was scheduled for, and not started yet.
 */
async function stillRelevant(manager: EntityManager, n: NotificationEntity, now: Date): Promise<boolean> {
  // The payload keeps the start as emitted (whole seconds); the row may hold milliseconds.
  const sameStart = (stored: Date, scheduled: Date) => Math.floor(stored.getTime() / 1000) === Math.floor(scheduled.getTime() / 1000);
  if (n.kind !== 'event.reminder' && n.kind !== 'shift.reminder') return true;
  const startsAt = typeof n.payload.startsAt === 'string' ? new Date(n.payload.startsAt) : null;
  if (!startsAt || !reminderStillDue(startsAt, now)) return false;
  const event = n.eventId ? await manager.getRepository(EventEntity).findOneBy({ id: n.eventId }) : null;
  if (!event || event.status !== 'published') return false;
  if (n.kind === 'event.reminder') {
    const signup = await manager.getRepository(SignupEntity).findOneBy({ id: String(n.payload.signupId) });
    return signup?.status === 'confirmed' && sameStart(event.startsAt, startsAt);
  }
  const application = await manager.getRepository(ShiftApplicationEntity).findOneBy({ id: String(n.payload.applicationId) });
  const shift = application ? await manager.getRepository(ShiftEntity).findOneBy({ id: application.shiftId }) : null;
  return application?.status === 'approved' && !!shift && sameStart(shift.startsAt, startsAt);
}

export interface NotificationWorker {
  /** Stops the timer and waits for a run in flight, so the database can close after it. */
  stop(): Promise<void>;
}

/** Starts the worker of this process (unless NOTIFY=off). main.ts stops it before closing the database. */
export function startNotificationWorker(app: { config: Config; dataSource: DataSource; tx: Transactions; clock: () => Date }): NotificationWorker {
  const { config, clock } = app;
  if (!config.notifications.deliver) return { stop: async () => undefined };
  const { appId, secret, apiBase } = config.wechat;
  const deps: NotificationWorkerDeps = {
    dataSource: app.dataSource,
    tx: app.tx,
    messenger: appId && secret ? httpWechatMessenger({ appId, secret, apiBase, clock }) : null,
    settings: config.notifications,
  };
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = runNotificationWorkerOnce(deps, clock())
      .catch((error) => console.error('[kepu] notification worker:', error instanceof Error ? error.message : error))
      .finally(() => {
        // The next run is timed from the end of this one: runs never overlap within a process.
        if (!stopped) timer = setTimeout(tick, config.notifications.workerIntervalMs);
      });
  };
  let timer: NodeJS.Timeout = setTimeout(tick, config.notifications.workerIntervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
