// A form's submit state: busy while the request runs, and the server's
// per-field Chinese messages (VALIDATION_FAILED details) when it fails.
import { useState } from 'react';
import { toApiError } from '@/services/request';

export function useFormSubmit() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  /** Runs `work`; returns its result, or undefined when it failed (errors are then set). */
  async function submit<T>(work: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    try {
      const result = await work();
      setErrors({});
      return result;
    } catch (caught) {
      setErrors(toApiError(caught).fieldMessages);
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return { busy, errors, setErrors, submit };
}
