/*
 * What every mapping function needs besides the object: the snapshot, the config
 * and a few values derived from them once.
 */
import { isTemplateCopy } from '@k0rdent-backstage/plugin-k0rdent-common';
import type {
  IngestibleKind,
  K0rdentCatalogConfig,
} from '../config/readK0rdentCatalogConfig';
import type { FleetSnapshot, SnapshotObject } from './snapshot';

/** Internal: the snapshot and config one transform works with. */
export interface TransformContext {
  snapshot: FleetSnapshot;
  config: K0rdentCatalogConfig;
  /** The management cluster's name (its stable id). */
  managementCluster: string;
}

export function createContext(
  snapshot: FleetSnapshot,
  config: K0rdentCatalogConfig,
): TransformContext {
  return {
    snapshot,
    config,
    managementCluster: snapshot.managementCluster.name,
  };
}

/** Whether entities of this kind are produced (and may be pointed at). */
export function ingests(ctx: TransformContext, kind: IngestibleKind): boolean {
  return ctx.config.kinds.has(kind);
}

/**
 * Whether the object is a copy AccessManagement made outside the system
 * namespace. Copies never become entities: the original in the system namespace
 * stands for them.
 */
export function isCopy(ctx: TransformContext, object: SnapshotObject): boolean {
  return (
    isTemplateCopy(object) &&
    object.metadata.namespace !== ctx.config.systemNamespace
  );
}

/** The string, or undefined when it is not a non-empty string. */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
