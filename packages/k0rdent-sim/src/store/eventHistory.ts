/*
 * The recent changes a watch can resume from: a bounded ring of events in
 * resourceVersion order. A watch (or a list continue token) at a resourceVersion
 * older than the ring covers gets 410 Gone, as after an etcd compaction.
 */
import type { StoreEvent } from './types';

export interface HistoryEntry {
  resourceVersion: number;
  event: StoreEvent;
}

export class EventHistory {
  private readonly ring: Array<HistoryEntry | undefined>;
  private head = 0; // index of the oldest entry
  private size = 0;
  /** Every event with a resourceVersion above this one is still in the ring. */
  private coveredFrom = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new Error(
        `history capacity must be a positive integer, got ${capacity}`,
      );
    }
    this.ring = new Array(capacity);
  }

  append(resourceVersion: number, event: StoreEvent): void {
    if (this.size === this.capacity) {
      this.coveredFrom = this.ring[this.head]!.resourceVersion;
      this.ring[this.head] = { resourceVersion, event };
      this.head = (this.head + 1) % this.capacity;
      return;
    }
    this.ring[(this.head + this.size) % this.capacity] = {
      resourceVersion,
      event,
    };
    this.size++;
  }

  /** The oldest resourceVersion one can still resume after. */
  get oldestResumable(): number {
    return this.coveredFrom;
  }

  /** Whether all events after `resourceVersion` are still known. */
  covers(resourceVersion: number): boolean {
    return resourceVersion >= this.coveredFrom;
  }

  /** Events after `resourceVersion`, oldest first. Check `covers` first. */
  since(resourceVersion: number): HistoryEntry[] {
    // Binary search for the first entry newer than resourceVersion.
    let low = 0;
    let high = this.size;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.at(middle).resourceVersion <= resourceVersion) low = middle + 1;
      else high = middle;
    }
    const entries: HistoryEntry[] = [];
    for (let index = low; index < this.size; index++)
      entries.push(this.at(index));
    return entries;
  }

  /** Forgets everything up to `resourceVersion` (the current one, usually). */
  compact(resourceVersion: number): void {
    this.ring.fill(undefined);
    this.head = 0;
    this.size = 0;
    this.coveredFrom = resourceVersion;
  }

  private at(offset: number): HistoryEntry {
    return this.ring[(this.head + offset) % this.capacity]!;
  }
}
