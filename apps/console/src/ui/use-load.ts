// Loads data for a screen and keeps loading/error state; `reload` re-runs it quietly (live updates
// refresh what is shown without flashing a spinner).
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload(): void;
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const run = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  const fetchNow = useCallback((quiet: boolean) => {
    const mine = ++run.current;
    if (!quiet) setLoading(true);
    loader
      .current()
      .then((d) => {
        if (mine !== run.current) return;
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => {
        if (mine === run.current) setError(e instanceof ApiError ? e.describe() : (e as Error).message);
      })
      .finally(() => {
        if (mine === run.current) setLoading(false);
      });
  }, []);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => fetchNow(false), deps);
  return { data, error, loading, reload: useCallback(() => fetchNow(true), [fetchNow]) };
}

/** Coalesces bursts of live events into one reload. */
export function useDebounced(fn: () => void, ms = 250): () => void {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), ms);
  }, [ms]);
}
