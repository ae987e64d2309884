/*
 * Test helper: the k0rdent controllers running over a FakeStore on a FakeClock.
 */
import type { KubeObject, ObjectKey, SimController } from '../../store/types';
import { createK0rdentControllers } from '../controllers';
import { FakeClock } from './fakeClock';
import { FakeStore } from './fakeStore';

export interface Harness {
  clock: FakeClock;
  store: FakeStore;
  controllers: SimController[];
  provisioningMillis: number;
  /** Lets the controllers react to everything due now. */
  settle(): void;
  /** Moves time forward (running timers and reconciles on the way). */
  advance(ms: number): void;
  get<T = KubeObject>(
    kind: string,
    name: string,
    namespace?: string,
  ): T | undefined;
  stop(): void;
}

export function startHarness(
  options: {
    objects?: KubeObject[];
    provisioningMillis?: number;
    now?: number;
    /** Time that passes on every clock read (see FakeClock); 0 by default. */
    msPerClockRead?: number;
  } = {},
): Harness {
  const clock = new FakeClock(options.now, {
    msPerRead: options.msPerClockRead,
  });
  const store = new FakeStore(() => clock.now());
  if (options.objects) store.load(options.objects);
  const provisioningMillis = options.provisioningMillis ?? 10_000;
  const controllers = createK0rdentControllers({ clock });
  for (const controller of controllers) {
    controller.start({ store, provisioningMillis, log: () => {} });
  }
  const harness: Harness = {
    clock,
    store,
    controllers,
    provisioningMillis,
    settle: () => clock.flush(),
    advance: ms => clock.advance(ms),
    get: <T>(kind: string, name: string, namespace?: string) =>
      store.get({ kind, name, namespace } as ObjectKey) as T | undefined,
    stop: () => controllers.forEach(c => c.stop()),
  };
  harness.settle();
  return harness;
}
