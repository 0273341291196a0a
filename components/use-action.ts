import { useCallback, useState } from 'react';
import { act, type ActionData, type ActionType, type ActionValue } from '@/lib/messaging/actions';

/**
 * Runs user actions and keeps the last failure's message to show next to the control. `run` resolves
 * to `{ value }` when the action was done, null when it was not (the message is in `error`).
 */
export function useAction() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <K extends ActionType>(type: K, data: ActionData<K>): Promise<{ value: ActionValue<K> } | null> => {
    setBusy(true);
    try {
      const value = await act(type, data);
      setError(null);
      return { value };
    } catch (error) {
      setError(error instanceof Error ? error.message : String(error));
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, error, busy, clearError: useCallback(() => setError(null), []) };
}
