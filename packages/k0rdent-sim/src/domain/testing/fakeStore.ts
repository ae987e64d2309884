/*
 * Test helper: a minimal in-memory ObjectStore honouring the contract in
 * ../../store/types.ts (resourceVersion, generation on spec change, status
 * subresource, finalizers and deletionTimestamp, synchronous events). It is not the
 * simulator's store; it only lets the domain code be tested on its own.
 */
import {
  findKind,
  type KindInfo,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type {
  KubeObject,
  ObjectKey,
  ObjectStore,
  StoreEvent,
} from '../../store/types';
import { toKubeTime } from '../clock';
import { deepEqual } from '../kube/objects';

/** Thrown by the fake store, with the HTTP code the real store would map to. */
export class FakeStoreError extends Error {
  constructor(readonly code: 404 | 409, message: string) {
    super(message);
  }
}

function storageKey(key: ObjectKey): string {
  return `${key.kind}/${key.namespace ?? ''}/${key.name}`;
}

function kindInfo(kind: string): KindInfo {
  const info = findKind(kind);
  if (!info) {
    throw new Error(`fake store: unknown kind ${kind}`);
  }
  return info;
}

/** Everything but metadata and status: what bumps `generation` when it changes. */
function specPart(object: KubeObject): Record<string, unknown> {
  const {
    metadata: _m,
    status: _s,
    apiVersion: _a,
    kind: _k,
    ...rest
  } = object;
  return rest;
}

/** Parses the equality-based label selectors the domain code uses (`a=b,c!=d,e,!f`). */
function matchesSelectorString(
  labels: Record<string, string> | undefined,
  selector: string,
): boolean {
  const actual = labels ?? {};
  return selector
    .split(',')
    .map(term => term.trim())
    .filter(Boolean)
    .every(term => {
      if (term.startsWith('!')) return !(term.slice(1) in actual);
      const notEqual = term.split('!=');
      if (notEqual.length === 2)
        return actual[notEqual[0].trim()] !== notEqual[1].trim();
      const equal = term.split(/==?/);
      if (equal.length === 2)
        return actual[equal[0].trim()] === equal[1].trim();
      return term in actual;
    });
}

export class FakeStore implements ObjectStore {
  private readonly objects = new Map<string, KubeObject>();
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private resourceVersion = 1000;
  private uidCounter = 0;
  /** Every event, in order (for assertions). */
  readonly events: StoreEvent[] = [];

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Loads objects as a seed would (status kept), without recording events. */
  load(objects: KubeObject[]): void {
    for (const object of objects) {
      this.create(object);
    }
    this.events.length = 0;
  }

  get(key: ObjectKey): KubeObject | undefined {
    const found = this.objects.get(storageKey(key));
    return found ? structuredClone(found) : undefined;
  }

  list(
    kind: string,
    options: { namespace?: string; labelSelector?: string } = {},
  ): KubeObject[] {
    const result: KubeObject[] = [];
    for (const object of this.objects.values()) {
      if (object.kind !== kind) continue;
      if (
        options.namespace !== undefined &&
        object.metadata.namespace !== options.namespace
      )
        continue;
      if (
        options.labelSelector &&
        !matchesSelectorString(object.metadata.labels, options.labelSelector)
      )
        continue;
      result.push(structuredClone(object));
    }
    return result;
  }

  create(object: KubeObject): KubeObject {
    const info = kindInfo(object.kind);
    const key = this.keyOf(object, info);
    if (this.objects.has(storageKey(key))) {
      throw new FakeStoreError(
        409,
        `${info.plural} "${key.name}" already exists`,
      );
    }
    const stored = structuredClone(object);
    stored.metadata = {
      ...stored.metadata,
      uid: stored.metadata.uid ?? `uid-${++this.uidCounter}`,
      resourceVersion: String(++this.resourceVersion),
      generation: 1,
      creationTimestamp:
        stored.metadata.creationTimestamp ?? toKubeTime(this.now()),
    };
    this.objects.set(storageKey(key), stored);
    this.emit({ type: 'ADDED', kind: info, object: structuredClone(stored) });
    return structuredClone(stored);
  }

  update(object: KubeObject): KubeObject {
    const info = kindInfo(object.kind);
    const key = this.keyOf(object, info);
    const current = this.objects.get(storageKey(key));
    if (!current) {
      throw new FakeStoreError(404, `${info.plural} "${key.name}" not found`);
    }
    if (
      object.metadata.resourceVersion !== undefined &&
      object.metadata.resourceVersion !== current.metadata.resourceVersion
    ) {
      throw new FakeStoreError(
        409,
        `Operation cannot be fulfilled on ${info.plural} "${key.name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    const next = structuredClone(object);
    const specChanged = !deepEqual(specPart(current), specPart(next));
    next.metadata = {
      ...next.metadata,
      uid: current.metadata.uid,
      creationTimestamp: current.metadata.creationTimestamp,
      deletionTimestamp: current.metadata.deletionTimestamp,
      generation: (current.metadata.generation ?? 1) + (specChanged ? 1 : 0),
      resourceVersion: String(++this.resourceVersion),
    };
    if (info.hasStatus) {
      next.status = structuredClone(current.status);
      if (next.status === undefined) delete next.status;
    }
    if (
      next.metadata.deletionTimestamp &&
      (next.metadata.finalizers ?? []).length === 0
    ) {
      this.objects.delete(storageKey(key));
      this.emit({
        type: 'DELETED',
        kind: info,
        object: structuredClone(next),
        previous: current,
      });
      return structuredClone(next);
    }
    this.objects.set(storageKey(key), next);
    this.emit({
      type: 'MODIFIED',
      kind: info,
      object: structuredClone(next),
      previous: current,
    });
    return structuredClone(next);
  }

  updateStatus(
    key: ObjectKey,
    mutate: (
      status: Record<string, any>,
      object: KubeObject,
    ) => Record<string, any>,
  ): KubeObject {
    const info = kindInfo(key.kind);
    const current = this.objects.get(storageKey(key));
    if (!current) {
      throw new FakeStoreError(404, `${info.plural} "${key.name}" not found`);
    }
    const status = mutate(
      structuredClone((current.status as Record<string, any>) ?? {}),
      structuredClone(current),
    );
    const next: KubeObject = {
      ...structuredClone(current),
      status: structuredClone(status),
      metadata: {
        ...current.metadata,
        resourceVersion: String(++this.resourceVersion),
      },
    };
    this.objects.set(storageKey(key), next);
    this.emit({
      type: 'MODIFIED',
      kind: info,
      object: structuredClone(next),
      previous: current,
    });
    return structuredClone(next);
  }

  delete(key: ObjectKey): KubeObject | undefined {
    const info = kindInfo(key.kind);
    const current = this.objects.get(storageKey(key));
    if (!current) {
      return undefined;
    }
    if ((current.metadata.finalizers ?? []).length > 0) {
      if (current.metadata.deletionTimestamp) {
        return structuredClone(current);
      }
      const next: KubeObject = {
        ...structuredClone(current),
        metadata: {
          ...current.metadata,
          deletionTimestamp: toKubeTime(this.now()),
          resourceVersion: String(++this.resourceVersion),
        },
      };
      this.objects.set(storageKey(key), next);
      this.emit({
        type: 'MODIFIED',
        kind: info,
        object: structuredClone(next),
        previous: current,
      });
      return structuredClone(next);
    }
    this.objects.delete(storageKey(key));
    this.emit({
      type: 'DELETED',
      kind: info,
      object: structuredClone(current),
      previous: current,
    });
    return structuredClone(current);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private keyOf(object: KubeObject, info: KindInfo): ObjectKey {
    return {
      kind: object.kind,
      namespace: info.namespaced ? object.metadata.namespace : undefined,
      name: object.metadata.name,
    };
  }

  private emit(event: StoreEvent): void {
    this.events.push(event);
    for (const listener of [...this.listeners]) {
      listener(event);
    }
  }
}
