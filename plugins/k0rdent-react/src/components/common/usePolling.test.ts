import { renderHook, waitFor } from '@testing-library/react';
import { deferred } from '../cluster/__testUtils__/clusterTestUtils';
import { usePolling } from './usePolling';

describe('usePolling', () => {
  it('keeps the value while reloading and next to a failed reload', async () => {
    let answer = () => Promise.resolve('first');
    const { result } = renderHook(() => usePolling(() => answer(), 'a', 20));
    await waitFor(() => expect(result.current.value).toBe('first'));

    answer = () => Promise.reject(new Error('down'));
    await waitFor(() => expect(result.current.error?.message).toBe('down'));
    expect(result.current.value).toBe('first');

    answer = () => Promise.resolve('second');
    await waitFor(() => expect(result.current.value).toBe('second'));
    expect(result.current.error).toBeUndefined();
  });

  it('starts over for a new key and drops the answer for the old one', async () => {
    const old = deferred<string>();
    const answers: Record<string, () => Promise<string>> = {
      a: () => old.promise,
      b: () => Promise.resolve('for b'),
    };
    const { result, rerender } = renderHook(
      ({ key }) => usePolling(() => answers[key](), key, undefined),
      { initialProps: { key: 'a' } },
    );
    expect(result.current.loading).toBe(true);
    rerender({ key: 'b' });
    await waitFor(() => expect(result.current.value).toBe('for b'));
    old.resolve('for a');
    await old.promise;
    expect(result.current.value).toBe('for b');
  });

  it('loads nothing without a key', () => {
    const load = jest.fn(() => Promise.resolve(1));
    const { result } = renderHook(() => usePolling(load, undefined, 10));
    expect(load).not.toHaveBeenCalled();
    expect(result.current).toEqual({ loading: false });
  });

  it('keeps the previous value, marked not current, while a new key loads', async () => {
    const next = deferred<string>();
    const answers: Record<string, () => Promise<string>> = {
      a: () => Promise.resolve('page 1'),
      b: () => next.promise,
    };
    const { result, rerender } = renderHook(
      ({ key }) =>
        usePolling(() => answers[key](), key, undefined, {
          keepPreviousValue: true,
        }),
      { initialProps: { key: 'a' } },
    );
    await waitFor(() => expect(result.current.value).toBe('page 1'));
    expect(result.current.current).toBe(true);
    rerender({ key: 'b' });
    expect(result.current).toMatchObject({
      value: 'page 1',
      current: false,
      loading: true,
    });
    next.resolve('page 2');
    await waitFor(() =>
      expect(result.current).toMatchObject({ value: 'page 2', current: true }),
    );
  });
});
