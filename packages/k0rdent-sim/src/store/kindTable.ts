/*
 * The stored objects of one kind, keyed `namespace/name` (or `name` when
 * cluster-scoped). Lists come out in key order, which is the order etcd (and so the
 * real API server) returns them in; the sorted key array is cached until an object
 * is added or removed, so listing 10,000 objects does not sort every time.
 */
import type { KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from './types';

export function objectKeyOf(
  namespace: string | undefined,
  name: string,
): string {
  return namespace ? `${namespace}/${name}` : name;
}

export class KindTable {
  private readonly objects = new Map<string, KubeObject>();
  private sortedKeys: string[] | undefined;

  constructor(readonly info: KindInfo) {}

  get size(): number {
    return this.objects.size;
  }

  get(key: string): KubeObject | undefined {
    return this.objects.get(key);
  }

  set(key: string, object: KubeObject): void {
    if (!this.objects.has(key)) this.sortedKeys = undefined;
    this.objects.set(key, object);
  }

  remove(key: string): void {
    if (this.objects.delete(key)) this.sortedKeys = undefined;
  }

  /** Objects in key order, optionally one namespace's only, starting after a key. */
  list(namespace?: string, afterKey?: string): KubeObject[] {
    const keys = this.keys();
    let start = 0;
    if (namespace !== undefined) {
      start = firstIndexAbove(keys, `${namespace}/`, true);
    }
    if (afterKey !== undefined) {
      start = Math.max(start, firstIndexAbove(keys, afterKey, false));
    }
    const prefix = namespace === undefined ? undefined : `${namespace}/`;
    const result: KubeObject[] = [];
    for (let index = start; index < keys.length; index++) {
      const key = keys[index];
      if (prefix !== undefined && !key.startsWith(prefix)) break;
      result.push(this.objects.get(key)!);
    }
    return result;
  }

  /** Every key and object (unordered), for snapshot reconstruction. */
  entries(): IterableIterator<[string, KubeObject]> {
    return this.objects.entries();
  }

  private keys(): string[] {
    if (!this.sortedKeys) {
      this.sortedKeys = [...this.objects.keys()].sort(compareKeys);
    }
    return this.sortedKeys;
  }
}

/** Byte-wise order, like etcd keys (not locale order). */
export function compareKeys(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** Index of the first key >= bound (inclusive) or > bound (exclusive). */
function firstIndexAbove(
  keys: string[],
  bound: string,
  inclusive: boolean,
): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const before = inclusive ? keys[middle] < bound : keys[middle] <= bound;
    if (before) low = middle + 1;
    else high = middle;
  }
  return low;
}
