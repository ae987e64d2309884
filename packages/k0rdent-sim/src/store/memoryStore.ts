/*
 * The simulator's storage: every object in memory, one table per kind, a global
 * resourceVersion counter and a bounded history of changes for watches. It follows
 * the API server's object rules (uid, generation, status isolation, finalizers,
 * namespace lifecycle, owner-reference garbage collection) so that the HTTP layer
 * and the simulated controllers see the same behaviour as on a real cluster.
 *
 * Stored objects are frozen and never change; a write stores a new object. Methods
 * of the `ObjectStore` contract hand out mutable copies; the `peek`/`scan` methods
 * used by the HTTP layer hand out the frozen originals (cheap, read-only).
 */
import type { KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  SimApiError,
  alreadyExists,
  badRequest,
  expired,
  forbidden,
  namespaceNotFound,
  notFound,
  qualifiedResource,
  tooOldResourceVersion,
} from '../errors';
import { EventHistory } from './eventHistory';
import { cloneJson, deepFreeze, isJsonObject, thaw } from './json';
import { KindTable, compareKeys, objectKeyOf } from './kindTable';
import { parseLabelSelector } from './labelSelector';
import {
  checkPreconditions,
  markedForDeletion,
  prepareCreatedObject,
  prepareUpdatedObject,
  requireKind,
  sameStoredContent,
} from './objectRules';
import { OwnerIndex } from './ownerIndex';
import type {
  KubeObject,
  ObjectKey,
  ObjectStore,
  StoreEvent,
  WatchEventType,
} from './types';

export { kubeTimestamp, requireKind } from './objectRules';

export interface MemoryObjectStoreOptions {
  /** How many recent changes watches can resume from (default 10,000). */
  historySize?: number;
  /** The clock for creation and deletion timestamps. */
  now?: () => Date;
  /** Called when a subscriber throws; the default writes to stderr. */
  onListenerError?: (error: unknown) => void;
}

export interface StoreWriteOptions {
  /** Check and return the would-be result without storing it (`?dryRun=All`). */
  dryRun?: boolean;
}

export interface StoreCreateOptions extends StoreWriteOptions {
  /** Drop `status` for kinds with a status subresource, as creates over the API do. */
  dropStatus?: boolean;
  /**
   * Keep a given `creationTimestamp` (seeds create objects "days ago"); creates over
   * the API always get the current time.
   */
  keepCreationTimestamp?: boolean;
  /**
   * Keep a given `deletionTimestamp` (seeds load objects in the middle of their
   * deletion); the API server ignores it on create, and so do `create` and API creates.
   */
  keepDeletionTimestamp?: boolean;
}

export interface StoreUpdateOptions extends StoreWriteOptions {
  /** 'status' writes only `status` (the `/status` subresource); otherwise all but status. */
  subresource?: 'status';
}

export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';

export interface StoreDeleteOptions extends StoreWriteOptions {
  preconditions?: { uid?: string; resourceVersion?: string };
  /** What happens to dependents (by ownerReferences); Foreground acts as Background. */
  propagationPolicy?: PropagationPolicy;
}

export interface DeleteResult {
  /** The object as last stored (or as it would be, on a dry run). */
  object: KubeObject;
  /** True when gone; false when it waits for finalizers (deletionTimestamp set). */
  removed: boolean;
}

const DEFAULT_HISTORY_SIZE = 10_000;

export class MemoryObjectStore implements ObjectStore {
  private readonly tables = new Map<string, KindTable>();
  private readonly history: EventHistory;
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private readonly pendingEvents: StoreEvent[] = [];
  private emitting = false;
  private resourceVersion = 0;
  /** Objects per namespace across kinds, to finish namespace deletion. */
  private readonly namespaceCounts = new Map<string, number>();
  private readonly owners = new OwnerIndex();
  private readonly now: () => Date;
  private readonly onListenerError: (error: unknown) => void;

  constructor(options: MemoryObjectStoreOptions = {}) {
    this.history = new EventHistory(
      options.historySize ?? DEFAULT_HISTORY_SIZE,
    );
    this.now = options.now ?? (() => new Date());
    this.onListenerError =
      options.onListenerError ??
      (error =>
        process.stderr.write(
          `[k0rdent-sim] store listener failed: ${String(error)}\n`,
        ));
  }

  // ---- ObjectStore contract (mutable copies in and out) ----

  get(key: ObjectKey): KubeObject | undefined {
    const object = this.peek(key);
    return object && thaw(object);
  }

  /**
   * Copies of the objects (parsing ~1 KB objects costs about 10 ms per thousand);
   * read-only loops over many objects can use `scan` instead.
   */
  list(
    kind: string,
    options: { namespace?: string; labelSelector?: string } = {},
  ): KubeObject[] {
    const selector = parseLabelSelector(options.labelSelector);
    return this.scan(kind, options.namespace)
      .filter(object => selector.matches(object.metadata.labels))
      .map(object => thaw(object));
  }

  /** Creates (trusted: status and a given creationTimestamp are kept). */
  create(object: KubeObject): KubeObject {
    return thaw(this.createObject(object, { keepCreationTimestamp: true }));
  }

  /**
   * Loads a seed, in order: like `create`, and objects seeded in the middle of their
   * deletion keep their deletionTimestamp (their finalizers still hold them).
   */
  load(objects: readonly KubeObject[]): void {
    for (const object of objects) {
      this.createObject(object, {
        keepCreationTimestamp: true,
        keepDeletionTimestamp: true,
      });
    }
  }

  update(object: KubeObject): KubeObject {
    return thaw(this.updateObject(object));
  }

  updateStatus(
    key: ObjectKey,
    mutate: (
      status: Record<string, any>,
      object: KubeObject,
    ) => Record<string, any>,
  ): KubeObject {
    const current = this.peek(key);
    if (!current) throw notFound(requireKind(key.kind), key.name);
    const status = isJsonObject(current.status) ? thaw(current.status) : {};
    const next = thaw(current);
    next.status = mutate(status, thaw(current));
    return thaw(this.updateObject(next, { subresource: 'status' }));
  }

  delete(key: ObjectKey): KubeObject | undefined {
    if (!this.peek(key)) return undefined;
    return thaw(this.deleteObject(key).object);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  // ---- Reads for the API server (frozen originals) ----

  /** The latest resourceVersion handed out (0 before the first write). */
  get currentResourceVersion(): number {
    return this.resourceVersion;
  }

  /** The stored object itself; frozen, do not change it. */
  peek(key: ObjectKey): KubeObject | undefined {
    const info = requireKind(key.kind);
    return this.tables
      .get(info.kind)
      ?.get(objectKeyOf(info.namespaced ? key.namespace : undefined, key.name));
  }

  /** Stored objects of a kind in namespace/name order, optionally after a key. */
  scan(kind: string, namespace?: string, afterKey?: string): KubeObject[] {
    const info = requireKind(kind);
    const table = this.tables.get(info.kind);
    if (!table) return [];
    return table.list(info.namespaced ? namespace : undefined, afterKey);
  }

  /**
   * The objects of a kind as they were at `resourceVersion` (for list continue
   * tokens), rebuilt from the current state by undoing later changes. Throws 410
   * when the history no longer reaches back that far.
   */
  scanAt(
    kind: string,
    resourceVersion: number,
    namespace?: string,
    afterKey?: string,
  ): KubeObject[] {
    if (resourceVersion >= this.resourceVersion) {
      return this.scan(kind, namespace, afterKey);
    }
    if (!this.history.covers(resourceVersion)) {
      throw expired(
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
      );
    }
    const info = requireKind(kind);
    const inScope = (object: KubeObject) =>
      !info.namespaced ||
      namespace === undefined ||
      object.metadata.namespace === namespace;
    const snapshot = new Map<string, KubeObject>();
    for (const object of this.scan(kind, namespace)) {
      snapshot.set(keyOfObject(info, object), object);
    }
    const later = this.history.since(resourceVersion);
    for (let index = later.length - 1; index >= 0; index--) {
      const { event } = later[index];
      if (event.kind.kind !== info.kind || !inScope(event.object)) continue;
      const key = keyOfObject(info, event.object);
      if (event.type === 'ADDED') snapshot.delete(key);
      else snapshot.set(key, event.previous ?? event.object);
    }
    return [...snapshot.keys()]
      .filter(key => afterKey === undefined || key > afterKey)
      .sort(compareKeys)
      .map(key => snapshot.get(key)!);
  }

  /** Changes after `resourceVersion`, oldest first; 410 Expired when too old. */
  eventsSince(resourceVersion: number): StoreEvent[] {
    if (!this.history.covers(resourceVersion)) {
      throw tooOldResourceVersion(
        resourceVersion,
        this.history.oldestResumable,
      );
    }
    return this.history.since(resourceVersion).map(entry => entry.event);
  }

  /** Forgets the change history: watches and continue tokens from before now get 410. */
  compact(): void {
    this.history.compact(this.resourceVersion);
  }

  // ---- Writes with options (the contract methods call these) ----

  /** The object as a create would store it, without a resourceVersion (see `prepareCreatedObject`). */
  prepareCreate(
    input: KubeObject,
    options: StoreCreateOptions = {},
  ): KubeObject {
    return prepareCreatedObject(input, { ...options, now: this.now() });
  }

  /** Creates; throws AlreadyExists, 404 for a missing namespace, 403 when it is terminating. */
  createObject(
    input: KubeObject,
    options: StoreCreateOptions = {},
  ): KubeObject {
    const info = requireKind(input.kind);
    const table = this.table(info);
    let object = this.prepareCreate(input, options);
    // A generated name may collide; draw again a few times like the real server.
    for (let attempt = 0; table.get(keyOfObject(info, object)); attempt++) {
      if (
        !input.metadata?.generateName ||
        input.metadata.name ||
        attempt >= 5
      ) {
        throw alreadyExists(info, object.metadata.name);
      }
      object = this.prepareCreate(input, options);
    }
    return this.commitCreate(object, options);
  }

  /**
   * Stores an object made by `prepareCreate` (and perhaps changed by admission):
   * throws AlreadyExists, 404 for a missing namespace, 403 when it is terminating.
   */
  commitCreate(
    prepared: KubeObject,
    options: StoreWriteOptions = {},
  ): KubeObject {
    const info = requireKind(prepared.kind);
    const object = cloneJson(prepared);
    if (this.table(info).get(keyOfObject(info, object))) {
      throw alreadyExists(info, object.metadata.name);
    }
    if (info.namespaced) this.checkNamespaceOpen(info, object);
    if (options.dryRun) return deepFreeze(object);
    return this.store(info, object, undefined, 'ADDED');
  }

  /**
   * The object as an update would store it (see `prepareUpdatedObject`): checks the
   * resourceVersion precondition and finalizer rules.
   */
  prepareUpdate(
    input: KubeObject,
    current: KubeObject,
    options: StoreUpdateOptions = {},
  ): KubeObject {
    return prepareUpdatedObject(input, current, options.subresource);
  }

  /**
   * Updates the main resource (or `status`); throws NotFound and Conflict. Nothing is
   * written (and no event sent) when nothing changed. Removing the last finalizer of
   * an object being deleted deletes it.
   */
  updateObject(
    input: KubeObject,
    options: StoreUpdateOptions = {},
  ): KubeObject {
    const info = requireKind(input.kind);
    const name = input.metadata?.name;
    if (!name) throw badRequest('metadata.name is required for an update');
    const table = this.table(info);
    const key = objectKeyOf(
      info.namespaced ? input.metadata.namespace : undefined,
      name,
    );
    const current = table.get(key);
    if (!current) throw notFound(info, name);
    const next = this.prepareUpdate(input, current, options);
    if (sameStoredContent(current, next)) return current;
    if (options.dryRun) return deepFreeze(next);
    const finished =
      next.metadata.deletionTimestamp &&
      !next.metadata.finalizers?.length &&
      !(info.kind === 'Namespace' && (this.namespaceCounts.get(name) ?? 0) > 0);
    if (finished) return this.remove(info, key, next, current, 'Background');
    return this.store(info, next, current, 'MODIFIED');
  }

  /**
   * Deletes: removes the object, or, when it has finalizers, marks it with a
   * deletionTimestamp (once). Deleting a Namespace deletes its contents first.
   */
  deleteObject(key: ObjectKey, options: StoreDeleteOptions = {}): DeleteResult {
    const info = requireKind(key.kind);
    const table = this.table(info);
    const tableKey = objectKeyOf(
      info.namespaced ? key.namespace : undefined,
      key.name,
    );
    const current = table.get(tableKey);
    if (!current) throw notFound(info, key.name);
    checkPreconditions(info, current, options.preconditions);
    const isNamespace = info.kind === 'Namespace';
    const waits =
      Boolean(current.metadata.finalizers?.length) ||
      (isNamespace && (this.namespaceCounts.get(key.name) ?? 0) > 0);
    if (current.metadata.deletionTimestamp) {
      return { object: current, removed: false };
    }
    if (options.dryRun) {
      return {
        object: waits
          ? deepFreeze(markedForDeletion(info, current, this.now()))
          : current,
        removed: !waits,
      };
    }
    if (!waits && !isNamespace) {
      const final = thaw(current);
      return {
        object: this.remove(
          info,
          tableKey,
          final,
          current,
          options.propagationPolicy,
        ),
        removed: true,
      };
    }
    const marked = this.store(
      info,
      markedForDeletion(info, current, this.now()),
      current,
      'MODIFIED',
    );
    if (isNamespace) return this.emptyNamespace(key.name, marked);
    return { object: marked, removed: false };
  }

  // ---- Internals ----

  private table(info: KindInfo): KindTable {
    let table = this.tables.get(info.kind);
    if (!table) {
      table = new KindTable(info);
      this.tables.set(info.kind, table);
    }
    return table;
  }

  private checkNamespaceOpen(info: KindInfo, object: KubeObject): void {
    const namespace = object.metadata.namespace!;
    const owner = this.tables.get('Namespace')?.get(namespace);
    if (!owner) throw namespaceNotFound(namespace);
    if (owner.metadata.deletionTimestamp) {
      const message = `unable to create new content in namespace ${namespace} because it is being terminated`;
      throw forbidden(
        `${qualifiedResource(info)} "${
          object.metadata.name
        }" is forbidden: ${message}`,
        {
          name: object.metadata.name,
          group: info.group || undefined,
          kind: info.plural,
          causes: [
            {
              reason: 'NamespaceTerminating',
              message,
              field: 'metadata.namespace',
            },
          ],
        },
      );
    }
  }

  /** Deletes what is in a terminating namespace, then the namespace once empty. */
  private emptyNamespace(namespace: string, marked: KubeObject): DeleteResult {
    for (const table of this.tables.values()) {
      if (!table.info.namespaced) continue;
      for (const object of table.list(namespace)) {
        if (object.metadata.deletionTimestamp) continue;
        try {
          this.deleteObject({
            kind: table.info.kind,
            namespace,
            name: object.metadata.name,
          });
        } catch (error) {
          // Already gone through garbage collection: nothing to do.
          if (!(error instanceof SimApiError && error.code === 404))
            throw error;
        }
      }
    }
    const removed = this.finishNamespace(namespace);
    return removed
      ? { object: removed, removed: true }
      : {
          object: this.peek({ kind: 'Namespace', name: namespace }) ?? marked,
          removed: false,
        };
  }

  /** Removes a terminating namespace once it is empty and has no finalizers. */
  private finishNamespace(namespace: string): KubeObject | undefined {
    const info = requireKind('Namespace');
    const current = this.tables.get('Namespace')?.get(namespace);
    if (
      !current?.metadata.deletionTimestamp ||
      current.metadata.finalizers?.length ||
      (this.namespaceCounts.get(namespace) ?? 0) > 0
    ) {
      return undefined;
    }
    return this.remove(info, namespace, thaw(current), current, 'Background');
  }

  /** Assigns the next resourceVersion, stores, indexes and announces. */
  private store(
    info: KindInfo,
    next: KubeObject,
    previous: KubeObject | undefined,
    type: WatchEventType,
  ): KubeObject {
    next.metadata.resourceVersion = String(++this.resourceVersion);
    const stored = deepFreeze(next);
    const key = keyOfObject(info, stored);
    this.table(info).set(key, stored);
    if (!previous && info.namespaced)
      this.countNamespace(stored.metadata.namespace!, 1);
    this.owners.update(`${info.kind}\0${key}`, stored, previous);
    this.announce({ type, kind: info, object: stored, previous });
    return stored;
  }

  /** Removes for good, announces DELETED, then collects dependents. */
  private remove(
    info: KindInfo,
    key: string,
    final: KubeObject,
    previous: KubeObject,
    propagation: PropagationPolicy = 'Background',
  ): KubeObject {
    final.metadata.resourceVersion = String(++this.resourceVersion);
    const stored = deepFreeze(final);
    this.table(info).remove(key);
    const uid = stored.metadata.uid;
    this.owners.update(`${info.kind}\0${key}`, undefined, previous);
    this.announce({ type: 'DELETED', kind: info, object: stored, previous });
    if (uid) this.collectDependents(uid, propagation);
    if (info.namespaced) {
      const namespace = stored.metadata.namespace!;
      this.countNamespace(namespace, -1);
      this.finishNamespace(namespace);
    }
    return stored;
  }

  private countNamespace(namespace: string, delta: number): void {
    const count = (this.namespaceCounts.get(namespace) ?? 0) + delta;
    if (count > 0) this.namespaceCounts.set(namespace, count);
    else this.namespaceCounts.delete(namespace);
  }

  /** Garbage collection: dependents whose owners are all gone are deleted (or orphaned). */
  private collectDependents(
    ownerUid: string,
    propagation: PropagationPolicy,
  ): void {
    const dependents = this.owners.takeDependents(ownerUid);
    for (const fullKey of dependents) {
      const [kind, key] = fullKey.split('\0');
      const object = this.tables.get(kind)?.get(key);
      if (!object) continue;
      const objectKey = {
        kind,
        namespace: object.metadata.namespace,
        name: object.metadata.name,
      };
      if (propagation === 'Orphan') {
        const next = thaw(object);
        next.metadata.ownerReferences = next.metadata.ownerReferences?.filter(
          reference => reference.uid !== ownerUid,
        );
        if (!next.metadata.ownerReferences?.length)
          delete next.metadata.ownerReferences;
        this.updateObject(next);
        continue;
      }
      if (
        !this.owners.hasLivingOwner(object) &&
        !object.metadata.deletionTimestamp
      ) {
        this.deleteObject(objectKey, { propagationPolicy: propagation });
      }
    }
  }

  /** Records the event, then tells subscribers, strictly in resourceVersion order. */
  private announce(event: StoreEvent): void {
    this.history.append(this.resourceVersion, event);
    this.pendingEvents.push(event);
    if (this.emitting) return; // a listener wrote: its event goes out after this one
    this.emitting = true;
    try {
      for (
        let next = this.pendingEvents.shift();
        next;
        next = this.pendingEvents.shift()
      ) {
        for (const listener of [...this.listeners]) {
          try {
            listener(next);
          } catch (error) {
            this.onListenerError(error);
          }
        }
      }
    } finally {
      this.emitting = false;
    }
  }
}

function keyOfObject(info: KindInfo, object: KubeObject): string {
  return objectKeyOf(
    info.namespaced ? object.metadata.namespace : undefined,
    object.metadata.name,
  );
}
