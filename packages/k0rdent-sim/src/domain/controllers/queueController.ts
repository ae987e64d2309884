/*
 * The skeleton every simulated controller shares: subscribe to the store, turn events
 * into keys on a work queue, reconcile keys one at a time, resync everything on start
 * (objects loaded before the controller started produce no events), stop cleanly.
 * A reconcile sees one instant: `now` is read once when it starts.
 */
import type {
  ControllerContext,
  SimController,
  StoreEvent,
} from '../../store/types';
import type { Clock } from '../clock';
import { ReconcileQueue } from '../kube/reconcileQueue';

/** `namespace/name`, or `name` for cluster-scoped objects. */
export function objectKeyString(
  namespace: string | undefined,
  name: string,
): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function parseKeyString(key: string): {
  namespace?: string;
  name: string;
} {
  const slash = key.indexOf('/');
  return slash < 0
    ? { name: key }
    : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

export abstract class QueueController implements SimController {
  abstract readonly name: string;
  protected context!: ControllerContext;
  protected queue!: ReconcileQueue;
  private unsubscribe?: () => void;
  /** The instant the running reconcile observes the world at. */
  private reconcileNow: number | undefined;

  constructor(protected readonly clock: Clock) {}

  start(context: ControllerContext): void {
    this.context = context;
    this.queue = new ReconcileQueue(
      this.clock,
      key => this.reconcileAtOneInstant(key),
      message => context.log(`[${this.name}] ${message}`),
    );
    this.unsubscribe = context.store.subscribe(event => this.onEvent(event));
    this.resync();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.queue?.stop();
    this.onStop();
  }

  protected get store() {
    return this.context.store;
  }

  /** The time of the running reconcile (the clock's time outside one). */
  protected get now(): number {
    return this.reconcileNow ?? this.clock.now();
  }

  /** Enqueue the keys an event concerns. Runs inside the store's listener: no writes here. */
  protected abstract onEvent(event: StoreEvent): void;

  /** Enqueue every object the controller owns (called on start). */
  protected abstract resync(): void;

  protected abstract reconcile(key: string): void;

  /** Release timers and memory beyond the queue's. */
  protected onStop(): void {}

  /**
   * A reconcile reads `now` several times: the ClusterDeployment controller resumes a
   * Ready cluster's rollout as just finished at one read and evaluates its stage at an
   * earlier one. On the wall clock the reads can be a millisecond apart, which left
   * the cluster 1 ms short of Ready (Provisioning) with no timer to finish it.
   */
  private reconcileAtOneInstant(key: string): void {
    this.reconcileNow = this.clock.now();
    try {
      this.reconcile(key);
    } finally {
      this.reconcileNow = undefined;
    }
  }
}
