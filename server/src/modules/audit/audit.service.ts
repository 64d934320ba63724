// Writes and reads the audit log. Callers pass their transaction's manager so
// an audited action and its audit entry commit together.
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { toCstIso, type AuditEntryView, type Page } from '@kepu/shared';
import { keysetPage } from '../../core/paging';
import { UserEntity } from '../../db/entities/user.entity';
import { AuditEntryEntity } from '../../db/entities/audit-entry.entity';

export interface AuditInput {
  actorId: string | null;
  action: string;
  target: string;
  details: Record<string, unknown>;
  at: Date;
}

export async function recordAudit(manager: EntityManager, input: AuditInput): Promise<void> {
  await manager.getRepository(AuditEntryEntity).save(Object.assign(new AuditEntryEntity(), { id: randomUUID(), ...input }));
}

/**
 * Personal data leaving the system is audited: every export of an event's
 * list of people (sign-ups, volunteers), and every unmasked view of one. A
 * masked list on screen is not.
 */
export async function auditPersonalDataList(
  manager: EntityManager,
  actorId: string,
  list: 'signups' | 'volunteers',
  eventId: string,
  options: { unmask: boolean; format: string },
  rows: number,
  now: Date,
): Promise<void> {
  if (!options.unmask && options.format === 'json') return;
  await recordAudit(manager, {
    actorId,
    action: `${list}.${options.unmask ? 'unmask' : 'export'}`,
    target: `event:${eventId}`,
    details: { format: options.format, rows, unmasked: options.unmask },
    at: now,
  });
}

/** Newest first, keyset-paged on (at, id); optional filters by action prefix and target. */
export async function listAudit(
  manager: EntityManager,
  query: { limit: number; cursor?: string; action?: string; target?: string },
): Promise<Page<AuditEntryView>> {
  const qb = manager.getRepository(AuditEntryEntity).createQueryBuilder('a');
  // Actions are dotted ASCII names (signups.unmask), so a prefix match needs no escaping beyond the schema's pattern.
  if (query.action) qb.andWhere('a.action LIKE :action', { action: `${query.action}%` });
  if (query.target) qb.andWhere('a.target = :target', { target: query.target });
  const { rows: page, nextCursor } = await keysetPage(qb, { time: 'a.at', id: 'a.id' }, (a) => a.at, {
    cursor: query.cursor,
    limit: query.limit,
    direction: 'DESC',
  });
  const actorIds = [...new Set(page.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const actors = actorIds.length ? await manager.getRepository(UserEntity).findBy({ id: In(actorIds) }) : [];
  const nicknameOf = new Map(actors.map((u) => [u.id, u.nickname]));
  return {
    items: page.map((r) => ({
      id: r.id,
      at: toCstIso(r.at),
      actor: r.actorId ? { id: r.actorId, nickname: nicknameOf.get(r.actorId) ?? '' } : null,
      action: r.action,
      target: r.target,
      details: r.details,
    })),
    nextCursor,
  };
}
