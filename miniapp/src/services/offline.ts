// The offline copy: the last successful first page of each public list URL.
// Bounded, so storage (10 MB in WeChat, 1 MB per key) never fills with stale
// lists. Lists of people (sign-ups with names and phones, revealed or not,
// volunteers, members, users, the audit, my own sign-ups) are never stored.
import { keys, readStored, removeStored, writeStored } from '@/utils/storage';

const MAX_LISTS = 20;
const MAX_ITEMS = 50;

interface CachedList {
  items: unknown[];
  nextCursor: string | null;
}

function isList(body: unknown): body is CachedList {
  return typeof body === 'object' && body !== null && Array.isArray((body as CachedList).items);
}

/** The lists anyone may read: the only ones worth showing offline, and free of personal data. */
const PUBLIC_LISTS = [/^\/events$/, /^\/events\/[^/]+\/shifts$/, /^\/shifts$/, /^\/plans$/, /^\/campaigns$/, /^\/cities$/, /^\/organizations$/];

/** Whether the first page of a list at this API path (no query) may be kept for offline use. */
export function keepsOffline(path: string): boolean {
  return PUBLIC_LISTS.some((pattern) => pattern.test(path));
}

export function writeCachedList(url: string, body: unknown): void {
  if (!isList(body)) return;
  const items = body.items.slice(0, MAX_ITEMS);
  writeStored(keys.cachePrefix + url, { items, nextCursor: items.length < body.items.length ? null : body.nextCursor });
  const index = readStored<string[]>(keys.cacheIndex, []).filter((entry) => entry !== url);
  index.push(url);
  while (index.length > MAX_LISTS) removeStored(keys.cachePrefix + index.shift()!);
  writeStored(keys.cacheIndex, index);
}

export function readCachedList(url: string): CachedList | null {
  const cached = readStored<CachedList | null>(keys.cachePrefix + url, null);
  return isList(cached) ? cached : null;
}

/** Lists can be personal (my sign-ups): drop them all when the user changes. */
export function clearListCache(): void {
  for (const url of readStored<string[]>(keys.cacheIndex, [])) removeStored(keys.cachePrefix + url);
  removeStored(keys.cacheIndex);
}
