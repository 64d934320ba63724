// Start-up seeding: imports the plans in seeds/, creates the demo accounts,
// and (unless --no-demo) demo activities around today, flagged isDemo, so a
// newcomer sees a live product on any date. Everything here is idempotent.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { addDays, cstDateOf, cstEndOfDay, cstStartOfDay } from '@kepu/shared';
import { campaignOccurrence } from '../campaigns';
import { transactional, type Transactions } from '../core/transaction';
import { importPlan } from '../modules/plan-import/plan-import.service';
import { COLLECTIVE_UNIT } from '../importer/vocabulary';
import { EventEntity, EventPlanTaskEntity } from '../db/entities/event.entity';
import { newEventRow } from '../modules/events/event.row';
import { MembershipEntity, OrganizationEntity } from '../db/entities/organization.entity';
import { PlanEntity, PlanTaskEntity } from '../db/entities/plan.entity';
import { SignupEntity } from '../db/entities/signup.entity';
import { UserEntity } from '../db/entities/user.entity';
import { findOrCreateUser } from '../modules/users/users.service';
import { ShiftApplicationEntity, ShiftEntity, VolunteerProfileEntity } from '../db/entities/volunteer.entities';
import { rankTasks } from '../modules/plans/task-matcher';
import { demoCampaignOn } from './demo-campaign';
import { demoActivityTemplates, demoCityGeography, type DemoActivityTemplate } from './demo-data';

export async function importSeedPlans(
  tx: Transactions,
  seedsDir: string,
  now: Date,
): Promise<{ file: string; city: string; year: number; created: boolean }[]> {
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const results = [];
  for (const file of files) {
    const result = await importPlan(tx, null, readFileSync(join(seedsDir, file), 'utf8'), {}, now);
    results.push({ file, city: result.plan.city, year: result.plan.year, created: result.created });
  }
  return results;
}

/** The organization demo-organizer acts for: the first imported city's 科协. */
async function demoOrganization(manager: EntityManager, now: Date): Promise<OrganizationEntity | null> {
  const firstPlan = await manager.getRepository(PlanEntity).findOne({ where: {}, order: { createdAt: 'ASC', city: 'ASC' } });
  if (!firstPlan) return null;
  const organizations = await manager.getRepository(OrganizationEntity).findBy({ city: firstPlan.city });
  const association = organizations.find((o) => o.name.endsWith('科协') && !COLLECTIVE_UNIT.test(o.name));
  if (association) return association;
  const created = manager
    .getRepository(OrganizationEntity)
    .create({ id: randomUUID(), city: firstPlan.city, name: `${firstPlan.city}科协`, kind: 'unit', trusted: false, createdAt: now });
  await manager.getRepository(OrganizationEntity).insert(created);
  return created;
}

export const demoAccounts = ['demo-resident', 'demo-volunteer', 'demo-organizer', 'demo-reviewer', 'demo-admin'] as const;
const demoNicknames: Record<(typeof demoAccounts)[number], string> = {
  'demo-resident': '演示居民',
  'demo-volunteer': '演示志愿者',
  'demo-organizer': '演示组织者',
  'demo-reviewer': '演示审核员',
  'demo-admin': '演示管理员',
};

export const seedDemoAccounts = transactional(async (manager: EntityManager, now: Date): Promise<void> => {
  for (const openid of demoAccounts) {
    const user = await findOrCreateUser.within(manager, openid, demoNicknames[openid], now);
    if (openid === 'demo-reviewer' && !user.isReviewer) await manager.getRepository(UserEntity).update({ id: user.id }, { isReviewer: true });
    if (openid === 'demo-admin' && !user.isAdmin) await manager.getRepository(UserEntity).update({ id: user.id }, { isAdmin: true, isReviewer: true });
    if (openid === 'demo-volunteer' && !(await manager.getRepository(VolunteerProfileEntity).existsBy({ userId: user.id }))) {
      await manager.getRepository(VolunteerProfileEntity).insert({
        userId: user.id,
        realName: '李志愿',
        phone: '13800000001',
        skills: ['科普讲解', '秩序引导'],
        tags: ['周末有空'],
        team: '科技志愿服务队',
        bio: '演示账号',
        createdAt: now,
        updatedAt: now,
      });
    }
    if (openid === 'demo-organizer') {
      const organization = await demoOrganization(manager, now);
      const memberships = manager.getRepository(MembershipEntity);
      if (organization && !(await memberships.findOneBy({ userId: user.id, organizationId: organization.id }))) {
        await memberships.insert({ id: randomUUID(), organizationId: organization.id, userId: user.id, role: 'organizer', createdAt: now });
      }
    }
  }
});

/**
 * Demo activities: for each city with a plan, this year's campaigns the plan
 * names and a dozen activities over the coming weeks. An ended demo activity
 * nobody signed up for is moved forward again, so the list is never stale.
 */
export const seedDemoActivities = transactional(async (manager: EntityManager, now: Date): Promise<number> => {
  const today = cstDateOf(now);
  const year = Number(today.slice(0, 4));
  const events = manager.getRepository(EventEntity);
  let touched = 0;
  const plans = await manager.getRepository(PlanEntity).find({ order: { city: 'ASC' } });
  for (const plan of plans) {
    const tasks = await manager.getRepository(PlanTaskEntity).find({ where: { planId: plan.id }, order: { ordinal: 'ASC' } });
    const organizations = (await manager.getRepository(OrganizationEntity).findBy({ city: plan.city })).filter((o) => o.kind !== 'collective');
    const fallbackOrganizer = organizations.find((o) => o.name.endsWith('科协')) ?? organizations[0];
    if (!fallbackOrganizer) continue;

    // This year's campaign events for the campaigns the plan names.
    const named = new Map<string, PlanTaskEntity[]>();
    for (const task of tasks) for (const c of task.campaigns) named.set(c.code, [...(named.get(c.code) ?? []), task]);
    for (const [code, campaignTasks] of named) {
      const occurrence = campaignOccurrence(code, year);
      if (!occurrence?.startsOn || !occurrence.endsOn) continue;
      const key = `demo:${plan.id}:${year}:${code}`;
      if (await events.findOneBy({ derivedKey: key })) continue;
      const campaign = newEventRow(
        {
          title: `${year}年${plan.city}${occurrence.name}（演示）`,
          description: `演示数据：依据${plan.year}年工作要点，按${year}年日期生成。`,
          kind: 'campaign',
          campaignCode: code,
          organizerId: fallbackOrganizer.id,
          city: plan.city,
          themes: occurrence.themes,
          venueName: `${plan.city}全市`,
          startsAt: cstStartOfDay(occurrence.startsOn),
          endsAt: cstEndOfDay(occurrence.endsOn),
          capacity: 0,
          status: 'published',
          source: 'plan',
          isDemo: true,
          derivedKey: key,
        },
        now,
      );
      await events.insert(campaign);
      await manager
        .getRepository(EventPlanTaskEntity)
        .insert(campaignTasks.map((t) => ({ eventId: campaign.id, planId: plan.id, taskOrdinal: t.ordinal, taskNumber: t.number })));
      touched += 1;
    }

    const namedCodes = new Set(named.keys());

    // Activities around today.
    const geography = demoCityGeography(plan.city);
    for (const [i, template] of demoActivityTemplates.entries()) {
      const key = `demo:${plan.id}:activity:${i}`;
      const day = addDays(today, template.dayOffset);
      const startsAt = new Date(`${day}T${template.startTime}:00+08:00`);
      const endsAt = new Date(startsAt.getTime() + template.hours * 3600_000);
      const existing = await events.findOneBy({ derivedKey: key });
      const linked = linkedTasks(template, tasks);
      // A campaign the plan names and that runs on the activity's day, or none.
      const campaignOf = (date: Date) => {
        const on = cstDateOf(date);
        const named = [...namedCodes].map((code) => campaignOccurrence(code, Number(on.slice(0, 4)))).filter((o) => o !== null);
        return demoCampaignOn(on, template, named);
      };
      if (existing) {
        // Demo data seeded before the matcher carried arbitrary links: they are replaced.
        await relink(manager, existing.id, plan.id, linked);
        const hasSignups = await manager.getRepository(SignupEntity).countBy({ eventId: existing.id });
        const hasVolunteers = await manager.getRepository(ShiftApplicationEntity).countBy({ eventId: existing.id });
        if (existing.endsAt >= now || hasSignups || hasVolunteers) {
          // Seeded before the tag followed the day (a December talk tagged 全国科技工作者日): corrected in place.
          const campaignCode = campaignOf(existing.startsAt);
          if (existing.campaignCode !== campaignCode) await events.update({ id: existing.id }, { campaignCode, updatedAt: now });
          continue;
        }
        await events.update({ id: existing.id }, { startsAt, endsAt, campaignCode: campaignOf(startsAt), updatedAt: now });
        await manager.getRepository(ShiftEntity).update({ eventId: existing.id }, { startsAt, endsAt });
        touched += 1;
        continue;
      }
      const place = geography.places[i % geography.places.length]!;
      const organizer = organizations.find((o) => o.id === leadOrganizationId(linked[0])) ?? fallbackOrganizer;
      const activity = newEventRow(
        {
          title: template.title,
          description: `${template.description}（演示数据）`,
          kind: 'activity',
          campaignCode: campaignOf(startsAt),
          organizerId: organizer.id,
          city: plan.city,
          district: place.district,
          audiences: template.audiences,
          themes: template.themes,
          venueName: place.venue,
          venueAddress: place.address,
          venueLat: place.lat,
          venueLng: place.lng,
          startsAt,
          endsAt,
          capacity: template.capacity,
          status: 'published',
          source: 'organizer',
          isDemo: true,
          derivedKey: key,
        },
        now,
      );
      await events.insert(activity);
      await relink(manager, activity.id, plan.id, linked);
      // Every other demo activity recruits volunteers, so the 志愿 pages have something to show.
      if (i % 2 === 0) {
        await manager.getRepository(ShiftEntity).insert({
          id: randomUUID(),
          eventId: activity.id,
          role: '科普讲解',
          description: '为参与者讲解展项与实验（演示数据）',
          startsAt,
          endsAt,
          slots: 3,
          approvedCount: 0,
          skills: ['科普讲解'],
          createdAt: now,
        });
      }
      touched += 1;
    }
  }
  return touched;
});

/** The task a demo activity carries out, by the same matcher organizers see: none when it shares nothing with the plan. */
function linkedTasks(template: DemoActivityTemplate, tasks: PlanTaskEntity[]): PlanTaskEntity[] {
  const best = rankTasks({ ...template, campaign: template.campaign ?? null }, tasks)[0];
  return tasks.filter((t) => t.ordinal === best?.ordinal);
}

/** The organization that leads a task: its unit marked lead, else the first listed; collectives (各成员单位) lead nothing. */
function leadOrganizationId(task: PlanTaskEntity | undefined): string | null {
  const units = (task?.responsibleUnits ?? []).filter((u) => u.organizationId && !COLLECTIVE_UNIT.test(u.name));
  return (units.find((u) => u.role === 'lead') ?? units[0])?.organizationId ?? null;
}

async function relink(manager: EntityManager, eventId: string, planId: string, tasks: PlanTaskEntity[]): Promise<void> {
  const repo = manager.getRepository(EventPlanTaskEntity);
  const key = (link: { planId: string; taskOrdinal: number }) => `${link.planId}:${link.taskOrdinal}`;
  const wanted = tasks.map((t) => ({ eventId, planId, taskOrdinal: t.ordinal, taskNumber: t.number }));
  const current = await repo.findBy({ eventId });
  const same = current.length === wanted.length && wanted.every((link) => current.some((c) => key(c) === key(link)));
  if (same) return;
  await repo.delete({ eventId });
  if (wanted.length) await repo.insert(wanted);
}
