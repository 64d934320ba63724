// An organization's year in numbers (统计): its published, not-cancelled events per month
// and in total. Owns the sums; who may read them is the route's and organizations.access's.
//
// One grouped statement over the organization's events (ix_events_organizer), month in
// China time, on both engines; JavaScript only fills the empty months and adds the totals.
import type { EntityManager } from 'typeorm';
import type { OrganizationStatsView } from '@kepu/shared';
import type { AuthUser } from '../../core/actor';
import { notFound } from '../../core/errors';
import { OrganizationEntity } from '../../db/entities/organization.entity';
import { assertActsFor } from '../organizations/organizations.access';
import { attendanceRate, isMysql, monthOf, sqlTime } from '../plans/progress.service';

type Tally = Omit<OrganizationStatsView['totals'], 'checkinRate'> & { cents: number };

const byMonth = (mysql: boolean) => `
SELECT ${monthOf(mysql, 'e.startsAt')} AS month, COUNT(*) AS events, SUM(e.capacity) AS seats,
  SUM(e.confirmedSignupCount) AS signups, SUM(e.checkedInCount) AS checkins, SUM(e.volunteerCents) AS cents
FROM events e
WHERE e.organizerId = ? AND e.status = 'published' AND e.startsAt >= ? AND e.startsAt < ?
GROUP BY ${monthOf(mysql, 'e.startsAt')}`;

const zero = (): Tally => ({ events: 0, seats: 0, signups: 0, checkins: 0, volunteerHours: 0, cents: 0 });

function view({ cents, ...tally }: Tally): OrganizationStatsView['totals'] {
  return { ...tally, checkinRate: attendanceRate(tally.checkins, tally.signups), volunteerHours: cents / 100 };
}

/** The organization's events of `year` (China time), per month and in total; members and admins only. */
export async function getOrganizationStats(manager: EntityManager, user: AuthUser, organizationId: string, year: number): Promise<OrganizationStatsView> {
  const organization = await manager.getRepository(OrganizationEntity).findOne({ where: { id: organizationId }, select: { id: true, name: true } });
  if (!organization) throw notFound('organization');
  assertActsFor(user, organizationId);

  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const rows: Record<string, unknown>[] = await manager.query(byMonth(isMysql(manager)), [organizationId, sqlTime(manager, from), sqlTime(manager, to)]);

  const months = new Map<string, Tally>();
  for (let m = 1; m <= 12; m++) months.set(`${year}-${String(m).padStart(2, '0')}`, zero());
  const total = zero();
  for (const row of rows) {
    const month = months.get(String(row.month));
    if (!month) continue;
    for (const key of ['events', 'seats', 'signups', 'checkins', 'cents'] as const) {
      const value = Number(row[key] ?? 0);
      month[key] += value;
      total[key] += value;
    }
  }
  return {
    organizationId,
    organizationName: organization.name,
    year,
    totals: view(total),
    months: [...months].map(([month, tally]) => ({ month, ...view(tally) })),
  };
}
