/*
 * Per-request options for client-node's generated APIs: an abort signal (for
 * timeouts and shutdown) and extra headers, as "append" middleware.
 */
import { Observable } from '@kubernetes/client-node';

/**
 * Options for one call of a client-node API object (CustomObjectsApi …).
 * Middleware of the object-parameter APIs must return client-node Observables.
 */
export function requestOptions(options: {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}): any {
  return {
    middleware: [
      {
        pre: (ctx: any) => {
          if (options.signal) ctx.setSignal(options.signal);
          for (const [key, value] of Object.entries(options.headers ?? {})) {
            ctx.setHeaderParam(key, value);
          }
          return new Observable(Promise.resolve(ctx));
        },
        post: (rsp: any) => new Observable(Promise.resolve(rsp)),
      },
    ],
    middlewareMergeStrategy: 'append',
  };
}

/**
 * Runs `run` with a signal that aborts after `timeoutMs` or when `parent`
 * aborts; the timer and the listener are removed when `run` settles. Tells
 * whether the timeout fired.
 */
export async function withTimeout<T>(
  timeoutMs: number,
  parent: AbortSignal | undefined,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<{ result?: T; error?: unknown; timedOut: boolean }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  if (parent?.aborted) controller.abort();
  parent?.addEventListener('abort', onAbort, { once: true });
  try {
    return { result: await run(controller.signal), timedOut };
  } catch (error) {
    return { error, timedOut };
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onAbort);
  }
}
