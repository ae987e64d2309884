/*
 * Applies stored requests to the management clusters. The database decides who
 * works on what (a lease per request), so any number of workers — a scheduled
 * global task, a kick after a new request, a second replica — can run at once;
 * server-side apply makes a repeated apply after a crash a no-op, so every
 * accepted request takes effect exactly once.
 */
import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  isReady,
  OBJECT_ANNOTATIONS,
  type KubeObject,
  type WithConditions,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  Backoff,
  KubernetesApiError,
  type K0rdentFleetService,
  type K0rdentKubernetesClient,
  FIELD_MANAGER,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type {
  DesiredStateStore,
  StoredRequest,
} from '../requests/DesiredStateStore';
import type { ReconcilerSettings } from './readReconcilerSettings';

/** The scheduler task id (global scope: one run at a time across replicas). */
export const RECONCILER_TASK_ID = 'k0rdent-reconciler';

/** Not retried: the request cannot succeed as it is. */
class PermanentFailure extends Error {}

/** Points where tests stop a worker the way a crash would. */
export interface ReconcilerHooks {
  /** After the API server accepted a request, before the outcome is recorded. */
  afterApply?(request: StoredRequest): Promise<void>;
}

/** Applies desired-state requests. */
export class Reconciler {
  readonly #store: DesiredStateStore;
  readonly #fleet: K0rdentFleetService;
  readonly #logger: LoggerService;
  readonly #settings: ReconcilerSettings;
  readonly #backoff: Backoff;
  readonly #hooks: ReconcilerHooks;
  /** Identifies this worker in leases and history. */
  readonly workerId: string;
  #running: Promise<void> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #unsubscribe: (() => void) | undefined;

  constructor(options: {
    store: DesiredStateStore;
    fleet: K0rdentFleetService;
    logger: LoggerService;
    settings: ReconcilerSettings;
    hooks?: ReconcilerHooks;
    workerId?: string;
  }) {
    this.#store = options.store;
    this.#fleet = options.fleet;
    this.#logger = options.logger;
    this.#settings = options.settings;
    this.#hooks = options.hooks ?? {};
    this.#backoff = new Backoff({
      initialMs: options.settings.backoffInitialMs,
      maxMs: options.settings.backoffMaxMs,
    });
    this.workerId =
      options.workerId ??
      `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  }

  /**
   * Runs on the scheduler (global scope, every `intervalMs`) as the safety net,
   * and watches the fleet so that applied requests become ready as soon as
   * their objects are.
   */
  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: RECONCILER_TASK_ID,
      scope: 'global',
      frequency: { milliseconds: this.#settings.intervalMs },
      timeout: { minutes: 10 },
      initialDelay: { seconds: 1 },
      fn: () => this.run(),
    });
    this.#unsubscribe = this.#fleet.subscribe(event => {
      if (
        event.kind === 'ClusterDeployment' ||
        event.kind === 'MultiClusterService'
      ) {
        this.#soon(500);
      }
    });
  }

  /** Starts a run now (or right after the current one). */
  kick(): void {
    if (this.#stopped) return;
    void this.run().catch(error =>
      this.#logger.error(`Reconciler run failed: ${error}`),
    );
  }

  /** One run: applies every due request, then checks applied ones for readiness. */
  run(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#drain();
          await this.#checkReadiness();
        } while (this.#again && !this.#stopped);
        await this.#planNextRun();
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }

  /** A run after `ms`, unless one is planned earlier. */
  #soon(ms: number) {
    if (this.#stopped || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.kick();
    }, ms);
    this.#timer.unref?.();
  }

  /** Retries due before the next scheduled run get a run of their own. */
  async #planNextRun() {
    const next = await this.#store.nextDueAt();
    if (next === undefined) return;
    const delay = Math.max(0, next - Date.now());
    if (delay < this.#settings.intervalMs) this.#soon(delay + 10);
  }

  async #drain() {
    const limit = this.#settings.concurrency;
    for (;;) {
      if (this.#stopped) return;
      const due = await this.#store.due(limit * 4);
      if (due.length === 0) return;
      let progressed = false;
      // Requests for different objects in parallel; `due` never returns two
      // open requests for the same object.
      for (let i = 0; i < due.length; i += limit) {
        const results = await Promise.all(
          due.slice(i, i + limit).map(request => this.#process(request)),
        );
        progressed ||= results.some(Boolean);
      }
      if (!progressed) return;
    }
  }

  /** Claims and applies one request; false when another worker had it. */
  async #process(request: StoredRequest): Promise<boolean> {
    const claimed = await this.#store.claim(
      request.id,
      this.workerId,
      this.#settings.leaseMs,
    );
    if (!claimed) return false;
    const attempt = request.attempts + 1;
    const what = `${request.action} ${describe(request)} (request ${
      request.id
    }, attempt ${attempt})`;
    try {
      const message = await this.#apply(request);
      await this.#hooks.afterApply?.(request);
      const recorded = await this.#store.markApplied(
        request.id,
        this.workerId,
        message,
      );
      if (recorded) this.#logger.info(`Applied ${what}: ${message.message}`);
      else
        this.#logger.warn(
          `Applied ${what}, but the lease had passed to another worker, which records the outcome`,
        );
    } catch (error) {
      if (error instanceof PermanentFailure || isPermanent(error)) {
        const reason = (error as Error).message;
        await this.#store.markFailed(request.id, this.workerId, reason);
        this.#logger.warn(`Failed ${what}: ${reason}`);
      } else {
        const delay = Math.max(
          this.#backoff.delayFor(attempt - 1),
          retryAfterMs(error),
        );
        const reason = `${(error as Error).message}; retrying in ${Math.ceil(
          delay / 1000,
        )} s`;
        await this.#store.retryLater(
          request.id,
          this.workerId,
          Date.now() + delay,
          reason,
        );
        this.#logger.info(`Transient error on ${what}: ${reason}`);
      }
    }
    return true;
  }

  async #apply(
    request: StoredRequest,
  ): Promise<{ generation?: number; message: string }> {
    const { target } = request;
    if (!this.#fleet.find(target.managementCluster)) {
      throw new PermanentFailure(
        `Management cluster '${target.managementCluster}' is no longer configured`,
      );
    }
    const client = this.#fleet.client(target.managementCluster);
    if (request.action === 'delete') {
      const existed = await client.delete(
        target.kind,
        target.namespace,
        target.name,
        { propagationPolicy: 'Background' },
      );
      return {
        message: existed
          ? 'Deletion accepted'
          : 'Already gone, nothing to delete',
      };
    }

    // Read from the API server, not the fleet cache: this decides whether the
    // write is allowed (ours to create, still there to change), and the cache
    // may be a moment behind. Writes are rare; this is not a hot path.
    const current = await client.get(
      target.kind,
      target.namespace,
      target.name,
    );
    if (request.action === 'create' && current) {
      const madeBy =
        current.metadata.annotations?.[OBJECT_ANNOTATIONS.requestId];
      if (madeBy !== request.id) {
        throw new PermanentFailure(
          `${describe(
            request,
          )} already exists and was not created by this request`,
        );
      }
    }
    if (
      (request.action === 'upgrade' || request.action === 'update-services') &&
      !current
    ) {
      throw new PermanentFailure(`${describe(request)} no longer exists`);
    }
    if (current?.metadata.deletionTimestamp) {
      throw new PermanentFailure(`${describe(request)} is being deleted`);
    }

    const applied = await this.#applyOwnFields(client, request);
    return {
      generation: applied.metadata.generation,
      message: `Accepted by the API server (generation ${
        applied.metadata.generation ?? '?'
      })`,
    };
  }

  /**
   * Server-side apply without force; a conflict is forced only when every
   * conflicting field is one the user explicitly asked to change (the upgrade's
   * template, the services they replaced). Anything else another manager owns
   * is left alone and the request fails, naming the fields.
   */
  async #applyOwnFields(
    client: K0rdentKubernetesClient,
    request: StoredRequest,
  ): Promise<KubeObject> {
    try {
      return await client.apply(request.manifest, {
        fieldManager: FIELD_MANAGER,
      });
    } catch (error) {
      if (!(error instanceof KubernetesApiError) || error.code !== 409) {
        throw error;
      }
      const fields = error.causes
        .filter(c => c.reason === 'FieldManagerConflict')
        .map(c => c.field ?? '');
      const forceable =
        fields.length > 0 &&
        fields.every(field =>
          request.forceFields.some(allowed => within(field, allowed)),
        );
      if (!forceable) {
        throw new PermanentFailure(
          `Another field manager owns fields this request would change, so it was not forced: ${error.message}`,
        );
      }
      this.#logger.info(
        `Taking over ${fields.join(', ')} of ${describe(
          request,
        )} from another field manager, as request ${request.id} asked`,
      );
      return client.apply(request.manifest, {
        fieldManager: FIELD_MANAGER,
        force: true,
      });
    }
  }

  /** Applied requests whose objects are now as asked become `ready`. */
  async #checkReadiness() {
    const applied = await this.#store.applied();
    for (const request of applied) {
      const cache = this.#fleet.find(request.target.managementCluster);
      const health = cache?.health();
      if (!cache || !health?.synced || health.staleSince) continue;
      const object = cache.get(
        request.target.kind,
        request.target.namespace,
        request.target.name,
      );
      if (request.action === 'delete') {
        if (!object) await this.#store.markReady(request.id, 'Deleted');
        continue;
      }
      if (object && isReadyAtGeneration(object, request.appliedGeneration)) {
        await this.#store.markReady(
          request.id,
          `${describe(request)} is Ready`,
        );
      }
    }
  }
}

function describe(request: StoredRequest): string {
  const { target } = request;
  return `${target.kind} ${target.namespace ? `${target.namespace}/` : ''}${
    target.name
  } on ${target.managementCluster}`;
}

/** `.spec.template` is within `.spec`; `.spec.templateX` is not. */
function within(field: string, prefix: string): boolean {
  return (
    field === prefix ||
    field.startsWith(prefix.endsWith('/') ? prefix : `${prefix}.`) ||
    field.startsWith(`${prefix}[`)
  );
}

function isPermanent(error: unknown): boolean {
  return error instanceof KubernetesApiError && !error.retryable;
}

function retryAfterMs(error: unknown): number {
  return error instanceof KubernetesApiError && error.retryAfterSeconds
    ? error.retryAfterSeconds * 1000
    : 0;
}

function isReadyAtGeneration(
  object: KubeObject,
  generation: number | undefined,
): boolean {
  const status = object.status as { observedGeneration?: number } | undefined;
  if (
    generation !== undefined &&
    status?.observedGeneration !== undefined &&
    status.observedGeneration < generation
  ) {
    return false;
  }
  return isReady(object as WithConditions);
}
