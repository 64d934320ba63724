// Owns: keyword search in the event list (?q=) through the gram index: which grams of
// the word to read, and the FROM clause that walks them in the list's order. Does not
// own: the index itself (db/event-search), or what matches: the list keeps its LIKE on
// every candidate, so the answer is exactly LIKE's.
//
// The walk: the rarest gram of the word, read on its primary key (gram, startsAt,
// eventId) from the list's time floor in the list's order (startsAt, id); the next
// rarest grams joined by key; then the event row and the list's own filters. It stops
// at the page's last row, as the list's own walk does, but steps only over events
// holding those grams instead of every event in the window.
import type { EntityManager } from 'typeorm';
import { SEARCH_TABLE } from '../../db/event-search/search-index';
import { wordGrams } from '../../db/event-search/grams';

/** Grams counted per search when choosing the rarest, and how far each is counted. */
const GRAMS_COUNTED = 16;
const COUNT_CAP = 2000;
/** The rarest gram drives the walk; this many more are joined to it. */
const GRAMS_JOINED = 2;

/**
 * The grams of `word` a search reads, rarest first among events starting at or after
 * `floor` (a time parameter as the engine compares it; null: all); null when the word
 * has none and the list must search without the index. Each gram is counted up to
 * COUNT_CAP: past that, which is rarer matters little.
 */
export async function searchGrams(manager: EntityManager, word: string, floor: unknown): Promise<string[] | null> {
  const grams = wordGrams(word);
  if (grams.length <= 1) return grams.length ? grams : null;
  const counted = grams.slice(0, GRAMS_COUNTED);
  const since = floor === null ? '' : ' AND startsAt >= ?';
  const rows = (await manager.query(
    counted
      .map(() => `SELECT ? AS gram, COUNT(*) AS n FROM (SELECT 1 AS x FROM ${SEARCH_TABLE} WHERE gram = ?${since} LIMIT ${COUNT_CAP}) t`)
      .join(' UNION ALL '),
    counted.flatMap((gram) => (floor === null ? [gram, gram] : [gram, gram, floor])),
  )) as { gram: string; n: number | string }[];
  const count = new Map(rows.map((row) => [String(row.gram), Number(row.n)]));
  return [...counted].sort((a, b) => (count.get(a) ?? 0) - (count.get(b) ?? 0)).slice(0, 1 + GRAMS_JOINED);
}

/** The walk's tables and its gram condition; `g.startsAt, g.eventId` are the event's startsAt and id, read in that order. */
export function searchWalk(grams: readonly string[], mysql: boolean): { from: string; where: string; params: unknown[] } {
  const [driver, ...joined] = grams;
  // Read in this order: SQLite's CROSS JOIN and MariaDB's STRAIGHT_JOIN keep the planner from starting elsewhere.
  const join = mysql ? 'STRAIGHT_JOIN' : 'CROSS JOIN';
  const joins = joined.map(
    (_, i) => `${join} ${SEARCH_TABLE} g${i + 1} ON g${i + 1}.gram = ? AND g${i + 1}.startsAt = g.startsAt AND g${i + 1}.eventId = g.eventId`,
  );
  return { from: [`${SEARCH_TABLE} g`, ...joins, `${join} events e ON e.id = g.eventId`].join(' '), where: 'g.gram = ?', params: [...joined, driver] };
}
