/*
 * Loads a value and reloads it on an interval without flicker: the last value
 * stays while a reload runs, and a failed reload keeps it next to the error,
 * which the next successful reload clears. Reloads never overlap, pause while
 * the browser tab is hidden and catch up when it is shown again. A new key
 * (another cluster, another window) starts over, or, for pages of a list,
 * keeps showing the previous key's value until the new one arrives.
 */
import { toError } from '@backstage/errors';
import { useEffect, useRef, useState } from 'react';

/** What {@link usePolling} has. */
export interface Polled<T> {
  /** The last value loaded (for an earlier key only with `keepPreviousValue`). */
  value?: T;
  /** Whether `value` was loaded for the current key. */
  current?: boolean;
  /** The error of the last load, cleared by the next successful one. */
  error?: Error;
  /** A load is running (the first one or a reload). */
  loading: boolean;
}

/**
 * `load` runs when `key` changes and then every `intervalMs`; nothing runs
 * while `key` is undefined. With `keepPreviousValue`, a new key keeps the
 * last value (with `current: false`) until its own arrives: a table keeps its
 * rows while the next page loads.
 */
export function usePolling<T>(
  load: () => Promise<T>,
  key: string | undefined,
  intervalMs: number | undefined,
  options: { keepPreviousValue?: boolean } = {},
): Polled<T> {
  const keepPreviousValue = options.keepPreviousValue ?? false;
  const [state, setState] = useState<Polled<T>>({ loading: key !== undefined });
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === undefined) {
      setState({ loading: false });
      return undefined;
    }
    // This key's loads; answers arriving after the key changed are dropped.
    const run = { active: true, inFlight: false };
    const reload = async (evenIfHidden = false) => {
      if (run.inFlight) return;
      if (!evenIfHidden && document.visibilityState === 'hidden') return;
      run.inFlight = true;
      setState(s => (s.loading ? s : { ...s, loading: true }));
      try {
        const value = await loadRef.current();
        if (run.active) setState({ value, current: true, loading: false });
      } catch (e) {
        if (run.active) {
          setState(s => ({
            value: s.value,
            current: s.current,
            error: toError(e),
            loading: false,
          }));
        }
      } finally {
        run.inFlight = false;
      }
    };
    setState(s =>
      keepPreviousValue
        ? { value: s.value, current: false, loading: true }
        : { loading: true },
    );
    reload(true);
    const timer = intervalMs
      ? setInterval(() => reload(), intervalMs)
      : undefined;
    let hiddenAt: number | undefined;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt = Date.now();
      } else if (
        intervalMs &&
        hiddenAt !== undefined &&
        Date.now() - hiddenAt >= intervalMs
      ) {
        reload();
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      run.active = false;
      if (timer) clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [key, intervalMs, keepPreviousValue]);

  return state;
}
