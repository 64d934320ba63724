// How far a plan has got in its year (监测评估): per task, per responsible unit, per
// audience, district, campaign and month; a task's events; what the year-end report lists.
//
// What counts: published events (not drafts, not cancelled) linked to one of the plan's
// tasks and starting within the window: the plan's year, its period for a multi-year
// plan, or the year asked for (`?year=`), in China time.
//
// Every sum is taken in SQL over the plan's links (event_plan_tasks), which carry copies of
// their event's status, time, organizer, district, campaign, capacity and tallies (kept by
// the triggers of 1765000000000-ProgressCounters and 1766100000000-ProgressLinkWindow):
// the window's published links are one range of ix_event_plan_tasks_window, and only the
// audiences are read from the events (the window's, by key). JavaScript only adds up
// grouped rows (tasks x organizers, and organizer x district x campaign x month), never
// one row per event.
//
// Who is credited with what (units):
// - A unit is one row per organization, however the plan writes it (市卫健委 and
//   市卫生健康委 resolve to one organization at import).
// - A unit is credited with the events its own organization published for the plan in the
//   window (each once, whichever of the plan's tasks they cite). Other units' events on a
//   shared task are theirs, not its.
// - A collective phrase (各成员单位, 各区; organization kind `collective`) is shown as such
//   (`collective: true`): it is credited only with events posted under its own name (in
//   practice none), and its idle tasks are those of its tasks nobody has published against.
// - role: `lead` when it leads every task naming it (a unit named without a role counts as
//   leading it), `support` when it only supports, `mixed` otherwise.
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { EventView, Page, PlanProgressView, TaskProgressView, UnitProgressView } from '@kepu/shared';

type BreakdownTally = Omit<PlanProgressView['audiences'][number], 'audience'>;
import { campaignOccurrence } from '../../campaigns';
import { notFound } from '../../core/errors';
import { keysetPage } from '../../core/paging';
import { EventEntity, EventPlanTaskEntity } from '../../db/entities/event.entity';
import { toEventViews } from '../events/event.view';
import { ambiguousTask } from '../events/plan-links';
import { OrganizationEntity } from '../../db/entities/organization.entity';
import { PlanEntity, PlanTaskEntity } from '../../db/entities/plan.entity';

/** The years counted, and the instants bounding them (from inclusive, to exclusive). */
export interface ProgressWindow {
  year: number;
  fromYear: number;
  toYear: number;
  from: Date;
  to: Date;
}

export function progressWindow(plan: PlanEntity, year: number | undefined): ProgressWindow {
  const [fromYear, toYear] =
    year !== undefined ? [year, year] : plan.periodFrom !== null && plan.periodTo !== null ? [plan.periodFrom, plan.periodTo] : [plan.year, plan.year];
  return {
    year: year ?? fromYear,
    fromYear,
    toYear,
    from: new Date(`${fromYear}-01-01T00:00:00+08:00`),
    to: new Date(`${toYear + 1}-01-01T00:00:00+08:00`),
  };
}

export const isMysql = (manager: EntityManager) => manager.connection.driver.options.type === 'mysql';

/** A time parameter as each engine compares it: MariaDB takes a Date, SQLite the text TypeORM stores. */
export function sqlTime(manager: EntityManager, date: Date): unknown {
  return isMysql(manager) ? date : date.toISOString().replace('T', ' ').replace('Z', '');
}

/** The calendar month of a start time in China time, YYYY-MM. */
export const monthOf = (mysql: boolean, column: string) =>
  mysql ? `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m')` : `strftime('%Y-%m', ${column}, '+8 hours')`;

// Audiences and the report join the window's links to their events by key. CROSS JOIN keeps
// SQLite's order; STRAIGHT_JOIN MariaDB's.
const join = (mysql: boolean) => (mysql ? 'STRAIGHT_JOIN' : 'CROSS JOIN');

// Progress reads the links, not the events: each link carries copies of its event's status,
// time, organizer, district, campaign, capacity and tallies (triggers of
// 1765000000000-ProgressCounters and 1766100000000-ProgressLinkWindow), and
// ix_event_plan_tasks_window holds the plan's published links in time order, so the
// window is one range of that index and links of other years are never read.
const inWindow = (mysql: boolean) =>
  `event_plan_tasks l ${mysql ? 'FORCE INDEX (ix_event_plan_tasks_window)' : 'INDEXED BY ix_event_plan_tasks_window'}
WHERE l.planId = ? AND l.eventStatus = 'published' AND l.startsAt >= ? AND l.startsAt < ?`;

/** What each grouped row sums, over links (l) or over events once (pe). */
const sums = (t: string) => `COUNT(*) AS events, SUM(${t}.capacity) AS seats, SUM(${t}.confirmedSignupCount) AS signups,
  SUM(${t}.checkedInCount) AS checkins, SUM(${t}.volunteerCents) AS cents`;

/** The window's events, each once (an event's links all carry the same copies). */
const perEvent = (mysql: boolean) => `(SELECT l.eventId, MIN(l.organizerId) AS organizerId, MIN(l.district) AS district,
  MIN(l.campaignCode) AS campaignCode, MIN(l.startsAt) AS startsAt, MIN(l.capacity) AS capacity, MIN(l.confirmedSignupCount) AS confirmedSignupCount,
  MIN(l.checkedInCount) AS checkedInCount, MIN(l.volunteerCents) AS volunteerCents
  FROM ${inWindow(mysql)} GROUP BY l.eventId) pe`;

/** Per task (by position: written numbers may repeat) and organizer: an event serving two tasks counts for each. Reads the index alone. */
const byTaskAndOrganizer = (mysql: boolean) => `
SELECT l.taskOrdinal AS task, l.organizerId AS org, ${sums('l')}
FROM ${inWindow(mysql)}
GROUP BY l.taskOrdinal, l.organizerId`;

/** Per organizer, district, campaign and month: every event once. Reads the index alone. */
const byEventGroups = (mysql: boolean) => `
SELECT pe.organizerId AS org, pe.district AS district, pe.campaignCode AS campaign, ${monthOf(mysql, 'pe.startsAt')} AS month, ${sums('pe')}
FROM ${perEvent(mysql)}
GROUP BY pe.organizerId, pe.district, pe.campaignCode, ${monthOf(mysql, 'pe.startsAt')}`;

/**
 * Per audience: an event for two audiences counts under each. Audiences are a list (JSON)
 * on the event, so this one joins the window's events (each once, found on the index) to
 * their rows by key: a look-up per event of the window, none for the other years'.
 */
const byAudience = (mysql: boolean) => `
SELECT ${mysql ? 'a.audience' : 'a.value'} AS audience, ${sums('e')}
FROM (SELECT l.eventId FROM ${inWindow(mysql)} GROUP BY l.eventId) pe
${join(mysql)} events e ON e.id = pe.eventId
${mysql ? `JOIN JSON_TABLE(e.audiences, '$[*]' COLUMNS (audience VARCHAR(100) PATH '$')) a` : 'JOIN json_each(e.audiences) a'}
GROUP BY ${mysql ? 'a.audience' : 'a.value'}`;

type SumRow = Record<'events' | 'seats' | 'signups' | 'checkins' | 'cents', unknown>;

/** Whole numbers (hours in cents) while rows are added up. */
interface Sums {
  events: number;
  seats: number;
  signups: number;
  checkins: number;
  cents: number;
}
const zero = (): Sums => ({ events: 0, seats: 0, signups: 0, checkins: 0, cents: 0 });
function add(into: Sums, row: SumRow | Sums): Sums {
  into.events += Number(row.events ?? 0);
  into.seats += Number(row.seats ?? 0);
  into.signups += Number(row.signups ?? 0);
  into.checkins += Number(row.checkins ?? 0);
  into.cents += Number(row.cents ?? 0);
  return into;
}

export function attendanceRate(checkins: number, signups: number): number | null {
  return signups > 0 ? Math.min(1, Math.round((checkins / signups) * 1000) / 1000) : null;
}

function breakdown(sums: Sums): BreakdownTally {
  return {
    events: sums.events,
    seats: sums.seats,
    signups: sums.signups,
    checkins: sums.checkins,
    attendanceRate: attendanceRate(sums.checkins, sums.signups),
    volunteerHours: sums.cents / 100,
  };
}

/** The tally shape task and unit rows carry (events and published are the same since v1.1). */
function tally(sums: Sums) {
  const { events, seats, signups, checkins, attendanceRate: rate, volunteerHours } = breakdown(sums);
  return { events, published: events, signups, checkins, volunteerHours, seats, attendanceRate: rate };
}

function months(window: ProgressWindow): string[] {
  const list: string[] = [];
  for (let y = window.fromYear; y <= window.toYear; y++) for (let m = 1; m <= 12; m++) list.push(`${y}-${String(m).padStart(2, '0')}`);
  return list;
}

/** Collective phrases the import may have left without an organization. */
const COLLECTIVE_NAME = /^各|有关单位$|成员单位$/;

export async function loadPlan(manager: EntityManager, id: string): Promise<{ plan: PlanEntity; tasks: PlanTaskEntity[] }> {
  const [plan, tasks] = await Promise.all([manager.getRepository(PlanEntity).findOneBy({ id }), manager.getRepository(PlanTaskEntity).findBy({ planId: id })]);
  if (!plan) throw notFound('plan');
  return { plan, tasks: tasks.sort((a, b) => a.ordinal - b.ordinal) };
}

/** The progress of a plan in its window (see the top of this file for what counts and who is credited). */
export async function getPlanProgress(manager: EntityManager, id: string, year?: number): Promise<PlanProgressView> {
  const { plan, tasks } = await loadPlan(manager, id);
  const window = progressWindow(plan, year);
  const mysql = isMysql(manager);
  const bounds = [sqlTime(manager, window.from), sqlTime(manager, window.to)];
  const unitOrgIds = [...new Set(tasks.flatMap((t) => t.responsibleUnits.map((u) => u.organizationId)).filter((o): o is string => o !== null))];

  type Grouped = SumRow & { task?: unknown; org?: unknown; district?: unknown; campaign?: unknown; month?: unknown; audience?: unknown };
  // In parallel: MariaDB runs them on pooled connections; SQLite one after another.
  const [taskOrgRows, eventRows, audienceRows, organizations]: [Grouped[], Grouped[], Grouped[], OrganizationEntity[]] = await Promise.all([
    manager.query(byTaskAndOrganizer(mysql), [id, ...bounds]),
    manager.query(byEventGroups(mysql), [id, ...bounds]),
    manager.query(byAudience(mysql), [id, ...bounds]),
    unitOrgIds.length
      ? manager.getRepository(OrganizationEntity).find({ where: { id: In(unitOrgIds) }, select: { id: true, name: true, kind: true } })
      : Promise.resolve([]),
  ]);

  // Tasks: the sum over their organizers; which organizers published against which task.
  const byTask = new Map<number, Sums>();
  const organizersOf = new Map<number, Set<string>>();
  for (const row of taskOrgRows) {
    const task = Number(row.task);
    byTask.set(task, add(byTask.get(task) ?? zero(), row));
    organizersOf.set(task, (organizersOf.get(task) ?? new Set()).add(String(row.org)));
  }
  const taskViews: TaskProgressView[] = tasks.map((task) => {
    const sums = byTask.get(task.ordinal) ?? zero();
    return { number: task.number, ordinal: task.ordinal, title: task.title, section: task.sectionPath[0] ?? null, ...tally(sums), idle: sums.events === 0 };
  });
  const idleTasks = taskViews.filter((t) => t.idle).map((t) => t.number);
  const idle = new Set(taskViews.filter((t) => t.idle).map((t) => t.ordinal));

  // Every event once: by organizer, district, campaign, month, and in total.
  const total = zero();
  const byOrganizer = new Map<string, Sums>();
  const byDistrict = new Map<string, Sums>();
  const byCampaign = new Map<string, Sums>();
  const byMonth = new Map<string, Sums>();
  const into = <K>(map: Map<K, Sums>, key: K, row: Grouped) => map.set(key, add(map.get(key) ?? zero(), row));
  for (const row of eventRows) {
    add(total, row);
    into(byOrganizer, String(row.org), row);
    into(byDistrict, String(row.district ?? ''), row);
    if (row.campaign) into(byCampaign, String(row.campaign), row);
    into(byMonth, String(row.month), row);
  }

  // Units: one row per organization (or per written name when the import found none).
  const numberAt = new Map(tasks.map((t) => [t.ordinal, t.number]));
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  interface UnitEntry {
    organizationId: string | null;
    writtenAs: string[];
    roles: Set<'lead' | 'support'>;
    /** Positions of its tasks. */
    tasks: number[];
  }
  const units = new Map<string, UnitEntry>();
  for (const task of tasks) {
    for (const unit of task.responsibleUnits) {
      const key = unit.organizationId ?? `name:${unit.name}`;
      const entry = units.get(key) ?? { organizationId: unit.organizationId, writtenAs: [], roles: new Set(), tasks: [] };
      if (!entry.writtenAs.includes(unit.name)) entry.writtenAs.push(unit.name);
      entry.roles.add(unit.role === 'support' ? 'support' : 'lead');
      if (!entry.tasks.includes(task.ordinal)) entry.tasks.push(task.ordinal);
      units.set(key, entry);
    }
  }
  const unitViews: UnitProgressView[] = [...units.values()].map((entry) => {
    const org = entry.organizationId ? orgById.get(entry.organizationId) : undefined;
    const name = org?.name ?? entry.writtenAs[0]!;
    const collective = org ? org.kind === 'collective' : COLLECTIVE_NAME.test(name);
    const own = entry.organizationId ? byOrganizer.get(entry.organizationId) : undefined;
    const ownIdle = (ordinal: number) =>
      collective || !entry.organizationId ? idle.has(ordinal) : !(organizersOf.get(ordinal)?.has(entry.organizationId) ?? false);
    // The view lists written numbers (a number once, though two tasks may share it).
    const numbers = (ordinals: number[]) => [...new Set(ordinals.map((o) => numberAt.get(o)!))];
    return {
      name,
      organizationId: entry.organizationId,
      writtenAs: entry.writtenAs,
      role: entry.roles.size > 1 ? 'mixed' : entry.roles.has('support') ? 'support' : 'lead',
      collective,
      tasks: numbers(entry.tasks),
      ...tally(own ?? zero()),
      idleTasks: numbers(entry.tasks.filter(ownIdle)),
    };
  });

  // Top-level sections in document order.
  const sections = new Map<string, { tasks: number; activeTasks: number; taskEvents: number }>();
  for (const task of taskViews) {
    if (task.section === null) continue;
    const entry = sections.get(task.section) ?? { tasks: 0, activeTasks: 0, taskEvents: 0 };
    entry.tasks += 1;
    entry.activeTasks += task.idle ? 0 : 1;
    entry.taskEvents += task.events;
    sections.set(task.section, entry);
  }

  const byCount = (a: [string, Sums], b: [string, Sums]) => b[1].events - a[1].events || a[0].localeCompare(b[0], 'zh-CN');
  return {
    year: window.year,
    window: { from: `${window.fromYear}-01-01`, to: `${window.toYear}-12-31` },
    totals: { ...breakdown(total), tasks: taskViews.length, activeTasks: taskViews.length - idleTasks.length },
    tasks: taskViews,
    units: unitViews,
    idleTasks,
    sections: [...sections].map(([section, entry]) => ({ section, ...entry })),
    audiences: audienceRows
      .map((row) => [String(row.audience), add(zero(), row)] as [string, Sums])
      .sort(byCount)
      .map(([audience, sums]) => ({ audience, ...breakdown(sums) })),
    districts: [...byDistrict].sort(byCount).map(([district, sums]) => ({ district, ...breakdown(sums) })),
    campaigns: [...byCampaign].sort(byCount).map(([code, sums]) => ({
      code,
      name: campaignOccurrence(code, window.year)?.name ?? code,
      ...breakdown(sums),
    })),
    months: months(window).map((month) => ({ month, ...breakdown(byMonth.get(month) ?? zero()) })),
  };
}

/**
 * The task a path names: by its written number, and by its position (`?ordinal=`) when given
 * (which must carry that number); 404 when none, 400 TASK_AMBIGUOUS when a bare number is two tasks'.
 */
export function findTask(tasks: PlanTaskEntity[], number: number, ordinal: number | undefined): PlanTaskEntity {
  const matches = tasks.filter((t) => t.number === number && (ordinal === undefined || t.ordinal === ordinal));
  if (matches.length === 0) throw notFound('task');
  if (matches.length > 1) throw ambiguousTask('number', matches);
  return matches[0]!;
}

/** A page of the published events carrying out a task in the window, soonest first. */
export async function listTaskEvents(
  manager: EntityManager,
  planId: string,
  number: number,
  query: { year?: number; ordinal?: number; limit: number; cursor?: string },
): Promise<Page<EventView>> {
  const { plan, tasks } = await loadPlan(manager, planId);
  const task = findTask(tasks, number, query.ordinal);
  const window = progressWindow(plan, query.year);
  const qb = manager
    .getRepository(EventEntity)
    .createQueryBuilder('e')
    .innerJoin(EventPlanTaskEntity, 'l', 'l.eventId = e.id AND l.planId = :planId AND l.taskOrdinal = :ordinal', { planId, ordinal: task.ordinal })
    .where("e.status = 'published'")
    .andWhere('e.startsAt >= :from AND e.startsAt < :to', { from: window.from, to: window.to });
  const { rows, nextCursor } = await keysetPage(qb, { time: 'e.startsAt', id: 'e.id' }, (e) => e.startsAt, {
    cursor: query.cursor,
    limit: query.limit,
    direction: 'ASC',
  });
  return { items: await toEventViews(manager, rows), nextCursor };
}

/** One line of the report's 活动明细: a published event of the plan in the window. */
export interface ReportEventRow {
  id: string;
  title: string;
  organizer: string;
  district: string;
  campaignCode: string | null;
  audiences: string[];
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  signups: number;
  checkins: number;
  volunteerHours: number;
  /** Positions of the tasks it serves in the plan. */
  tasks: number[];
}

/** The report lists at most this many events (an office's year is a few thousand). */
export const REPORT_EVENT_LIMIT = 20_000;

const toDate = (value: unknown): Date =>
  value instanceof Date ? value : new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d/.test(String(value)) ? `${String(value).replace(' ', 'T')}Z` : String(value));

/**
 * The plan's events in the window, soonest first, with the tasks each serves (GROUP_CONCAT in
 * both engines). The window's published links are one range of ix_event_plan_tasks_window (as
 * for progress); only those events are then read, by key. The links' copies of the events'
 * status and time (kept by triggers) decide what is in the window, so the events are not
 * filtered again: a condition on their status and time would lead SQLite to a range of
 * ix_events_list per event instead of its key.
 */
export async function listReportEvents(manager: EntityManager, planId: string, window: ProgressWindow): Promise<ReportEventRow[]> {
  const { text, params } = reportEventsQuery(manager, planId, window);
  const rows: Record<string, unknown>[] = await manager.query(text, params);
  return rows.map((row) => ({
    id: String(row.id),
    title: String(row.title),
    organizer: String(row.organizer ?? ''),
    district: String(row.district ?? ''),
    campaignCode: (row.campaignCode as string | null) ?? null,
    audiences: Array.isArray(row.audiences) ? (row.audiences as string[]) : (JSON.parse(String(row.audiences || '[]')) as string[]),
    startsAt: toDate(row.startsAt),
    endsAt: toDate(row.endsAt),
    capacity: Number(row.capacity),
    signups: Number(row.signups),
    checkins: Number(row.checkins),
    volunteerHours: Number(row.cents) / 100,
    tasks: String(row.tasks)
      .split(',')
      .map(Number)
      .sort((a, b) => a - b),
  }));
}

/** The report's event list statement and its parameters (also for EXPLAIN in tests). */
export function reportEventsQuery(manager: EntityManager, planId: string, window: ProgressWindow): { text: string; params: unknown[] } {
  const mysql = isMysql(manager);
  const bounds = [sqlTime(manager, window.from), sqlTime(manager, window.to)];
  return {
    text: `SELECT e.id AS id, e.title AS title, o.name AS organizer, e.district AS district, e.campaignCode AS campaignCode, e.audiences AS audiences,
            e.startsAt AS startsAt, e.endsAt AS endsAt, e.capacity AS capacity, e.confirmedSignupCount AS signups,
            e.checkedInCount AS checkins, e.volunteerCents AS cents, pt.tasks AS tasks
     FROM (SELECT l.eventId, GROUP_CONCAT(l.taskOrdinal) AS tasks FROM ${inWindow(mysql)} GROUP BY l.eventId) pt
     ${join(mysql)} events e ON e.id = pt.eventId
     LEFT JOIN organizations o ON o.id = e.organizerId
     ORDER BY e.startsAt, e.id LIMIT ?`,
    params: [planId, ...bounds, REPORT_EVENT_LIMIT],
  };
}

/** The statements progress runs, with their parameters, for EXPLAIN in tests. */
export function progressQueriesForExplain(manager: EntityManager, planId: string, window: ProgressWindow): { text: string; params: unknown[] }[] {
  const mysql = isMysql(manager);
  const params = [planId, sqlTime(manager, window.from), sqlTime(manager, window.to)];
  return [byTaskAndOrganizer(mysql), byEventGroups(mysql), byAudience(mysql)].map((text) => ({ text, params }));
}
