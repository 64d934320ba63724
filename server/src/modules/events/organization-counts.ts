// The counts on the state tabs of an organization's 活动管理: its events not ended yet, by state.
// Does not own the list itself (event-list.ts), whose time window these counts follow.
import type { EntityManager } from 'typeorm';
import { eventStatuses, type OrganizationEventCountsView } from '@kepu/shared';
import type { AuthUser } from '../../core/actor';
import { notFound } from '../../core/errors';
import { EventEntity } from '../../db/entities/event.entity';
import { OrganizationEntity } from '../../db/entities/organization.entity';
import { assertActsFor } from '../organizations/organizations.access';

export async function countOrganizationEvents(manager: EntityManager, user: AuthUser, organizationId: string, now: Date): Promise<OrganizationEventCountsView> {
  assertActsFor(user, organizationId);
  if (!(await manager.getRepository(OrganizationEntity).existsBy({ id: organizationId }))) throw notFound('organization');
  const rows = await manager
    .getRepository(EventEntity)
    .createQueryBuilder('e')
    .select('e.status', 'status')
    .addSelect('COUNT(*)', 'n')
    .where('e.organizerId = :organizationId', { organizationId })
    // The same window as the organizer's list: what has not ended.
    .andWhere('e.endsAt >= :now', { now })
    .groupBy('e.status')
    .getRawMany<{ status: string; n: number | string }>();
  const counts: OrganizationEventCountsView = { all: 0, draft: 0, pending: 0, published: 0, rejected: 0, cancelled: 0 };
  for (const row of rows) {
    const status = eventStatuses.find((s) => s === row.status);
    if (!status) continue;
    counts[status] = Number(row.n);
    counts.all += Number(row.n);
  }
  return counts;
}
