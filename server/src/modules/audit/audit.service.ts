// Writes and reads the audit log. Callers pass their transaction's manager so
// an audited action and its audit entry commit together.
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { cstEndOfDay, cstStartOfDay, toCstIso, type AuditEntryView, type Page } from '@kepu/shared';
import { campaignByCode } from '../../campaigns';
import { keysetPage } from '../../core/paging';
import { UserEntity } from '../../db/entities/user.entity';
import { AuditEntryEntity } from '../../db/entities/audit-entry.entity';
import { EventEntity } from '../../db/entities/event.entity';
import { OrganizationEntity } from '../../db/entities/organization.entity';
import { PlanEntity } from '../../db/entities/plan.entity';
import { ShiftApplicationEntity } from '../../db/entities/volunteer.entities';

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

export interface AuditQuery {
  limit: number;
  cursor?: string;
  /** An action (`membership.add`) or a group of them (`membership`). */
  action?: string;
  target?: string;
  actorId?: string;
  /** CST calendar dates, both ends included. */
  from?: string;
  to?: string;
}

/**
 * Newest first, keyset-paged on (at, id); filtered by action (or its group), target, actor and
 * date range. Targets and people are named in bulk: one query per kind of target on the page.
 */
export async function listAudit(manager: EntityManager, query: AuditQuery): Promise<Page<AuditEntryView>> {
  const qb = manager.getRepository(AuditEntryEntity).createQueryBuilder('a');
  // Actions are dotted ASCII names (the schema's pattern), so LIKE needs no escaping: the group is the part before the dot.
  if (query.action) {
    if (query.action.includes('.')) qb.andWhere('a.action = :action', { action: query.action });
    else qb.andWhere('a.action LIKE :action', { action: `${query.action}.%` });
  }
  if (query.target) qb.andWhere('a.target = :target', { target: query.target });
  if (query.actorId) qb.andWhere('a.actorId = :actorId', { actorId: query.actorId });
  if (query.from) qb.andWhere('a.at >= :from', { from: cstStartOfDay(query.from) });
  if (query.to) qb.andWhere('a.at <= :to', { to: cstEndOfDay(query.to) });
  const { rows: page, nextCursor } = await keysetPage(qb, { time: 'a.at', id: 'a.id' }, (a) => a.at, {
    cursor: query.cursor,
    limit: query.limit,
    direction: 'DESC',
  });
  const labels = await labelTargets(manager, page);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: toCstIso(r.at),
      actor: r.actorId ? { id: r.actorId, nickname: labels.user.get(r.actorId) ?? '' } : null,
      action: r.action,
      target: r.target,
      targetLabel: labels.of(r.target),
      subjectLabel: subjectOf(r) ? (labels.user.get(subjectOf(r)!) ?? null) : null,
      details: r.details,
    })),
    nextCursor,
  };
}

/** The person an entry concerns besides its target: the member added or removed, the volunteer decided on. */
function subjectOf(entry: AuditEntryEntity): string | null {
  const id = entry.details.userId ?? entry.details.volunteerId;
  return typeof id === 'string' ? id : null;
}

function splitTarget(target: string): { kind: string; id: string } {
  const colon = target.indexOf(':');
  return colon < 0 ? { kind: target, id: '' } : { kind: target.slice(0, colon), id: target.slice(colon + 1) };
}

/** What each target of the page is called now, read in one query per kind (users, events, organizations, plans, applications). */
async function labelTargets(manager: EntityManager, page: AuditEntryEntity[]) {
  const ids = (kind: string) => [
    ...new Set(
      page
        .map((r) => splitTarget(r.target))
        .filter((t) => t.kind === kind)
        .map((t) => t.id),
    ),
  ];
  const applicationIds = ids('application');
  const applications = applicationIds.length ? await manager.getRepository(ShiftApplicationEntity).findBy({ id: In(applicationIds) }) : [];
  const eventIds = [...new Set([...ids('event'), ...applications.map((a) => a.eventId)])];
  const userIds = [
    ...new Set([
      ...ids('user'),
      ...page.map((r) => r.actorId).filter((id): id is string => id !== null),
      ...page.map(subjectOf).filter((id): id is string => id !== null),
      ...applications.map((a) => a.userId),
    ]),
  ];
  const [users, events, organizations, plans] = await Promise.all([
    userIds.length ? manager.getRepository(UserEntity).find({ where: { id: In(userIds) }, select: { id: true, nickname: true } }) : [],
    eventIds.length ? manager.getRepository(EventEntity).find({ where: { id: In(eventIds) }, select: { id: true, title: true } }) : [],
    ids('organization').length
      ? manager.getRepository(OrganizationEntity).find({ where: { id: In(ids('organization')) }, select: { id: true, name: true } })
      : [],
    ids('plan').length
      ? manager.getRepository(PlanEntity).find({ where: { id: In(ids('plan')) }, select: { id: true, title: true, city: true, year: true } })
      : [],
  ]);
  const user = new Map(users.map((u) => [u.id, u.nickname]));
  const event = new Map(events.map((e) => [e.id, e.title]));
  const organization = new Map(organizations.map((o) => [o.id, o.name]));
  const plan = new Map(plans.map((p) => [p.id, p.title || `${p.city}${p.year}年工作要点`]));
  const application = new Map(applications.map((a) => [a.id, [user.get(a.userId), event.get(a.eventId)].filter(Boolean).join(' · ') || null] as const));
  const of = (target: string): string | null => {
    const { kind, id } = splitTarget(target);
    switch (kind) {
      case 'user':
        return user.get(id) ?? null;
      case 'event':
        return event.get(id) ?? null;
      case 'organization':
        return organization.get(id) ?? null;
      case 'plan':
        return plan.get(id) ?? null;
      case 'application':
        return application.get(id) ?? null;
      case 'campaign': {
        // campaign:<code>:<year>
        const [code, year] = id.split(':');
        const name = code ? campaignByCode(code)?.name : undefined;
        return name ? `${name}${year ? ` ${year}年` : ''}` : null;
      }
      default:
        return null;
    }
  };
  return { user, of };
}
