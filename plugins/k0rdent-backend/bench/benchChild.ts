/*
 * The child side of the fleet API benchmark: a process that starts a backend,
 * tells its parent where it listens, and answers memory questions after a
 * full garbage collection (run with --expose-gc). Shared by the backend with
 * the k0rdent plugin and the empty one, so both are measured the same way.
 */

/** A message from the parent. */
export type ParentMessage = { type: 'memory' } | { type: 'stop' };

/** A message to the parent. */
export type ChildMessage =
  | { type: 'ready'; baseUrl: string; startupMs: number }
  | { type: 'memory'; rss: number; heapUsed: number }
  | { type: 'failed'; message: string };

/** Memory of this process after collecting all garbage. */
export function memoryAfterGc(): { rss: number; heapUsed: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run the benchmark children with --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

/** Starts the backend, reports to the parent and serves its requests until told to stop. */
export function runBenchChild(
  start: () => Promise<{ baseUrl: string; stop(): Promise<void> }>,
): void {
  const send = (message: ChildMessage) => process.send!(message);
  const started = Date.now();
  start().then(
    backend => {
      process.on('message', (message: ParentMessage) => {
        if (message.type === 'memory') {
          send({ type: 'memory', ...memoryAfterGc() });
        } else if (message.type === 'stop') {
          backend.stop().finally(() => process.exit(0));
        }
      });
      send({
        type: 'ready',
        baseUrl: backend.baseUrl,
        startupMs: Date.now() - started,
      });
    },
    error => {
      send({ type: 'failed', message: String(error?.stack ?? error) });
      process.exit(1);
    },
  );
}
