// Cursor pagination for infinite scroll. Holds at most MAX_ITEMS rows, so the
// page's data (and the mini-program's setData) stays small however far one scrolls.
import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError, type Listing } from '@/services/request';

export const MAX_ITEMS = 200;

export interface PagedList<T> {
  items: T[];
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  /** Loading the next page failed; loadMore() retries. */
  moreError: ApiError | null;
  /** The server has more, and we are still under MAX_ITEMS. */
  hasMore: boolean;
  /** We stopped at MAX_ITEMS: ask the user to narrow the filters. */
  capped: boolean;
  /** The first page came from the offline copy. */
  stale: boolean;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
  /** Replace or drop one row after an action (cancel, approve ...). */
  update: (predicate: (item: T) => boolean, next: T | null) => void;
}

/**
 * `fetchPage` null means "nothing to load" (e.g. signed out). `toRow` slims each
 * item to what the page renders, which is all that crosses into setData.
 */
export function usePagedList<T, R = T>(
  fetchPage: ((cursor: string | null) => Promise<Listing<T>>) | null,
  deps: unknown[],
  toRow: (item: T) => R = (item) => item as unknown as R,
): PagedList<R> {
  const [items, setItems] = useState<R[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(Boolean(fetchPage));
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [stale, setStale] = useState(false);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const busy = useRef(false);

  const reload = useCallback(async () => {
    const fetcher = fetchRef.current;
    const mine = ++generation.current;
    busy.current = false;
    setLoadingMore(false);
    if (!fetcher) {
      setItems([]);
      setCursor(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(null);
    setMoreError(null);
    try {
      const page = await fetcher(null);
      if (mine !== generation.current) return;
      setItems((page?.items ?? []).slice(0, MAX_ITEMS).map(toRow));
      setCursor(page?.nextCursor ?? null);
      setStale(Boolean(page?.stale));
    } catch (caught) {
      if (mine !== generation.current) return;
      setError(toApiError(caught));
      setItems([]);
      setCursor(null);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const loadMore = useCallback(async () => {
    const fetcher = fetchRef.current;
    if (!fetcher || !cursor || busy.current || items.length >= MAX_ITEMS) return;
    const mine = generation.current;
    busy.current = true;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetcher(cursor);
      if (mine !== generation.current) return;
      setItems((previous) => previous.concat((page?.items ?? []).map(toRow)).slice(0, MAX_ITEMS));
      setCursor(page?.nextCursor ?? null);
    } catch (caught) {
      if (mine === generation.current) setMoreError(toApiError(caught));
    } finally {
      if (mine === generation.current) {
        busy.current = false;
        setLoadingMore(false);
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cursor, items.length]);

  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(
    () => () => {
      generation.current++;
    },
    [],
  );

  const update = useCallback((predicate: (item: R) => boolean, next: R | null) => {
    setItems((previous) => (next === null ? previous.filter((item) => !predicate(item)) : previous.map((item) => (predicate(item) ? next : item))));
  }, []);

  const capped = items.length >= MAX_ITEMS && Boolean(cursor);
  return { items, loading, loadingMore, error, moreError, hasMore: Boolean(cursor) && !capped, capped, stale, loadMore, reload, update };
}
