// Volunteer needs: the plan tasks that call for 科技志愿服务 (plans/volunteer-need.ts)
// which an organizer's organizations lead or whose events they run, with the
// shifts those events have opened, so the organizer is prompted to add shifts.
import { In, Not, type EntityManager } from 'typeorm';
import { toCstIso, type VolunteerNeedView } from '@kepu/shared';
import type { AuthUser } from '../../core/actor';
import { EventEntity, EventPlanTaskEntity } from '../../db/entities/event.entity';
import { PlanEntity, PlanTaskEntity } from '../../db/entities/plan.entity';
import { ShiftEntity } from '../../db/entities/volunteer.entities';
import { needsVolunteers } from './volunteer-need';

export async function listVolunteerNeeds(manager: EntityManager, user: AuthUser): Promise<VolunteerNeedView[]> {
  const organizationIds = user.organizationIds;
  if (organizationIds.length === 0) return [];
  const events = await manager.getRepository(EventEntity).find({
    where: { organizerId: In(organizationIds), status: Not('cancelled') },
    select: { id: true, title: true, startsAt: true },
  });
  const links = events.length ? await manager.getRepository(EventPlanTaskEntity).findBy({ eventId: In(events.map((e) => e.id)) }) : [];
  const tasks = manager.getRepository(PlanTaskEntity).createQueryBuilder('t');
  // Units are stored as JSON: an organization's id appears quoted exactly once per unit it resolves to.
  tasks.where(`(${organizationIds.map((_, i) => `t.responsibleUnits LIKE :unit${i}`).join(' OR ')})`, {
    ...Object.fromEntries(organizationIds.map((id, i) => [`unit${i}`, `%"organizationId":${JSON.stringify(id)}%`])),
  });
  for (const [i, link] of links.entries())
    tasks.orWhere(`(t.planId = :plan${i} AND t.ordinal = :ordinal${i})`, { [`plan${i}`]: link.planId, [`ordinal${i}`]: link.taskOrdinal });
  const needing = (await tasks.getMany()).filter(needsVolunteers);
  if (needing.length === 0) return [];

  const plans = await manager
    .getRepository(PlanEntity)
    .find({ where: { id: In([...new Set(needing.map((t) => t.planId))]) }, select: { id: true, title: true } });
  const planTitle = new Map(plans.map((p) => [p.id, p.title]));
  const linkedEventIds = [...new Set(links.map((l) => l.eventId))];
  const shiftRows = linkedEventIds.length
    ? await manager.getRepository(ShiftEntity).find({ where: { eventId: In(linkedEventIds) }, select: { id: true, eventId: true } })
    : [];
  const shiftCount = new Map<string, number>();
  for (const shift of shiftRows) shiftCount.set(shift.eventId, (shiftCount.get(shift.eventId) ?? 0) + 1);
  const eventById = new Map(events.map((e) => [e.id, e]));

  // Each task once, by position: two tasks may share a written number when numbering restarts per section.
  return needing
    .sort((a, b) => a.planId.localeCompare(b.planId) || a.ordinal - b.ordinal)
    .map((task) => ({
      planId: task.planId,
      planTitle: planTitle.get(task.planId) ?? '',
      taskNumber: task.number,
      taskOrdinal: task.ordinal,
      taskTitle: task.title,
      events: links
        .filter((l) => l.planId === task.planId && l.taskOrdinal === task.ordinal)
        .map((l) => eventById.get(l.eventId)!)
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
        .map((e) => ({ id: e.id, title: e.title, startsAt: toCstIso(e.startsAt), shiftCount: shiftCount.get(e.id) ?? 0 })),
    }));
}
