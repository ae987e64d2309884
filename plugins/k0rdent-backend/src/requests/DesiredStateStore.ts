/*
 * The desired-state store: every change a user asked for, stored before anything
 * is applied, with its history. The database is the source of truth shared by all
 * backend replicas; every state change is a single conditional UPDATE, so two
 * replicas (or a replica that was presumed dead) can never both win.
 */
import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  DesiredStateAction,
  DesiredStateEvent,
  DesiredStateRequest,
  DesiredStateStatus,
  DesiredStateTarget,
  KubeObject,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

const REQUESTS = 'k0rdent_requests';
const EVENTS = 'k0rdent_request_events';

/** Statuses the reconciler still has work for. */
const OPEN_STATUSES: DesiredStateStatus[] = ['pending', 'applying'];

/** A request as the reconciler sees it. */
export interface StoredRequest {
  id: string;
  action: DesiredStateAction;
  target: DesiredStateTarget;
  manifest: KubeObject;
  /** Field paths (e.g. `.spec.template`) the user explicitly changes: conflicts there may be forced. */
  forceFields: string[];
  requestedBy: string;
  taskId?: string;
  idempotencyKey?: string;
  status: DesiredStateStatus;
  reason?: string;
  attempts: number;
  nextAttemptAt: number;
  leaseOwner?: string;
  leaseExpiresAt?: number;
  appliedGeneration?: number;
  createdAt: number;
  updatedAt: number;
}

/** What is stored for a new request. */
export interface NewRequest {
  action: DesiredStateAction;
  manifest: KubeObject;
  forceFields: string[];
  requestedBy: string;
  taskId?: string;
  idempotencyKey?: string;
}

/** Filter of {@link DesiredStateStore.list}. */
export interface RequestFilter {
  managementCluster?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  status?: DesiredStateStatus[];
  limit?: number;
}

type Row = {
  id: string;
  idempotency_key: string | null;
  action: string;
  management_cluster: string;
  kind: string;
  namespace: string;
  name: string;
  manifest: string;
  force_fields: string;
  requested_by: string;
  task_id: string | null;
  status: string;
  reason: string | null;
  attempts: number | string;
  next_attempt_at: number | string;
  lease_owner: string | null;
  lease_expires_at: number | string | null;
  applied_generation: number | string | null;
  created_at: number | string;
  updated_at: number | string;
};

/** PostgreSQL returns bigint columns as strings. */
function num(value: number | string): number;
function num(value: number | string | null): number | undefined;
function num(value: number | string | null): number | undefined {
  return value === null ? undefined : Number(value);
}

function fromRow(row: Row): StoredRequest {
  return {
    id: row.id,
    action: row.action as DesiredStateAction,
    target: {
      managementCluster: row.management_cluster,
      kind: row.kind as DesiredStateTarget['kind'],
      ...(row.namespace ? { namespace: row.namespace } : {}),
      name: row.name,
    },
    manifest: JSON.parse(row.manifest),
    forceFields: JSON.parse(row.force_fields),
    requestedBy: row.requested_by,
    taskId: row.task_id ?? undefined,
    idempotencyKey: row.idempotency_key ?? undefined,
    status: row.status as DesiredStateStatus,
    reason: row.reason ?? undefined,
    attempts: num(row.attempts),
    nextAttemptAt: num(row.next_attempt_at),
    leaseOwner: row.lease_owner ?? undefined,
    leaseExpiresAt: num(row.lease_expires_at),
    appliedGeneration: num(row.applied_generation),
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
  };
}

function objectWhere(target: DesiredStateTarget) {
  return {
    management_cluster: target.managementCluster,
    kind: target.kind,
    namespace: target.namespace ?? '',
    name: target.name,
  };
}

function latestRow(
  db: Knex,
  target: DesiredStateTarget,
): Promise<Row | undefined> {
  return db<Row>(REQUESTS)
    .where(objectWhere(target))
    .whereNot('status', 'failed')
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .first();
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' || // PostgreSQL unique_violation
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/i.test(e?.message ?? '')
  );
}

/** Reads and writes desired-state requests. */
export class DesiredStateStore {
  readonly #db: Knex;
  readonly #now: () => number;

  /** Opens the plugin's database and brings its schema up to date. */
  static async create(options: {
    database: DatabaseService;
    now?: () => number;
  }): Promise<DesiredStateStore> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await DesiredStateStore.migrate(db);
    }
    return new DesiredStateStore(db, options.now);
  }

  /** Runs the plugin's migrations on a knex client. */
  static async migrate(db: Knex): Promise<void> {
    await db.migrate.latest({
      directory: resolvePackagePath(
        '@k0rdent-backstage/plugin-k0rdent-backend',
        'migrations',
      ),
      tableName: 'k0rdent_knex_migrations',
    });
  }

  constructor(db: Knex, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * Stores a new request, unless one with the same idempotency key exists (then
   * that one is returned, with `created: false`). `compose` builds the request
   * from the latest earlier request for the same object that did not fail, so
   * that each request carries the whole desired state of its object; older
   * requests for the object that were not picked up yet are superseded in the
   * same transaction. `id` is the new request's id, for the manifest's stamp.
   */
  async accept(
    target: DesiredStateTarget,
    compose: (previous: StoredRequest | undefined, id: string) => NewRequest,
    idempotencyKey?: string,
  ): Promise<{ request: StoredRequest; created: boolean }> {
    if (idempotencyKey) {
      const existing = await this.findByIdempotencyKey(idempotencyKey);
      if (existing) return { request: existing, created: false };
    }
    const id = randomUUID();
    try {
      await this.#db.transaction(async tx => {
        const previousRow = await latestRow(tx, target);
        const request = compose(previousRow && fromRow(previousRow), id);
        // Strictly after the previous request for the object, even within one
        // millisecond: the reconciler applies an object's requests in this order.
        const now = this.#now();
        const createdAt = Math.max(
          now,
          previousRow ? num(previousRow.created_at) + 1 : 0,
        );
        await tx(REQUESTS).insert({
          id,
          idempotency_key: idempotencyKey ?? null,
          action: request.action,
          ...objectWhere(target),
          manifest: JSON.stringify(request.manifest),
          force_fields: JSON.stringify(request.forceFields),
          requested_by: request.requestedBy,
          task_id: request.taskId ?? null,
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          created_at: createdAt,
          updated_at: now,
        });
        await tx(EVENTS).insert({
          request_id: id,
          status: 'pending',
          message: `${request.action} requested by ${request.requestedBy}`,
          at: now,
        });
        const superseded = await tx<Row>(REQUESTS)
          .where(objectWhere(target))
          .where('status', 'pending')
          .whereNot('id', id)
          .whereNull('lease_owner')
          .select('id');
        for (const { id: older } of superseded) {
          const changed = await tx(REQUESTS)
            .where({ id: older, status: 'pending' })
            .whereNull('lease_owner')
            .update({
              status: 'superseded',
              reason: `Superseded by request ${id}`,
              updated_at: now,
            });
          if (changed) {
            await tx(EVENTS).insert({
              request_id: older,
              status: 'superseded',
              message: `Superseded by request ${id}, which carries this change too`,
              at: now,
            });
          }
        }
      });
    } catch (error) {
      if (idempotencyKey && isUniqueViolation(error)) {
        // A concurrent call with the same key won the race: return its request.
        const existing = await this.findByIdempotencyKey(idempotencyKey);
        if (existing) return { request: existing, created: false };
      }
      throw error;
    }
    return { request: (await this.find(id))!, created: true };
  }

  /**
   * The latest request for an object that did not fail: the desired state a
   * new request builds on.
   */
  async latestFor(
    target: DesiredStateTarget,
  ): Promise<StoredRequest | undefined> {
    const row = await latestRow(this.#db, target);
    return row && fromRow(row);
  }

  async find(id: string): Promise<StoredRequest | undefined> {
    const row = await this.#db<Row>(REQUESTS).where({ id }).first();
    return row ? fromRow(row) : undefined;
  }

  async findByIdempotencyKey(key: string): Promise<StoredRequest | undefined> {
    const row = await this.#db<Row>(REQUESTS)
      .where({ idempotency_key: key })
      .first();
    return row ? fromRow(row) : undefined;
  }

  /** A request with its history, as the API returns it. */
  async get(id: string): Promise<DesiredStateRequest> {
    const request = await this.find(id);
    if (!request) throw new NotFoundError(`No request with id '${id}'`);
    const [withHistory] = await this.#withHistory([request]);
    return withHistory;
  }

  /** Requests, newest first, with their history. */
  async list(filter: RequestFilter = {}): Promise<DesiredStateRequest[]> {
    const query = this.#db<Row>(REQUESTS)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(Math.min(filter.limit ?? 50, 500));
    if (filter.managementCluster)
      query.where('management_cluster', filter.managementCluster);
    if (filter.kind) query.where('kind', filter.kind);
    if (filter.namespace !== undefined)
      query.where('namespace', filter.namespace);
    if (filter.name) query.where('name', filter.name);
    if (filter.status?.length) query.whereIn('status', filter.status);
    const rows = await query;
    return this.#withHistory(rows.map(fromRow));
  }

  /**
   * Requests the reconciler may work on now: open, due, not leased by a live
   * worker, and not waiting behind an older open request for the same object.
   */
  async due(limit: number): Promise<StoredRequest[]> {
    const now = this.#now();
    const rows = await this.#db<Row>(`${REQUESTS} as r`)
      .select('r.*')
      .whereIn('r.status', OPEN_STATUSES)
      .where('r.next_attempt_at', '<=', now)
      .where(q =>
        q
          .whereNull('r.lease_expires_at')
          .orWhere('r.lease_expires_at', '<', now),
      )
      .whereNotExists(q =>
        q
          .select(this.#db.raw('1'))
          .from(`${REQUESTS} as o`)
          .whereRaw('o.management_cluster = r.management_cluster')
          .whereRaw('o.kind = r.kind')
          .whereRaw('o.namespace = r.namespace')
          .whereRaw('o.name = r.name')
          .whereIn('o.status', OPEN_STATUSES)
          // older: earlier, or (two requests accepted concurrently from the
          // same previous one) as old with a lower id
          .whereRaw(
            '(o.created_at < r.created_at OR (o.created_at = r.created_at AND o.id < r.id))',
          ),
      )
      .orderBy([
        { column: 'r.created_at', order: 'asc' },
        { column: 'r.id', order: 'asc' },
      ])
      .limit(limit);
    return rows.map(fromRow);
  }

  /** When the next open request becomes due, if any is waiting. */
  async nextDueAt(): Promise<number | undefined> {
    const row = await this.#db(REQUESTS)
      .whereIn('status', OPEN_STATUSES)
      .min({ at: 'next_attempt_at' })
      .first();
    return row?.at === null || row?.at === undefined
      ? undefined
      : Number(row.at);
  }

  /**
   * Takes the lease on a request for `leaseMs`. False when another worker holds
   * a live lease or the request is no longer open.
   */
  async claim(id: string, owner: string, leaseMs: number): Promise<boolean> {
    const now = this.#now();
    const changed = await this.#db(REQUESTS)
      .where({ id })
      .whereIn('status', OPEN_STATUSES)
      .where(q =>
        q.whereNull('lease_expires_at').orWhere('lease_expires_at', '<', now),
      )
      .update({
        status: 'applying',
        lease_owner: owner,
        lease_expires_at: now + leaseMs,
        attempts: this.#db.raw('attempts + 1'),
        updated_at: now,
      });
    if (changed) {
      await this.#event(id, 'applying', `Applying (worker ${owner})`, now);
    }
    return changed === 1;
  }

  /** Records that the API server accepted the request. */
  async markApplied(
    id: string,
    owner: string,
    details: { generation?: number; message: string },
  ): Promise<boolean> {
    return this.#finish(id, owner, 'applied', details.message, {
      applied_generation: details.generation ?? null,
      reason: null,
    });
  }

  /** Records a permanent failure; the request is not tried again. */
  async markFailed(
    id: string,
    owner: string,
    reason: string,
  ): Promise<boolean> {
    return this.#finish(id, owner, 'failed', reason, { reason });
  }

  /** Gives the request back for another attempt at `nextAttemptAt`. */
  async retryLater(
    id: string,
    owner: string,
    nextAttemptAt: number,
    reason: string,
  ): Promise<boolean> {
    return this.#finish(id, owner, 'pending', reason, {
      reason,
      next_attempt_at: nextAttemptAt,
    });
  }

  /** Applied requests, whose objects the reconciler watches for readiness. */
  async applied(limit = 500): Promise<StoredRequest[]> {
    const rows = await this.#db<Row>(REQUESTS)
      .where('status', 'applied')
      .orderBy('created_at', 'asc')
      .limit(limit);
    return rows.map(fromRow);
  }

  /** An applied request whose object reached the asked-for state. */
  async markReady(id: string, message: string): Promise<boolean> {
    const now = this.#now();
    const changed = await this.#db(REQUESTS)
      .where({ id, status: 'applied' })
      .update({ status: 'ready', updated_at: now });
    if (changed) await this.#event(id, 'ready', message, now);
    return changed === 1;
  }

  /**
   * Moves a leased request on, only if `owner` still holds the lease: a worker
   * that lost its lease (it was too slow and another took over) writes nothing.
   */
  async #finish(
    id: string,
    owner: string,
    status: DesiredStateStatus,
    message: string,
    extra: Record<string, unknown>,
  ): Promise<boolean> {
    const now = this.#now();
    const changed = await this.#db(REQUESTS)
      .where({ id, status: 'applying', lease_owner: owner })
      .update({
        status,
        lease_owner: null,
        lease_expires_at: null,
        updated_at: now,
        ...extra,
      });
    if (changed) await this.#event(id, status, message, now);
    return changed === 1;
  }

  async #event(
    id: string,
    status: DesiredStateStatus,
    message: string,
    at: number,
  ): Promise<void> {
    await this.#db(EVENTS).insert({ request_id: id, status, message, at });
  }

  async #withHistory(
    requests: StoredRequest[],
  ): Promise<DesiredStateRequest[]> {
    if (requests.length === 0) return [];
    const events = await this.#db(EVENTS)
      .whereIn(
        'request_id',
        requests.map(r => r.id),
      )
      .orderBy('id', 'asc');
    const byRequest = new Map<string, DesiredStateEvent[]>();
    for (const e of events) {
      const list = byRequest.get(e.request_id) ?? [];
      list.push({
        status: e.status,
        at: new Date(Number(e.at)).toISOString(),
        ...(e.message ? { message: e.message } : {}),
      });
      byRequest.set(e.request_id, list);
    }
    return requests.map(r => toWire(r, byRequest.get(r.id) ?? []));
  }
}

/** The API form of a stored request. */
export function toWire(
  request: StoredRequest,
  history: DesiredStateEvent[],
): DesiredStateRequest {
  return {
    id: request.id,
    action: request.action,
    target: request.target,
    status: request.status,
    ...(request.reason ? { reason: request.reason } : {}),
    requestedBy: request.requestedBy,
    requestedAt: new Date(request.createdAt).toISOString(),
    updatedAt: new Date(request.updatedAt).toISOString(),
    ...(request.taskId ? { taskId: request.taskId } : {}),
    ...(request.idempotencyKey
      ? { idempotencyKey: request.idempotencyKey }
      : {}),
    manifest: request.manifest,
    attempts: request.attempts,
    ...(request.status === 'pending' && request.attempts > 0
      ? { nextAttemptAt: new Date(request.nextAttemptAt).toISOString() }
      : {}),
    history,
  };
}
