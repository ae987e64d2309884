/*
 * Who owns whom, by metadata.ownerReferences, for garbage collection: which objects
 * depend on an owner uid, and whether an owner still exists.
 */
import type { KubeObject } from './types';

export class OwnerIndex {
  /** uid → the object's `kind\0key`. */
  private readonly byUid = new Map<string, string>();
  /** owner uid → dependents' `kind\0key`. */
  private readonly dependents = new Map<string, Set<string>>();

  /** Records a write (`next`) or removal (no `next`) of the object at `fullKey`. */
  update(
    fullKey: string,
    next: KubeObject | undefined,
    previous: KubeObject | undefined,
  ): void {
    const before = ownerUids(previous);
    const after = ownerUids(next);
    for (const uid of before) {
      if (!after.has(uid)) this.dependents.get(uid)?.delete(fullKey);
    }
    for (const uid of after) {
      if (before.has(uid)) continue;
      let set = this.dependents.get(uid);
      if (!set) {
        set = new Set();
        this.dependents.set(uid, set);
      }
      set.add(fullKey);
    }
    if (previous?.metadata.uid && !next)
      this.byUid.delete(previous.metadata.uid);
    if (next?.metadata.uid) this.byUid.set(next.metadata.uid, fullKey);
  }

  /** The dependents of a removed owner, forgotten by the index. */
  takeDependents(ownerUid: string): Set<string> {
    const dependents = this.dependents.get(ownerUid) ?? new Set<string>();
    this.dependents.delete(ownerUid);
    return dependents;
  }

  /** Whether any owner of the object still exists. */
  hasLivingOwner(object: KubeObject): boolean {
    return [...ownerUids(object)].some(uid => this.byUid.has(uid));
  }
}

export function ownerUids(object: KubeObject | undefined): Set<string> {
  const uids = new Set<string>();
  for (const reference of object?.metadata.ownerReferences ?? []) {
    if (typeof reference.uid === 'string') uids.add(reference.uid);
  }
  return uids;
}
