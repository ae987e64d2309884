/*
 * The transform's read-only view, backed by one management cluster's fleet cache.
 */
import type {
  FleetCache,
  FleetClusterHealth,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import type { FleetSnapshot } from '../transform';

/** A live view: reads go to the cache as it is now. */
export function fleetSnapshotOf(
  cache: FleetCache,
  managementCluster: { name: string; title?: string },
  health: FleetClusterHealth = cache.health(),
): FleetSnapshot {
  return {
    managementCluster,
    list: kind => cache.list(kind),
    get: (kind, namespace, name) => cache.get(kind, namespace, name),
    stale: health.staleSince ? { since: health.staleSince } : undefined,
  };
}
