/*
 * The in-memory store behind a fleet cache: kind → `namespace/name` → object, with a
 * per-namespace map and secondary indexes kept up to date on every change.
 */
import { objectKey } from '../kubernetes/paths';
import { KubeObject } from '../types';
import { LabelSelector, parseLabelSelector } from './labelSelector';

/**
 * A secondary index over one kind: every object is filed under the values the
 * function returns (none, one or several).
 *
 * @public
 */
export interface FleetIndexDefinition {
  kind: string;
  /** Unique per kind, e.g. `template`. */
  name: string;
  values(object: KubeObject): string | string[] | undefined;
}

/**
 * A change applied to the store.
 *
 * @public
 */
export interface ObjectChange {
  type: 'added' | 'modified' | 'deleted';
  object: KubeObject;
  /** The object before the change (absent for `added`). */
  previous?: KubeObject;
}

/**
 * Options of a list query.
 *
 * @public
 */
export interface FleetListOptions {
  /** Only objects in this namespace (ignored for cluster-scoped kinds' objects). */
  namespace?: string;
  labelSelector?: LabelSelector;
}

interface IndexState {
  def: FleetIndexDefinition;
  byValue: Map<string, Map<string, KubeObject>>;
}

class KindStore {
  readonly objects = new Map<string, KubeObject>();
  readonly byNamespace = new Map<string, Map<string, KubeObject>>();
  readonly indexes = new Map<string, IndexState>();
}

function valuesOf(def: FleetIndexDefinition, object: KubeObject): string[] {
  let values: string | string[] | undefined;
  try {
    values = def.values(object);
  } catch {
    return [];
  }
  if (values === undefined) return [];
  return Array.isArray(values) ? values : [values];
}

/**
 * Kind → key → object with O(1) get, list by kind (optionally namespace and label
 * selector) and secondary indexes.
 *
 * @public
 */
export class ObjectIndex {
  readonly #kinds = new Map<string, KindStore>();
  readonly #definitions: FleetIndexDefinition[];

  constructor(indexes: FleetIndexDefinition[] = []) {
    const seen = new Set<string>();
    for (const def of indexes) {
      const id = `${def.kind}/${def.name}`;
      if (seen.has(id)) {
        throw new Error(`Duplicate fleet index '${def.name}' for ${def.kind}`);
      }
      seen.add(id);
    }
    this.#definitions = indexes;
  }

  #store(kind: string): KindStore {
    let store = this.#kinds.get(kind);
    if (!store) {
      store = new KindStore();
      for (const def of this.#definitions) {
        if (def.kind === kind) {
          store.indexes.set(def.name, { def, byValue: new Map() });
        }
      }
      this.#kinds.set(kind, store);
    }
    return store;
  }

  get(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    return this.#kinds.get(kind)?.objects.get(objectKey(namespace, name));
  }

  count(kind: string): number {
    return this.#kinds.get(kind)?.objects.size ?? 0;
  }

  list(kind: string, options: FleetListOptions = {}): KubeObject[] {
    const store = this.#kinds.get(kind);
    if (!store) return [];
    const source =
      options.namespace !== undefined
        ? store.byNamespace.get(options.namespace)
        : store.objects;
    if (!source) return [];
    if (options.labelSelector === undefined) {
      return Array.from(source.values());
    }
    const selector = parseLabelSelector(options.labelSelector);
    const result: KubeObject[] = [];
    for (const object of source.values()) {
      if (selector.matches(object.metadata.labels)) result.push(object);
    }
    return result;
  }

  /** Objects of a kind filed under `value` in index `index`. */
  byIndex(kind: string, index: string, value: string): KubeObject[] {
    const state = this.#indexState(kind, index);
    const hits = state?.byValue.get(value);
    return hits ? Array.from(hits.values()) : [];
  }

  /** The distinct values of an index, with how many objects each has. */
  indexValues(kind: string, index: string): Map<string, number> {
    const state = this.#indexState(kind, index);
    const result = new Map<string, number>();
    if (state) {
      for (const [value, hits] of state.byValue) result.set(value, hits.size);
    }
    return result;
  }

  #indexState(kind: string, index: string): IndexState | undefined {
    const store = this.#kinds.get(kind);
    const state = store?.indexes.get(index);
    if (
      !state &&
      !this.#definitions.some(d => d.kind === kind && d.name === index)
    ) {
      throw new Error(`Unknown fleet index '${index}' for ${kind}`);
    }
    return state;
  }

  /**
   * Stores an object. Returns the change, or undefined when the stored object
   * already has the same resourceVersion.
   */
  upsert(kind: string, object: KubeObject): ObjectChange | undefined {
    const store = this.#store(kind);
    const key = objectKey(object.metadata.namespace, object.metadata.name);
    const previous = store.objects.get(key);
    if (
      previous &&
      previous.metadata.resourceVersion !== undefined &&
      previous.metadata.resourceVersion === object.metadata.resourceVersion
    ) {
      return undefined;
    }
    store.objects.set(key, object);
    const ns = object.metadata.namespace ?? '';
    let nsMap = store.byNamespace.get(ns);
    if (!nsMap) {
      nsMap = new Map();
      store.byNamespace.set(ns, nsMap);
    }
    nsMap.set(key, object);
    for (const state of store.indexes.values()) {
      if (previous) this.#unindex(state, key, previous);
      for (const value of valuesOf(state.def, object)) {
        let hits = state.byValue.get(value);
        if (!hits) {
          hits = new Map();
          state.byValue.set(value, hits);
        }
        hits.set(key, object);
      }
    }
    return previous
      ? { type: 'modified', object, previous }
      : { type: 'added', object };
  }

  /** Removes an object; returns the change, or undefined when it was not stored. */
  remove(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): ObjectChange | undefined {
    const store = this.#kinds.get(kind);
    if (!store) return undefined;
    const key = objectKey(namespace, name);
    const previous = store.objects.get(key);
    if (!previous) return undefined;
    store.objects.delete(key);
    const ns = previous.metadata.namespace ?? '';
    const nsMap = store.byNamespace.get(ns);
    nsMap?.delete(key);
    if (nsMap && nsMap.size === 0) store.byNamespace.delete(ns);
    for (const state of store.indexes.values()) {
      this.#unindex(state, key, previous);
    }
    return { type: 'deleted', object: previous };
  }

  #unindex(state: IndexState, key: string, object: KubeObject) {
    for (const value of valuesOf(state.def, object)) {
      const hits = state.byValue.get(value);
      if (hits) {
        hits.delete(key);
        if (hits.size === 0) state.byValue.delete(value);
      }
    }
  }

  /**
   * Makes the stored objects of a kind equal to `objects` (a fresh list from the
   * server) and returns only the real differences: new objects, objects whose
   * resourceVersion changed, and objects that are gone.
   */
  replace(kind: string, objects: KubeObject[]): ObjectChange[] {
    const changes: ObjectChange[] = [];
    const seen = new Set<string>();
    for (const object of objects) {
      seen.add(objectKey(object.metadata.namespace, object.metadata.name));
      const change = this.upsert(kind, object);
      if (change) changes.push(change);
    }
    const store = this.#kinds.get(kind);
    if (store) {
      const gone: KubeObject[] = [];
      for (const [key, object] of store.objects) {
        if (!seen.has(key)) gone.push(object);
      }
      for (const object of gone) {
        const change = this.remove(
          kind,
          object.metadata.namespace,
          object.metadata.name,
        );
        if (change) changes.push(change);
      }
    } else {
      this.#store(kind);
    }
    return changes;
  }

  /** Drops every object of every kind. */
  clear() {
    this.#kinds.clear();
  }
}
