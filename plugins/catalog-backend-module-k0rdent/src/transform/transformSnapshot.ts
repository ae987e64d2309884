/*
 * The whole management cluster (full mutations) or one key (delta mutations)
 * to entities.
 */
import type { Entity } from '@backstage/catalog-model';
import type {
  ClusterDeployment,
  ClusterTemplate,
  Credential,
  MultiClusterService,
  Region,
  ServiceTemplate,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type {
  IngestibleKind,
  K0rdentCatalogConfig,
} from '../config/readK0rdentCatalogConfig';
import { clusterDeploymentToEntity } from './clusterDeployment';
import { createContext, ingests, type TransformContext } from './context';
import { credentialToEntity } from './credential';
import { managementClusterToEntity } from './managementCluster';
import { multiClusterServiceToEntity } from './multiClusterService';
import { regionToEntity } from './region';
import {
  KOF_TENANT_KIND,
  MANAGEMENT_CLUSTER_KIND,
  type FleetObjectKey,
  type FleetSnapshot,
  type SnapshotObject,
} from './snapshot';
import { clusterTemplateToEntity, serviceTemplateToEntity } from './templates';
import { hasKofTenant, kofTenantsOf, kofTenantToEntity } from './tenant';

type ObjectTransform = (
  ctx: TransformContext,
  object: SnapshotObject,
) => Entity | undefined;

/** The k0rdent kinds that become Resources, with their mapping. */
const RESOURCE_TRANSFORMS: ReadonlyArray<[IngestibleKind, ObjectTransform]> = [
  [
    'ClusterDeployment',
    (ctx, o) => clusterDeploymentToEntity(ctx, o as ClusterDeployment),
  ],
  [
    'ClusterTemplate',
    (ctx, o) => clusterTemplateToEntity(ctx, o as ClusterTemplate),
  ],
  [
    'ServiceTemplate',
    (ctx, o) => serviceTemplateToEntity(ctx, o as ServiceTemplate),
  ],
  [
    'MultiClusterService',
    (ctx, o) => multiClusterServiceToEntity(ctx, o as MultiClusterService),
  ],
  ['Credential', (ctx, o) => credentialToEntity(ctx, o as Credential)],
  ['Region', (ctx, o) => regionToEntity(ctx, o as Region)],
];

const RESOURCE_TRANSFORM_BY_KIND = new Map<string, ObjectTransform>(
  RESOURCE_TRANSFORMS,
);

/**
 * Every entity of one management cluster, for a full mutation: one Resource per
 * ingested k0rdent object (AccessManagement copies excepted), one System per
 * KOF tenant and the management cluster's Domain, as far as `config.kinds`
 * asks for them.
 *
 * @public
 */
export function transformSnapshot(
  snapshot: FleetSnapshot,
  config: K0rdentCatalogConfig,
): Entity[] {
  const ctx = createContext(snapshot, config);
  const entities: Entity[] = [];
  for (const [kind, transform] of RESOURCE_TRANSFORMS) {
    if (!ingests(ctx, kind)) {
      continue;
    }
    for (const object of snapshot.list(kind)) {
      const entity = transform(ctx, object);
      if (entity) {
        entities.push(entity);
      }
    }
  }
  if (ingests(ctx, 'KofTenant')) {
    for (const tenant of kofTenantsOf(snapshot)) {
      entities.push(kofTenantToEntity(ctx, tenant));
    }
  }
  if (ingests(ctx, 'ManagementCluster')) {
    entities.push(managementClusterToEntity(ctx));
  }
  return entities;
}

/**
 * The entity of one key as the snapshot has it now, for delta mutations.
 *
 * @remarks
 * Undefined means "no entity": the object is gone, is an AccessManagement copy,
 * is of a kind that is not ingested, or the tenant has no cluster left. The
 * provider then removes the entity with the ref from `entityRefOf`.
 *
 * @public
 */
export function transformObject(
  snapshot: FleetSnapshot,
  config: K0rdentCatalogConfig,
  key: FleetObjectKey,
): Entity | undefined {
  const ctx = createContext(snapshot, config);
  if (key.kind === KOF_TENANT_KIND) {
    return ingests(ctx, 'KofTenant') && hasKofTenant(snapshot, key.name)
      ? kofTenantToEntity(ctx, key.name)
      : undefined;
  }
  if (key.kind === MANAGEMENT_CLUSTER_KIND) {
    return ingests(ctx, 'ManagementCluster') &&
      key.name === ctx.managementCluster
      ? managementClusterToEntity(ctx)
      : undefined;
  }
  const transform = RESOURCE_TRANSFORM_BY_KIND.get(key.kind);
  if (!transform || !ingests(ctx, key.kind as IngestibleKind)) {
    return undefined;
  }
  const object = snapshot.get(key.kind, key.namespace, key.name);
  return object ? transform(ctx, object) : undefined;
}
