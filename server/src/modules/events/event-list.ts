// The event list as plain SQL: one SELECT of the columns a card shows (joined
// to its organizer's name), one of the page's plan-task links, and task titles
// from a cache. No entity hydration: rows map straight to EventView.
//
// Bounded at any history size: "not ended yet" (endsAt >= now) cannot use an
// index that also gives the order (startsAt, id), so the walk would start at
// the oldest event. No event lasts longer than `longestMs` (db/list-state.ts),
// so every event that has not ended started after `now - longestMs`; the walk
// starts there, on ix_events_list (status, startsAt, id, endsAt) or, per city,
// ix_events_list_city, which check endsAt in the index and need no sort.
import type { EntityManager } from 'typeorm';
import { toCstIso, type DistrictView, type EventCountQuery, type EventListQuery, type EventView, type Page } from '@kepu/shared';
import { AppError, forbidden, validationFailed } from '../../core/errors';
import type { AuthUser } from '../../core/actor';
import { decodeCursor, encodeCursor } from '../../core/paging';
import { parseDateBound } from '../../core/date-bounds';
import { escapeLike } from '../../core/like';
import type { ListState } from '../../db/list-state';
import { campaignOf, coversOf } from './event.view';
import { searchGrams, searchWalk } from './event-search';
import type { TaskTitles } from './task-titles';

const CARD_COLUMNS = [
  'e.id',
  'e.title',
  'e.description',
  'e.kind',
  'e.seriesId',
  'e.campaignCode',
  'e.organizerId',
  'o.name AS organizerName',
  'e.city',
  'e.audiences',
  'e.themes',
  'e.district',
  'e.venueName',
  'e.venueAddress',
  'e.venueLat',
  'e.venueLng',
  'e.startsAt',
  'e.endsAt',
  'e.capacity',
  'e.confirmedCount',
  'e.waitlistCount',
  'e.signupOpensAt',
  'e.signupClosesAt',
  'e.status',
  'e.source',
  'e.isDemo',
  'e.reviewReason',
  'e.cancelReason',
  'e.planTaskChanged',
  'e.coverImageId',
  'e.version',
].join(', ');

/** A card's row as the driver returns it: times are Date (MariaDB) or UTC text (SQLite), flags 0/1, tag lists JSON text. */
type CardRow = Record<string, unknown> & { id: string; organizerId: string; campaignCode: string | null; endsAt: unknown };

/** A page, and until when it holds (an event on it, or the next one, ends then); Infinity when time does not change it. */
export interface ListResult {
  page: Page<EventView>;
  validUntil: number;
}

/** SQL text and its parameters, built up filter by filter. */
class Sql {
  readonly where: string[] = [];
  readonly params: unknown[] = [];
  constructor(private readonly mysql: boolean) {}

  and(condition: string, ...params: unknown[]): this {
    this.where.push(condition);
    this.params.push(...params);
    return this;
  }

  /** A time parameter as each engine compares it: MariaDB takes a Date, SQLite the text TypeORM stores. */
  time(date: Date): unknown {
    return this.mysql ? date : sqliteTime(date);
  }
}

function sqliteTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d/.test(text) ? `${text.replace(' ', 'T')}Z` : text);
}

function toFlag(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[];
  return value ? (JSON.parse(String(value)) as string[]) : [];
}

function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function isMysql(manager: EntityManager): boolean {
  return manager.connection.options.type === 'mysql';
}

/** The WHERE of every list: who may see which states, the filters, and the time window. */
function filters(sql: Sql, query: EventListQuery, user: AuthUser | null, now: Date, longestMs: number): { timeFloor: Date | null } {
  if (query.status && query.status !== 'published') {
    // Non-public states: organizers see their organizations' events, reviewers and admins all.
    if (!user) throw new AppError('UNAUTHENTICATED', 401);
    sql.and('e.status = ?', query.status);
    const seesAll = user.roles.includes('reviewer') || user.roles.includes('admin');
    if (!seesAll) {
      if (user.organizationIds.length === 0) throw forbidden();
      sql.and(`e.organizerId IN (${user.organizationIds.map(() => '?').join(', ')})`, ...user.organizationIds);
    }
  } else {
    sql.and('e.status = ?', 'published');
  }
  if (query.city) sql.and('e.city = ?', query.city);
  if (query.seriesId) sql.and('e.seriesId = ?', query.seriesId);
  if (query.organizerId) sql.and('e.organizerId = ?', query.organizerId);
  if (query.district) sql.and('e.district = ?', query.district);
  if (query.kind) sql.and('e.kind = ?', query.kind);
  if (query.campaign) sql.and('e.campaignCode = ?', query.campaign);
  // JSON arrays are stored as text; matching the JSON-encoded string makes this an exact element match.
  if (query.audience) sql.and("e.audiences LIKE ? ESCAPE '!'", `%${escapeLike(JSON.stringify(query.audience))}%`);
  if (query.theme) sql.and("e.themes LIKE ? ESCAPE '!'", `%${escapeLike(JSON.stringify(query.theme))}%`);
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    sql.and("(e.title LIKE ? ESCAPE '!' OR e.description LIKE ? ESCAPE '!' OR e.venueName LIKE ? ESCAPE '!')", like, like, like);
  }
  // Ends at or after `since` (now, or the from= bound): then it started after since - longest.
  const since = query.from || query.to ? (query.from ? parseDateBound(query.from, false) : null) : now;
  if (since) sql.and('e.endsAt >= ?', sql.time(since));
  if (query.to) sql.and('e.startsAt <= ?', sql.time(parseDateBound(query.to, true)));
  return { timeFloor: since ? new Date(since.getTime() - longestMs) : null };
}

/**
 * One page of the list. `state` gives the time bound (and, with `titles`,
 * cached plan-task titles); without it the bound is read here.
 */
export async function listEventCards(
  manager: EntityManager,
  query: EventListQuery,
  user: AuthUser | null,
  now: Date,
  state: ListState,
  titles: TaskTitles,
): Promise<ListResult> {
  if (query.from && query.to && parseDateBound(query.to, true) < parseDateBound(query.from, false)) {
    throw validationFailed([{ path: 'to', message: '结束日期不能早于开始日期' }]);
  }
  const mysql = isMysql(manager);
  const sql = new Sql(mysql);
  const { timeFloor } = filters(sql, query, user, now, state.longestMs);
  // Only lists bounded by "not ended at now" change as time passes.
  const timeMatters = !query.from && !query.to;
  if (query.near) return nearPage(manager, sql, query, timeFloor, state, titles, timeMatters);

  // A search word with grams walks the index (event-search.ts); the LIKE stays among the filters.
  const grams = query.q ? await searchGrams(manager, query.q, walkFloor(query, timeFloor, sql)) : null;
  const { text, params } = timeOrderedSql(sql, query, timeFloor, mysql, grams);
  const rows = (await manager.query(text, params)) as CardRow[];
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    page: {
      items: await toViews(manager, page, state, titles),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ kind: 'keyset', startsAt: toDate(last.startsAt).getTime(), id: last.id }) : null,
    },
    validUntil: timeMatters ? earliestEnd(rows) : Infinity,
  };
}

/** Where a time-ordered walk starts: the time floor, or the cursor's start if later; null when unbounded. As a time parameter. */
function walkFloor(query: EventListQuery, timeFloor: Date | null, sql: Sql): unknown {
  const floor = Math.max(timeFloor?.getTime() ?? -Infinity, decodeCursor(query.cursor, 'keyset')?.startsAt ?? -Infinity);
  return Number.isFinite(floor) ? sql.time(new Date(floor)) : null;
}

/** The SELECT of a time-ordered page, after the cursor; with `grams`, walking the search index instead of the events. */
function timeOrderedSql(
  sql: Sql,
  query: EventListQuery,
  timeFloor: Date | null,
  mysql: boolean,
  grams: string[] | null = null,
): { text: string; params: unknown[] } {
  const cursor = decodeCursor(query.cursor, 'keyset');
  const floor = walkFloor(query, timeFloor, sql);
  if (grams) {
    // g.startsAt and g.eventId equal e.startsAt and e.id: the same bounds and order, on the gram's key.
    const walk = searchWalk(grams, mysql);
    const where = [walk.where];
    const params = [...walk.params];
    if (floor !== null) {
      where.push('g.startsAt >= ?');
      params.push(floor);
    }
    if (cursor) {
      where.push('(g.startsAt > ? OR g.eventId > ?)');
      params.push(sql.time(new Date(cursor.startsAt)), cursor.id);
    }
    return {
      text: `SELECT ${CARD_COLUMNS} FROM ${walk.from} LEFT JOIN organizations o ON o.id = e.organizerId
        WHERE ${[...where, ...sql.where].join(' AND ')} ORDER BY g.startsAt, g.eventId LIMIT ?`,
      params: [...params, ...sql.params, query.limit + 1],
    };
  }
  if (floor !== null) sql.and('e.startsAt >= ?', floor);
  if (cursor) sql.and('(e.startsAt > ? OR e.id > ?)', sql.time(new Date(cursor.startsAt)), cursor.id);
  return {
    text: `SELECT ${CARD_COLUMNS} FROM events e ${mysql ? listIndexHint(query) : ''} LEFT JOIN organizations o ON o.id = e.organizerId
      WHERE ${sql.where.join(' AND ')} ORDER BY e.startsAt, e.id LIMIT ?`,
    params: [...sql.params, query.limit + 1],
  };
}

/** The statement and parameters the list runs for a time-ordered (not near=) query, for EXPLAIN in tests; with `grams`, the search walk. */
export function listQueryForExplain(
  manager: EntityManager,
  query: EventListQuery,
  now: Date,
  state: ListState,
  grams: string[] | null = null,
): { text: string; params: unknown[] } {
  const mysql = isMysql(manager);
  const sql = new Sql(mysql);
  const { timeFloor } = filters(sql, query, null, now, state.longestMs);
  return timeOrderedSql(sql, query, timeFloor, mysql, grams);
}

/**
 * MariaDB, asked for more columns than the index holds, takes `status = ?` as a
 * lookup and walks every published event from the oldest, testing startsAt on
 * each (EXPLAIN: type ref, key_len of status alone). Naming the index makes it
 * a range on (status[, city], startsAt) in the list's order. SQLite's planner
 * picks these indexes by itself. A series or an organizer's list is small and
 * has its own index, so it is left to the planner.
 */
function listIndexHint(query: EventListQuery): string {
  if (query.seriesId || query.organizerId) return '';
  return query.city ? 'FORCE INDEX (ix_events_list_city)' : 'FORCE INDEX (ix_events_list)';
}

/** The page stays as it is while every row read (the page and the one after it) has not ended. */
function earliestEnd(rows: { endsAt: unknown }[]): number {
  return rows.reduce((min, row) => Math.min(min, toDate(row.endsAt).getTime()), Infinity);
}

/** Loads the page's plan-task links (one query) and maps rows to views. */
async function toViews(manager: EntityManager, rows: CardRow[], state: ListState, titles: TaskTitles): Promise<EventView[]> {
  if (rows.length === 0) return [];
  const links = (await manager.query(
    `SELECT eventId, planId, taskOrdinal, taskNumber FROM event_plan_tasks WHERE eventId IN (${rows.map(() => '?').join(', ')}) ORDER BY eventId, planId, taskOrdinal`,
    rows.map((row) => row.id),
  )) as { eventId: string; planId: string; taskOrdinal: number | string; taskNumber: number | string }[];
  const title = await titles.lookup(manager, [...new Set(links.map((l) => l.planId))], state.plans);
  const linksOf = new Map<string, EventView['planTasks']>();
  for (const link of links) {
    const ordinal = Number(link.taskOrdinal);
    const list = linksOf.get(link.eventId) ?? [];
    list.push({ planId: link.planId, number: Number(link.taskNumber), ordinal, title: title(link.planId, ordinal) });
    linksOf.set(link.eventId, list);
  }
  return rows.map((row) => cardView(row, linksOf.get(row.id) ?? []));
}

function cardView(row: CardRow, planTasks: EventView['planTasks']): EventView {
  const startsAt = toDate(row.startsAt);
  return {
    id: row.id,
    title: String(row.title),
    description: String(row.description),
    kind: row.kind as EventView['kind'],
    seriesId: (row.seriesId as string | null) ?? null,
    campaign: campaignOf(row.campaignCode, startsAt),
    planTasks,
    organizer: { id: row.organizerId, name: (row.organizerName as string | null) ?? '' },
    city: String(row.city),
    audiences: toList(row.audiences),
    themes: toList(row.themes),
    district: String(row.district),
    venue: { name: String(row.venueName), address: String(row.venueAddress), lat: toNumberOrNull(row.venueLat), lng: toNumberOrNull(row.venueLng) },
    startsAt: toCstIso(startsAt),
    endsAt: toCstIso(toDate(row.endsAt)),
    capacity: Number(row.capacity),
    confirmedCount: Number(row.confirmedCount),
    waitlistCount: Number(row.waitlistCount),
    signupOpensAt: row.signupOpensAt ? toCstIso(toDate(row.signupOpensAt)) : null,
    signupClosesAt: row.signupClosesAt ? toCstIso(toDate(row.signupClosesAt)) : null,
    status: row.status as EventView['status'],
    source: row.source as EventView['source'],
    isDemo: toFlag(row.isDemo),
    reviewReason: (row.reviewReason as string | null) ?? null,
    cancelReason: (row.cancelReason as string | null) ?? null,
    planTaskChanged: toFlag(row.planTaskChanged),
    coverImageId: (row.coverImageId as string | null) ?? null,
    ...coversOf((row.coverImageId as string | null) ?? null, String(row.kind), row.campaignCode),
    version: Number(row.version),
  };
}

export const EARTH_RADIUS_KM = 6371;

/** Search radii tried in turn for near=; null means no box (the whole filtered list, ranked in SQL). */
const NEAR_RADII_KM: (number | null)[] = [5, 25, 100, 400, null];

/** Great-circle distance on a sphere of EARTH_RADIUS_KM; the SQL below computes the same formula. */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return EARTH_RADIUS_KM * 2 * Math.asin(Math.sqrt(a));
}

/** haversineKm from (?, ?) to the venue, in SQL (both engines have SIN, COS, ASIN, SQRT). Its parameters: lat, lat, lng. */
const DISTANCE_SQL = `(${EARTH_RADIUS_KM} * 2 * ASIN(SQRT(
  SIN((e.venueLat - ?) * ${Math.PI / 180} / 2) * SIN((e.venueLat - ?) * ${Math.PI / 180} / 2)
  + COS(? * ${Math.PI / 180}) * COS(e.venueLat * ${Math.PI / 180})
    * SIN((e.venueLng - ?) * ${Math.PI / 180} / 2) * SIN((e.venueLng - ?) * ${Math.PI / 180} / 2))))`;
const distanceParams = (lat: number, lng: number) => [lat, lat, lat, lng, lng];

/**
 * Nearest first, paged by offset. The ranking runs in SQL on the few columns
 * it needs, inside a box of radius r on ix_events_near (status, venueLat,
 * venueLng, endsAt): every event outside the box is farther than r, so the
 * nearest events within r are exactly the nearest ones; the box grows until
 * enough fall within it. Only the page's rows are then read whole.
 */
async function nearPage(
  manager: EntityManager,
  filtered: Sql,
  query: EventListQuery,
  timeFloor: Date | null,
  state: ListState,
  titles: TaskTitles,
  timeMatters: boolean,
): Promise<ListResult> {
  const [lat, lng] = query.near!.split(',').map(Number) as [number, number];
  const offset = decodeCursor(query.cursor, 'offset')?.offset ?? 0;
  const mysql = isMysql(manager);
  const needed = offset + query.limit + 1;
  filtered.and('e.venueLat IS NOT NULL AND e.venueLng IS NOT NULL');
  if (timeFloor) filtered.and('e.startsAt >= ?', filtered.time(timeFloor));

  let ranked: { id: string; endsAt: unknown }[] = [];
  for (const radiusKm of NEAR_RADII_KM) {
    const where = [...filtered.where];
    const params = [...filtered.params];
    if (radiusKm !== null) {
      // Degrees on haversineKm's own sphere, padded 1%: an event just inside the radius must be inside the box.
      const kmPerDegree = (EARTH_RADIUS_KM * Math.PI) / 180;
      const dLat = (radiusKm / kmPerDegree) * 1.01;
      // Degrees of longitude shrink towards the poles; past 89° the box spans every longitude.
      const dLng = Math.abs(lat) > 89 ? 180 : (radiusKm / (kmPerDegree * Math.cos((lat * Math.PI) / 180))) * 1.01;
      where.push('e.venueLat BETWEEN ? AND ?', 'e.venueLng BETWEEN ? AND ?', `${DISTANCE_SQL} <= ?`);
      params.push(lat - dLat, lat + dLat, lng - dLng, lng + dLng, ...distanceParams(lat, lng), radiusKm);
    }
    // As in listIndexHint: unhinted, MariaDB walks every published event instead of the box.
    const hint = mysql && radiusKm !== null ? 'FORCE INDEX (ix_events_near)' : '';
    ranked = (await manager.query(
      `SELECT e.id, e.endsAt FROM events e ${hint} WHERE ${where.join(' AND ')} ORDER BY ${DISTANCE_SQL}, e.startsAt, e.id LIMIT ?`,
      [...params, ...distanceParams(lat, lng), needed],
    )) as { id: string; endsAt: unknown }[];
    if (radiusKm === null || ranked.length >= needed) break;
  }

  const slice = ranked.slice(offset, offset + query.limit);
  const rows = slice.length
    ? ((await manager.query(
        `SELECT ${CARD_COLUMNS} FROM events e LEFT JOIN organizations o ON o.id = e.organizerId WHERE e.id IN (${slice.map(() => '?').join(', ')})`,
        [...slice.map((r) => r.id)],
      )) as CardRow[])
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const pageRows = slice.map((r) => byId.get(r.id)).filter((row): row is CardRow => row !== undefined);
  const views = await toViews(manager, pageRows, state, titles);
  return {
    page: {
      items: views.map((view) => ({ ...view, distanceKm: Math.round(haversineKm(lat, lng, view.venue.lat!, view.venue.lng!) * 100) / 100 })),
      nextCursor: ranked.length > offset + query.limit ? encodeCursor({ kind: 'offset', offset: offset + query.limit }) : null,
    },
    // Every event ranked up to this page decides what is on it.
    validUntil: timeMatters ? earliestEnd(ranked) : Infinity,
  };
}

/** A count, and until when it holds (Infinity when time does not change it). */
export interface CountResult {
  count: number;
  validUntil: number;
}

/**
 * How many published events the public list's filters match: the list's WHERE
 * and time floor (so the same index range), COUNT instead of rows. The count of
 * events not ended yet drops when the first of them ends: that is when it expires.
 */
export async function countEventCards(manager: EntityManager, query: EventCountQuery, now: Date, state: ListState): Promise<CountResult> {
  if (query.from && query.to && parseDateBound(query.to, true) < parseDateBound(query.from, false)) {
    throw validationFailed([{ path: 'to', message: '结束日期不能早于开始日期' }]);
  }
  const mysql = isMysql(manager);
  const sql = new Sql(mysql);
  const listQuery: EventListQuery = { ...query, limit: 1 };
  const { timeFloor } = filters(sql, listQuery, null, now, state.longestMs);
  if (timeFloor) sql.and('e.startsAt >= ?', sql.time(timeFloor));
  // The near= list holds only events with a place: count the same ones.
  if (query.near) sql.and('e.venueLat IS NOT NULL AND e.venueLng IS NOT NULL');
  // A search word with grams counts the events its rarest gram walks to, as the list reads them.
  const floor = timeFloor ? sql.time(timeFloor) : null;
  const grams = query.q ? await searchGrams(manager, query.q, floor) : null;
  const walk = grams ? searchWalk(grams, mysql) : null;
  const [row] = (await manager.query(
    walk
      ? `SELECT COUNT(*) AS n, MIN(e.endsAt) AS firstEnd FROM ${walk.from} WHERE ${[walk.where, ...(floor === null ? [] : ['g.startsAt >= ?']), ...sql.where].join(' AND ')}`
      : `SELECT COUNT(*) AS n, MIN(e.endsAt) AS firstEnd FROM events e ${mysql ? listIndexHint(listQuery) : ''} WHERE ${sql.where.join(' AND ')}`,
    walk ? [...walk.params, ...(floor === null ? [] : [floor]), ...sql.params] : sql.params,
  )) as { n: number | string; firstEnd: unknown }[];
  const timeMatters = !query.from && !query.to;
  const firstEnd = row?.firstEnd === null || row?.firstEnd === undefined ? Infinity : toDate(row.firstEnd).getTime();
  return { count: Number(row?.n ?? 0), validUntil: timeMatters ? firstEnd : Infinity };
}

/** The districts of a city's published events not ended yet, with how many each has; most first, then by name. */
export async function listCityDistricts(
  manager: EntityManager,
  city: string,
  now: Date,
  state: ListState,
): Promise<{ items: DistrictView[]; validUntil: number }> {
  const mysql = isMysql(manager);
  const sql = new Sql(mysql);
  filters(sql, { city, limit: 1 }, null, now, state.longestMs);
  sql.and('e.startsAt >= ?', sql.time(new Date(now.getTime() - state.longestMs)));
  sql.and("e.district <> ''");
  const rows = (await manager.query(
    `SELECT e.district AS district, COUNT(*) AS n, MIN(e.endsAt) AS firstEnd FROM events e ${mysql ? 'FORCE INDEX (ix_events_list_city)' : ''}
      WHERE ${sql.where.join(' AND ')} GROUP BY e.district`,
    sql.params,
  )) as { district: string; n: number | string; firstEnd: unknown }[];
  const items = rows
    .map((row) => ({ district: String(row.district), events: Number(row.n) }))
    .sort((a, b) => b.events - a.events || a.district.localeCompare(b.district, 'zh-CN'));
  return { items, validUntil: earliestEnd(rows.map((row) => ({ endsAt: row.firstEnd }))) };
}

/** For each city with published events not ended yet that have a place: km from (lat, lng) to the nearest of their venues. */
export async function nearestVenueKmByCity(manager: EntityManager, lat: number, lng: number, now: Date): Promise<Map<string, number>> {
  const sql = new Sql(isMysql(manager));
  sql.and('e.status = ?', 'published').and('e.endsAt >= ?', sql.time(now)).and('e.venueLat IS NOT NULL AND e.venueLng IS NOT NULL');
  const rows = (await manager.query(`SELECT e.city AS city, MIN(${DISTANCE_SQL}) AS km FROM events e WHERE ${sql.where.join(' AND ')} GROUP BY e.city`, [
    ...distanceParams(lat, lng),
    ...sql.params,
  ])) as { city: string; km: number | string }[];
  return new Map(rows.map((row) => [String(row.city), Math.round(Number(row.km) * 10) / 10]));
}
