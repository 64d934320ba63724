// Recent searches: kept on this device only (never sent anywhere), newest
// first, each once, at most MAX_RECENT; the user may clear them.
import { keys, readStored, removeStored, writeStored } from '@/utils/storage';

export const MAX_RECENT = 8;

/** The list with `keyword` put first (trimmed; a repeat moves up instead of appearing twice). */
export function withRecent(list: string[], keyword: string, max = MAX_RECENT): string[] {
  const word = keyword.trim();
  if (!word) return list.slice(0, max);
  return [word, ...list.filter((item) => item !== word)].slice(0, max);
}

export function readRecentSearches(): string[] {
  const stored = readStored<unknown>(keys.recentSearches, []);
  return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string' && item.trim() !== '').slice(0, MAX_RECENT) : [];
}

export function rememberSearch(keyword: string): string[] {
  const next = withRecent(readRecentSearches(), keyword);
  writeStored(keys.recentSearches, next);
  return next;
}

export function clearRecentSearches(): void {
  removeStored(keys.recentSearches);
}
