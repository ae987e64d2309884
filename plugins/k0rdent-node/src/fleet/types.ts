/*
 * What the fleet cache tells its consumers: changes and health.
 */
import { KubeObject } from '../types';

/**
 * A change the cache has applied. Emitted after the cache holds the new state,
 * once per real change: a relist emits only what differs from the cache.
 *
 * @public
 */
export interface FleetChangeEvent {
  type: 'added' | 'modified' | 'deleted';
  /** The management cluster's name. */
  cluster: string;
  kind: string;
  /** The new object; for `deleted`, the last known object. */
  object: KubeObject;
  /** The object before the change (only for `modified`). */
  previous?: KubeObject;
}

/**
 * Receives fleet changes.
 *
 * @public
 */
export type FleetChangeListener = (event: FleetChangeEvent) => void;

/**
 * What a kind's list+watch is doing.
 *
 * - `pending`: not started
 * - `listing`: listing (first time or after 410 Gone)
 * - `watching`: watch open, cache current
 * - `backoff`: waiting to retry after an error
 * - `missing`: the server does not serve the kind (404, e.g. the CRD is not installed); retried slowly
 * - `forbidden`: the credentials may not list or watch the kind (403); retried slowly
 * - `stopped`: the cache was stopped
 *
 * @public
 */
export type FleetKindState =
  | 'pending'
  | 'listing'
  | 'watching'
  | 'backoff'
  | 'missing'
  | 'forbidden'
  | 'stopped';

/**
 * Health of one kind in one management cluster.
 *
 * @public
 */
export interface FleetKindHealth {
  kind: string;
  state: FleetKindState;
  /** Listed at least once, or known to be missing or forbidden. */
  synced: boolean;
  /** Objects in the cache. */
  objects: number;
  /** The last resourceVersion seen (list, event or bookmark). */
  resourceVersion?: string;
  /** When the last complete list finished. */
  lastListAt?: Date;
  /** When the last watch event or bookmark arrived. */
  lastEventAt?: Date;
  /** Sanitized message of the last error (reason, HTTP status, server message). */
  lastError?: string;
  lastErrorAt?: Date;
  /** Failed attempts since the last success. */
  consecutiveFailures: number;
  /** When the next attempt is due, while in `backoff`, `missing` or `forbidden`. */
  retryAt?: Date;
}

/**
 * Health of one management cluster's cache.
 *
 * @public
 */
export interface FleetClusterHealth {
  name: string;
  title: string;
  /** Every kind got an answer from the server and none is failing. */
  connected: boolean;
  /** Every kind was listed at least once (or is known missing or forbidden). */
  synced: boolean;
  /**
   * Set while the cache may be behind the server: since the first failure after
   * the last time everything was current. The data is kept meanwhile.
   */
  staleSince?: Date;
  /** Sanitized message of the most recent error (reason, HTTP status, server message). */
  lastError?: string;
  lastErrorAt?: Date;
  /** The last time the cache was confirmed complete and current (a full sync or a recovery). */
  lastSyncAt?: Date;
  kinds: Record<string, FleetKindHealth>;
}

/**
 * Receives health changes.
 *
 * @public
 */
export type FleetHealthListener = (health: FleetClusterHealth) => void;
