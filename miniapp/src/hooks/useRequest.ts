// Loads one thing and owns its loading and error state; pages only render.
import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '@/services/request';

export interface RequestState<T> {
  data: T | null;
  loading: boolean;
  error: ApiError | null;
  reload: () => Promise<void>;
  setData: (data: T | null) => void;
}

/** `load` runs on mount and whenever `deps` change; `null` skips (e.g. not signed in). */
export function useRequest<T>(load: (() => Promise<T>) | null, deps: unknown[]): RequestState<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(Boolean(load));
  const [error, setError] = useState<ApiError | null>(null);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const current = loadRef.current;
    const mine = ++generation.current;
    if (!current) {
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      const result = await current();
      if (mine === generation.current) setData(result);
    } catch (caught) {
      if (mine === generation.current) setError(toApiError(caught));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

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

  return { data, loading, error, reload, setData };
}
