// A user action that calls the api: busy while it runs, its error as one readable line.
import { useCallback, useState } from 'react';
import { ApiError } from '../api/api-error';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e.describe() : (e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, busy, error, clear: useCallback(() => setError(null), []) };
}
